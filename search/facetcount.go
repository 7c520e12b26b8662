package search

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	"github.com/idebank/idebank/domain"
)

// facetTable holds the facet values of every document of every index
// segment as small codes. Segments never change once written, so each is
// read once; counting the facets of a search then costs an array look-up
// per match instead of decoding the match's doc values (which was a third
// of a search's time).
type facetTable struct {
	mu     sync.Mutex
	segs   map[uint64]segmentFacets // by segment id
	codes  []map[string]uint16      // per facet (as in facets): value → code
	values [][]string               // per facet: code-1 → value
}

// segmentFacets holds the code of each facet's value (0: none) for each
// document of a segment: len(facets) codes per local document number.
type segmentFacets []uint16

func newFacetTable() *facetTable {
	t := &facetTable{segs: map[uint64]segmentFacets{}, codes: make([]map[string]uint16, len(facets)), values: make([][]string, len(facets))}
	for i := range t.codes {
		t.codes[i] = map[string]uint16{}
	}
	return t
}

// snapshotFacets are the segments of one index snapshot with the global
// number of each segment's first document.
type snapshotFacets struct {
	segs    []segmentFacets
	offsets []uint64
}

// snapshot returns the facet codes of every segment of snap, reading the
// segments it has not seen before.
func (t *facetTable) snapshot(snap *scorch.IndexSnapshot) (snapshotFacets, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	var out snapshotFacets
	var running uint64
	live := map[uint64]bool{}
	for _, ss := range snap.Segments() {
		sf, ok := t.segs[ss.Id()]
		if !ok {
			var err error
			if sf, err = t.read(ss.Segment()); err != nil {
				return snapshotFacets{}, err
			}
			t.segs[ss.Id()] = sf
		}
		live[ss.Id()] = true
		out.segs = append(out.segs, sf)
		out.offsets = append(out.offsets, running)
		running += ss.Segment().Count()
	}
	// Merged-away segments go; a search on an older snapshot reads them again.
	if len(t.segs) > 2*len(live)+8 {
		for id := range t.segs {
			if !live[id] {
				delete(t.segs, id)
			}
		}
	}
	return out, nil
}

// read returns the facet codes of every document of seg.
func (t *facetTable) read(seg segment.Segment) (segmentFacets, error) {
	dv, ok := seg.(segment.DocValueVisitable)
	if !ok {
		return nil, fmt.Errorf("search: segment %T has no doc values", seg)
	}
	docs := int(seg.Count())
	out := make(segmentFacets, docs*len(facets))
	fields := []string{fFacetKeys}
	var state segment.DocVisitState
	var err error
	for n := 0; n < docs; n++ {
		state, err = dv.VisitDocValues(uint64(n), fields, func(_ string, term []byte) {
			name, value, ok := strings.Cut(string(term), ":")
			if i := facetIndex(name); ok && i >= 0 {
				out[n*len(facets)+i] = t.code(i, value)
			}
		}, state)
		if err != nil {
			return nil, fmt.Errorf("search: facet values: %w", err)
		}
	}
	return out, nil
}

// code returns the code of value of facet kind i, assigning a new one.
func (t *facetTable) code(i int, value string) uint16 {
	if c, ok := t.codes[i][value]; ok {
		return c
	}
	t.values[i] = append(t.values[i], value)
	c := uint16(len(t.values[i]))
	t.codes[i][value] = c
	return c
}

// facetCounter counts the facet values of every match of one search.
type facetCounter struct {
	t      *facetTable
	counts [][]int // per facet, by code
	snap   snapshotFacets
	seg    int // segment of the last match: matches come in document order
}

// withFacetCounter returns ctx making a bleve search under it count the
// facets of its matches into c, alongside its usual collecting.
func (t *facetTable) withFacetCounter(ctx context.Context) (context.Context, *facetCounter) {
	c := &facetCounter{t: t, counts: make([][]int, len(facets))}
	handler := search.MakeDocumentMatchHandler(func(sctx *search.SearchContext) (search.DocumentMatchHandler, bool, error) {
		next, loadID, err := collector.MakeTopNDocumentMatchHandler(sctx)
		if err != nil {
			return nil, false, err
		}
		snap, ok := sctx.IndexReader.(*scorch.IndexSnapshot)
		if !ok {
			return nil, false, fmt.Errorf("search: facets need a scorch index, not %T", sctx.IndexReader)
		}
		if c.snap, err = t.snapshot(snap); err != nil {
			return nil, false, err
		}
		return func(d *search.DocumentMatch) error {
			if d != nil {
				c.add(d.IndexInternalID.Value())
			}
			return next(d)
		}, loadID, nil
	})
	return context.WithValue(ctx, search.MakeDocumentMatchHandlerKey, handler), c
}

// add counts the facet values of the document with global number n.
func (c *facetCounter) add(n uint64) {
	offs := c.snap.offsets
	if c.seg >= len(offs) || n < offs[c.seg] || (c.seg+1 < len(offs) && n >= offs[c.seg+1]) {
		c.seg = sort.Search(len(offs), func(i int) bool { return offs[i] > n }) - 1
	}
	if c.seg < 0 {
		c.seg = 0
		return
	}
	sf, local := c.snap.segs[c.seg], int(n-offs[c.seg])*len(facets)
	if local+len(facets) > len(sf) {
		return
	}
	for i, code := range sf[local : local+len(facets)] {
		if code == 0 {
			continue
		}
		if int(code) >= len(c.counts[i]) {
			c.counts[i] = append(c.counts[i], make([]int, int(code)+1-len(c.counts[i]))...)
		}
		c.counts[i][code]++
	}
}

// result returns the counts of the i-th facet of facets, the largest
// first, at most its size.
func (c *facetCounter) result(i int) []domain.FacetCount {
	f := facets[i]
	c.t.mu.Lock()
	values := c.t.values[i]
	c.t.mu.Unlock()
	out := []domain.FacetCount{}
	for code, n := range c.counts[i] {
		if n == 0 || code == 0 {
			continue
		}
		v, l := f.label(values[code-1])
		out = append(out, domain.FacetCount{Value: v, Label: l, Count: n})
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Count != out[b].Count {
			return out[a].Count > out[b].Count
		}
		return out[a].Value < out[b].Value
	})
	if len(out) > f.size {
		out = out[:f.size]
	}
	return out
}

// facetIndex returns the position of the facet named name in facets, or -1.
func facetIndex(name string) int {
	for i, f := range facets {
		if f.name == name {
			return i
		}
	}
	return -1
}
