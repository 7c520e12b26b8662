package search

import (
	"testing"

	"github.com/idebank/idebank/domain"
)

func TestSearch_RepeatedSearchIsCachedUntilTheIndexChanges(t *testing.T) {
	f := newFixture(t)
	f.publish(text("Fælles indkøb af papir", "Indkøb.", "Indkøb samlet."))
	first := f.search("indkøb")
	again := f.search("indkøb")
	if &again.Hits[0] != &first.Hits[0] {
		t.Error("the same search on an unchanged index was searched again, want the kept result")
	}
	fresh := f.search("indkøb", func(r *domain.SearchRequest) { r.Fresh = true })
	if &fresh.Hits[0] == &first.Hits[0] {
		t.Error("a Fresh search got the kept result, want a new search")
	}
	other := f.search("indkøb", func(r *domain.SearchRequest) { r.PerPage = 5 })
	if &other.Hits[0] == &first.Hits[0] {
		t.Error("a search with other paging got the kept result of another request")
	}

	f.publish(text("Indkøb af vejsalt", "Indkøb.", "Indkøb samlet."))
	if got := f.search("indkøb").Total; got != 2 {
		t.Errorf("after a write: total %d, want 2 (the kept result must go)", got)
	}
}

func TestResultCache_KeepsTheMostRecentlyUsed(t *testing.T) {
	c := newResultCache(2)
	a, b, d := &domain.SearchResult{Total: 1}, &domain.SearchResult{Total: 2}, &domain.SearchResult{Total: 3}
	c.put(1, "a", a)
	c.put(1, "b", b)
	c.get(1, "a")
	c.put(1, "d", d)
	for key, want := range map[string]bool{"a": true, "b": false, "d": true} {
		if _, ok := c.get(1, key); ok != want {
			t.Errorf("%s kept: %v, want %v", key, ok, want)
		}
	}
	c.put(0, "old", a)
	if _, ok := c.get(1, "old"); ok {
		t.Error("a result of an older index state was kept")
	}
	if _, ok := c.get(2, "a"); ok {
		t.Error("a result was kept after the index changed")
	}
}
