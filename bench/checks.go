package bench

import "time"

// cutoffSlack is how far past its deadline a cut-off query may end and
// still count as cut off cleanly.
const cutoffSlack = 50 * time.Millisecond

// checkTargets compares a report with the performance targets (set for
// 100k proposals on two cores; smaller runs are checked against the same
// numbers).
func checkTargets(r *Report) []TargetCheck {
	search := func(set, via string) Latency {
		for _, s := range r.Search {
			if s.Set == set && s.Via == via {
				return s.Latency
			}
		}
		return Latency{}
	}
	tput := func(via string, c int) ThroughputRow {
		for _, t := range r.Throughput {
			if t.Via == via && t.Concurrency == c {
				return t
			}
		}
		return ThroughputRow{}
	}
	in, web := search("normal", ViaInProcess), search("normal", ViaHTTP)
	inC, webC := search("normal", ViaInProcessCached), search("normal", ViaHTTPCached)
	patho := search("pathological", ViaInProcess)
	c8, c8C := tput(ViaInProcess, 8), tput(ViaInProcessCached, 8)
	crudP99 := 0.0
	for _, c := range r.CRUD {
		if c.Backend == "postgres" {
			crudP99 = max(crudP99, c.Latency.P99)
		}
	}
	return []TargetCheck{
		atMost("search p50 in-process", in.P50, 2, "ms"),
		atMost("search p99 in-process", in.P99, 20, "ms"),
		atMost("search p99 over HTTP", web.P99, 30, "ms"),
		atLeast("searches/s at concurrency 8 (in-process)", c8.PerSecond, 1000, "/s"),
		atLeast("throughput vs ranked PostgreSQL FTS at concurrency 8", c8.VsPG, 5, "×"),
		atMost("search p50 in-process, result cache on", inC.P50, 2, "ms"),
		atMost("search p99 in-process, result cache on", inC.P99, 20, "ms"),
		atMost("search p99 over HTTP, result cache on", webC.P99, 30, "ms"),
		atLeast("searches/s at concurrency 8 (in-process), result cache on", c8C.PerSecond, 1000, "/s"),
		atLeast("throughput vs ranked PostgreSQL FTS at concurrency 8, result cache on", c8C.VsPG, 5, "×"),
		atMost("pathological queries over 200 ms (in-process)", float64(patho.Over), 0, "queries"),
		atMost("slowest pathological query with a 200 ms deadline (answered or cut off)", r.Cutoff.Max, ms(pathologicalLimit+cutoffSlack), "ms"),
		atLeast("full index rebuild", r.Build.DocsPerSec, 2000, "docs/s"),
		atMost("index size vs raw text", r.Build.SizeVsText, 1.5, "×"),
		atMost("steady RSS while searching", r.Memory.SteadyRSSMiB, 1024, "MiB"),
		atMost("write-to-searchable p99", r.Freshness.Delay.P99, 1000, "ms"),
		atMost("API CRUD p99 on PostgreSQL (slowest operation)", crudP99, 10, "ms"),
	}
}

func atMost(name string, v, limit float64, unit string) TargetCheck {
	return TargetCheck{Name: name, Target: "≤ " + num(limit) + " " + unit, Value: v, Unit: unit, Met: v <= limit}
}

func atLeast(name string, v, limit float64, unit string) TargetCheck {
	return TargetCheck{Name: name, Target: "≥ " + num(limit) + " " + unit, Value: v, Unit: unit, Met: v >= limit}
}
