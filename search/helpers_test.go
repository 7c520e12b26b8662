package search

import (
	"context"
	"testing"
	"time"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

// fixture is a real SQLite store, the domain service on it, and a real
// index in a temporary directory fed through the outbox.
type fixture struct {
	t   testing.TB
	db  *store.DB
	svc *domain.Service
	ix  *Index
	dir string
	idx *Indexer
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	db := testutil.NewSQLite(t)
	svc, _ := testutil.NewService(t, db)
	dir := t.TempDir()
	ix := mustOpen(t, dir)
	svc.Searcher = ix
	return &fixture{t: t, db: db, svc: svc, ix: ix, dir: dir, idx: NewIndexer(ix, db, IndexerOptions{})}
}

func mustOpen(t testing.TB, dir string) *Index {
	t.Helper()
	ix, err := Open(dir, Options{OpenTimeout: 5 * time.Second, Logf: t.Logf})
	if err != nil {
		t.Fatalf("open index: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// publish creates and publishes proposals made from the default test input
// changed by each edit, and indexes them through the outbox.
func (f *fixture) publish(edits ...func(*domain.ProposalInput)) []*domain.Proposal {
	f.t.Helper()
	var out []*domain.Proposal
	for _, edit := range edits {
		in := testutil.ValidProposalInput()
		in.Tags = nil
		edit(&in)
		out = append(out, testutil.MustCreatePublished(f.t, f.svc, in))
	}
	f.drain()
	return out
}

// drain applies every pending outbox entry.
func (f *fixture) drain() {
	f.t.Helper()
	if _, err := f.idx.Drain(context.Background()); err != nil {
		f.t.Fatalf("drain outbox: %v", err)
	}
}

// search runs q as the public through the domain service.
func (f *fixture) search(q string, edits ...func(*domain.SearchRequest)) *domain.SearchResult {
	f.t.Helper()
	req := domain.SearchRequest{Q: q}
	for _, e := range edits {
		e(&req)
	}
	res, err := f.svc.Search(context.Background(), domain.Public, req)
	if err != nil {
		f.t.Fatalf("search %q: %v", q, err)
	}
	return res
}

// text returns an edit that sets title, summary and description.
func text(title, summary, description string) func(*domain.ProposalInput) {
	return func(in *domain.ProposalInput) {
		in.Title, in.Summary, in.Description = title, summary, description
	}
}

// ids returns the IDs of the hits in order.
func ids(res *domain.SearchResult) []string {
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = h.ID
	}
	return out
}
