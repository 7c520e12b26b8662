package demo

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/idebank/idebank/domain"
)

// The judged relevance set for Danish search lives with the search package
// but uses this package's item format; these tests keep it consistent.
const (
	relevanceCorpus  = "../../search/testdata/relevance/corpus.json"
	relevanceQueries = "../../search/testdata/relevance/queries.json"
)

// relevanceQuery is one judged query: graded external keys (3 perfect,
// 2 relevant, 1 marginal; unlisted is 0).
type relevanceQuery struct {
	Q         string         `json:"q"`
	Kind      string         `json:"kind"`
	Judgments map[string]int `json:"judgments"`
}

func loadCorpus(t *testing.T) []Item {
	t.Helper()
	data, err := os.ReadFile(relevanceCorpus)
	if err != nil {
		t.Fatalf("read corpus: %v", err)
	}
	items, err := Parse(data)
	if err != nil {
		t.Fatalf("parse corpus: %v", err)
	}
	return items
}

func TestRelevanceCorpusValid(t *testing.T) {
	items := loadCorpus(t)
	if len(items) < 110 {
		t.Fatalf("corpus has %d proposals, want at least 110", len(items))
	}
	checkItems(t, items)
	for _, it := range items {
		if it.Status != domain.StatusPublished {
			t.Errorf("%s: corpus status %q, want published (search sees only published)", it.ExternalKey, it.Status)
		}
	}
}

func TestRelevanceQueriesJudgeCorpusProposals(t *testing.T) {
	inCorpus := map[string]bool{}
	for _, it := range loadCorpus(t) {
		inCorpus[it.ExternalKey] = true
	}
	data, err := os.ReadFile(relevanceQueries)
	if err != nil {
		t.Fatalf("read queries: %v", err)
	}
	var queries []relevanceQuery
	if err := json.Unmarshal(data, &queries); err != nil {
		t.Fatalf("parse queries: %v", err)
	}
	if len(queries) < 32 {
		t.Fatalf("%d queries, want at least 32", len(queries))
	}
	kinds := map[string]int{}
	seen := map[string]bool{}
	for _, q := range queries {
		if seen[q.Q] {
			t.Errorf("query %q appears twice", q.Q)
		}
		seen[q.Q] = true
		kinds[q.Kind]++
		best := 0
		for key, grade := range q.Judgments {
			if !inCorpus[key] {
				t.Errorf("query %q judges %s, which is not in the corpus", q.Q, key)
			}
			if grade < 1 || grade > 3 {
				t.Errorf("query %q grades %s %d, want 1–3", q.Q, key, grade)
			}
			best = max(best, grade)
		}
		if best != 3 {
			t.Errorf("query %q has no perfect (grade 3) answer", q.Q)
		}
	}
	for _, kind := range []string{"compound", "typo", "folding", "stemming", "synonym", "phrase", "municipality", "area", "plain"} {
		if kinds[kind] == 0 {
			t.Errorf("no query of kind %s", kind)
		}
	}
	for kind := range kinds {
		switch kind {
		case "compound", "typo", "folding", "stemming", "synonym", "phrase", "ref", "municipality", "area", "plain":
		default:
			t.Errorf("unknown query kind %q", kind)
		}
	}
}
