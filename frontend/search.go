package frontend

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

// searchPerPage is how many hits one page of results shows.
const searchPerPage = 20

// maxFacetValues is how many values of one facet are offered.
const maxFacetValues = 12

// searchForm is the state of a search, all of it in the URL so that a
// search can be shared and bookmarked. The parameter names are the API's.
type searchForm struct {
	Q              string
	PolicyAreas    []string
	MeasureTypes   []string
	Regions        []string
	Municipalities []string
	BudgetYears    []string
	Sort           string
	Page           int
}

// parseSearchForm reads a search from the query string.
func parseSearchForm(q url.Values) searchForm {
	f := searchForm{
		Q:              q.Get("q"),
		PolicyAreas:    q["policy_area"],
		MeasureTypes:   q["measure_type"],
		Regions:        q["region"],
		Municipalities: q["municipality"],
		BudgetYears:    q["budget_year"],
		Sort:           q.Get("sort"),
		Page:           1,
	}
	if p := q.Get("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil {
			n = -1 // refused by the service with a Danish message
		}
		f.Page = n
	}
	return f
}

// request turns the form into the service's search request.
func (f searchForm) request() (domain.SearchRequest, error) {
	req := domain.SearchRequest{
		Q: f.Q, PolicyAreas: f.PolicyAreas, MeasureTypes: f.MeasureTypes,
		Regions: f.Regions, MunicipalityCodes: f.Municipalities,
		Sort: domain.SearchSort(f.Sort), Page: f.Page, PerPage: searchPerPage,
	}
	for _, y := range f.BudgetYears {
		n, err := strconv.Atoi(y)
		if err != nil {
			return req, domain.Invalid("/budget_year", "Budgetåret skal være et årstal, fx 2025.")
		}
		req.BudgetYears = append(req.BudgetYears, n)
	}
	return req, nil
}

// values returns the form as query parameters, without the page.
func (f searchForm) values() url.Values {
	v := url.Values{}
	if f.Q != "" {
		v.Set("q", f.Q)
	}
	for name, vals := range map[string][]string{
		"policy_area": f.PolicyAreas, "measure_type": f.MeasureTypes, "region": f.Regions,
		"municipality": f.Municipalities, "budget_year": f.BudgetYears,
	} {
		for _, x := range vals {
			v.Add(name, x)
		}
	}
	if f.Sort != "" {
		v.Set("sort", f.Sort)
	}
	return v
}

// URL returns the search page of this form at page.
func (f searchForm) URL(page int) string {
	v := f.values()
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	return "/soeg?" + v.Encode()
}

// searchPage is the search page [søgning].
type searchPage struct {
	base
	Form     searchForm
	Result   *domain.SearchResult
	Problems []domain.FieldProblem
	Facets   []facetGroup
	Sorts    []option
	Pager    pager
	// CorrectedURL searches for the corrected query ("Mente du …").
	CorrectedURL string
	// ClearURL keeps the words but drops every filter.
	ClearURL string
	// SortDefaulted is set when the URL names no order, so that the live
	// search lets the order follow the words.
	SortDefaulted bool
	// Export links are empty when the API offers no export.
	ExportCSV, ExportXLSX string
	PolicyAreas           []domain.Option
}

// facetGroup is one facet as a group of checkboxes.
type facetGroup struct {
	Param   string
	Legend  string
	Options []facetOption
}

// facetOption is one checkbox of a facet.
type facetOption struct {
	Value   string
	Label   string
	Count   int
	Checked bool
}

// option is a value of a select.
type option struct {
	Value    string
	Label    string
	Selected bool
}

// handleSearch runs the search in the URL and renders hits, facets and
// pages. Invalid parameters are shown next to the search form.
func (h *handler) handleSearch(c echo.Context) error {
	f := parseSearchForm(c.QueryParams())
	p := &searchPage{base: base{Title: "Søg i idébanken", Nav: "search"}, Form: f, PolicyAreas: domain.PolicyAreas,
		SortDefaulted: f.Sort == ""}
	req, err := f.request()
	if err == nil {
		p.Result, err = h.svc.Search(c.Request().Context(), principalOf(c), req)
	}
	var ve *domain.ValidationError
	switch {
	case errors.As(err, &ve):
		p.Problems = ve.Problems
		p.Sorts = sortOptions(f)
		return h.render(c, http.StatusUnprocessableEntity, "search.html", p)
	case err != nil:
		return err
	}
	if f.Q != "" {
		p.Title = "Søgning: " + f.Q
	}
	p.Form.Sort = effectiveSort(f)
	p.fill(h.exports)
	return h.render(c, http.StatusOK, "search.html", p)
}

