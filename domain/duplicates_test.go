package domain

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNormalizedWords_DropsStopWordsAndEndings(t *testing.T) {
	got := NormalizedWords("Borgerne i hjemmeplejen får Ruteoptimering, og borgere sparer!")
	want := []string{"borg", "hjemmeplej", "ruteoptimering", "borg", "spar"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("words (-want +got):\n%s", diff)
	}
}

func TestRankDuplicates(t *testing.T) {
	pr := &Proposal{ID: "a", Title: "Ruteoptimering i hjemmeplejen",
		Summary: "Digital ruteplanlægning frigør tid i hjemmeplejen."}
	twin := &Proposal{ID: "b", Title: "Ruteoptimering af hjemmeplejen", BudgetYear: 2022,
		Summary: "Ruteplanlægning med digitalt værktøj frigør tid."}
	near := &Proposal{ID: "c", Title: "Digital planlægning i hjemmeplejen",
		Summary: "Vagtplaner lægges digitalt."}
	other := &Proposal{ID: "d", Title: "LED-belysning på skoler",
		Summary: "Udskiftning af lysarmaturer sparer energi."}
	got := RankDuplicates(pr, []*Proposal{other, near, pr, twin}, 10)
	var ids []string
	for _, c := range got {
		ids = append(ids, c.Proposal.ID)
		if c.Score < MinDuplicateScore || c.Score > 1 {
			t.Errorf("%s: score %v out of range", c.Proposal.ID, c.Score)
		}
	}
	if diff := cmp.Diff([]string{"b", "c"}, ids); diff != "" {
		t.Errorf("ranking (-want +got):\n%s", diff)
	}
	if got := RankDuplicates(pr, []*Proposal{twin, near}, 1); len(got) != 1 {
		t.Errorf("limit 1 gave %d candidates", len(got))
	}
}
