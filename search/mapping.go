package search

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
)

// mappingRevision changes whenever the mapping, the analysis or what a
// document holds changes; an index with another version is rebuilt.
const mappingRevision = "10"

// mappingVersion is mappingRevision plus a digest of the curated compound
// list, which shapes what is indexed.
func mappingVersion() string {
	sum := sha256.Sum256([]byte(curatedWords))
	return mappingRevision + "-" + hex.EncodeToString(sum[:6])
}

// Field names of an indexed proposal.
const (
	fRef          = "ref"
	fTitle        = "title"
	fSummary      = "summary"
	fTags         = "tags"
	fDescription  = "description"
	fMunicipality = "municipality"
	fLabels       = "labels"
	fParts        = "parts"
	fVocab        = "vocab"

	fStatus           = "status"
	fPolicyArea       = "policy_area"
	fMeasureType      = "measure_type"
	fMunicipalityCode = "municipality_code"
	fMunicipalityKey  = "municipality_key" // "101 København": facet value and label
	fRegion           = "region"
	fEvidenceLevel    = "evidence_level"
	fAdoptedBy        = "adopted_by"
	fReducesService   = "reduces_service"
	fBudgetYearKey    = "budget_year_key"
	fFacetKeys        = "facet_keys" // "<facet>:<value>" of every facet, counted in one pass

	fBudgetYear     = "budget_year"
	fPerResidentOre = "per_resident_ore"
	fFullEffectDKK  = "full_effect_dkk"
	fAdoptionCount  = "adoption_count"
	fPublishedAt    = "published_at" // Unix microseconds: the newest-first order, without ties
	fVersion        = "version"
)

// foldSuffix names the folded twin of a text field.
const foldSuffix = "_fold"

// textFields are the searchable text fields with their weights. Each has a
// folded twin (name + foldSuffix) analysed with analyzerFolded.
var textFields = []struct {
	name   string
	weight float64
}{
	{fTitle, 5}, {fTags, 3}, {fSummary, 2}, {fMunicipality, 2}, {fLabels, 1.5}, {fDescription, 1}, {fParts, 1},
}

// storedFields are read back to build a hit.
var storedFields = []string{
	fRef, fTitle, fSummary, fMunicipality, fMunicipalityCode, fRegion, fPolicyArea, fMeasureType,
	fPerResidentOre, fFullEffectDKK, fBudgetYear, fAdoptionCount,
}

// buildMapping returns the index mapping: only the fields above are indexed.
func buildMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	if err := addAnalyzers(im); err != nil {
		return nil, err
	}
	im.DefaultAnalyzer = analyzerExact
	im.IndexDynamic, im.StoreDynamic, im.DocValuesDynamic = false, false, false

	// Text fields get no doc values (nothing sorts or facets on them) and no
	// field goes into the composite _all field (every query names its
	// fields): measured on the benchmark corpus, this halves the index and
	// cuts a quarter of the rebuild's CPU time.
	doc := bleve.NewDocumentStaticMapping()
	stored := map[string]bool{fTitle: true, fSummary: true, fTags: true, fDescription: true, fMunicipality: true}
	highlighted := map[string]bool{fTitle: true, fDescription: true}
	// Quoted phrases need term positions in every field they search.
	phrased := map[string]bool{fTitle: true, fSummary: true, fTags: true, fDescription: true}
	for _, tf := range textFields {
		exact := bleve.NewTextFieldMapping()
		exact.Analyzer = analyzerExact
		exact.Store = stored[tf.name] || highlighted[tf.name]
		exact.IncludeTermVectors = phrased[tf.name]
		exact.DocValues, exact.IncludeInAll = false, false
		folded := bleve.NewTextFieldMapping()
		folded.Name = tf.name + foldSuffix
		folded.Analyzer = analyzerFolded
		// Highlights mark the stored field with the twin's match locations;
		// the description's are left out (see generation.fragment).
		folded.Store = false
		folded.IncludeTermVectors = highlighted[tf.name] && tf.name != fDescription
		folded.DocValues, folded.IncludeInAll = false, false
		doc.AddFieldMappingsAt(tf.name, exact, folded)
	}
	vocab := bleve.NewTextFieldMapping()
	vocab.Analyzer = analyzerWords
	vocab.IncludeTermVectors = false
	vocab.DocValues, vocab.IncludeInAll = false, false
	doc.AddFieldMappingsAt(fVocab, vocab)

	for _, name := range []string{fRef, fStatus, fPolicyArea, fMeasureType, fMunicipalityCode, fMunicipalityKey,
		fRegion, fEvidenceLevel, fAdoptedBy, fReducesService, fBudgetYearKey, fFacetKeys} {
		kw := bleve.NewKeywordFieldMapping()
		kw.Analyzer = keyword.Name
		kw.Store = name == fRef || name == fPolicyArea || name == fMeasureType || name == fMunicipalityCode || name == fRegion
		kw.IncludeTermVectors = false
		kw.IncludeInAll = false
		doc.AddFieldMappingsAt(name, kw)
	}
	for _, name := range []string{fBudgetYear, fPerResidentOre, fFullEffectDKK, fAdoptionCount, fPublishedAt, fVersion} {
		num := bleve.NewNumericFieldMapping()
		num.Store = true
		num.DocValues = true
		num.IncludeInAll = false
		doc.AddFieldMappingsAt(name, num)
	}
	im.DefaultMapping = doc
	return im, nil
}
