package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/idebank/idebank/bench"
)

// runBench runs the benchmark suite at one corpus size against a dedicated
// PostgreSQL database, prints the tables and writes them as JSON.
func runBench(ctx context.Context, cl *cli, args []string) error {
	fs := cl.flagSet("bench")
	size := fs.Int("size", 10000, "number of generated `proposals` (e.g. 1000, 10000, 100000)")
	pg := fs.String("postgres", "", "PostgreSQL `URL` for the run's own schema (default: --database-url)")
	out := fs.String("out", "bench-out", "`directory` for report.json, report.md and queries.json")
	seed := fs.Uint64("seed", 1, "`seed` of the corpus and the queries")
	dur := fs.Duration("duration", 10*time.Second, "length of each closed- and open-loop run")
	rate := fs.Int("rate", 200, "open-loop `requests` per second")
	writes := fs.Int("writes", 100, "create+publish `count` of the write-to-searchable run")
	crudOps := fs.Int("crud-ops", 200, "`cycles` of create, get, update and delete per database")
	keep := fs.Bool("keep", false, "keep the PostgreSQL schema and the work directory")
	if err := cl.parse(fs, args, false); err != nil {
		return err
	}
	if *pg == "" {
		*pg = cl.cfg.DatabaseURL
	}
	if *pg == "" {
		cl.usage(fs)
		return usagef("bench: --postgres (or DATABASE_URL) is required")
	}
	rep, err := bench.Run(ctx, bench.Config{
		Size: *size, Seed: *seed, PostgresURL: *pg, OutDir: *out,
		Duration: *dur, Rate: *rate, Writes: *writes, CRUDOps: *crudOps,
		Deadline: cl.cfg.RequestTimeout, Progress: cl.stderr, Keep: *keep,
		Command: strings.ReplaceAll("idebank bench "+strings.Join(args, " "), *pg, "$DATABASE_URL"),
	})
	if err != nil {
		return err
	}
	rep.WriteTables(cl.stdout)
	fmt.Fprintf(cl.stdout, "Written to %s/report.json, report.md and queries.json.\n", *out)
	return nil
}
