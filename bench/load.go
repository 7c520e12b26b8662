package bench

import (
	"context"
	"strings"
	"time"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/store"
)

// loadBatch is how many proposals one bulk insert writes.
const loadBatch = 2000

// loadCorpus generates the corpus into PostgreSQL and records its figures.
func loadCorpus(ctx context.Context, cfg Config, db *store.DB, rep *Report, p *progress) error {
	start := time.Now()
	st, err := Load(ctx, db, cfg.Size, cfg.Seed, func(done int) { p.update("load corpus into PostgreSQL: %d/%d", done, cfg.Size) })
	if err != nil {
		return err
	}
	st.LoadSeconds = time.Since(start).Seconds()
	st.LoadDocsSec = float64(st.Docs) / st.LoadSeconds
	rep.Corpus = st
	p.done("load corpus into PostgreSQL: %d proposals, %.0f MiB of text, %.0f/s", st.Docs, float64(st.TextBytes)/(1<<20), st.LoadDocsSec)
	return nil
}

// Load generates size proposals of seed and bulk-inserts them into db
// (which must be migrated and hold the municipalities), generating the
// next batch while the previous one is written. progress, if not nil,
// gets the number written so far.
func Load(ctx context.Context, db *store.DB, size int, seed uint64, progress func(done int)) (CorpusStats, error) {
	munis, err := db.ListMunicipalities(ctx)
	if err != nil {
		return CorpusStats{}, err
	}
	type key struct {
		code string
		year int
	}
	pops := map[key]domain.PopulationFigure{}
	c := NewCorpus(seed, munis, func(code string, year int) (domain.PopulationFigure, error) {
		k := key{code, year}
		if f, ok := pops[k]; ok {
			return f, nil
		}
		f, err := db.PopulationFor(ctx, code, year)
		pops[k] = f
		return f, err
	})
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []*domain.Proposal, 2)
	var st CorpusStats
	var words int64
	genErr := make(chan error, 1)
	go func() {
		defer close(batches)
		for done := 0; done < size; {
			batch := make([]*domain.Proposal, 0, min(loadBatch, size-done))
			for len(batch) < cap(batch) {
				pr, err := c.Next()
				if err != nil {
					genErr <- err
					return
				}
				st.TextBytes += int64(TextBytes(pr))
				words += int64(len(strings.Fields(pr.Description)))
				batch = append(batch, pr)
			}
			done += len(batch)
			select {
			case batches <- batch:
			case <-ctx.Done():
				genErr <- ctx.Err()
				return
			}
		}
		genErr <- nil
	}()
	for batch := range batches {
		if err := db.BulkInsertProposals(ctx, batch); err != nil {
			return st, err
		}
		st.Docs += len(batch)
		if progress != nil {
			progress(st.Docs)
		}
	}
	if err := <-genErr; err != nil {
		return st, err
	}
	st.AvgWords = float64(words) / float64(max(st.Docs, 1))
	return st, nil
}
