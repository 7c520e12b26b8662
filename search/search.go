package search

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bdoc "github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/idebank/idebank/domain"
)

// defaultTimeout bounds a search whose context has no deadline.
const defaultTimeout = 5 * time.Second

var _ domain.Searcher = (*Index)(nil)

// Search runs req (validated by domain.Service.Search) over the published
// proposals: one search for the page and the facets whose own filter is
// unset, plus one count-only search per facet whose filter is set, so that
// each facet's counts ignore its own filter. A text matches the proposals
// holding all its words; when none does, those holding any of them.
// Results are kept while the index does not change; the returned result is
// shared and must not be modified.
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
	key, state := cacheKey(req), gen.state.Load()
	if !req.Fresh {
		if res, ok := gen.results.get(state, key); ok {
			hit := *res
			hit.Took = time.Since(start)
			return &hit, nil
		}
	}

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
	res, counts, err := gen.page(ctx, plan.query, fs, req)
	if err == nil && res.Total == 0 && plan.loose != nil {
		plan.query = plan.loose
		res, counts, err = gen.page(ctx, plan.query, fs, req)
	}
	if err != nil {
		return nil, err
	}
	if plan.query != nil {
		if err := gen.highlight(ctx, plan, res.Hits); err != nil {
			return nil, err
		}
	}
	out := &domain.SearchResult{Total: int(res.Total), Q: req.Q, Corrected: plan.corrected, Hits: make([]domain.SearchHit, 0, len(res.Hits)), Facets: map[string][]domain.FacetCount{}}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, toHit(h))
	}
	for i, f := range facets {
		fc := counts
		if _, filtered := fs[f.name]; filtered {
			if fc, err = gen.facetWithout(ctx, plan.query, fs, f); err != nil {
				return nil, err
			}
		}
		out.Facets[f.name] = fc.result(i)
	}
	out.Took = time.Since(start)
	gen.results.put(state, key, out)
	return out, nil
}

// page runs the search for one page of text's matches under every filter,
// counting the facets of all the matches on the way. Without a text it
// reads the hits' stored fields too; with one, highlight does.
func (g *generation) page(ctx context.Context, text query.Query, fs map[string]query.Query, req domain.SearchRequest) (*bleve.SearchResult, *facetCounter, error) {
	r := bleve.NewSearchRequestOptions(withFilters(text, fs, ""), req.PerPage, (req.Page-1)*req.PerPage, false)
	if text == nil {
		r.Fields = storedFields
	}
	r.SortBy(sortOrder(req.Sort, text != nil))
	ctx, counts := g.facets.withFacetCounter(ctx)
	res, err := g.idx.SearchInContext(ctx, r)
	if err != nil {
		return nil, nil, fmt.Errorf("search: %w", err)
	}
	return res, counts, nil
}

// facetWithout counts the facets of the matches of every filter except
// f's own; none of them is scored.
func (g *generation) facetWithout(ctx context.Context, text query.Query, fs map[string]query.Query, f facet) (*facetCounter, error) {
	r := bleve.NewSearchRequestOptions(withFilters(text, fs, f.name), 0, 0, false)
	r.Score = "none"
	ctx, counts := g.facets.withFacetCounter(ctx)
	if _, err := g.idx.SearchInContext(ctx, r); err != nil {
		return nil, fmt.Errorf("search: facet %s: %w", f.name, err)
	}
	return counts, nil
}

// sortOrder returns bleve's sort for s. Ties keep the index's order, which
// is stable within a snapshot: a tie-break on the ID would make bleve load
// the ID of every match (about a tenth of a search's time).
func sortOrder(s domain.SearchSort, hasText bool) []string {
	switch s {
	case domain.SearchPerResident:
		return []string{"-" + fPerResidentOre, "-_score"}
	case domain.SearchSavings:
		return []string{"-" + fFullEffectDKK, "-_score"}
	case domain.SearchAdoptions:
		return []string{"-" + fAdoptionCount, "-_score"}
	case domain.SearchRelevance:
		if hasText {
			return []string{"-_score"}
		}
	}
	return []string{"-" + fPublishedAt}
}

