package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/search"
	"github.com/idebank/idebank/store"
)

// QuickConfig selects a quick measurement of search alone: the query set
// in-process, searched afresh every time, on a corpus and index kept in a
// directory between runs, so that a change to the search package can be
// measured in seconds instead of a whole suite run.
type QuickConfig struct {
	Size int    // proposals in the corpus
	Seed uint64 // of the corpus and the queries (default 1)
	// Dir keeps the SQLite database and the index of each size and seed.
	Dir string
	// Rebuild rebuilds the index even when it is current, and reports it.
	Rebuild bool
	// Passes over the query set (default 3); the first warms the caches.
	Passes int
	// Pathological measures the pathological set instead of the normal one.
	Pathological bool
	// Slowest lists this many of the slowest queries of the last pass.
	Slowest  int
	Progress io.Writer // progress lines (nil: none)
}

// Quick generates the corpus into cfg.Dir if it is not there yet, brings
// the index up to date, and writes one line per pass over the queries
// (latency percentiles and CPU per search) and the slowest queries to out.
func Quick(ctx context.Context, cfg QuickConfig, out io.Writer) (err error) {
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.Passes <= 0 {
		cfg.Passes = 3
	}
	if cfg.Progress == nil {
		cfg.Progress = io.Discard
	}
	p := &progress{w: cfg.Progress, start: time.Now()}
	dir := filepath.Join(cfg.Dir, fmt.Sprintf("%d-seed%d", cfg.Size, cfg.Seed))
	_, statErr := os.Stat(filepath.Join(dir, "idebank.db"))
	db, err := openStore(ctx, store.Options{DataDir: dir})
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, db.Close()) }()
	if errors.Is(statErr, os.ErrNotExist) {
		if _, err := Load(ctx, db, cfg.Size, cfg.Seed, func(done int) { p.update("load corpus: %d/%d", done, cfg.Size) }); err != nil {
			return errors.Join(err, os.RemoveAll(dir))
		}
		p.done("load corpus: %d proposals", cfg.Size)
	}
	ix, err := search.Open(filepath.Join(dir, "index"), search.Options{})
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, ix.Close()) }()
	rebuild := func(done, total int) { p.update("index: %d/%d", done, total) }
	start, cpu := time.Now(), selfCPUSeconds()
	if cfg.Rebuild {
		err = ix.Rebuild(ctx, db, rebuild)
	} else {
		err = ix.Reconcile(ctx, db, rebuild)
	}
	if err != nil {
		return err
	}
	if cfg.Rebuild {
		p.done("index rebuilt")
		fmt.Fprintf(out, "rebuild: %.1f s, %.0f docs/s, %.2f ms of CPU per proposal\n",
			time.Since(start).Seconds(), float64(cfg.Size)/time.Since(start).Seconds(), 1000*(selfCPUSeconds()-cpu)/float64(cfg.Size))
	}

	munis, err := db.ListMunicipalities(ctx)
	if err != nil {
		return err
	}
	q := NewQueries(cfg.Seed, townNames(munis))
	queries := q.Normal
	if cfg.Pathological {
		queries = q.Pathological
	}
	svc := newService(db, ix)
	for pass := 1; pass <= cfg.Passes; pass++ {
		times, l, err := timedPass(ctx, svc, queries)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "pass %d: %d queries, p50 %.2f p95 %.2f p99 %.2f max %.2f ms, %.2f ms of CPU per search\n",
			pass, len(queries), l.P50, l.P95, l.P99, l.Max, l.CPUPerOpMS)
		if pass == cfg.Passes {
			for _, t := range times[max(0, len(times)-cfg.Slowest):] {
				fmt.Fprintf(out, "  %8.2f ms %7d hits  %q\n", ms(t.took), t.total, t.q)
			}
		}
	}
	return nil
}

// queryTime is one query's latency and total.
type queryTime struct {
	q     string
	took  time.Duration
	total int
}

// timedPass searches every query once, afresh, and returns the times in
// ascending order with their summary.
func timedPass(ctx context.Context, svc *domain.Service, queries []string) ([]queryTime, Latency, error) {
	rec := &recorder{}
	times := make([]queryTime, 0, len(queries))
	cpu := selfCPUSeconds()
	for _, q := range queries {
		start := time.Now()
		res, err := svc.Search(ctx, domain.Public, domain.SearchRequest{Q: q, PerPage: perPage, Fresh: true})
		if err != nil {
			return nil, Latency{}, fmt.Errorf("bench: search %q: %w", q, err)
		}
		took := time.Since(start)
		rec.add(took, nil)
		times = append(times, queryTime{q, took, res.Total})
	}
	l := rec.summary(0)
	l.CPUPerOpMS = 1000 * (selfCPUSeconds() - cpu) / float64(len(queries)) // SQLite: all in this process
	sort.Slice(times, func(i, j int) bool { return times[i].took < times[j].took })
	return times, l, nil
}
