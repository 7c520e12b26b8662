package search

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
)

// catalogue publishes four proposals that differ in every filterable field.
func catalogue(t *testing.T) (*fixture, []*domain.Proposal) {
	f := newFixture(t)
	mk := func(title, area, code string, year int, amount int64, reduces bool, evidence string) func(*domain.ProposalInput) {
		return func(in *domain.ProposalInput) {
			text(title, "Udbud og indkøb samlet.", "Indkøb.")(in)
			in.PolicyArea, in.MunicipalityCode, in.BudgetYear = area, code, year
			in.Savings = []domain.Saving{{Year: year, AmountDKK: amount}}
			in.ReducesService, in.EvidenceLevel = reduces, evidence
		}
	}
	ps := f.publish(
		mk("Indkøb af skolemælk", "skole", "101", 2024, 5_000_000, false, "decided"),
		mk("Indkøb af hjælpemidler", "aeldre-og-sundhed", "851", 2025, 200_000, true, "estimate"),
		mk("Indkøb af vejsalt", "teknik-og-miljoe", "851", 2025, 900_000, false, "realised"),
		mk("Indkøb af papir", "administration", "250", 2026, 50_000, false, "decided"),
	)
	return f, ps
}

func TestSearch_FiltersAreOrWithinAndAcrossFields(t *testing.T) {
	f, ps := catalogue(t)
	yes, no := true, false
	var min, max int64 = 1000, 100000
	cases := []struct {
		name string
		req  func(*domain.SearchRequest)
		want []*domain.Proposal
	}{
		{"OneArea", func(r *domain.SearchRequest) { r.PolicyAreas = []string{"skole"} }, ps[:1]},
		{"TwoAreasOr", func(r *domain.SearchRequest) { r.PolicyAreas = []string{"skole", "administration"} }, []*domain.Proposal{ps[0], ps[3]}},
		{"MunicipalityAndYear", func(r *domain.SearchRequest) {
			r.MunicipalityCodes, r.BudgetYears = []string{"851"}, []int{2025, 2026}
		}, ps[1:3]},
		{"RegionAndArea", func(r *domain.SearchRequest) {
			r.Regions, r.PolicyAreas = []string{"Region Nordjylland"}, []string{"teknik-og-miljoe"}
		}, ps[2:3]},
		{"ReducesService", func(r *domain.SearchRequest) { r.ReducesService = &yes }, ps[1:2]},
		{"KeepsService", func(r *domain.SearchRequest) { r.ReducesService = &no }, []*domain.Proposal{ps[0], ps[2], ps[3]}},
		{"EvidenceLevel", func(r *domain.SearchRequest) { r.EvidenceLevels = []string{"realised", "estimate"} }, ps[1:3]},
		{"PerResidentRange", func(r *domain.SearchRequest) { r.MinPerResidentOre, r.MaxPerResidentOre = &min, &max }, nil},
		{"NoMatch", func(r *domain.SearchRequest) { r.PolicyAreas, r.MunicipalityCodes = []string{"skole"}, []string{"851"} }, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := f.search("indkøb", c.req, func(r *domain.SearchRequest) { r.Sort = domain.SearchNewest })
			want := c.want
			if c.name == "PerResidentRange" {
				want = inRange(ps, min, max)
			}
			if got := sortedIDs(res); !slices.Equal(got, sortedProposalIDs(want)) {
				t.Errorf("hits %v, want %d proposals", titles(res), len(want))
			}
			if res.Total != len(want) {
				t.Errorf("total %d, want %d", res.Total, len(want))
			}
		})
	}
}

func inRange(ps []*domain.Proposal, lo, hi int64) []*domain.Proposal {
	var out []*domain.Proposal
	for _, p := range ps {
		if p.PerResidentOre >= lo && p.PerResidentOre <= hi {
			out = append(out, p)
		}
	}
	return out
}

func sortedIDs(res *domain.SearchResult) []string {
	out := ids(res)
	slices.Sort(out)
	return out
}

func sortedProposalIDs(ps []*domain.Proposal) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	slices.Sort(out)
	return out
}

