package domain

import (
	"context"
	"fmt"
	"time"
	"unicode/utf8"
)

// MaxQueryLen is the longest search text accepted, in characters.
const MaxQueryLen = 500

// MaxSimilar is how many similar proposals are shown for one proposal.
const MaxSimilar = 10

// MaxSearchDepth is how far into a result list paging may go: a search
// shows at most its first MaxSearchDepth hits.
const MaxSearchDepth = 10000

// SearchSort orders search hits.
type SearchSort string

// The search orders. SearchRelevance is the default with a query text,
// SearchNewest without one.
const (
	SearchRelevance   SearchSort = "relevance"
	SearchPerResident SearchSort = "per_resident"
	SearchSavings     SearchSort = "savings"
	SearchNewest      SearchSort = "newest"
	SearchAdoptions   SearchSort = "adoptions"
)

// Valid reports whether s is one of the search orders.
func (s SearchSort) Valid() bool {
	switch s {
	case SearchRelevance, SearchPerResident, SearchSavings, SearchNewest, SearchAdoptions:
		return true
	}
	return false
}

// SearchRequest is a full-text search over published proposals. Q is plain
// user text, never a query language. Filters are OR within a field and AND
// across fields; empty slices and nil pointers mean "any".
type SearchRequest struct {
	Q                 string
	PolicyAreas       []string
	MeasureTypes      []string
	MunicipalityCodes []string
	Regions           []string
	EvidenceLevels    []string
	AdoptedBy         []string // municipality codes that adopted the proposal
	BudgetYears       []int
	ReducesService    *bool
	MinPerResidentOre *int64
	MaxPerResidentOre *int64
	Sort              SearchSort
	Page              int // 1-based
	PerPage           int
	// Fresh asks for a result computed now even if the same search was
	// answered before with the index unchanged (Cache-Control: no-cache).
	Fresh bool
}

// SearchResult is one page of hits with the total, the time taken and the
// disjunctive facet counts (each facet ignores its own filter).
type SearchResult struct {
	Total int
	Took  time.Duration
	Q     string
	// Corrected is the query with its typos corrected ("Mente du: …"), or
	// empty when the query needs no correction.
	Corrected string
	Hits      []SearchHit
	// Facets maps policy_area, measure_type, region, budget_year and
	// municipality to their counts, largest first.
	Facets map[string][]FacetCount
}

// SearchHit is one proposal in a search result.
type SearchHit struct {
	ID             string
	Ref            string
	Title          string
	Summary        string
	Municipality   MunicipalityRef
	PolicyArea     string
	MeasureType    string
	PerResidentOre int64
	FullEffectDKK  int64
	BudgetYear     int
	AdoptionCount  int
	Score          float64
	// Highlights maps "title" and "description" to HTML-escaped fragments
	// with the matched words in <mark>.
	Highlights map[string][]string
}

// FacetCount is how many hits have one value of a facet.
type FacetCount struct {
	Value string
	Label string
	Count int
}

// Searcher is the full-text index of published proposals.
type Searcher interface {
	// Search runs a validated request. It honours ctx's deadline.
	Search(ctx context.Context, req SearchRequest) (*SearchResult, error)
	// Similar returns up to n published proposals most like proposal id,
	// never id itself; an empty slice when id is not in the index.
	Similar(ctx context.Context, id string, n int) ([]SearchHit, error)
}

// Search validates req and searches the published proposals.
func (s *Service) Search(ctx context.Context, p Principal, req SearchRequest) (*SearchResult, error) {
	if err := req.normalize(); err != nil {
		return nil, err
	}
	return s.Searcher.Search(ctx, req)
}

// Similar returns up to MaxSimilar published proposals like proposal id,
// which p must be able to see.
func (s *Service) Similar(ctx context.Context, p Principal, id string) ([]SearchHit, error) {
	if _, err := s.GetProposal(ctx, p, id); err != nil {
		return nil, err
	}
	hits, err := s.Searcher.Similar(ctx, id, MaxSimilar)
	if err != nil {
		return nil, err
	}
	if hits == nil {
		hits = []SearchHit{}
	}
	return hits, nil
}

// normalize applies the defaults of req and checks every field.
func (req *SearchRequest) normalize() error {
	v := &ValidationError{}
	if n := utf8.RuneCountInString(req.Q); n > MaxQueryLen {
		v.Add("/q", fmt.Sprintf("Søgeteksten må højst være %d tegn (den er %d).", MaxQueryLen, n))
	}
	if !utf8.ValidString(req.Q) {
		v.Add("/q", "Søgeteksten indeholder ugyldige tegn.")
	}
	if err := checkPaging(&req.Page, &req.PerPage); err != nil {
		v.Problems = append(v.Problems, err.(*ValidationError).Problems...)
	} else if req.Page > MaxSearchDepth/req.PerPage {
		v.Add("/page", fmt.Sprintf("En søgning viser højst de første %d resultater; indsnævr søgningen.", MaxSearchDepth))
	}
	requireOptions(v, "/policy_area", PolicyAreas, req.PolicyAreas, "Ukendt fagområde: %s.")
	requireOptions(v, "/measure_type", MeasureTypes, req.MeasureTypes, "Ukendt type af tiltag: %s.")
	requireOptions(v, "/evidence_level", EvidenceLevels, req.EvidenceLevels, "Ukendt dokumentationsgrad: %s.")
	for _, r := range req.Regions {
		if !contains(Regions, r) {
			v.Add("/region", fmt.Sprintf("Ukendt region: %s.", r))
		}
	}
	for _, f := range []struct {
		pointer string
		codes   []string
	}{{"/municipality", req.MunicipalityCodes}, {"/adopted_by", req.AdoptedBy}} {
		for _, c := range f.codes {
			if !isMunicipalityCode(c) {
				v.Add(f.pointer, fmt.Sprintf("Kommunekoden %q skal have tre cifre.", c))
			}
		}
	}
	for _, y := range req.BudgetYears {
		if y < MinBudgetYear || y > MaxBudgetYear {
			v.Add("/budget_year", fmt.Sprintf("Budgetåret skal ligge mellem %d og %d.", MinBudgetYear, MaxBudgetYear))
		}
	}
	if req.MinPerResidentOre != nil && req.MaxPerResidentOre != nil && *req.MinPerResidentOre > *req.MaxPerResidentOre {
		v.Add("/min_per_resident", "Mindstebeløbet pr. indbygger må ikke være større end højestebeløbet.")
	}
	switch {
	case req.Sort == "" && req.Q != "":
		req.Sort = SearchRelevance
	case req.Sort == "":
		req.Sort = SearchNewest
	case !req.Sort.Valid():
		v.Add("/sort", "Sorteringen skal være relevance, per_resident, savings, newest eller adoptions.")
	}
	return v.Err()
}

func requireOptions(v *ValidationError, pointer string, opts []Option, values []string, msg string) {
	for _, val := range values {
		if !IsOption(opts, val) {
			v.Add(pointer, fmt.Sprintf(msg, val))
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
