package bench

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteTables prints the report as Markdown tables (readable in a terminal
// and ready for docs/benchmarks.md).
func (r *Report) WriteTables(w io.Writer) {
	m := r.Machine
	fmt.Fprintf(w, "### %d proposals\n\n", r.Size)
	fmt.Fprintf(w, "%s; %d CPUs (%s), %d MiB RAM; %s; PostgreSQL %s; commit %s; seed %d; %s per load run; total %.0f s; load average %s at the start, %s at the end.\n\n",
		r.Started.Format("2006-01-02 15:04 MST"), m.CPUs, m.CPUModel, m.MemoryMiB, m.GoVersion, m.Postgres, short(m.Commit), r.Seed, r.Duration, r.Seconds, r.LoadAverage[0], r.LoadAverage[1])

	c, b := r.Corpus, r.Build
	table(w, []string{"corpus and index", "Idébank (bleve)", "PostgreSQL (tsvector + GIN)", "ratio"}, [][]string{
		{"proposals", num(float64(c.Docs)), num(float64(b.Postgres.Docs)), ""},
		{"raw text", mib(c.TextBytes), mib(c.TextBytes), ""},
		{"mean description words", num(c.AvgWords), "", ""},
		{"generate + bulk load", fmt.Sprintf("%.1f s (%s/s)", c.LoadSeconds, num(c.LoadDocsSec)), "", ""},
		{"full index build", fmt.Sprintf("%.1f s", b.Seconds), fmt.Sprintf("%.1f s", b.Postgres.Seconds), ""},
		{"CPU time of the build", fmt.Sprintf("%.1f s", b.CPUSeconds), fmt.Sprintf("%.1f s", b.Postgres.CPUSeconds), x(ratio(b.CPUSeconds, b.Postgres.CPUSeconds))},
		{"build docs/s", num(b.DocsPerSec), num(b.Postgres.DocsPerSec), x(b.SpeedVsPG)},
		{"index size", mib(b.IndexBytes), mib(b.Postgres.SizeBytes), x(b.SizeVsPG)},
		{"index size ÷ raw text", x(b.SizeVsText), x(float64(b.Postgres.SizeBytes) / float64(max(b.TextBytes, 1))), ""},
		{"peak RSS during build", fmt.Sprintf("%.0f MiB", b.PeakRSSMiB), "", ""},
		{"steady RSS while searching (of it anonymous)", fmt.Sprintf("%.0f MiB (%.0f MiB)", r.Memory.SteadyRSSMiB, r.Memory.SteadyAnonMiB), "", ""},
	})

	var rows [][]string
	for _, s := range r.Search {
		l := s.Latency
		rows = append(rows, []string{s.Set, s.Via, f2(l.P50), f2(l.P95), f2(l.P99), f2(l.Max), strconv.Itoa(l.Over), errs(l), x(s.P50VsPG), x(s.P99VsPG), f2(l.CPUPerOpMS)})
	}
	cut := r.Cutoff
	rows = append(rows, []string{"pathological", ViaInProcess + ", 200 ms deadline", f2(cut.P50), f2(cut.P95), f2(cut.P99), f2(cut.Max), "", fmt.Sprintf("%d cut off", cut.Errors), "", "", f2(cut.CPUPerOpMS)})
	table(w, []string{"set", "search, single client", "p50 ms", "p95 ms", "p99 ms", "max ms", "> 200 ms", "errors", "p50 ÷ PG", "p99 ÷ PG", "CPU ms/query"}, rows)

	rows = nil
	for _, t := range r.Throughput {
		rows = append(rows, []string{t.Via, strconv.Itoa(t.Concurrency), num(t.PerSecond), f2(t.Latency.P50), f2(t.Latency.P99), errs(t.Latency), x(t.VsPG), f2(t.CPUPerOpMS), x(t.CPUVsPG)})
	}
	table(w, []string{"closed loop, normal set", "clients", "searches/s", "p50 ms", "p99 ms", "errors", "÷ PG ranked", "CPU ms/search", "CPU ÷ PG ranked"}, rows)

	rows = nil
	for _, o := range r.OpenLoop {
		rows = append(rows, []string{o.Via, strconv.Itoa(o.Rate), strconv.Itoa(o.Sent), strconv.Itoa(o.Dropped), f2(o.Latency.P50), f2(o.Latency.P99), errs(o.Latency), x(o.P99VsPG)})
	}
	table(w, []string{"open loop, normal set", "rate/s", "sent", "dropped", "p50 ms", "p99 ms", "errors", "p99 ÷ PG ranked"}, rows)

	f := r.Freshness
	table(w, []string{"write → searchable (mixed load)", "writes", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "searches during"}, [][]string{
		{"create + publish via domain.Service, outbox indexer woken by each commit (else every " + f.IndexerInterval + ")", strconv.Itoa(f.Writes), f2(f.Delay.P50), f2(f.Delay.P95), f2(f.Delay.P99), f2(f.Delay.Max), errs(f.Delay), strconv.Itoa(f.SearchesDuring)},
	})

	rows = nil
	for _, c := range r.CRUD {
		rows = append(rows, []string{c.Backend, c.Op, f2(c.Latency.P50), f2(c.Latency.P99), errs(c.Latency), x(c.P99VsPG)})
	}
	table(w, []string{"API CRUD over HTTP", "operation", "p50 ms", "p99 ms", "errors", "p99 ÷ PostgreSQL"}, rows)

	rows = nil
	for _, e := range r.Endpoints {
		rows = append(rows, []string{"`" + e.Path + "`", f2(e.Latency.P50), f2(e.Latency.P99), errs(e.Latency)})
	}
	table(w, []string{"comparison endpoint (PostgreSQL, all published)", "p50 ms", "p99 ms", "errors"}, rows)

	rows = nil
	for _, t := range r.Targets {
		met := "missed"
		if t.Met {
			met = "met"
		}
		rows = append(rows, []string{t.Name, t.Target, num(t.Value) + " " + t.Unit, met})
	}
	table(w, []string{"target", "goal", "measured", ""}, rows)
}

// table prints a Markdown table.
func table(w io.Writer, head []string, rows [][]string) {
	line := func(cells []string) { fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | ")) }
	line(head)
	sep := make([]string, len(head))
	for i := range sep {
		sep[i] = "---"
	}
	line(sep)
	for _, r := range rows {
		line(r)
	}
	fmt.Fprintln(w)
}

func errs(l Latency) string {
	if l.Errors == 0 {
		return "0"
	}
	return fmt.Sprintf("%d (%s)", l.Errors, clip(l.FirstError, 80))
}

// f2 formats v with two decimals, or with two significant digits when it
// is that small (a cached search takes microseconds).
func f2(v float64) string {
	if v > 0 && v < 0.1 {
		return strconv.FormatFloat(v, 'g', 2, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}

// x formats a ratio, or nothing for none.
func x(v float64) string {
	if v == 0 {
		return ""
	}
	return f2(v) + "×"
}

// num formats a number with at most one decimal and thousands separators,
// or with two significant digits below 1.
func num(v float64) string {
	if v > 0 && v < 1 {
		return strconv.FormatFloat(v, 'g', 2, 64)
	}
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// short abbreviates the hash of a commit, keeping any note after it.
func short(commit string) string {
	hash, note, _ := strings.Cut(commit, " ")
	if len(hash) > 12 {
		hash = hash[:12]
	}
	return strings.TrimSpace(hash + " " + note)
}
