package api

import (
	"errors"
	"math"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

// registerSearchRoutes adds full-text search and similar proposals.
func (s *Server) registerSearchRoutes(v1 *echo.Group) {
	v1.GET("/search", s.handleSearch)
	v1.GET("/proposals/:id/similar", s.handleProposalSimilar)
}

// handleSearch answers GET /api/v1/search: published proposals matching the
// plain-text q and the filters (each repeatable: OR within, AND across),
// with disjunctive facet counts. A request with Cache-Control: no-cache is
// searched afresh instead of answered from the index's recent results.
func (s *Server) handleSearch(c echo.Context) error {
	req, err := bindSearchQuery(c)
	if err != nil {
		return err
	}
	req.Fresh = strings.Contains(c.Request().Header.Get(echo.HeaderCacheControl), "no-cache")
	res, err := s.svc.Search(c.Request().Context(), principal(c), req)
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, toSearchResponse(res, req))
}

// handleProposalSimilar answers GET /api/v1/proposals/{id}/similar: up to
// ten published proposals like this one, never itself.
func (s *Server) handleProposalSimilar(c echo.Context) error {
	hits, err := s.svc.Similar(c.Request().Context(), principal(c), c.Param("id"))
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, similarResponse{Items: mapItems(hits, toSearchHit)})
}

// bindSearchQuery reads the query of GET /search, reporting every malformed
// parameter. Amounts per resident are kroner with up to two decimals.
func bindSearchQuery(c echo.Context) (domain.SearchRequest, error) {
	req := domain.SearchRequest{Page: 1, PerPage: domain.DefaultPerPage}
	var sort string
	var reduces bool
	var minKr, maxKr float64
	problems := &domain.ValidationError{}
	b := echo.QueryParamsBinder(c).FailFast(false).
		String("q", &req.Q).String("sort", &sort).Int("page", &req.Page).Int("per_page", &req.PerPage).
		Strings("policy_area", &req.PolicyAreas).Strings("measure_type", &req.MeasureTypes).
		Strings("municipality", &req.MunicipalityCodes).Strings("region", &req.Regions).
		Strings("evidence_level", &req.EvidenceLevels).Strings("adopted_by", &req.AdoptedBy).
		Ints("budget_year", &req.BudgetYears).Bool("reduces_service", &reduces).
		Float64("min_per_resident", &minKr).Float64("max_per_resident", &maxKr)
	for _, err := range b.BindErrors() {
		var be *echo.BindingError
		if !errors.As(err, &be) {
			return req, err
		}
		problems.Add("/"+be.Field, searchParamMessage(be.Field))
	}
	if req.Page < 1 {
		problems.Add("/page", "Sidetallet skal være 1 eller større.")
	}
	if req.PerPage < 1 {
		problems.Add("/per_page", "Antal pr. side skal være mindst 1.")
	}
	req.Sort = domain.SearchSort(sort)
	qp := c.QueryParams()
	if qp.Has("reduces_service") {
		req.ReducesService = &reduces
	}
	if qp.Has("min_per_resident") {
		req.MinPerResidentOre = toOre(problems, "min_per_resident", minKr)
	}
	if qp.Has("max_per_resident") {
		req.MaxPerResidentOre = toOre(problems, "max_per_resident", maxKr)
	}
	return req, problems.Err()
}

func searchParamMessage(field string) string {
	switch field {
	case "reduces_service":
		return "Skal være true eller false."
	case "min_per_resident", "max_per_resident":
		return "Skal være et beløb i kroner pr. indbygger, fx 19.57."
	}
	return "Skal være et helt tal."
}

// toOre converts kroner per resident to øre, reporting amounts that are
// negative or not finite.
func toOre(problems *domain.ValidationError, field string, kr float64) *int64 {
	if kr < 0 || math.IsNaN(kr) || math.IsInf(kr, 0) || kr > 1e12 {
		problems.Add("/"+field, searchParamMessage(field))
		return nil
	}
	ore := int64(math.Round(kr * 100))
	return &ore
}

// searchResponse is GET /search.
type searchResponse struct {
	Total   int                         `json:"total"`
	Page    int                         `json:"page"`
	PerPage int                         `json:"per_page"`
	TookMS  int64                       `json:"took_ms"`
	Query   searchQueryResponse         `json:"query"`
	Hits    []searchHitResponse         `json:"hits"`
	Facets  map[string][]facetCountJSON `json:"facets"`
}

// searchQueryResponse echoes the query text and its correction ("Mente du: …").
type searchQueryResponse struct {
	Q         string  `json:"q"`
	Corrected *string `json:"corrected"`
}

// searchHitResponse is one proposal in a search result or a similar list.
type searchHitResponse struct {
	ID             string              `json:"id"`
	Ref            string              `json:"ref"`
	Title          string              `json:"title"`
	Summary        string              `json:"summary"`
	Municipality   municipalityRefRes  `json:"municipality"`
	PolicyArea     string              `json:"policy_area"`
	MeasureType    string              `json:"measure_type"`
	PerResidentDKK float64             `json:"per_resident_dkk"`
	FullEffectDKK  int64               `json:"full_effect_dkk"`
	BudgetYear     int                 `json:"budget_year"`
	AdoptionCount  int                 `json:"adoption_count"`
	Score          float64             `json:"score"`
	Highlights     map[string][]string `json:"highlights"`
}

// facetCountJSON is one value of a facet.
type facetCountJSON struct {
	Value string `json:"value"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// similarResponse is GET /proposals/{id}/similar.
type similarResponse struct {
	Items []searchHitResponse `json:"items"`
}

func toSearchResponse(res *domain.SearchResult, req domain.SearchRequest) searchResponse {
	r := searchResponse{
		Total: res.Total, Page: req.Page, PerPage: req.PerPage, TookMS: res.Took.Milliseconds(),
		Query:  searchQueryResponse{Q: res.Q},
		Hits:   mapItems(res.Hits, toSearchHit),
		Facets: map[string][]facetCountJSON{},
	}
	if res.Corrected != "" {
		r.Query.Corrected = &res.Corrected
	}
	for name, counts := range res.Facets {
		r.Facets[name] = mapItems(counts, func(fc domain.FacetCount) facetCountJSON { return facetCountJSON(fc) })
	}
	return r
}

func toSearchHit(h domain.SearchHit) searchHitResponse {
	hl := h.Highlights
	if hl == nil {
		hl = map[string][]string{}
	}
	return searchHitResponse{
		ID: h.ID, Ref: h.Ref, Title: h.Title, Summary: h.Summary,
		Municipality: municipalityRefRes(h.Municipality), PolicyArea: h.PolicyArea, MeasureType: h.MeasureType,
		PerResidentDKK: domain.OreToKroner(h.PerResidentOre), FullEffectDKK: h.FullEffectDKK,
		BudgetYear: h.BudgetYear, AdoptionCount: h.AdoptionCount,
		Score: math.Round(h.Score*1000) / 1000, Highlights: hl,
	}
}
