package search

import (
	"context"
	"fmt"
	"math"
	"sort"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/idebank/idebank/domain"
)

// maxLikeTerms is how many of a proposal's most telling words
// more-like-this searches for.
const maxLikeTerms = 25

// likeFields are the fields more-like-this reads, with their weights.
var likeFields = map[string]float64{fTitle: 3, fTags: 2, fSummary: 1.5, fDescription: 1}

// Similar returns up to n published proposals most like proposal id: a
// search for its words with the highest tf-idf in title, tags, summary and
// description, never id itself. A proposal not in the index has none.
func (x *Index) Similar(ctx context.Context, id string, n int) ([]domain.SearchHit, error) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, defaultTimeout)
		defer cancel()
	}
	gen, release, err := x.live()
	if err != nil {
		return nil, err
	}
	defer release()
	doc, err := gen.idx.Document(id)
	if err != nil {
		return nil, fmt.Errorf("search: similar %s: %w", id, err)
	}
	hits := []domain.SearchHit{}
	if doc == nil {
		return hits, nil
	}
	words := gen.telling(doc)
	if len(words) == 0 {
		return hits, nil
	}
	pl, err := gen.newPlanner(ctx, x.synonyms)
	if err != nil {
		return nil, err
	}
	defer pl.close()
	var should []query.Query
	for _, w := range words {
		if q, _ := pl.wordQuery(w.word, false); q != nil {
			should = append(should, boosted(q, w.weight/words[0].weight))
		}
	}
	not := query.NewDocIDQuery([]string{id})
	q := query.NewBooleanQuery([]query.Query{anyTerm(fStatus, []string{"published"})}, should, []query.Query{not})
	r := bleve.NewSearchRequestOptions(q, n, 0, false)
	r.Fields = storedFields
	r.SortBy([]string{"-_score", "_id"})
	res, err := gen.idx.SearchInContext(ctx, r)
	if err != nil {
		return nil, fmt.Errorf("search: similar %s: %w", id, err)
	}
	for _, h := range res.Hits {
		hits = append(hits, toHit(h))
	}
	return hits, nil
}

type weightedWord struct {
	word   string
	weight float64
}

// telling returns the words of a stored document with the highest tf-idf,
// best first, leaving out stop words, short words and words no other
// proposal uses.
func (g *generation) telling(doc index.Document) []weightedWord {
	tf := map[string]float64{}
	doc.VisitFields(func(f index.Field) {
		w, ok := likeFields[f.Name()]
		if !ok {
			return
		}
		for _, word := range g.az.wordsOf(string(f.Value())) {
			if utf8.RuneCountInString(word) >= minPart && term(g.az.exact, word) != "" {
				tf[word] += w
			}
		}
	})
	total, _ := g.idx.DocCount()
	var out []weightedWord
	for word, f := range tf {
		df, _ := g.lex.count(word)
		if df < 2 {
			continue
		}
		out = append(out, weightedWord{word, f * math.Log(1+float64(total)/float64(df))})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].weight != out[j].weight {
			return out[i].weight > out[j].weight
		}
		return out[i].word < out[j].word
	})
	return out[:min(len(out), maxLikeTerms)]
}
