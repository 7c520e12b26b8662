package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

// comparisonProposals publishes four proposals (one lowers the service
// level), leaves one as a draft and soft-deletes a published one:
//
//	frederikssund 250 2025   900.000 kr. / 46.358  = 19,41 kr./indb. (1941 øre)
//	koebenhavn    101 2025 6.593.500     / 659.350 = 10,00
//	ballerup      151 2024   512.370     / 51.237  = 10,00 (realised)
//	greve         253 2025 5.215.700     / 52.157  = 100,00 (reduces service)
type comparisonProposals struct {
	frederikssund, koebenhavn, ballerup, greve *domain.Proposal
}

func mustComparisonProposals(t *testing.T, svc *domain.Service) comparisonProposals {
	t.Helper()
	in := func(code string, year int, full int64) domain.ProposalInput {
		p := testutil.ValidProposalInput()
		p.MunicipalityCode, p.BudgetYear = code, year
		p.Savings = []domain.Saving{{Year: year, AmountDKK: full / 3}, {Year: year + 1, AmountDKK: full}}
		return p
	}
	var c comparisonProposals
	c.frederikssund = testutil.MustCreatePublished(t, svc, in("250", 2025, 900000))
	c.koebenhavn = testutil.MustCreatePublished(t, svc, in("101", 2025, 6593500))
	ballerup := in("151", 2024, 512370)
	ballerup.EvidenceLevel = "realised"
	c.ballerup = testutil.MustCreatePublished(t, svc, ballerup)
	greve := in("253", 2025, 5215700)
	greve.ReducesService = true
	c.greve = testutil.MustCreatePublished(t, svc, greve)
	testutil.MustCreateProposal(t, svc, domain.System, in("101", 2025, 99000000))
	gone := testutil.MustCreatePublished(t, svc, in("101", 2025, 99000000))
	if err := svc.DeleteProposal(context.Background(), domain.System, gone.ID, gone.Version); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestComparisonStore(t *testing.T) {
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		svc, _ := testutil.NewService(t, db)
		c := mustComparisonProposals(t, svc)

		t.Run("PopulationFiguresByCode", func(t *testing.T) {
			figs, err := db.PopulationFigures(ctx)
			if err != nil {
				t.Fatal(err)
			}
			i := slices.IndexFunc(figs, func(f domain.PopulationFigure) bool { return f.Code == "250" })
			sorted := slices.IsSortedFunc(figs, func(a, b domain.PopulationFigure) int { return strings.Compare(a.Code, b.Code) })
			if len(figs) != 98 || !sorted || figs[i] != (domain.PopulationFigure{Code: "250", Year: 2024, Population: 46358}) {
				t.Fatalf("got %d figures (sorted %v), 250: %+v", len(figs), sorted, figs[i])
			}
		})

		t.Run("PublishedTotalsSumPublishedOnly", func(t *testing.T) {
			tests := []struct {
				name string
				q    domain.FigureQuery
				want []domain.MunicipalityTotal
			}{
				{"every budget year", domain.FigureQuery{}, []domain.MunicipalityTotal{
					{Code: "101", ProposalCount: 1, SumPerResidentOre: 1000, TotalDKK: 6593500},
					{Code: "151", ProposalCount: 1, SumPerResidentOre: 1000, TotalDKK: 512370},
					{Code: "250", ProposalCount: 1, SumPerResidentOre: 1941, TotalDKK: 900000},
					{Code: "253", ProposalCount: 1, SumPerResidentOre: 10000, TotalDKK: 5215700},
				}},
				{"one budget year", domain.FigureQuery{BudgetYears: []int{2024}}, []domain.MunicipalityTotal{
					{Code: "151", ProposalCount: 1, SumPerResidentOre: 1000, TotalDKK: 512370},
				}},
				{"without reduced service", domain.FigureQuery{ExcludeReducesService: true, MunicipalityCodes: []string{"250", "253"}},
					[]domain.MunicipalityTotal{{Code: "250", ProposalCount: 1, SumPerResidentOre: 1941, TotalDKK: 900000}}},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					got, err := db.PublishedTotals(ctx, tt.q)
					if err != nil {
						t.Fatal(err)
					}
					slices.SortFunc(got, func(a, b domain.MunicipalityTotal) int { return strings.Compare(a.Code, b.Code) })
					if !slices.Equal(got, tt.want) {
						t.Fatalf("got %+v, want %+v", got, tt.want)
					}
				})
			}
		})

		t.Run("TopProposalsByPerResidentThenID", func(t *testing.T) {
			tie := []string{c.koebenhavn.ID, c.ballerup.ID}
			slices.Sort(tie)
			tests := []struct {
				name string
				q    domain.FigureQuery
				want []string
			}{
				{"all", domain.FigureQuery{Limit: 10}, []string{c.greve.ID, c.frederikssund.ID, tie[0], tie[1]}},
				{"without reduced service", domain.FigureQuery{Limit: 10, ExcludeReducesService: true}, []string{c.frederikssund.ID, tie[0], tie[1]}},
				{"limit", domain.FigureQuery{Limit: 2}, []string{c.greve.ID, c.frederikssund.ID}},
				{"municipalities", domain.FigureQuery{Limit: 10, MunicipalityCodes: []string{"151", "250"}}, []string{c.frederikssund.ID, c.ballerup.ID}},
				{"evidence level", domain.FigureQuery{Limit: 10, EvidenceLevels: []string{"realised"}}, []string{c.ballerup.ID}},
				{"budget year and policy area", domain.FigureQuery{Limit: 10, BudgetYears: []int{2025}, PolicyAreas: []string{"skole"}}, []string{}},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					got, err := db.TopProposals(ctx, tt.q)
					if err != nil {
						t.Fatal(err)
					}
					ids := []string{}
					for _, p := range got {
						ids = append(ids, p.ID)
					}
					if !slices.Equal(ids, tt.want) {
						t.Fatalf("got %v, want %v", ids, tt.want)
					}
				})
			}
			got, err := db.TopProposals(ctx, domain.FigureQuery{Limit: 1, MunicipalityCodes: []string{"250"}})
			if err != nil {
				t.Fatal(err)
			}
			if p := got[0]; p.Municipality.Name != "Frederikssund" || p.Title == "" || len(p.Savings) != 2 || p.PopulationYear != 2024 {
				t.Fatalf("proposal %+v lacks its fields", p)
			}
		})
	})
}
