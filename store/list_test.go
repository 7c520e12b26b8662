package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

// allStatuses asks for every status, as an editor's list may.
var allStatuses = []domain.Status{
	domain.StatusDraft, domain.StatusSubmitted, domain.StatusPublished,
	domain.StatusRejected, domain.StatusArchived, domain.StatusMerged,
}

// listFixture creates six proposals, one minute apart (A oldest), and
// returns their IDs by letter:
//
//	A 250 Frederikssund  aeldre-og-sundhed digitalisering 2025   900.000 kr. 1941 øre  published 3rd-newest
//	B 101 København      skole             organisering   2026 2.000.000 kr.  303 øre  published newest
//	C 851 Aalborg        skole             indkoeb        2025   500.000 kr.  224 øre  published 2nd-newest
//	D 250 Frederikssund  administration    andet          2025   100.000 kr.  216 øre  draft
//	E 101 København      skole             organisering   2025         0 kr.    0 øre  submitted
//	F 851 Aalborg        administration    andet          2025         0 kr.    0 øre  draft
func listFixture(t *testing.T, db *store.DB) map[string]string {
	t.Helper()
	svc, clock := newService(t, db)
	specs := []struct {
		letter, code, area, measure string
		year                        int
		amount                      int64
	}{
		{"A", "250", "aeldre-og-sundhed", "digitalisering", 2025, 900000},
		{"B", "101", "skole", "organisering", 2026, 2000000},
		{"C", "851", "skole", "indkoeb", 2025, 500000},
		{"D", "250", "administration", "andet", 2025, 100000},
		{"E", "101", "skole", "organisering", 2025, 0},
		{"F", "851", "administration", "andet", 2025, 0},
	}
	ids := map[string]string{}
	prs := map[string]*domain.Proposal{}
	for _, s := range specs {
		clock.Advance(time.Minute)
		in := testutil.ValidProposalInput()
		in.Title = "Forslag " + s.letter
		in.MunicipalityCode, in.PolicyArea, in.MeasureType, in.BudgetYear = s.code, s.area, s.measure, s.year
		in.Savings = []domain.Saving{{Year: s.year, AmountDKK: s.amount}}
		prs[s.letter] = testutil.MustCreateProposal(t, svc, domain.System, in)
		ids[s.letter] = prs[s.letter].ID
	}
	for _, letter := range []string{"A", "C", "B"} {
		clock.Advance(time.Hour)
		testutil.MustPublish(t, svc, prs[letter])
	}
	testutil.MustTransition(t, svc, prs["E"], domain.ActionSubmit, "")
	return ids
}

// letters turns a page into fixture letters, in order.
func letters(ids map[string]string, page *domain.ProposalPage) []string {
	byID := map[string]string{}
	for l, id := range ids {
		byID[id] = l
	}
	out := []string{}
	for _, p := range page.Items {
		out = append(out, byID[p.ID])
	}
	return out
}

func testListFilters(t *testing.T, db *store.DB) {
	ids := listFixture(t, db)
	tests := []struct {
		name   string
		filter domain.ProposalFilter
		want   []string
	}{
		{"NoConditionsListsAllNewestFirst", domain.ProposalFilter{}, []string{"B", "C", "A", "F", "E", "D"}},
		{"PublicOnlyOverridesStatuses", domain.ProposalFilter{Statuses: allStatuses, PublicOnly: true}, []string{"B", "C", "A"}},
		{"Statuses", domain.ProposalFilter{Statuses: []domain.Status{domain.StatusDraft}}, []string{"F", "D"}},
		{"PolicyAreas", domain.ProposalFilter{PolicyAreas: []string{"skole"}}, []string{"B", "C", "E"}},
		{"MeasureTypes", domain.ProposalFilter{MeasureTypes: []string{"organisering", "indkoeb"}, Statuses: []domain.Status{domain.StatusPublished}}, []string{"B", "C"}},
		{"MunicipalityCodes", domain.ProposalFilter{MunicipalityCodes: []string{"250"}}, []string{"A", "D"}},
		{"Regions", domain.ProposalFilter{Regions: []string{"Region Nordjylland"}}, []string{"C", "F"}},
		{"BudgetYears", domain.ProposalFilter{BudgetYears: []int{2026}}, []string{"B"}},
		{"ConditionsCombine", domain.ProposalFilter{Regions: []string{"Region Hovedstaden"}, PolicyAreas: []string{"skole"}}, []string{"B", "E"}},
		{"NothingMatches", domain.ProposalFilter{BudgetYears: []int{2030}}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := db.ListProposals(context.Background(), tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if got := letters(ids, page); !slices.Equal(got, tt.want) || page.Total != len(tt.want) {
				t.Fatalf("got %v (total %d), want %v", got, page.Total, tt.want)
			}
			for _, p := range page.Items {
				if p.Municipality.Name == "" || p.Municipality.Region == "" {
					t.Fatalf("proposal %s lacks its municipality's name or region: %+v", p.ID, p.Municipality)
				}
			}
		})
	}
}

