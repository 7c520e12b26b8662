package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
)

// built returns a fixture with three published proposals, rebuilt into a
// current index and closed, ready to be damaged and reopened.
func built(t *testing.T) (*fixture, []*domain.Proposal) {
	f := newFixture(t)
	ps := f.publish(
		text("Vasketoiletter i hjemmeplejen", "Færre besøg.", "Velfærdsteknologi."),
		text("Fælles indkøb af papir", "Ét udbud.", "Papir."),
		text("Ruteplanlægning for affald", "Kortere ruter.", "Affald."),
	)
	if err := f.ix.Reconcile(context.Background(), f.db, nil); err != nil {
		t.Fatalf("reconcile: %v", err)
	}
	if err := f.ix.Ready(); err != nil {
		t.Fatalf("ready after reconcile: %v", err)
	}
	if err := f.ix.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	return f, ps
}

// reopen opens the fixture's directory again and reconciles it with the
// database. It reports whether the index was degraded right after opening.
func (f *fixture) reopen(t *testing.T) (degraded bool) {
	t.Helper()
	f.ix = mustOpen(t, f.dir)
	f.svc.Searcher = f.ix
	f.idx = NewIndexer(f.ix, f.db, IndexerOptions{})
	degraded = errors.Is(f.ix.Ready(), ErrDegraded)
	if err := f.ix.Reconcile(context.Background(), f.db, nil); err != nil {
		t.Fatalf("reconcile: %v", err)
	}
	if err := f.ix.Ready(); err != nil {
		t.Errorf("ready after reconcile: %v", err)
	}
	return degraded
}

// mustHoldExactly fails unless the index holds exactly ps.
func (f *fixture) mustHoldExactly(t *testing.T, ps []*domain.Proposal) {
	t.Helper()
	res := f.search("", func(r *domain.SearchRequest) { r.PerPage = 100 })
	if got := sortedIDs(res); !slices.Equal(got, sortedProposalIDs(ps)) {
		t.Errorf("index holds %v, want %d proposals", titles(res), len(ps))
	}
	ok, err := f.ix.Consistent(context.Background(), f.db)
	if err != nil || !ok {
		t.Errorf("consistent = %v, %v", ok, err)
	}
	if got := ids(f.search("vasketoiletter")); !slices.Contains(got, ps[0].ID) {
		t.Errorf("search for vasketoiletter finds %v, want %s among them", got, ps[0].ID)
	}
}

func generationDir(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, currentFile))
	if err != nil {
		t.Fatalf("read CURRENT: %v", err)
	}
	return filepath.Join(dir, strings.TrimSpace(string(b)))
}

func TestOpen_SecondOpenOfTheSameDirectoryIsLocked(t *testing.T) {
	dir := t.TempDir()
	mustOpen(t, dir)
	_, err := Open(dir, Options{})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "index locked") {
		t.Fatalf("second open: %v, want an index locked error", err)
	}
}

func TestOpen_DeletedIndexDirectoryIsRebuilt(t *testing.T) {
	f, ps := built(t)
	if err := os.RemoveAll(f.dir); err != nil {
		t.Fatal(err)
	}
	if !f.reopen(t) {
		t.Error("not degraded after opening an empty directory")
	}
	f.mustHoldExactly(t, ps)
}

func TestOpen_TruncatedIndexFileIsRebuilt(t *testing.T) {
	cuts := map[string]func(size int64) int64{
		"ToAThird":  func(n int64) int64 { return n / 3 },
		"ByTheTail": func(n int64) int64 { return max(0, n-100) },
		"ToNothing": func(int64) int64 { return 0 },
	}
	for _, pattern := range []string{"store/*.zap", "store/root.bolt", "index_meta.json", "../" + currentFile} {
		for name, cut := range cuts {
			t.Run(pattern+"/"+name, func(t *testing.T) {
				f, ps := built(t)
				files, _ := filepath.Glob(filepath.Join(generationDir(t, f.dir), pattern))
				if len(files) == 0 {
					t.Fatalf("no %s in the index", pattern)
				}
				for _, file := range files {
					info, err := os.Stat(file)
					if err != nil {
						t.Fatal(err)
					}
					if err := os.Truncate(file, cut(info.Size())); err != nil {
						t.Fatal(err)
					}
				}
				f.reopen(t) // a cut in unused space may leave the index usable
				f.mustHoldExactly(t, ps)
			})
		}
	}
}

func TestOpen_OldMappingVersionIsRebuilt(t *testing.T) {
	f, ps := built(t)
	idx, err := bleve.Open(generationDir(t, f.dir))
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.SetInternal([]byte(versionKey), []byte("0-old")); err != nil {
		t.Fatal(err)
	}
	idx.Close()
	if !f.reopen(t) {
		t.Error("not degraded after opening an outdated index")
	}
	f.mustHoldExactly(t, ps)
}

