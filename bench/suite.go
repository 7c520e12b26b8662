package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Config selects what a run measures.
type Config struct {
	// Size is the number of proposals generated (all published).
	Size int
	// Seed makes the corpus and the queries (default 1).
	Seed uint64
	// PostgresURL is a PostgreSQL database the run may use: it works in a
	// fresh schema of its own and drops it at the end (unless Keep).
	PostgresURL string
	// OutDir receives report.json and queries.json (default ./bench-out).
	OutDir string
	// WorkDir holds the SQLite file and the index (default a temporary directory).
	WorkDir string
	// Duration is the length of each closed- and open-loop run (default 10 s).
	Duration time.Duration
	// Rate is the open-loop request rate (default 200/s).
	Rate int
	// Concurrency lists the closed-loop client counts (default 8 and 32).
	Concurrency []int
	// Writes is the number of create+publish in the write-to-searchable run (default 100).
	Writes int
	// CRUDOps is how often each CRUD operation runs per back end (default 200).
	CRUDOps int
	// Deadline is the per-request deadline (default 10 s, the API's).
	Deadline time.Duration
	// Progress receives a progress line (nil: none).
	Progress io.Writer
	// Command is recorded in the report.
	Command string
	// Keep leaves the PostgreSQL schema and the work directory in place.
	Keep bool
}

func (c Config) withDefaults() Config {
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.OutDir == "" {
		c.OutDir = "bench-out"
	}
	if c.Duration <= 0 {
		c.Duration = 10 * time.Second
	}
	if c.Rate <= 0 {
		c.Rate = 200
	}
	if len(c.Concurrency) == 0 {
		c.Concurrency = []int{8, 32}
	}
	if c.Writes <= 0 {
		c.Writes = 100
	}
	if c.CRUDOps <= 0 {
		c.CRUDOps = 200
	}
	if c.Deadline <= 0 {
		c.Deadline = 10 * time.Second
	}
	if c.Progress == nil {
		c.Progress = io.Discard
	}
	return c
}

// Pathological queries are judged against this limit.
const pathologicalLimit = 200 * time.Millisecond

// Run generates the corpus, runs every measurement and writes the report
// to cfg.OutDir.
func Run(ctx context.Context, cfg Config) (rep *Report, err error) {
	cfg = cfg.withDefaults()
	if cfg.Size < 1 {
		return nil, errors.New("bench: size must be at least 1")
	}
	if cfg.PostgresURL == "" {
		return nil, errors.New("bench: a PostgreSQL database is needed (--postgres)")
	}
	work := cfg.WorkDir
	if work == "" {
		if work, err = os.MkdirTemp("", "idebank-bench-"); err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
	}
	if !cfg.Keep {
		defer os.RemoveAll(work)
	}
	rep = &Report{Size: cfg.Size, Seed: cfg.Seed, Started: time.Now().UTC(), Command: cfg.Command, Machine: machine(), Duration: cfg.Duration.String()}
	rep.LoadAverage[0] = loadAverage()
	p := &progress{w: cfg.Progress, start: time.Now()}

	pg, err := openPostgres(ctx, cfg.PostgresURL, cfg.Keep)
	if err != nil {
		return nil, err
	}
	defer func() { err = errors.Join(err, pg.Close()) }()
	rep.Machine.Postgres = pg.version

	if err := loadCorpus(ctx, cfg, pg.db, rep, p); err != nil {
		return nil, err
	}
	env, err := newEnv(ctx, pg, filepath.Join(work, "index"))
	if err != nil {
		return nil, err
	}
	defer func() { err = errors.Join(err, env.Close()) }()
	if err := buildIndexes(ctx, env, rep, p); err != nil {
		return nil, err
	}
	q := NewQueries(cfg.Seed, townNames(env.munis))
	rep.Queries = map[string][]string{"normal": q.Normal, "pathological": q.Pathological}
	if err := env.serve(ctx); err != nil {
		return nil, err
	}
	runSearch(ctx, cfg, env, q, rep, p)
	if err := runFreshness(ctx, cfg, env, q, rep, p); err != nil {
		return nil, err
	}
	if err := runCRUD(ctx, cfg, env, work, rep, p); err != nil {
		return nil, err
	}
	runEndpoints(ctx, cfg, env, rep, p)
	rep.Targets = checkTargets(rep)
	rep.LoadAverage[1] = loadAverage()
	rep.Seconds = time.Since(p.start).Seconds()
	p.done("finished in %s", time.Since(p.start).Round(time.Second))
	if err := rep.Write(cfg.OutDir); err != nil {
		return rep, err
	}
	return rep, nil
}

// progress prints a line that rewrites itself while a phase runs.
type progress struct {
	w     io.Writer
	start time.Time
}

func (p *progress) update(format string, args ...any) {
	fmt.Fprintf(p.w, "\r\033[K[%6s] %s", time.Since(p.start).Round(time.Second), fmt.Sprintf(format, args...))
}

func (p *progress) done(format string, args ...any) {
	p.update(format, args...)
	fmt.Fprintln(p.w)
}
