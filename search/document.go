package search

import (
	"strconv"
	"strings"

	"github.com/idebank/idebank/domain"
)

// document is what the index holds of one published proposal.
type document map[string]interface{}

// proposalWords returns the distinct words of the searchable text of p.
func (az analyzers) proposalWords(p *domain.Proposal) map[string]int {
	out := map[string]int{}
	for _, text := range append([]string{p.Title, p.Summary, p.Description, p.Municipality.Name}, p.Tags...) {
		for _, w := range az.wordsOf(text) {
			out[w] = 1
		}
	}
	return out
}

// newDocument maps p to its index document. words are p's distinct words;
// lex splits its compounds into parts, indexed next to the whole words.
func newDocument(p *domain.Proposal, words map[string]int, lex *lexicon) document {
	var parts []string
	vocab := make([]string, 0, len(words))
	for w := range words {
		vocab = append(vocab, w)
		parts = append(parts, lex.expand(w)...)
	}
	var publishedUS float64
	if p.PublishedAt != nil {
		publishedUS = float64(p.PublishedAt.UnixMicro()) // exact in a float64; ties all but impossible
	}
	labels := domain.Label(domain.PolicyAreas, p.PolicyArea) + " " + domain.Label(domain.MeasureTypes, p.MeasureType)
	return document{
		fRef:          p.Ref,
		fTitle:        p.Title,
		fSummary:      p.Summary,
		fTags:         p.Tags,
		fDescription:  p.Description,
		fMunicipality: p.Municipality.Name,
		fLabels:       labels,
		fParts:        strings.Join(parts, " "),
		fVocab:        strings.Join(vocab, " "),

		fStatus:           string(p.Status),
		fPolicyArea:       p.PolicyArea,
		fMeasureType:      p.MeasureType,
		fMunicipalityCode: p.Municipality.Code,
		fMunicipalityKey:  p.Municipality.Code + " " + p.Municipality.Name,
		fRegion:           p.Municipality.Region,
		fEvidenceLevel:    p.EvidenceLevel,
		fAdoptedBy:        p.AdoptedBy,
		fReducesService:   strconv.FormatBool(p.ReducesService),
		fBudgetYearKey:    strconv.Itoa(p.BudgetYear),
		fFacetKeys: []string{
			facetKey("policy_area", p.PolicyArea), facetKey("measure_type", p.MeasureType),
			facetKey("region", p.Municipality.Region), facetKey("budget_year", strconv.Itoa(p.BudgetYear)),
			facetKey("municipality", p.Municipality.Code+" "+p.Municipality.Name),
		},

		fBudgetYear:     float64(p.BudgetYear),
		fPerResidentOre: float64(p.PerResidentOre),
		fFullEffectDKK:  float64(p.FullEffectDKK),
		fAdoptionCount:  float64(p.AdoptionCount),
		fPublishedAt:    publishedUS,
		fVersion:        float64(p.Version),
	}
}

// indexable reports whether p belongs in the public index.
func indexable(p *domain.Proposal) bool {
	return p.Status == domain.StatusPublished && p.DeletedAt == nil
}

// facetKey is the term of one facet value in fFacetKeys.
func facetKey(facet, value string) string { return facet + ":" + value }