func TestSearch_Sorts(t *testing.T) {
	f, ps := catalogue(t)
	byPerResident := slices.Clone(ps)
	slices.SortFunc(byPerResident, func(a, b *domain.Proposal) int { return int(b.PerResidentOre - a.PerResidentOre) })
	cases := []struct {
		sort domain.SearchSort
		want []*domain.Proposal
	}{
		{domain.SearchPerResident, byPerResident},
		{domain.SearchSavings, []*domain.Proposal{ps[0], ps[2], ps[1], ps[3]}},
		{domain.SearchNewest, []*domain.Proposal{ps[3], ps[2], ps[1], ps[0]}},
	}
	for _, c := range cases {
		t.Run(string(c.sort), func(t *testing.T) {
			res := f.search("indkøb", func(r *domain.SearchRequest) { r.Sort = c.sort })
			if got, want := ids(res), proposalIDs(c.want); !slices.Equal(got, want) {
				t.Errorf("order %v", titles(res))
			}
		})
	}
	t.Run("relevance", func(t *testing.T) {
		res := f.search("vejsalt indkøb")
		if res.Hits[0].ID != ps[2].ID {
			t.Errorf("order %v, want vejsalt first", titles(res))
		}
		for i := 1; i < len(res.Hits); i++ {
			a, b := res.Hits[i-1], res.Hits[i]
			if a.Score < b.Score || a.Score == b.Score && a.ID > b.ID {
				t.Errorf("hits %d and %d out of order: %v/%s, %v/%s", i-1, i, a.Score, a.ID, b.Score, b.ID)
			}
		}
	})
	t.Run("adoptions", func(t *testing.T) {
		ctx := context.Background()
		_, staff := testutil.MustCreateUser(t, f.svc, domain.RoleStaff, "147")
		if _, _, err := f.svc.RecordAdoption(ctx, staff, ps[3].ID, "147", domain.AdoptionInput{Status: domain.AdoptionAdopted}); err != nil {
			t.Fatalf("adopt: %v", err)
		}
		f.drain()
		res := f.search("indkøb", func(r *domain.SearchRequest) { r.Sort = domain.SearchAdoptions })
		if res.Hits[0].ID != ps[3].ID || res.Hits[0].AdoptionCount != 1 {
			t.Errorf("order %v, want the adopted proposal first", titles(res))
		}
		res = f.search("", func(r *domain.SearchRequest) { r.AdoptedBy = []string{"147"} })
		if got := ids(res); !slices.Equal(got, []string{ps[3].ID}) {
			t.Errorf("adopted_by=147 found %v", titles(res))
		}
	})
}

func proposalIDs(ps []*domain.Proposal) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

func TestSearch_PagesAreStableAndComplete(t *testing.T) {
	f := newFixture(t)
	var edits []func(*domain.ProposalInput)
	for range 7 {
		edits = append(edits, text("Ens forslag om vikarer", "Vikarer.", "Vikarer."))
	}
	ps := f.publish(edits...)
	var seen []string
	for page := 1; page <= 3; page++ {
		res := f.search("vikarer", func(r *domain.SearchRequest) { r.Page, r.PerPage = page, 3 })
		if res.Total != 7 {
			t.Fatalf("total %d, want 7", res.Total)
		}
		seen = append(seen, ids(res)...)
	}
	slices.Sort(seen)
	if !slices.Equal(seen, sortedProposalIDs(ps)) {
		t.Errorf("pages hold %d distinct proposals, want all 7 once", len(slices.Compact(seen)))
	}
}

func TestSearch_FacetsIgnoreTheirOwnFilter(t *testing.T) {
	f, _ := catalogue(t)
	res := f.search("indkøb", func(r *domain.SearchRequest) {
		r.PolicyAreas = []string{"skole"}
		r.MunicipalityCodes = []string{"101", "851"}
	})
	if res.Total != 1 {
		t.Fatalf("total %d, want 1", res.Total)
	}
	count := func(facet, value string) int {
		for _, c := range res.Facets[facet] {
			if c.Value == value {
				return c.Count
			}
		}
		return 0
	}
	cases := []struct {
		facet, value string
		want         int
	}{
		{"policy_area", "skole", 1},            // other areas within 101/851
		{"policy_area", "teknik-og-miljoe", 1}, // ignores the area filter
		{"policy_area", "administration", 0},   // 250 is filtered out
		{"municipality", "851", 0},             // the area filter applies
		{"municipality", "101", 1},             // ignores the municipality filter
		{"region", "Region Hovedstaden", 1},    // every filter applies
		{"budget_year", "2024", 1},
		{"measure_type", "digitalisering", 1},
	}
	for _, c := range cases {
		if got := count(c.facet, c.value); got != c.want {
			t.Errorf("%s %s: count %d, want %d", c.facet, c.value, got, c.want)
		}
	}
	for _, c := range res.Facets["municipality"] {
		if c.Value == "101" && c.Label != "København" {
			t.Errorf("municipality label %q", c.Label)
		}
	}
	for _, c := range res.Facets["policy_area"] {
		if c.Value == "skole" && c.Label != "Skole" {
			t.Errorf("policy area label %q", c.Label)
		}
	}
	if got := len(res.Facets["policy_area"]); got != 3 {
		t.Errorf("policy_area facet has %d values, want 3 (skole, aeldre, teknik): %v", got, res.Facets["policy_area"])
	}
}

func TestSearch_HighlightsWordsTypedWithoutÆØÅFarIntoTheDescription(t *testing.T) {
	f := newFixture(t)
	for _, filler := range []string{"Fyld. ", "Fyldæ-"} { // windows cut at a space or a hyphen
		f.publish(text("Plan "+filler, "Resumé.", strings.Repeat(filler, 400)+"Ældre borgere får hjælp."))
	}
	res := f.search("aeldre")
	if len(res.Hits) != 2 {
		t.Fatalf("hits %v", titles(res))
	}
	for _, h := range res.Hits {
		if desc := strings.Join(h.Highlights["description"], ""); !strings.Contains(desc, "<mark>Ældre</mark> borgere") {
			t.Errorf("%s: description highlight %q", h.Title, desc)
		}
	}
}

