package main

import (
	"context"
	"fmt"
	"os"
	"runtime/pprof"
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

// runBenchSearch measures search alone on a corpus kept between runs: the
// quick loop for working on the search package.
func runBenchSearch(ctx context.Context, cl *cli, args []string) error {
	fs := cl.flagSet("bench search")
	size := fs.Int("size", 20000, "number of generated `proposals`")
	seed := fs.Uint64("seed", 1, "`seed` of the corpus and the queries")
	dir := fs.String("dir", "bench-work", "`directory` that keeps the corpus (SQLite) and the index between runs")
	rebuild := fs.Bool("rebuild", false, "rebuild the index even when it is current, and time it")
	passes := fs.Int("passes", 3, "`passes` over the queries; the first warms the caches")
	patho := fs.Bool("pathological", false, "measure the pathological queries instead of the normal ones")
	slowest := fs.Int("slowest", 10, "list this many of the slowest `queries`")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to `file` (go tool pprof)")
	if err := cl.parse(fs, args, false); err != nil {
		return err
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return fmt.Errorf("bench search: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("bench search: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	return bench.Quick(ctx, bench.QuickConfig{
		Size: *size, Seed: *seed, Dir: *dir, Rebuild: *rebuild, Passes: *passes,
		Pathological: *patho, Slowest: *slowest, Progress: cl.stderr,
	}, cl.stdout)
}
