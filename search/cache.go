package search

import (
	"container/list"
	"encoding/json"
	"sync"

	"github.com/idebank/idebank/domain"
)

// defaultCachedResults is how many search results an index keeps by default.
const defaultCachedResults = 1000

// resultCache keeps the results of recent searches for as long as the
// index does not change: search traffic repeats a few queries often, and
// answering one from memory takes microseconds instead of a search. Every
// write to the index moves it to a new state, which empties the cache.
type resultCache struct {
	mu      sync.Mutex
	size    int
	state   uint64 // the index state the entries belong to
	entries map[string]*list.Element
	order   list.List // of *cachedResult, most recently used first
}

type cachedResult struct {
	key string
	res *domain.SearchResult
}

func newResultCache(size int) *resultCache {
	return &resultCache{size: size, entries: map[string]*list.Element{}}
}

// cacheKey identifies req's result; Fresh does not change it.
func cacheKey(req domain.SearchRequest) string {
	req.Fresh = false
	b, _ := json.Marshal(req) // plain data: cannot fail
	return string(b)
}

// get returns the result of key computed in index state, if kept.
func (c *resultCache) get(state uint64, key string) (*domain.SearchResult, bool) {
	if c.size <= 0 {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.moveTo(state)
	e, ok := c.entries[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*cachedResult).res, true
}

// put keeps res as the result of key computed in index state; a result of
// an older state is dropped.
func (c *resultCache) put(state uint64, key string, res *domain.SearchResult) {
	if c.size <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if state < c.state {
		return
	}
	c.moveTo(state)
	if e, ok := c.entries[key]; ok {
		e.Value.(*cachedResult).res = res
		c.order.MoveToFront(e)
		return
	}
	c.entries[key] = c.order.PushFront(&cachedResult{key: key, res: res})
	if c.order.Len() > c.size {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.entries, last.Value.(*cachedResult).key)
	}
}

// moveTo empties the cache when the index has moved on to a newer state.
func (c *resultCache) moveTo(state uint64) {
	if state > c.state {
		c.state = state
		clear(c.entries)
		c.order.Init()
	}
}
