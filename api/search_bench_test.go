package api_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/idebank/idebank/api"
	"github.com/idebank/idebank/domain"
)

// fixedSearcher answers every search with the same result.
type fixedSearcher struct{ res *domain.SearchResult }

func (f fixedSearcher) Search(context.Context, domain.SearchRequest) (*domain.SearchResult, error) {
	return f.res, nil
}

func (f fixedSearcher) Similar(context.Context, string, int) ([]domain.SearchHit, error) {
	return f.res.Hits, nil
}

// fullPage is a first page of 20 hits with highlights and every facet
// filled, the largest ordinary search response.
func fullPage() *domain.SearchResult {
	res := &domain.SearchResult{Total: 4812, Took: 3 * time.Millisecond, Q: "hjemmepleje ruter", Facets: map[string][]domain.FacetCount{}}
	for i := range 20 {
		res.Hits = append(res.Hits, domain.SearchHit{
			ID: fmt.Sprintf("0190f3c4-7b1e-7c3a-9d2f-%012d", i), Ref: fmt.Sprintf("IB-2025-%04d", i+1),
			Title:        "Samlede hjemmeplejeruter med digital ruteplanlægning",
			Summary:      "Hjemmeplejen planlægger ruterne digitalt og samler besøgene i nærområder, så medarbejderne kører færre kilometer.",
			Municipality: domain.MunicipalityRef{Code: "250", Name: "Frederikssund", Region: "Region Hovedstaden"},
			PolicyArea:   "aeldre-og-sundhed", MeasureType: "digitalisering",
			PerResidentOre: 1967, FullEffectDKK: 900_000, BudgetYear: 2025, AdoptionCount: 3, Score: 7.4321,
			Highlights: map[string][]string{
				"title":       {"Samlede <mark>hjemmeplejeruter</mark> med digital ruteplanlægning"},
				"description": {"…kommunen har omlagt <mark>hjemmeplejeruterne</mark>, så medarbejderne kører færre kilometer mellem borgerne…"},
			},
		})
	}
	for _, f := range []struct {
		name string
		n    int
	}{{"policy_area", 14}, {"measure_type", 8}, {"region", 5}, {"budget_year", 15}, {"municipality", 98}} {
		for i := range f.n {
			res.Facets[f.name] = append(res.Facets[f.name], domain.FacetCount{Value: fmt.Sprintf("%s-%d", f.name, i), Label: fmt.Sprintf("Værdi %d", i), Count: 500 - i})
		}
	}
	return res
}

// BenchmarkSearchResponse measures GET /api/v1/search around the index:
// binding the query, the service's checks, mapping the result to the wire
// type and encoding it as JSON.
func BenchmarkSearchResponse(b *testing.B) {
	srv := api.NewServer(&domain.Service{Searcher: fixedSearcher{fullPage()}}, api.Options{})
	req := httptest.NewRequest(http.MethodGet, "/api/v1/search?q=hjemmepleje+ruter&per_page=20", nil)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		b.SetBytes(int64(rec.Body.Len()))
	}
}
