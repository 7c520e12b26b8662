package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Report is everything one run measured. It is written as report.json and
// printed as tables.
type Report struct {
	Size     int       `json:"size"`
	Seed     uint64    `json:"seed"`
	Started  time.Time `json:"started"`
	Seconds  float64   `json:"seconds"`
	Command  string    `json:"command,omitempty"`
	Machine  Machine   `json:"machine"`
	Duration string    `json:"duration_per_load_run"`
	// LoadAverage is /proc/loadavg at the start and the end: how busy the
	// shared machine was.
	LoadAverage [2]string `json:"load_average"`

	Corpus CorpusStats `json:"corpus"`
	Build  BuildStats  `json:"index_build"`
	Search []SearchRow `json:"search"`
	// Cutoff is the pathological set in-process with a 200 ms deadline:
	// errors are the queries cut off, Max how long the slowest took.
	Cutoff     Latency             `json:"pathological_with_200ms_deadline"`
	Throughput []ThroughputRow     `json:"throughput"`
	OpenLoop   []OpenLoopRow       `json:"open_loop"`
	Memory     MemoryStats         `json:"memory"`
	Freshness  FreshnessStats      `json:"write_to_searchable"`
	CRUD       []CRUDRow           `json:"crud"`
	Endpoints  []EndpointRow       `json:"comparison_endpoints"`
	Targets    []TargetCheck       `json:"targets"`
	Queries    map[string][]string `json:"-"`
}

// CorpusStats describes the generated corpus and its loading.
type CorpusStats struct {
	Docs        int     `json:"docs"`
	TextBytes   int64   `json:"text_bytes"`
	AvgWords    float64 `json:"avg_description_words"`
	LoadSeconds float64 `json:"generate_and_load_seconds"`
	LoadDocsSec float64 `json:"load_docs_per_second"`
}

// BuildStats is a full index rebuild, next to PostgreSQL's tsvector + GIN build.
type BuildStats struct {
	Docs       int           `json:"docs"`
	Seconds    float64       `json:"seconds"`
	CPUSeconds float64       `json:"cpu_seconds"`
	DocsPerSec float64       `json:"docs_per_second"`
	PeakRSSMiB float64       `json:"peak_rss_mib"`
	IndexBytes int64         `json:"index_bytes"`
	TextBytes  int64         `json:"text_bytes"`
	SizeVsText float64       `json:"index_size_vs_text"`
	Postgres   PostgresBuild `json:"postgres"`
	SpeedVsPG  float64       `json:"docs_per_second_vs_postgres"`
	SizeVsPG   float64       `json:"size_vs_postgres"`
}

// Ways a query is answered. The idebank ways search every time; the
// "cached" ones may answer a repeated query from the index's result cache,
// as production does.
const (
	ViaInProcess       = "idebank in-process"
	ViaHTTP            = "idebank HTTP"
	ViaInProcessCached = "idebank in-process, cached"
	ViaHTTPCached      = "idebank HTTP, cached"
	ViaPGRanked        = "postgres ranked"
	ViaPGMatch         = "postgres match-only"
)

// SearchRow is single-client latency of one query set through one way,
// with ratios to ranked PostgreSQL FTS on the same set (below 1 is faster).
type SearchRow struct {
	Set     string  `json:"set"`
	Via     string  `json:"via"`
	Latency Latency `json:"latency"`
	P50VsPG float64 `json:"p50_vs_postgres_ranked,omitempty"`
	P99VsPG float64 `json:"p99_vs_postgres_ranked,omitempty"`
}

// ThroughputRow is a closed-loop run, with the throughput ratio to ranked
// PostgreSQL FTS at the same concurrency (above 1 is faster).
type ThroughputRow struct {
	Via string `json:"via"`
	Throughput
	VsPG float64 `json:"vs_postgres_ranked,omitempty"`
	// CPUVsPG is the CPU per request over ranked PostgreSQL's (below 1 is cheaper).
	CPUVsPG float64 `json:"cpu_vs_postgres_ranked,omitempty"`
}

// OpenLoopRow is a fixed-rate run, with the p99 ratio to ranked PostgreSQL FTS.
type OpenLoopRow struct {
	Via string `json:"via"`
	OpenLoop
	P99VsPG float64 `json:"p99_vs_postgres_ranked,omitempty"`
}

// MemoryStats are the resident set sizes of the process.
type MemoryStats struct {
	// SteadyRSSMiB is the largest resident set seen while serving searches,
	// mapped index files included.
	SteadyRSSMiB float64 `json:"steady_rss_mib"`
	// SteadyAnonMiB is the anonymous part of it: the Go heap and stacks.
	SteadyAnonMiB float64 `json:"steady_anon_rss_mib"`
}

// FreshnessStats is the delay from a publish returning to the proposal
// being found by search, while searches run alongside.
type FreshnessStats struct {
	Writes          int     `json:"writes"`
	Delay           Latency `json:"delay"`
	SearchesDuring  int     `json:"searches_during"`
	IndexerInterval string  `json:"indexer_interval"`
}

// CRUDRow is one API operation on one database, single client over HTTP.
type CRUDRow struct {
	Backend string  `json:"backend"`
	Op      string  `json:"op"`
	Latency Latency `json:"latency"`
	// P99VsPG is this back end's p99 over PostgreSQL's for the same operation.
	P99VsPG float64 `json:"p99_vs_postgres,omitempty"`
}

// EndpointRow is a comparison endpoint over HTTP on PostgreSQL.
type EndpointRow struct {
	Path    string  `json:"path"`
	Latency Latency `json:"latency"`
}

// TargetCheck is one of the performance targets and whether this run met it.
type TargetCheck struct {
	Name   string  `json:"name"`
	Target string  `json:"target"`
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	Met    bool    `json:"met"`
}

// Write stores the report as report.json and report.md (the tables) and
// the query lists as queries.json in dir.
func (r *Report) Write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	var md bytes.Buffer
	r.WriteTables(&md)
	if err := os.WriteFile(filepath.Join(dir, "report.md"), md.Bytes(), 0o644); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	for name, v := range map[string]any{"report.json": r, "queries.json": r.Queries} {
		b, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return fmt.Errorf("bench: encode %s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), append(b, '\n'), 0o644); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
	}
	return nil
}

// ratio returns a/b, or 0 when b is 0.
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}
