package bench

import (
	"context"
	"runtime"
	"time"
)

// buildIndexes rebuilds the search index from PostgreSQL, measuring speed,
// peak memory and size, and then builds the PostgreSQL FTS baseline.
func buildIndexes(ctx context.Context, e *env, rep *Report, p *progress) error {
	runtime.GC()
	resetPeakRSS()
	start, cpu := time.Now(), cpuSeconds()
	err := e.ix.Rebuild(ctx, e.pg.db, func(done, total int) {
		p.update("rebuild search index: %d/%d", done, total)
	})
	if err != nil {
		return err
	}
	b := &rep.Build
	b.Seconds, b.CPUSeconds = time.Since(start).Seconds(), cpuSeconds()-cpu
	b.PeakRSSMiB = peakRSSMiB()
	b.Docs = rep.Corpus.Docs
	b.DocsPerSec = float64(b.Docs) / b.Seconds
	b.IndexBytes = settledDirBytes(ctx, e.ixDir, 3*time.Second, time.Minute)
	b.TextBytes = rep.Corpus.TextBytes
	b.SizeVsText = ratio(float64(b.IndexBytes), float64(b.TextBytes))
	p.done("rebuild search index: %d docs in %.1f s (%.0f/s), %.0f MiB on disk", b.Docs, b.Seconds, b.DocsPerSec, float64(b.IndexBytes)/(1<<20))

	p.update("build PostgreSQL tsvector + GIN baseline")
	if b.Postgres, err = BuildPostgresFTS(ctx, e.pg.raw); err != nil {
		return err
	}
	b.SpeedVsPG = ratio(b.DocsPerSec, b.Postgres.DocsPerSec)
	b.SizeVsPG = ratio(float64(b.IndexBytes), float64(b.Postgres.SizeBytes))
	p.done("build PostgreSQL baseline: %.1f s (%.0f/s), %.0f MiB", b.Postgres.Seconds, b.Postgres.DocsPerSec, float64(b.Postgres.SizeBytes)/(1<<20))
	return nil
}
