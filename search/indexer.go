package search

import (
	"context"
	"fmt"
	"time"

	"github.com/idebank/idebank/domain"
)

// IndexerOptions configure an Indexer. The zero value gives the defaults.
type IndexerOptions struct {
	// Interval is how often the outbox is polled (default 150 ms), so a
	// write is searchable well within a second.
	Interval time.Duration
	// BatchSize is how many outbox rows are applied at once (default 500).
	BatchSize int
	// Logf reports failed rounds, which are retried (default: none).
	Logf func(format string, args ...any)
}

// Indexer applies the database's outbox to the index: for each entry it
// re-reads the proposal, indexes it if published or removes it otherwise,
// and then deletes the entry. Entries are applied at least once; applying
// one twice is harmless.
type Indexer struct {
	ix     *Index
	src    domain.IndexSource
	opts   IndexerOptions
	notify chan struct{}
}

// NewIndexer returns an indexer from src's outbox into ix.
func NewIndexer(ix *Index, src domain.IndexSource, o IndexerOptions) *Indexer {
	if o.Interval <= 0 {
		o.Interval = 150 * time.Millisecond
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 500
	}
	if o.Logf == nil {
		o.Logf = func(string, ...any) {}
	}
	return &Indexer{ix: ix, src: src, opts: o, notify: make(chan struct{}, 1)}
}

// Notify wakes the indexer before its next poll, e.g. right after a write.
func (w *Indexer) Notify() {
	select {
	case w.notify <- struct{}{}:
	default:
	}
}

// Run applies the outbox until ctx ends, polling every Interval (or at
// Notify). It returns ctx's error.
func (w *Indexer) Run(ctx context.Context) error {
	t := time.NewTicker(w.opts.Interval)
	defer t.Stop()
	for {
		if _, err := w.Drain(ctx); err != nil && ctx.Err() == nil {
			w.opts.Logf("search: indexer: %v", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		case <-w.notify:
		}
	}
}

// Drain applies outbox entries until none are left and returns how many
// it applied.
func (w *Indexer) Drain(ctx context.Context) (int, error) {
	applied := 0
	for {
		entries, err := w.src.PendingOutbox(ctx, w.opts.BatchSize)
		if err != nil {
			return applied, fmt.Errorf("search: read outbox: %w", err)
		}
		if len(entries) == 0 {
			return applied, nil
		}
		ids := make([]string, 0, len(entries))
		seen := map[string]bool{}
		done := make([]int64, len(entries))
		for i, e := range entries {
			done[i] = e.ID
			if !seen[e.ProposalID] {
				seen[e.ProposalID] = true
				ids = append(ids, e.ProposalID)
			}
		}
		if err := w.ix.Apply(ctx, w.src, ids); err != nil {
			return applied, err
		}
		if err := w.src.DeleteOutbox(ctx, done); err != nil {
			return applied, fmt.Errorf("search: delete outbox: %w", err)
		}
		applied += len(entries)
	}
}
