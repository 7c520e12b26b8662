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
	if plan.query != nil {
		page.Highlight = bleve.NewHighlightWithStyle("html")
		page.Highlight.Fields = []string{fTitle, fTitle + foldSuffix, fDescription, fDescription + foldSuffix}
	}
	for _, f := range facets {
		if _, filtered := fs[f.name]; !filtered {
			page.AddFacet(f.name, bleve.NewFacetRequest(f.field, f.size))
		}
	}
	res, err := gen.idx.SearchInContext(ctx, page)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	out := &domain.SearchResult{Total: int(res.Total), Q: req.Q, Corrected: plan.corrected, Hits: make([]domain.SearchHit, 0, len(res.Hits)), Facets: map[string][]domain.FacetCount{}}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, toHit(h))
	}
	for _, f := range facets {
		fr := res.Facets[f.name]
		if _, filtered := fs[f.name]; filtered {
			if fr, err = gen.facetWithout(ctx, plan.query, fs, f); err != nil {
				return nil, err
			}
		}
		out.Facets[f.name] = facetCounts(f, fr)
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

func facetCounts(f facet, fr *search.FacetResult) []domain.FacetCount {
	out := []domain.FacetCount{}
	if fr == nil {
		return out
	}
	for _, t := range fr.Terms.Terms() {
		v, l := f.label(t.Term)
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
