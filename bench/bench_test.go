package bench_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/idebank/idebank/bench"
	"github.com/idebank/idebank/internal/testutil"
)

// TestRun_SmokeAt1k runs the whole suite on 1,000 proposals with short
// load runs and checks that it produces sane output, not timings.
func TestRun_SmokeAt1k(t *testing.T) {
	if testing.Short() {
		t.Skip("bench: the smoke run takes about a minute")
	}
	base := os.Getenv(testutil.PostgresURLEnv)
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("bench: %s is not set but CI=true; the smoke run must run in CI", testutil.PostgresURLEnv)
		}
		t.Skipf("bench: %s is not set; skipping the benchmark smoke run", testutil.PostgresURLEnv)
	}
	out := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	rep, err := bench.Run(ctx, bench.Config{
		Size: 1000, PostgresURL: base, OutDir: out, WorkDir: t.TempDir(),
		Duration: 400 * time.Millisecond, Writes: 10, CRUDOps: 10,
	})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}

	if rep.Corpus.Docs != 1000 || rep.Build.Docs != 1000 || rep.Build.Postgres.Docs != 1000 {
		t.Errorf("docs: corpus %d, index %d, postgres %d; want 1000 each", rep.Corpus.Docs, rep.Build.Docs, rep.Build.Postgres.Docs)
	}
	for name, v := range map[string]float64{
		"build docs/s": rep.Build.DocsPerSec, "postgres build docs/s": rep.Build.Postgres.DocsPerSec,
		"index bytes": float64(rep.Build.IndexBytes), "peak RSS": rep.Build.PeakRSSMiB, "steady RSS": rep.Memory.SteadyRSSMiB,
	} {
		if v <= 0 {
			t.Errorf("%s = %v, want > 0", name, v)
		}
	}
	check := func(what string, l bench.Latency) {
		t.Helper()
		if l.N == 0 || l.Errors > 0 {
			t.Errorf("%s: %d measured, %d errors (%s)", what, l.N, l.Errors, l.FirstError)
		}
		if !(0 < l.P50 && l.P50 <= l.P95 && l.P95 <= l.P99 && l.P99 <= l.Max) {
			t.Errorf("%s: percentiles out of order: %+v", what, l)
		}
	}
	if len(rep.Search) != 12 {
		t.Errorf("%d search rows, want 12 (2 sets × 6 ways)", len(rep.Search))
	}
	for _, s := range rep.Search {
		check(s.Set+" "+s.Via, s.Latency)
	}
	for _, tp := range rep.Throughput {
		if tp.PerSecond <= 0 {
			t.Errorf("throughput %s c=%d: %v/s", tp.Via, tp.Concurrency, tp.PerSecond)
		}
		check("throughput "+tp.Via, tp.Latency)
	}
	for _, o := range rep.OpenLoop {
		check("open loop "+o.Via, o.Latency)
	}
	check("write to searchable", rep.Freshness.Delay)
	if len(rep.CRUD) != 8 {
		t.Errorf("%d CRUD rows, want 8", len(rep.CRUD))
	}
	for _, c := range rep.CRUD {
		check("crud "+c.Backend+" "+c.Op, c.Latency)
	}
	for _, e := range rep.Endpoints {
		check(e.Path, e.Latency)
	}

	for _, name := range []string{"report.json", "report.md", "queries.json"} {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil || len(b) == 0 {
			t.Fatalf("%s: %v (%d bytes)", name, err, len(b))
		}
	}
	var got bench.Report
	b, _ := os.ReadFile(filepath.Join(out, "report.json"))
	if err := json.Unmarshal(b, &got); err != nil || got.Size != 1000 || len(got.Targets) == 0 {
		t.Errorf("report.json: %v, size %d, %d targets", err, got.Size, len(got.Targets))
	}
}
