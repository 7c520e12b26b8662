package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/da"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
)

// Names of the analysis components in the index mapping.
const (
	// analyzerExact is bleve's Danish analyzer: unicode words, lower case,
	// Danish stop words, Snowball stemming. æ, ø and å stay distinct.
	analyzerExact = da.AnalyzerName
	// analyzerFolded is analyzerExact with Danish folding before stemming,
	// so that "aeldre", "aldre" and "ældre" meet.
	analyzerFolded = "idebank_da_folded"
	// analyzerWords keeps whole lower-cased words: the vocabulary that
	// compound splitting, word joining and typo correction look words up in.
	analyzerWords = "idebank_words"
	// filterFold is the token filter that applies foldDanish.
	filterFold = "idebank_da_fold"
)

func init() {
	err := registry.RegisterTokenFilter(filterFold, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{}, nil
	})
	if err != nil {
		panic("search: register fold filter: " + err.Error())
	}
}

// addAnalyzers registers the custom analyzers in m. Lists must be
// []interface{}: bleve ignores other types silently.
func addAnalyzers(m *mapping.IndexMappingImpl) error {
	if err := m.AddCustomAnalyzer(analyzerFolded, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []interface{}{lowercase.Name, da.StopName, filterFold, da.SnowballStemmerName},
	}); err != nil {
		return err
	}
	return m.AddCustomAnalyzer(analyzerWords, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []interface{}{lowercase.Name},
	})
}

// foldFilter replaces each term by its Danish folded form.
type foldFilter struct{}

// Filter folds every term of the stream in place.
func (foldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = []byte(foldDanish(string(t.Term)))
	}
	return in
}

// danishFolder maps the ways Danes type æ, ø and å without them onto one
// class each: æ/ae → a, ø/oe → o, å/aa → a (and a few foreign accents).
// Longer keys come first so "aa" wins over "a".
var danishFolder = strings.NewReplacer(
	"aa", "a", "ae", "a", "oe", "o",
	"æ", "a", "ø", "o", "å", "a",
	"ä", "a", "ö", "o", "ü", "u", "é", "e", "è", "e", "ê", "e",
)

// foldDanish returns the folded form of a lower-case word.
func foldDanish(s string) string { return danishFolder.Replace(s) }

// analyzers are the analyzers of one index mapping, for query-side analysis
// that matches the index side exactly.
type analyzers struct {
	exact, folded, words analysis.Analyzer
}

func newAnalyzers(m mapping.IndexMapping) analyzers {
	return analyzers{
		exact:  m.AnalyzerNamed(analyzerExact),
		folded: m.AnalyzerNamed(analyzerFolded),
		words:  m.AnalyzerNamed(analyzerWords),
	}
}

// term returns the single index term a analyzes word into, or "" when the
// word is a stop word.
func term(a analysis.Analyzer, word string) string {
	ts := a.Analyze([]byte(word))
	if len(ts) == 0 {
		return ""
	}
	return string(ts[0].Term)
}

// wordsOf splits text into lower-case words.
func (az analyzers) wordsOf(text string) []string {
	ts := az.words.Analyze([]byte(text))
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, string(t.Term))
	}
	return out
}
