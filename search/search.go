package search

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/idebank/idebank/domain"
)

// defaultTimeout bounds a search whose context has no deadline.
const defaultTimeout = 5 * time.Second

var _ domain.Searcher = (*Index)(nil)

// Search runs req (validated by domain.Service.Search) over the published
// proposals: one search for the page and the facets whose own filter is
// unset, plus one count-only search per facet whose filter is set, so that
// each facet's counts ignore its own filter.
func (x *Index) Search(ctx context.Context, req domain.SearchRequest) (*domain.SearchResult, error) {
	start := time.Now()
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

	plan := textPlan{}
	if strings.TrimSpace(req.Q) != "" {
		pl, err := gen.newPlanner(ctx, x.synonyms)
		if err != nil {
			return nil, err
		}
		plan = pl.planText(req.Q)
		pl.close()
		if plan.query == nil {
			plan.query = query.NewMatchNoneQuery()
		}
	}
	fs := filters(req)
	page := bleve.NewSearchRequestOptions(withFilters(plan.query, fs, ""), req.PerPage, (req.Page-1)*req.PerPage, false)
	page.Fields = storedFields
	page.SortBy(sortOrder(req.Sort, plan.query != nil))
	// The facets whose own filter is unset are counted together, in one
	// pass over the hits' facet keys.
	page.AddFacet(fFacetKeys, bleve.NewFacetRequest(fFacetKeys, allFacetValues))
	res, err := gen.idx.SearchInContext(ctx, page)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	if plan.query != nil {
		if err := gen.highlight(ctx, plan.query, res.Hits); err != nil {
			return nil, err
		}
	}
	out := &domain.SearchResult{Total: int(res.Total), Q: req.Q, Corrected: plan.corrected, Hits: make([]domain.SearchHit, 0, len(res.Hits)), Facets: map[string][]domain.FacetCount{}}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, toHit(h))
	}
	for _, f := range facets {
		fr, prefix := res.Facets[fFacetKeys], facetKey(f.name, "")
		if _, filtered := fs[f.name]; filtered {
			if fr, err = gen.facetWithout(ctx, plan.query, fs, f); err != nil {
				return nil, err
			}
			prefix = ""
		}
		out.Facets[f.name] = facetCounts(f, fr, prefix)
	}
	out.Took = time.Since(start)
	return out, nil
}

// facetWithout counts f over the hits of every filter except f's own.
func (g *generation) facetWithout(ctx context.Context, text query.Query, fs map[string]query.Query, f facet) (*search.FacetResult, error) {
	r := bleve.NewSearchRequestOptions(withFilters(text, fs, f.name), 0, 0, false)
	r.AddFacet(f.name, bleve.NewFacetRequest(f.field, f.size))
	res, err := g.idx.SearchInContext(ctx, r)
	if err != nil {
		return nil, fmt.Errorf("search: facet %s: %w", f.name, err)
	}
	return res.Facets[f.name], nil
}

// facetCounts returns f's counts from fr, taking only the terms that start
// with prefix (and dropping it).
func facetCounts(f facet, fr *search.FacetResult, prefix string) []domain.FacetCount {
	out := []domain.FacetCount{}
	if fr == nil {
		return out
	}
	for _, t := range fr.Terms.Terms() {
		term, ok := strings.CutPrefix(t.Term, prefix)
		if !ok {
			continue
		}
		v, l := f.label(term)
		out = append(out, domain.FacetCount{Value: v, Label: l, Count: t.Count})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out
}

// sortOrder returns bleve's sort for s; ties fall back to the ID so that
// pages are stable.
func sortOrder(s domain.SearchSort, hasText bool) []string {
	switch s {
	case domain.SearchPerResident:
		return []string{"-" + fPerResidentOre, "-_score", "_id"}
	case domain.SearchSavings:
		return []string{"-" + fFullEffectDKK, "-_score", "_id"}
	case domain.SearchAdoptions:
		return []string{"-" + fAdoptionCount, "-_score", "_id"}
	case domain.SearchRelevance:
		if hasText {
			return []string{"-_score", "_id"}
		}
	}
	return []string{"-" + fPublishedAt, "_id"}
}

// highlight adds the fragments of hits: a second search over just these
// documents, so that match locations are gathered for one page instead of
// every match.
func (g *generation) highlight(ctx context.Context, text query.Query, hits search.DocumentMatchCollection) error {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	r := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{query.NewDocIDQuery(ids), text}), len(ids), 0, false)
	r.Highlight = bleve.NewHighlightWithStyle("html")
	r.Highlight.Fields = []string{fTitle, fTitle + foldSuffix, fDescription, fDescription + foldSuffix}
	res, err := g.idx.SearchInContext(ctx, r)
	if err != nil {
		return fmt.Errorf("search: highlight: %w", err)
	}
	frags := make(map[string]search.FieldFragmentMap, len(res.Hits))
	for _, h := range res.Hits {
		frags[h.ID] = h.Fragments
	}
	for _, h := range hits {
		h.Fragments = frags[h.ID]
	}
	return nil
}
