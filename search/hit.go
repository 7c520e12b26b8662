package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/idebank/idebank/domain"
)

// toHit converts a bleve match with the stored fields to a hit.
func toHit(h *search.DocumentMatch) domain.SearchHit {
	str := func(f string) string { s, _ := h.Fields[f].(string); return s }
	num := func(f string) int64 { n, _ := h.Fields[f].(float64); return int64(n) }
	hit := domain.SearchHit{
		ID: h.ID, Ref: str(fRef), Title: str(fTitle), Summary: str(fSummary),
		Municipality:   domain.MunicipalityRef{Code: str(fMunicipalityCode), Name: str(fMunicipality), Region: str(fRegion)},
		PolicyArea:     str(fPolicyArea),
		MeasureType:    str(fMeasureType),
		PerResidentOre: num(fPerResidentOre),
		FullEffectDKK:  num(fFullEffectDKK),
		BudgetYear:     int(num(fBudgetYear)),
		AdoptionCount:  int(num(fAdoptionCount)),
		Score:          h.Score,
		Highlights:     map[string][]string{},
	}
	for _, f := range []string{fTitle, fDescription} {
		if frags := marked(h.Fragments[f]); len(frags) > 0 {
			hit.Highlights[f] = frags[:1]
		}
	}
	return hit
}

// marked keeps the fragments that highlight something.
func marked(frags []string) []string {
	var out []string
	for _, f := range frags {
		if strings.Contains(f, "<mark>") {
			out = append(out, f)
		}
	}
	return out
}
