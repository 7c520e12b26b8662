package search

import (
	"strconv"

	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/idebank/idebank/domain"
)

// facet is a disjunctive facet: its index field and the request's filter on it.
type facet struct {
	name  string // key in SearchResult.Facets
	field string
	size  int
	label func(value string) (string, string) // index term → value, label
}

// facets are the facets of a search, in display order.
var facets = []facet{
	{"policy_area", fPolicyArea, len(domain.PolicyAreas), optionLabel(domain.PolicyAreas)},
	{"measure_type", fMeasureType, len(domain.MeasureTypes), optionLabel(domain.MeasureTypes)},
	{"region", fRegion, len(domain.Regions), same},
	{"budget_year", fBudgetYearKey, domain.MaxBudgetYear - domain.MinBudgetYear + 1, same},
	{"municipality", fMunicipalityKey, 100, municipalityLabel},
}

func optionLabel(opts []domain.Option) func(string) (string, string) {
	return func(v string) (string, string) { return v, domain.Label(opts, v) }
}

func same(v string) (string, string) { return v, v }

// allFacetValues bounds the number of distinct facet keys: every value of
// every facet (98 municipalities, 91 budget years, the fixed lists).
const allFacetValues = 256

// municipalityLabel splits "101 København" into code and name.
func municipalityLabel(v string) (string, string) {
	if len(v) > 4 {
		return v[:3], v[4:]
	}
	return v, v
}

// filters returns the request's filters keyed by facet name (or, for
// filters without a facet, by their own name). Each is an OR of its values;
// every filter has boost 0 so that it never changes a score.
func filters(req domain.SearchRequest) map[string]query.Query {
	out := map[string]query.Query{"status": anyTerm(fStatus, []string{string(domain.StatusPublished)})}
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
		r.SetBoost(0)
		out["per_resident"] = r
	}
	return out
}

func anyTerm(field string, values []string) query.Query {
	qs := make([]query.Query, len(values))
	for i, v := range values {
		t := query.NewTermQuery(v)
		t.SetField(field)
		t.SetBoost(0)
		qs[i] = t
	}
	d := query.NewDisjunctionQuery(qs)
	d.SetBoost(0)
	return d
}

// withFilters returns text (or everything when text is nil) restricted by
// every filter except the one named skip.
func withFilters(text query.Query, fs map[string]query.Query, skip string) query.Query {
	if text == nil {
		text = query.NewMatchAllQuery()
	}
	qs := []query.Query{text}
	for name, f := range fs {
		if name != skip {
			qs = append(qs, f)
		}
	}
	return query.NewConjunctionQuery(qs)
}
