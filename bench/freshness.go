package bench

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/idebank/idebank/domain"
)

// Mixed load of the write-to-searchable run: two writers and a steady
// stream of searches that leaves the machine room to index (a saturating
// search load would measure the CPU queue, not the indexer).
const (
	freshWriters  = 2
	freshSearches = 10 // per second
	pollEvery     = 5 * time.Millisecond
	visibleWithin = 10 * time.Second
)

// runFreshness creates and publishes proposals through the domain service
// while searches run, and measures how long each takes, after its publish
// returned, to be found by search (the outbox indexer's delay).
func runFreshness(ctx context.Context, cfg Config, e *env, q Queries, rep *Report, p *progress) error {
	u, err := newUsers(ctx, e.svc, "fresh")
	if err != nil {
		return err
	}
	loadCtx, stopLoad := context.WithCancel(ctx)
	load := make(chan OpenLoop, 1)
	go func() {
		load <- OpenLoopRun(loadCtx, ServiceSearch(e.svc, false), q.Normal, freshSearches, time.Hour, cfg.Deadline)
	}()

	rec := &recorder{}
	var wg sync.WaitGroup
	var mu sync.Mutex
	next := 0
	for range freshWriters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= cfg.Writes || ctx.Err() != nil {
					return
				}
				d, err := writeAndFind(ctx, e.svc, u, i)
				rec.add(d, err)
				p.update("write to searchable: %d/%d", i+1, cfg.Writes)
			}
		}()
	}
	wg.Wait()
	stopLoad()
	searches := <-load
	rep.Freshness = FreshnessStats{Writes: cfg.Writes, Delay: rec.summary(0), SearchesDuring: searches.Sent, IndexerInterval: indexerInterval.String()}
	p.done("write to searchable: p50 %.0f ms, p99 %.0f ms", rep.Freshness.Delay.P50, rep.Freshness.Delay.P99)
	return nil
}

// writeAndFind creates and publishes proposal i, then searches for its
// unique word until it is found, returning the time from publish to found.
func writeAndFind(ctx context.Context, svc *domain.Service, u users, i int) (time.Duration, error) {
	word := markerWord(i)
	in := proposalInput("Sporingsforslag " + word + " om hjemmeplejeruter")
	pr, err := svc.CreateProposal(ctx, u.staff, in)
	if err != nil {
		return 0, err
	}
	if _, err := svc.Transition(ctx, u.editor, pr.ID, pr.Version, domain.ActionPublish, ""); err != nil {
		return 0, err
	}
	published := time.Now()
	for time.Since(published) < visibleWithin {
		res, err := svc.Search(ctx, domain.Public, domain.SearchRequest{Q: word, PerPage: 5})
		if err != nil {
			return 0, err
		}
		for _, h := range res.Hits {
			if h.ID == pr.ID {
				return time.Since(published), nil
			}
		}
		time.Sleep(pollEvery)
	}
	return 0, fmt.Errorf("bench: proposal %s not searchable after %s", pr.ID, visibleWithin)
}

// markerWord is a word no generated proposal contains, unique per i.
func markerWord(i int) string {
	b := []byte("zqmark")
	for n := i + 26*26; n > 0; n /= 26 {
		b = append(b, byte('a'+n%26))
	}
	return string(b)
}
