package search

import (
	"context"
	"testing"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
)

// benchIndex indexes the judged corpus once for a benchmark.
func benchIndex(b *testing.B) *fixture {
	items, _ := loadJudgedSet(b)
	f := newFixture(b)
	for _, it := range items {
		testutil.MustCreatePublished(b, f.svc, it.Input())
	}
	f.drain()
	return f
}

// BenchmarkSearch measures one search with facets, without and with
// filters (each filtered facet costs one more count-only search).
func BenchmarkSearch(b *testing.B) {
	f := benchIndex(b)
	ctx := context.Background()
	cases := []struct {
		name string
		req  domain.SearchRequest
	}{
		{"Plain", domain.SearchRequest{Q: "hjemmeplejen"}},
		{"CompoundTypoSynonym", domain.SearchRequest{Q: "RPA sygedagpenge sager velfærdsteknolgi"}},
		{"TwoFilteredFacets", domain.SearchRequest{Q: "hjemmeplejen", PolicyAreas: []string{"aeldre-og-sundhed"}, Regions: []string{"Region Hovedstaden"}}},
		{"NoText", domain.SearchRequest{}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := f.svc.Search(ctx, domain.Public, c.req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
