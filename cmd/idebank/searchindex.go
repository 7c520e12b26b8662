package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sync"

	"github.com/idebank/idebank/search"
)

// indexDir is where the search index lives: always in the data directory,
// also when the database is PostgreSQL, because each server keeps its own
// index and rebuilds it from the database when needed.
func indexDir(cfg Config) string { return filepath.Join(cfg.DataDir, "index") }

// searchIndex is the open index with the goroutines that keep it in step
// with the database.
type searchIndex struct {
	ix     *search.Index
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// startSearch opens the index, makes it the service's searcher, and in the
// background reconciles it with the database (rebuilding a missing,
// corrupt or outdated index while searches go on) and applies the outbox.
func startSearch(ctx context.Context, a *app, cfg Config) (*searchIndex, error) {
	logf := func(format string, args ...any) { a.log.Warn(fmt.Sprintf(format, args...)) }
	ix, err := search.Open(indexDir(cfg), search.Options{Logf: logf})
	if errors.Is(err, search.ErrLocked) {
		return nil, fmt.Errorf("serve: %w: another idebank process uses %s; stop it or give this one its own IDEBANK_DATA_DIR", err, indexDir(cfg))
	}
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	a.svc.Searcher = ix
	ctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	s := &searchIndex{ix: ix, cancel: cancel}
	indexer := search.NewIndexer(ix, a.db, search.IndexerOptions{Logf: logf})
	a.db.OnOutboxWrite(indexer.Notify) // a write is applied at once, not at the next poll
	s.wg.Add(2)
	go func() {
		defer s.wg.Done()
		if err := ix.Reconcile(ctx, a.db, nil); err != nil && ctx.Err() == nil {
			a.log.Error("search index could not be rebuilt", "err", err)
		}
	}()
	go func() {
		defer s.wg.Done()
		_ = indexer.Run(ctx) // returns when ctx ends
	}()
	return s, nil
}

// Close stops the background work and closes the index.
func (s *searchIndex) Close() error {
	s.cancel()
	s.wg.Wait()
	return s.ix.Close()
}

// runReindex rebuilds the search index from the database with a progress
// line. The server must be stopped: it holds the index while it runs.
func runReindex(ctx context.Context, cl *cli, args []string) (err error) {
	fs := cl.flagSet("reindex")
	if err := cl.parse(fs, args, false); err != nil {
		return err
	}
	a, err := openApp(ctx, cl.cfg, newLogger(cl.cfg, cl.stderr))
	if err != nil {
		return err
	}
	defer closeInto(&err, a)
	progress := newProgress(cl.stderr, "Indekserer")
	err = search.Reindex(ctx, indexDir(cl.cfg), a.db, search.Options{}, progress.update)
	progress.done()
	if errors.Is(err, search.ErrLocked) {
		return fmt.Errorf("reindex: %w: stop the running server first (it rebuilds a wrong index itself at start-up)", err)
	}
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	fmt.Fprintf(cl.stdout, "Søgeindekset er genopbygget i %s (%d forslag).\n", indexDir(cl.cfg), progress.last)
	return nil
}

// progress prints a one-line "label: done/total" counter that rewrites itself.
type progress struct {
	w     io.Writer
	label string
	last  int
}

func newProgress(w io.Writer, label string) *progress { return &progress{w: w, label: label} }

func (p *progress) update(done, total int) {
	p.last = done
	fmt.Fprintf(p.w, "\r%s: %d/%d forslag", p.label, done, total)
}

func (p *progress) done() {
	if p.last > 0 {
		fmt.Fprintln(p.w)
	}
}