// fill derives the facets, sort options, pager and links from the result.
func (p *searchPage) fill(exports bool) {
	f, r := p.Form, p.Result
	p.Facets = []facetGroup{
		facet("policy_area", "Fagområde", r.Facets["policy_area"], f.PolicyAreas, domain.PolicyAreas),
		facet("measure_type", "Type af tiltag", r.Facets["measure_type"], f.MeasureTypes, domain.MeasureTypes),
		facet("region", "Region", r.Facets["region"], f.Regions, nil),
		facet("budget_year", "Budgetår", r.Facets["budget_year"], f.BudgetYears, nil),
		facet("municipality", "Kommune", r.Facets["municipality"], f.Municipalities, nil),
	}
	p.Sorts = sortOptions(f)
	p.Pager = newPager(r.Total, searchPerPage, f.Page, f.URL)
	if r.Corrected != "" {
		cf := f
		cf.Q = r.Corrected
		p.CorrectedURL = cf.URL(1)
	}
	p.ClearURL = searchForm{Q: f.Q}.URL(1)
	if exports && r.Total > 0 {
		v := f.values()
		v.Set("format", "csv")
		p.ExportCSV = "/api/v1/export?" + v.Encode()
		v.Set("format", "xlsx")
		p.ExportXLSX = "/api/v1/export?" + v.Encode()
	}
}

// facet builds a checkbox group from the counts; checked values without
// hits stay listed so that they can be unchecked.
func facet(param, legend string, counts []domain.FacetCount, checked []string, labels []domain.Option) facetGroup {
	g := facetGroup{Param: param, Legend: legend}
	seen := map[string]bool{}
	for _, fc := range counts {
		if len(g.Options) >= maxFacetValues && !slices.Contains(checked, fc.Value) {
			continue
		}
		label := fc.Label
		if label == "" {
			label = domain.Label(labels, fc.Value)
		}
		g.Options = append(g.Options, facetOption{fc.Value, label, fc.Count, slices.Contains(checked, fc.Value)})
		seen[fc.Value] = true
	}
	for _, v := range checked {
		if !seen[v] {
			g.Options = append(g.Options, facetOption{v, domain.Label(labels, v), 0, true})
		}
	}
	return g
}

// sortLabels are the search orders in the order offered.
var sortLabels = []domain.Option{
	{Value: string(domain.SearchRelevance), Label: "Bedst match"},
	{Value: string(domain.SearchPerResident), Label: "Største besparelse pr. indbygger"},
	{Value: string(domain.SearchSavings), Label: "Største samlede besparelse"},
	{Value: string(domain.SearchNewest), Label: "Nyeste"},
	{Value: string(domain.SearchAdoptions), Label: "Flest kommuner bruger den"},
}

// effectiveSort is the order the results come in: the one asked for, else
// the API's documented default (relevance with words, newest without).
func effectiveSort(f searchForm) string {
	switch {
	case f.Sort != "":
		return f.Sort
	case f.Q != "":
		return string(domain.SearchRelevance)
	}
	return string(domain.SearchNewest)
}

// sortOptions returns the orders offered; relevance only with words.
func sortOptions(f searchForm) []option {
	var out []option
	for _, o := range sortLabels {
		if o.Value == string(domain.SearchRelevance) && f.Q == "" {
			continue
		}
		out = append(out, option{o.Value, o.Label, o.Value == f.Sort})
	}
	return out
}

// Active counts the filters chosen, shown on the folded filter panel.
func (f searchForm) Active() int {
	return len(f.PolicyAreas) + len(f.MeasureTypes) + len(f.Regions) + len(f.Municipalities) + len(f.BudgetYears)
}
