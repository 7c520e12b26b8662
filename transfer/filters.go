package transfer

import (
	"strconv"
	"strings"

	"github.com/idebank/idebank/domain"
)

// DescribeFilters names the filters of a search request in Danish, in the
// order of the search form, for the sheet that says what an export holds.
// Municipality codes are shown with their names from ms.
func DescribeFilters(req domain.SearchRequest, ms []domain.Municipality) [][2]string {
	names := make(map[string]string, len(ms))
	for _, m := range ms {
		names[m.Code] = m.Name
	}
	label := func(opts []domain.Option) func(string) string {
		return func(v string) string { return domain.Label(opts, v) }
	}
	municipality := func(code string) string {
		if n, ok := names[code]; ok {
			return n + " (" + code + ")"
		}
		return code
	}
	var out [][2]string
	add := func(name string, values []string, show func(string) string) {
		if len(values) == 0 {
			return
		}
		shown := make([]string, len(values))
		for i, v := range values {
			shown[i] = show(v)
		}
		out = append(out, [2]string{name, strings.Join(shown, ", ")})
	}
	same := func(v string) string { return v }
	add("Søgetekst", nonEmpty(req.Q), same)
	add("Fagområde", req.PolicyAreas, label(domain.PolicyAreas))
	add("Type af tiltag", req.MeasureTypes, label(domain.MeasureTypes))
	add("Kommune", req.MunicipalityCodes, municipality)
	add("Region", req.Regions, same)
	add("Budgetår", intsToStrings(req.BudgetYears), same)
	add("Dokumentation", req.EvidenceLevels, label(domain.EvidenceLevels))
	add("Anvendt af", req.AdoptedBy, municipality)
	if req.ReducesService != nil {
		add("Sænker serviceniveauet", []string{map[bool]string{true: "ja", false: "nej"}[*req.ReducesService]}, same)
	}
	if req.MinPerResidentOre != nil {
		add("Mindst kr. pr. indbygger", []string{domain.FormatOre(*req.MinPerResidentOre)}, same)
	}
	if req.MaxPerResidentOre != nil {
		add("Højst kr. pr. indbygger", []string{domain.FormatOre(*req.MaxPerResidentOre)}, same)
	}
	return out
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func intsToStrings(ns []int) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = strconv.Itoa(n)
	}
	return out
}