func testListPrivateMunicipality(t *testing.T, db *store.DB) {
	ids := listFixture(t, db)
	tests := []struct {
		name   string
		filter domain.ProposalFilter
		want   []string
	}{
		{"OwnUnpublishedAndEveryonesPublished", domain.ProposalFilter{Statuses: allStatuses, PrivateMunicipality: "250"}, []string{"B", "C", "A", "D"}},
		{"OwnDraftsOnly", domain.ProposalFilter{Statuses: []domain.Status{domain.StatusDraft}, PrivateMunicipality: "250"}, []string{"D"}},
		{"OtherMunicipalitysSubmitted", domain.ProposalFilter{Statuses: []domain.Status{domain.StatusDraft, domain.StatusSubmitted}, PrivateMunicipality: "101"}, []string{"E"}},
		{"PublishedOfOthers", domain.ProposalFilter{Statuses: []domain.Status{domain.StatusPublished}, PrivateMunicipality: "851"}, []string{"B", "C", "A"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := db.ListProposals(context.Background(), tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if got := letters(ids, page); !slices.Equal(got, tt.want) || page.Total != len(tt.want) {
				t.Fatalf("got %v (total %d), want %v", got, page.Total, tt.want)
			}
		})
	}
}

func testListSortsAndPages(t *testing.T, db *store.DB) {
	ids := listFixture(t, db)
	// The oldest-first cases leave out E, whose submission may place it in
	// the editor queue's order.
	notSubmitted := []domain.Status{domain.StatusDraft, domain.StatusPublished}
	tests := []struct {
		name      string
		filter    domain.ProposalFilter
		want      []string
		wantPage  int
		wantPer   int
		wantTotal int
	}{
		{"Oldest", domain.ProposalFilter{Sort: domain.SortOldest, Statuses: notSubmitted}, []string{"A", "B", "C", "D", "F"}, 1, domain.DefaultPerPage, 5},
		{"PerResidentTiesByID", domain.ProposalFilter{Sort: domain.SortPerResident}, []string{"A", "B", "C", "D", "E", "F"}, 1, domain.DefaultPerPage, 6},
		{"Savings", domain.ProposalFilter{Sort: domain.SortSavings}, []string{"B", "A", "C", "D", "E", "F"}, 1, domain.DefaultPerPage, 6},
		{"SecondPage", domain.ProposalFilter{Sort: domain.SortSavings, Page: 2, PerPage: 2}, []string{"C", "D"}, 2, 2, 6},
		{"LastPartialPage", domain.ProposalFilter{Sort: domain.SortOldest, Statuses: notSubmitted, Page: 2, PerPage: 3}, []string{"D", "F"}, 2, 3, 5},
		{"PageAfterTheEnd", domain.ProposalFilter{Sort: domain.SortSavings, Page: 4, PerPage: 2}, []string{}, 4, 2, 6},
		{"PerPageCapped", domain.ProposalFilter{PerPage: 1000, PublicOnly: true}, []string{"B", "C", "A"}, 1, domain.MaxPerPage, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := db.ListProposals(context.Background(), tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if got := letters(ids, page); !slices.Equal(got, tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			if page.Page != tt.wantPage || page.PerPage != tt.wantPer || page.Total != tt.wantTotal {
				t.Fatalf("page %d per %d total %d, want %d %d %d", page.Page, page.PerPage, page.Total, tt.wantPage, tt.wantPer, tt.wantTotal)
			}
		})
	}
}
