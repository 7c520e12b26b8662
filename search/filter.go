package search

import (
	"strconv"

	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/idebank/idebank/domain"
)

// facet is a disjunctive facet, counted from the matches' fFacetKeys terms
// and filtered by the request's filter of the same name.
type facet struct {
	name  string // key in SearchResult.Facets and in fFacetKeys
	size  int
	label func(value string) (string, string) // index term → value, label
}

// facets are the facets of a search, in display order.
var facets = []facet{
	{"policy_area", len(domain.PolicyAreas), optionLabel(domain.PolicyAreas)},
	{"measure_type", len(domain.MeasureTypes), optionLabel(domain.MeasureTypes)},
	{"region", len(domain.Regions), same},
	{"budget_year", domain.MaxBudgetYear - domain.MinBudgetYear + 1, same},
	{"municipality", 100, municipalityLabel},
}

func optionLabel(opts []domain.Option) func(string) (string, string) {
	return func(v string) (string, string) { return v, domain.Label(opts, v) }
}

func same(v string) (string, string) { return v, v }

// municipalityLabel splits "101 København" into code and name.
func municipalityLabel(v string) (string, string) {
	if len(v) > 4 {
		return v[:3], v[4:]
	}
	return v, v
}

// filters returns the request's filters keyed by facet name (or, for
// filters without a facet, by their own name). Each is an OR of its values.
// None is needed for the status: the index holds published proposals only.
func filters(req domain.SearchRequest) map[string]query.Query {
	out := map[string]query.Query{}
	add := func(name, field string, values []string) {
		if len(values) > 0 {
			out[name] = anyTerm(field, values)
		}
	}
	add("policy_area", fPolicyArea, req.PolicyAreas)
	add("measure_type", fMeasureType, req.MeasureTypes)
	add("region", fRegion, req.Regions)
	add("municipality", fMunicipalityCode, req.MunicipalityCodes)
	add("evidence_level", fEvidenceLevel, req.EvidenceLevels)
	add("adopted_by", fAdoptedBy, req.AdoptedBy)
	years := make([]string, len(req.BudgetYears))
	for i, y := range req.BudgetYears {
		years[i] = strconv.Itoa(y)
	}
	add("budget_year", fBudgetYearKey, years)
	if req.ReducesService != nil {
		add("reduces_service", fReducesService, []string{strconv.FormatBool(*req.ReducesService)})
	}
	if req.MinPerResidentOre != nil || req.MaxPerResidentOre != nil {
		var lo, hi *float64
		if req.MinPerResidentOre != nil {
			v := float64(*req.MinPerResidentOre)
			lo = &v
		}
		if req.MaxPerResidentOre != nil {
			v := float64(*req.MaxPerResidentOre)
			hi = &v
		}
		inclusive := true
		r := query.NewNumericRangeInclusiveQuery(lo, hi, &inclusive, &inclusive)
		r.SetField(fPerResidentOre)
		out["per_resident"] = r
	}
	return out
}

func anyTerm(field string, values []string) query.Query {
	qs := make([]query.Query, len(values))
	for i, v := range values {
		t := query.NewTermQuery(v)
		t.SetField(field)
		qs[i] = t
	}
	return query.NewDisjunctionQuery(qs)
}

// withFilters returns text (or everything when text is nil) restricted by
// every filter except the one named skip. The filters only select: they
// are checked for the text's matches without being scored.
func withFilters(text query.Query, fs map[string]query.Query, skip string) query.Query {
	if text == nil {
		text = query.NewMatchAllQuery()
	}
	var qs []query.Query
	for name, f := range fs {
		if name != skip {
			qs = append(qs, f)
		}
	}
	if len(qs) == 0 {
		return text
	}
	b := query.NewBooleanQuery([]query.Query{text}, nil, nil)
	b.AddFilter(query.NewConjunctionQuery(qs))
	return b
}