// highlight adds the stored fields and the fragments to hits: a second
// search over just these documents, so that match locations are gathered
// for one page instead of every match, and each document is read once.
func (g *generation) highlight(ctx context.Context, plan textPlan, hits search.DocumentMatchCollection) error {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	// The page's documents, with the locations of the terms that highlights
	// mark: cheaper than running the whole query again.
	var q query.Query = query.NewDocIDQuery(ids)
	if len(plan.marks) > 0 {
		q = query.NewBooleanQuery([]query.Query{q}, plan.marks, nil)
	}
	r := bleve.NewSearchRequestOptions(q, len(ids), 0, false)
	r.Fields = slices.Concat(storedFields, []string{fDescription})
	r.IncludeLocations = true
	res, err := g.idx.SearchInContext(ctx, r)
	if err != nil {
		return fmt.Errorf("search: highlight: %w", err)
	}
	byID := make(map[string]*search.DocumentMatch, len(res.Hits))
	for _, h := range res.Hits {
		byID[h.ID] = h
	}
	foldedIn, err := g.foldedInDescription(ctx, ids, plan.folded)
	if err != nil {
		return err
	}
	for _, h := range hits {
		m, ok := byID[h.ID]
		if !ok {
			continue
		}
		h.Fields, h.Fragments = m.Fields, search.FieldFragmentMap{}
		for _, f := range []string{fTitle, fDescription} {
			var folded map[string]bool
			if f == fDescription && foldedIn[h.ID] {
				folded = plan.folded
			}
			if frag := g.fragment(m, f, folded); frag != "" {
				h.Fragments[f] = []string{frag}
			}
		}
	}
	return nil
}

// foldedInDescription returns which of the documents ids hold one of the
// folded terms in the description's folded twin: only their descriptions
// are worth analysing again for highlights.
func (g *generation) foldedInDescription(ctx context.Context, ids []string, folded map[string]bool) (map[string]bool, error) {
	if len(folded) == 0 {
		return nil, nil
	}
	var terms []query.Query
	for t := range folded {
		terms = append(terms, termQuery(t, fDescription+foldSuffix, 1))
	}
	q := query.NewConjunctionQuery([]query.Query{query.NewDocIDQuery(ids), query.NewDisjunctionQuery(terms)})
	r := bleve.NewSearchRequestOptions(q, len(ids), 0, false)
	r.Score = "none"
	res, err := g.idx.SearchInContext(ctx, r)
	if err != nil {
		return nil, fmt.Errorf("search: highlight: %w", err)
	}
	out := make(map[string]bool, len(res.Hits))
	for _, h := range res.Hits {
		out[h.ID] = true
	}
	return out, nil
}

// foldedWindow is how much of a description is analysed at a time when
// looking for folded matches: the first window with one is enough for a
// fragment, and most descriptions have one near the start.
const foldedWindow = 512

// foldedMatches returns the locations of the terms in folded in the first
// window of text that has any.
func (g *generation) foldedMatches(text string, folded map[string]bool) search.TermLocationMap {
	locs := search.TermLocationMap{}
	for start := 0; start < len(text) && len(locs) == 0; {
		end := min(start+foldedWindow, len(text))
		if i := strings.LastIndexFunc(text[start:end], notWordRune); end < len(text) && i > 0 {
			end = start + i // cut between words
		}
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end-- // a window-long word: cut between characters
		}
		for _, tok := range g.az.folded.Analyze([]byte(text[start:end])) {
			if t := string(tok.Term); folded[t] {
				locs[t] = append(locs[t], &search.Location{Pos: uint64(tok.Position), Start: uint64(start + tok.Start), End: uint64(start + tok.End)})
			}
		}
		start = end
	}
	return locs
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// marker formats fragments as HTML with the matched words in <mark>.
var marker = func() highlight.Highlighter {
	h, err := bleve.Config.Cache.HighlighterNamed(html.Name)
	if err != nil {
		panic("search: html highlighter: " + err.Error())
	}
	return h
}()

// fragment returns the best fragment of m's stored field with the words the
// query matched in it marked, or "". A folded twin is not stored: its terms
// come from the same words of the same text, so its match locations mark
// the stored field. The description's twin keeps no locations (they would
// make the index a fifth larger); when the description has no exact
// match but holds a folded term (folded is then not nil), its folded
// matches are found by analysing it again.
func (g *generation) fragment(m *search.DocumentMatch, field string, folded map[string]bool) string {
	text, _ := m.Fields[field].(string)
	if text == "" {
		return ""
	}
	locs := search.TermLocationMap{}
	for _, f := range []string{field, field + foldSuffix} {
		for t, l := range m.Locations[f] {
			locs[t+f] = l
		}
	}
	if len(locs) == 0 && field == fDescription && len(folded) > 0 {
		locs = g.foldedMatches(text, folded)
	}
	if len(locs) == 0 {
		return ""
	}
	doc := bdoc.NewDocument(m.ID)
	doc.AddField(bdoc.NewTextField(field, nil, []byte(text)))
	dm := &search.DocumentMatch{ID: m.ID, Locations: search.FieldTermLocationMap{field: locs}}
	if frags := marker.BestFragmentsInField(dm, doc, field, 1); len(frags) > 0 {
		return frags[0]
	}
	return ""
}