func TestSearch_HighlightsMarkWordsAndEscapeHTML(t *testing.T) {
	f := newFixture(t)
	f.publish(text("Ældre <script>alert(1)</script> borgere", "Resumé.", "Plejen af ældre borgere <b>samles</b>. "+strings.Repeat("Fyld. ", 80)+"Ældre igen."))
	res := f.search("aeldre")
	if len(res.Hits) != 1 {
		t.Fatalf("hits %v", titles(res))
	}
	h := res.Hits[0].Highlights
	title := strings.Join(h["title"], "")
	if !strings.Contains(title, "<mark>Ældre</mark>") || !strings.Contains(title, "&lt;script&gt;") || strings.Contains(title, "<script>") {
		t.Errorf("title highlight %q", title)
	}
	desc := strings.Join(h["description"], "")
	if !strings.Contains(desc, "<mark>ældre</mark>") || strings.Contains(desc, "<b>") {
		t.Errorf("description highlight %q", desc)
	}
	if len(desc) > 400 {
		t.Errorf("description snippet is %d bytes, want a short snippet", len(desc))
	}
}

func TestSimilar_FindsLikeProposalsButNeverItself(t *testing.T) {
	f := newFixture(t)
	ps := f.publish(
		text("Ruteplanlægning i hjemmeplejen", "Digital ruteplanlægning giver kortere køretid.", "Hjemmeplejen planlægger ruter digitalt og sparer køretid."),
		text("Kortere køretid i hjemmeplejen", "Ruterne i hjemmeplejen planlægges digitalt.", "Køretid og ruter."),
		text("Fælles indkøb af papir", "Ét udbud.", "Papir."),
	)
	draft := testutil.MustCreateProposal(t, f.svc, domain.System, func() domain.ProposalInput {
		in := testutil.ValidProposalInput()
		text("Ruteplanlægning i hjemmeplejen, kladde", "Digital ruteplanlægning.", "Hjemmeplejen planlægger ruter.")(&in)
		return in
	}())
	f.drain()
	hits, err := f.svc.Similar(context.Background(), domain.Public, ps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].ID != ps[1].ID {
		t.Fatalf("similar %v, want %q first", hits, ps[1].Title)
	}
	for _, h := range hits {
		if h.ID == ps[0].ID || h.ID == draft.ID {
			t.Errorf("similar holds %q", h.Title)
		}
	}
	if _, err := f.svc.Similar(context.Background(), domain.Public, draft.ID); !domain.IsNotFound(err) {
		t.Errorf("similar of a draft for the public: %v, want not found", err)
	}
}

func TestSearch_DraftsNeverLeak(t *testing.T) {
	f := newFixture(t)
	f.publish(text("Offentligt forslag om skærmbesøg", "Skærm.", "Skærm."))
	in := testutil.ValidProposalInput()
	text("Hemmeligt forslag om zyxwvutkladde", "Kladde.", "zyxwvutkladde status:draft")(&in)
	testutil.MustCreateProposal(t, f.svc, domain.System, in)
	f.drain()
	for _, q := range []string{"zyxwvutkladde", "zyxwvutklade", "status:draft", "draft", "hemmeligt kladde"} {
		if res := f.search(q); res.Total != 0 {
			t.Errorf("%q found %v", q, titles(res))
		}
	}
	if res := f.search(""); res.Total != 1 {
		t.Errorf("empty query total %d, want only the published proposal", res.Total)
	}
}

func TestSearch_QueryTextIsPlainAndHarmless(t *testing.T) {
	f := newFixture(t)
	f.publish(text("Alarm for ældre", "Alarmer.", "Alarmer."))
	var many strings.Builder
	for i := range 2000 {
		many.WriteString("ord")
		many.WriteString(strings.Repeat("x", i%7))
		many.WriteString(" ")
	}
	cases := map[string]string{
		"FieldScope":  "status:draft",
		"Regexp":      "/.*/",
		"Wildcard":    "*a*",
		"FuzzySyntax": "a~2",
		"Boolean":     "+alarm -ældre OR NOT",
		"Quote":       `"unclosed alarm`,
		"ManyTerms":   many.String(),
		"GiantWord":   strings.Repeat("å", 1000),
		"Controls":    "alarm\x00\t\n",
	}
	for name, q := range cases {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			start := time.Now()
			res, err := f.ix.Search(ctx, domain.SearchRequest{Q: q, Page: 1, PerPage: 20, Sort: domain.SearchRelevance})
			if err != nil {
				t.Fatalf("search: %v", err)
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %s", d)
			}
			if res.Total > 1 {
				t.Errorf("total %d", res.Total)
			}
		})
	}
	t.Run("TooLongForTheService", func(t *testing.T) {
		_, err := f.svc.Search(context.Background(), domain.Public, domain.SearchRequest{Q: many.String()})
		var v *domain.ValidationError
		if !errors.As(err, &v) || v.Problems[0].Pointer != "/q" {
			t.Errorf("err %v, want a validation error on /q", err)
		}
	})
}
