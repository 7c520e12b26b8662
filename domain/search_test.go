package domain

import (
	"context"
	"strings"
	"testing"
)

// searcherFake records the request it is asked to run.
type searcherFake struct{ got *SearchRequest }

var _ Searcher = (*searcherFake)(nil)

func (f *searcherFake) Search(_ context.Context, req SearchRequest) (*SearchResult, error) {
	f.got = &req
	return &SearchResult{}, nil
}

func (f *searcherFake) Similar(context.Context, string, int) ([]SearchHit, error) { return nil, nil }

func TestService_Search(t *testing.T) {
	neg, big := int64(500), int64(100)
	cases := []struct {
		name     string
		req      SearchRequest
		pointers []string // empty: valid
		sort     SearchSort
	}{
		{name: "DefaultsWithText", req: SearchRequest{Q: "ruter"}, sort: SearchRelevance},
		{name: "DefaultsWithoutText", req: SearchRequest{}, sort: SearchNewest},
		{name: "KeepsSort", req: SearchRequest{Q: "x", Sort: SearchSavings}, sort: SearchSavings},
		{name: "QueryOf500Characters", req: SearchRequest{Q: strings.Repeat("æ", MaxQueryLen)}, sort: SearchRelevance},
		{name: "QueryTooLong", req: SearchRequest{Q: strings.Repeat("æ", MaxQueryLen+1)}, pointers: []string{"/q"}},
		{name: "InvalidUTF8", req: SearchRequest{Q: "\xff"}, pointers: []string{"/q"}},
		{name: "UnknownValues", req: SearchRequest{
			PolicyAreas: []string{"skoler"}, MeasureTypes: []string{"x"}, EvidenceLevels: []string{"y"},
			Regions: []string{"Jylland"}, MunicipalityCodes: []string{"12"}, AdoptedBy: []string{"abc"},
			BudgetYears: []int{1999}, Sort: "best",
		}, pointers: []string{"/policy_area", "/measure_type", "/evidence_level", "/region", "/municipality", "/adopted_by", "/budget_year", "/sort"}},
		{name: "MinAboveMax", req: SearchRequest{MinPerResidentOre: &neg, MaxPerResidentOre: &big}, pointers: []string{"/min_per_resident"}},
		{name: "PerPageOver100", req: SearchRequest{PerPage: MaxPerPage + 1}, pointers: []string{"/per_page"}},
		{name: "LastPage", req: SearchRequest{Page: MaxSearchDepth / MaxPerPage, PerPage: MaxPerPage}, sort: SearchNewest},
		{name: "BeyondTheDepth", req: SearchRequest{Page: MaxSearchDepth/MaxPerPage + 1, PerPage: MaxPerPage}, pointers: []string{"/page"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fake := &searcherFake{}
			s := &Service{Searcher: fake}
			_, err := s.Search(context.Background(), Public, c.req)
			if len(c.pointers) == 0 {
				if err != nil {
					t.Fatalf("err %v", err)
				}
				wantPage, wantPer := c.req.Page, c.req.PerPage
				if wantPage == 0 {
					wantPage, wantPer = 1, DefaultPerPage
				}
				if fake.got.Sort != c.sort || fake.got.Page != wantPage || fake.got.PerPage != wantPer {
					t.Errorf("searched with sort %q, page %d, per page %d", fake.got.Sort, fake.got.Page, fake.got.PerPage)
				}
				return
			}
			v, ok := err.(*ValidationError)
			if !ok {
				t.Fatalf("err %v, want a validation error", err)
			}
			var got []string
			for _, p := range v.Problems {
				got = append(got, p.Pointer)
			}
			if strings.Join(got, " ") != strings.Join(c.pointers, " ") {
				t.Errorf("problems at %v, want %v", got, c.pointers)
			}
			if fake.got != nil {
				t.Error("an invalid request reached the index")
			}
		})
	}
}
