package search

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/idebank/idebank/domain"
)

func TestSearch_EveryWordIsRequiredUnlessNoProposalHasThemAll(t *testing.T) {
	f := newFixture(t)
	ps := f.publish(
		text("Robot til sygedagpenge", "En robot klarer sagerne.", "Sygedagpenge behandles af en robot."),
		text("Robot til regninger", "En robot klarer bogføringen.", "Regninger."),
		text("Sygedagpenge opfølgning", "Hurtigere opfølgning.", "Sygedagpenge følges tæt."),
	)
	if got := ids(f.search("robot sygedagpenge")); !slices.Equal(got, []string{ps[0].ID}) {
		t.Errorf("robot sygedagpenge: %v, want only the proposal with both words %s", got, ps[0].ID)
	}
	// A word the index lacks entirely does not empty the result.
	if got := f.search("robot zyxwvutsr"); got.Total != 2 {
		t.Errorf("robot + an unknown word: total %d, want the 2 robot proposals", got.Total)
	}
	// No proposal holds both words: those holding either are found.
	got := f.search("regninger opfølgning")
	if !slices.Equal(slices.Sorted(slices.Values(ids(got))), sortedProposalIDs(ps[1:])) {
		t.Errorf("regninger opfølgning: %v, want the proposals of either word", ids(got))
	}
}

func TestSearch_LongQueryWithoutAFullMatchFindsItsRarestWords(t *testing.T) {
	f := newFixture(t)
	var rare []*domain.Proposal
	for _, w := range []string{"Akvarium", "Bibliotek", "Cykelsti", "Dyrepark"} {
		rare = append(rare, f.publish(text(w, "Drift.", "Drift af "+strings.ToLower(w)+"."))...)
	}
	for i := range 5 {
		f.publish(text("Kantine "+strconv.Itoa(i), "Drift.", "Kantine."))
	}
	res := f.search("kantine akvarium bibliotek cykelsti dyrepark")
	if !slices.Equal(slices.Sorted(slices.Values(ids(res))), sortedProposalIDs(rare)) {
		t.Errorf("hits %v, want the proposals of the four rarest words only", titles(res))
	}
}

// TestSearch_FacetCountsMatchTheHitsAcrossSegmentsAndChanges publishes in
// several batches (several index segments), then moves and deletes some
// proposals, and checks every facet against the hits themselves.
func TestSearch_FacetCountsMatchTheHitsAcrossSegmentsAndChanges(t *testing.T) {
	f := newFixture(t)
	areas := []string{"skole", "aeldre-og-sundhed", "teknik-og-miljoe", "administration"}
	codes := []string{"101", "851", "250", "751", "461"}
	var all []*domain.Proposal
	for round := range 3 {
		var edits []func(*domain.ProposalInput)
		for i := range 7 {
			n := round*7 + i
			edits = append(edits, func(in *domain.ProposalInput) {
				text("Indkøb nummer "+strconv.Itoa(n), "Fælles indkøb.", "Indkøb og udbud.")(in)
				in.PolicyArea, in.MunicipalityCode = areas[n%len(areas)], codes[n%len(codes)]
				in.BudgetYear = 2020 + n%4
				in.Savings = []domain.Saving{{Year: in.BudgetYear, AmountDKK: 100_000}}
			})
		}
		all = append(all, f.publish(edits...)...)
	}
	ctx := context.Background()
	for _, p := range all[:3] {
		area, code := "kultur-og-fritid", "461"
		if _, err := f.svc.UpdateProposal(ctx, domain.System, p.ID, p.Version, domain.ProposalPatch{PolicyArea: &area, MunicipalityCode: &code}); err != nil {
			t.Fatalf("update: %v", err)
		}
	}
	if err := f.svc.DeleteProposal(ctx, domain.System, all[10].ID, all[10].Version); err != nil {
		t.Fatalf("delete: %v", err)
	}
	f.drain()

	cases := []struct {
		name  string
		q     string
		areas []string
	}{
		{"Text", "indkøb", nil},
		{"NoText", "", nil},
		{"FilteredArea", "indkøb", []string{"skole"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := f.search(c.q, func(r *domain.SearchRequest) { r.PolicyAreas, r.PerPage = c.areas, domain.MaxPerPage })
			if res.Total != len(res.Hits) {
				t.Fatalf("total %d, %d hits on one page", res.Total, len(res.Hits))
			}
			unfiltered := res
			if c.areas != nil {
				unfiltered = f.search(c.q, func(r *domain.SearchRequest) { r.PerPage = domain.MaxPerPage })
			}
			want := map[string]map[string]int{
				"policy_area":  hitCounts(unfiltered, func(h domain.SearchHit) string { return h.PolicyArea }),
				"measure_type": hitCounts(res, func(h domain.SearchHit) string { return h.MeasureType }),
				"region":       hitCounts(res, func(h domain.SearchHit) string { return h.Municipality.Region }),
				"budget_year":  hitCounts(res, func(h domain.SearchHit) string { return strconv.Itoa(h.BudgetYear) }),
				"municipality": hitCounts(res, func(h domain.SearchHit) string { return h.Municipality.Code }),
			}
			for facet, counts := range want {
				got := map[string]int{}
				for _, fc := range res.Facets[facet] {
					got[fc.Value] = fc.Count
				}
				if !maps.Equal(got, counts) {
					t.Errorf("%s facet %v, hits say %v", facet, got, counts)
				}
			}
		})
	}
	if got := f.search("").Total; got != len(all)-1 {
		t.Errorf("total %d, want %d", got, len(all)-1)
	}
}

func hitCounts(res *domain.SearchResult, value func(domain.SearchHit) string) map[string]int {
	out := map[string]int{}
	for _, h := range res.Hits {
		out[value(h)]++
	}
	return out
}
