package bench

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/idebank/idebank/domain"
)

var testMunicipalities = []domain.Municipality{
	{Code: "101", Name: "København", Region: "Region Hovedstaden", Population: 659350},
	{Code: "250", Name: "Frederikssund", Region: "Region Hovedstaden", Population: 45700},
	{Code: "851", Name: "Aalborg", Region: "Region Nordjylland", Population: 222000},
}

func testPopulation(code string, year int) (domain.PopulationFigure, error) {
	return domain.PopulationFigure{Code: code, Year: 2024, Population: 50000}, nil
}

func generate(t *testing.T, seed uint64, n int) []*domain.Proposal {
	t.Helper()
	c := NewCorpus(seed, testMunicipalities, testPopulation)
	out := make([]*domain.Proposal, n)
	for i := range out {
		p, err := c.Next()
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		out[i] = p
	}
	return out
}

func TestCorpus_SameSeedSameProposals(t *testing.T) {
	a, b := generate(t, 7, 50), generate(t, 7, 50)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Fatalf("same seed, different corpus (-a +b):\n%s", diff)
	}
	if c := generate(t, 8, 1); c[0].Title == a[0].Title && c[0].Description == a[0].Description {
		t.Errorf("seeds 7 and 8 made the same first proposal")
	}
}

func TestCorpus_ProposalsAreValidAndVaried(t *testing.T) {
	ps := generate(t, 1, 2000)
	areas, types, refs := map[string]int{}, map[string]int{}, map[string]bool{}
	words := map[string]int{}
	for _, p := range ps {
		in := p.Input()
		if err := in.Validate(); err != nil {
			t.Fatalf("proposal %s is invalid: %v", p.Ref, err)
		}
		n := len(strings.Fields(p.Description))
		if n < minDescWords || n > maxDescWords+40 {
			t.Errorf("%s: description of %d words, want %d–%d", p.Ref, n, minDescWords, maxDescWords)
		}
		if refs[p.Ref] {
			t.Errorf("ref %s used twice", p.Ref)
		}
		refs[p.Ref] = true
		if p.PerResidentOre <= 0 || p.FullEffectDKK <= 0 {
			t.Errorf("%s: figures not computed: %+v", p.Ref, p)
		}
		areas[p.PolicyArea]++
		types[p.MeasureType]++
		for _, w := range strings.Fields(strings.ToLower(p.Description)) {
			words[strings.Trim(w, ".,:")]++
		}
	}
	if len(areas) != len(domain.PolicyAreas) || len(types) != len(domain.MeasureTypes) {
		t.Errorf("%d policy areas and %d measure types used, want all %d and %d", len(areas), len(types), len(domain.PolicyAreas), len(domain.MeasureTypes))
	}
	// Zipf-like: a few very common words, a long tail of rare ones.
	rare := 0
	for _, n := range words {
		if n <= 2 {
			rare++
		}
	}
	if words["og"] < 20*words["hjemmeplejeruter"] || rare < len(words)/5 {
		t.Errorf("word frequencies not Zipf-like: og %d, %d of %d words seen at most twice", words["og"], rare, len(words))
	}
}

func TestQueries_FixedListsOfTheRightShape(t *testing.T) {
	q := NewQueries(1, []string{"København", "Aalborg"})
	if diff := cmp.Diff(q, NewQueries(1, []string{"København", "Aalborg"})); diff != "" {
		t.Fatalf("same seed, different queries:\n%s", diff)
	}
	if len(q.Normal) != 200 || len(q.Pathological) < 20 {
		t.Fatalf("%d normal and %d pathological queries, want 200 and at least 20", len(q.Normal), len(q.Pathological))
	}
	for _, s := range append(q.Normal, q.Pathological...) {
		if strings.TrimSpace(s) == "" || utf8.RuneCountInString(s) > domain.MaxQueryLen {
			t.Errorf("query %q is empty or longer than %d characters", s, domain.MaxQueryLen)
		}
	}
	for _, s := range q.Normal {
		if n := len(strings.Fields(s)); n > 4 {
			t.Errorf("normal query %q has %d words, want 1–4", s, n)
		}
	}
}