func TestOpen_CurrentIndexIsKept(t *testing.T) {
	f := newFixture(t)
	if err := f.ix.Reconcile(context.Background(), f.db, nil); err != nil {
		t.Fatal(err)
	}
	var ps []*domain.Proposal
	for i := range 25 { // one batch each: many segments, merged in the background
		ps = append(ps, f.publish(text(fmt.Sprintf("Vasketoiletter nummer %d", i), "Færre besøg.", "Velfærdsteknologi."))...)
	}
	if res := f.search("vasketoiletter"); res.Total != len(ps) {
		t.Fatalf("total %d before reopening", res.Total)
	}
	if err := f.ix.Close(); err != nil {
		t.Fatal(err)
	}
	before := generationDir(t, f.dir)
	if f.reopen(t) {
		t.Error("degraded after opening a current index")
	}
	if after := generationDir(t, f.dir); after != before {
		t.Errorf("a current index was rebuilt: %s → %s", before, after)
	}
	f.mustHoldExactly(t, ps)
}

func TestReconcile_RebuildsWhenTheDatabaseMovedOn(t *testing.T) {
	f, ps := built(t)
	in := testutil.ValidProposalInput()
	text("Genbrug af kørestole", "Depot.", "Kørestole.")(&in)
	extra := testutil.MustCreatePublished(t, f.svc, in)
	if err := f.db.DeleteOutbox(context.Background(), pendingIDs(t, f)); err != nil {
		t.Fatal(err)
	}
	f.reopen(t)
	f.mustHoldExactly(t, append(ps, extra))
}

func pendingIDs(t *testing.T, f *fixture) []int64 {
	t.Helper()
	es, err := f.db.PendingOutbox(context.Background(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	var out []int64
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func TestRebuild_SearchesContinueAndWritesAreKept(t *testing.T) {
	f := newFixture(t)
	var edits []func(*domain.ProposalInput)
	for range 30 {
		edits = append(edits, text("Vikardækning i dagtilbud", "Vikarer.", "Vikarer."))
	}
	ps := f.publish(edits...)
	ix := f.ix
	ix.opts.BatchSize = 10
	var late *domain.Proposal
	batches := 0
	err := ix.Rebuild(context.Background(), f.db, func(done, total int) {
		batches++
		if !errors.Is(ix.Ready(), ErrDegraded) {
			t.Errorf("ready during rebuild: %v", ix.Ready())
		}
		if res := f.search("vikarer"); res.Total != len(ps) {
			t.Errorf("search during rebuild: total %d, want %d", res.Total, len(ps))
		}
		if batches == 1 {
			in := testutil.ValidProposalInput()
			text("Sent forslag om kantinedrift", "Kantine.", "Kantine.")(&in)
			late = testutil.MustCreatePublished(t, f.svc, in)
			f.drain()
		}
	})
	if err != nil {
		t.Fatalf("rebuild: %v", err)
	}
	if batches < 3 {
		t.Errorf("%d progress calls, want one per batch of 10", batches)
	}
	if err := ix.Ready(); err != nil {
		t.Errorf("ready after rebuild: %v", err)
	}
	if res := f.search("kantinedrift"); len(res.Hits) != 1 || res.Hits[0].ID != late.ID {
		t.Errorf("a proposal published during the rebuild is missing: %v", titles(res))
	}
	if ok, err := ix.Consistent(context.Background(), f.db); !ok || err != nil {
		t.Errorf("consistent = %v, %v", ok, err)
	}
}

func TestReindex_RebuildsOnDemandAndRespectsTheLock(t *testing.T) {
	f, ps := built(t)
	var last [2]int
	if err := Reindex(context.Background(), f.dir, f.db, Options{}, func(done, total int) { last = [2]int{done, total} }); err != nil {
		t.Fatalf("reindex: %v", err)
	}
	if last != [2]int{3, 3} {
		t.Errorf("last progress %v, want [3 3]", last)
	}
	f.reopen(t)
	f.mustHoldExactly(t, ps)
	if err := Reindex(context.Background(), f.dir, f.db, Options{}, nil); !errors.Is(err, ErrLocked) {
		t.Errorf("reindex while open: %v, want ErrLocked", err)
	}
}

func TestReconcile_KeepsAnIndexThatOnlyLacksPendingWrites(t *testing.T) {
	f, ps := built(t)
	before := generationDir(t, f.dir)
	in := testutil.ValidProposalInput()
	text("Genbrug af kørestole", "Depot.", "Kørestole.")(&in)
	extra := testutil.MustCreatePublished(t, f.svc, in) // its outbox entry is still pending
	if f.reopen(t) {
		t.Error("degraded after opening a current index")
	}
	if after := generationDir(t, f.dir); after != before {
		t.Errorf("pending writes caused a rebuild: %s → %s", before, after)
	}
	f.drain()
	f.mustHoldExactly(t, append(ps, extra))
}
