package search

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
)

// runIndexer runs f's indexer until the test ends.
func (f *fixture) runIndexer(t *testing.T, interval time.Duration) {
	ctx, cancel := context.WithCancel(context.Background())
	f.idx = NewIndexer(f.ix, f.db, IndexerOptions{Interval: interval, Logf: t.Logf})
	done := make(chan struct{})
	go func() {
		defer close(done)
		f.idx.Run(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
}

func TestIndexer_PublishedProposalIsSearchableWithinOneSecond(t *testing.T) {
	f := newFixture(t)
	f.runIndexer(t, 0)
	in := testutil.ValidProposalInput()
	text("Kantinedrift i fællesskab", "Kantiner.", "Kantiner.")(&in)
	start := time.Now()
	p := testutil.MustCreatePublished(t, f.svc, in)
	for f.search("kantinedrift").Total == 0 {
		if time.Since(start) > time.Second {
			t.Fatalf("not searchable after %s", time.Since(start))
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Logf("searchable after %s", time.Since(start))

	if _, err := f.svc.Transition(context.Background(), domain.System, p.ID, p.Version, domain.ActionArchive, ""); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	for f.search("kantinedrift").Total != 0 {
		if time.Since(start) > time.Second {
			t.Fatalf("archived proposal still found after %s", time.Since(start))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestIndexer_NotifiedWriteIsSearchableBeforeTheNextPoll(t *testing.T) {
	f := newFixture(t)
	f.runIndexer(t, time.Hour)
	f.db.OnOutboxWrite(f.idx.Notify)
	in := testutil.ValidProposalInput()
	text("Kantinedrift i fællesskab", "Kantiner.", "Kantiner.")(&in)
	start := time.Now()
	testutil.MustCreatePublished(t, f.svc, in)
	for f.search("kantinedrift").Total == 0 {
		if time.Since(start) > time.Second {
			t.Fatalf("not searchable after %s with an hourly poll: the write did not wake the indexer", time.Since(start))
		}
		time.Sleep(time.Millisecond)
	}
	t.Logf("searchable after %s", time.Since(start))
}

func TestIndexer_ConsistentUnderConcurrentWritesAndSearches(t *testing.T) {
	f := newFixture(t)
	f.runIndexer(t, 20*time.Millisecond)
	ctx := context.Background()
	stop := make(chan struct{})
	var searches sync.WaitGroup
	for range 3 {
		searches.Add(1)
		go func() {
			defer searches.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				res, err := f.ix.Search(ctx, domain.SearchRequest{Q: "hemmeligkladde vikarer", Page: 1, PerPage: 20, Sort: domain.SearchRelevance})
				if err != nil {
					t.Errorf("search: %v", err)
					return
				}
				for _, h := range res.Hits {
					if h.Title == "Hemmeligkladde" {
						t.Errorf("a draft was found")
					}
				}
			}
		}()
	}
	var writers sync.WaitGroup
	for w := range 4 {
		writers.Add(1)
		go func() {
			defer writers.Done()
			for i := range 8 {
				in := testutil.ValidProposalInput()
				text(fmt.Sprintf("Vikarer %d-%d", w, i), "Vikarer.", "Vikarer.")(&in)
				p := testutil.MustCreatePublished(t, f.svc, in)
				switch i % 4 {
				case 1: // edit the published proposal
					title := p.Title + " ændret"
					if _, err := f.svc.UpdateProposal(ctx, domain.System, p.ID, p.Version, domain.ProposalPatch{Title: &title}); err != nil {
						t.Errorf("edit: %v", err)
					}
				case 2:
					if _, err := f.svc.Transition(ctx, domain.System, p.ID, p.Version, domain.ActionArchive, ""); err != nil {
						t.Errorf("archive: %v", err)
					}
				case 3:
					in := testutil.ValidProposalInput()
					text("Hemmeligkladde", "Kladde.", "Kladde.")(&in)
					testutil.MustCreateProposal(t, f.svc, domain.System, in)
				}
			}
		}()
	}
	writers.Wait()
	deadline := time.Now().Add(5 * time.Second)
	for {
		ok, err := f.ix.Consistent(ctx, f.db)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("index not consistent with the database 5 s after the last write")
		}
		time.Sleep(20 * time.Millisecond)
	}
	close(stop)
	searches.Wait()
	if res := f.search("vikarer", func(r *domain.SearchRequest) { r.PerPage = 100 }); res.Total != 4*6 {
		t.Errorf("total %d, want %d published", res.Total, 4*6)
	}
}
