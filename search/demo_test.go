package search

import (
	"context"
	"testing"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/demo"
)

// TestDemoData_KeyQueriesFindARelevantProposalFirst seeds the demo data
// (proposals in their demo statuses) and checks that the queries the
// project promises answer with a proposal judged relevant (grade ≥ 2 in the
// judged set) first. "RPA sygedagpenge" must hit one relevant to both words.
func TestDemoData_KeyQueriesFindARelevantProposalFirst(t *testing.T) {
	_, queries := loadJudgedSet(t)
	relevant := func(q string) map[string]bool {
		out := map[string]bool{}
		for _, jq := range queries {
			if jq.Q == q {
				for key, grade := range jq.Judgments {
					if grade >= 2 {
						out[key] = true
					}
				}
			}
		}
		if len(out) == 0 {
			t.Fatalf("no judgments for %q", q)
		}
		return out
	}
	both := map[string]bool{}
	sick := relevant("sygedagpenge sager")
	for key := range relevant("RPA") {
		if sick[key] {
			both[key] = true
		}
	}
	f := newFixture(t)
	ctx := context.Background()
	if _, err := demo.Seed(ctx, f.svc); err != nil {
		t.Fatalf("seed: %v", err)
	}
	if err := f.ix.Reconcile(ctx, f.db, nil); err != nil {
		t.Fatalf("reconcile: %v", err)
	}
	cases := []struct {
		q    string
		want map[string]bool
	}{
		{"hjemmepleje ruter", relevant("hjemmepleje ruter")},
		{"velfærdsteknolgi", relevant("velfærdsteknolgi")},
		{"aeldre", relevant("aeldre")},
		{"RPA sygedagpenge", both},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			res := f.search(c.q)
			if len(res.Hits) == 0 {
				t.Fatal("no hits")
			}
			first, err := f.db.FindProposalByID(ctx, res.Hits[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			if first.Status != domain.StatusPublished || !c.want[first.ExternalKey] {
				t.Errorf("first hit %s %q is not judged relevant", first.ExternalKey, first.Title)
			}
		})
	}
}
