package bench

import (
	"context"
	"fmt"
	"time"
)

// warmUp is how many queries warm each way's caches before it is measured.
const warmUp = 50

// way is one way of answering a query.
type way struct {
	via string
	t   Target
}

func (e *env) ways() []way {
	return []way{
		{ViaInProcess, ServiceSearch(e.svc, true)},
		{ViaHTTP, HTTPSearch(e.client, e.base, true)},
		{ViaInProcessCached, ServiceSearch(e.svc, false)},
		{ViaHTTPCached, HTTPSearch(e.client, e.base, false)},
		{ViaPGRanked, PostgresRanked(e.pg.raw)},
		{ViaPGMatch, PostgresMatch(e.pg.raw)},
	}
}

// runSearch measures single-client latency for both query sets, then
// closed-loop throughput and open-loop latency for the normal set, each
// way side by side with PostgreSQL FTS.
func runSearch(ctx context.Context, cfg Config, e *env, q Queries, rep *Report, p *progress) {
	rss := sampleRSS(250 * time.Millisecond)
	defer func() { rep.Memory.SteadyRSSMiB, rep.Memory.SteadyAnonMiB = rss.Stop() }()
	ways := e.ways()
	for _, w := range ways {
		p.update("warm up: %s", w.via)
		Sequential(ctx, w.t, q.Normal[:min(warmUp, len(q.Normal))], 0, cfg.Deadline, 0)
	}
	for _, set := range []struct {
		name    string
		queries []string
	}{{"normal", q.Normal}, {"pathological", q.Pathological}} {
		var pg Latency
		for _, w := range ways {
			p.update("search %s queries, single client: %s", set.name, w.via)
			l := Sequential(ctx, w.t, set.queries, cfg.Duration/2, cfg.Deadline, pathologicalLimit)
			row := SearchRow{Set: set.name, Via: w.via, Latency: l}
			if w.via == ViaPGRanked {
				pg = l
			}
			rep.Search = append(rep.Search, row)
		}
		for i := range rep.Search {
			if r := &rep.Search[i]; r.Set == set.name && r.Via != ViaPGRanked {
				r.P50VsPG, r.P99VsPG = ratio(r.Latency.P50, pg.P50), ratio(r.Latency.P99, pg.P99)
			}
		}
	}
	p.update("pathological queries with a %s deadline", pathologicalLimit)
	rep.Cutoff = Sequential(ctx, ServiceSearch(e.svc, true), q.Pathological, 0, pathologicalLimit, 0)
	p.done("search latency: %s", summarise(rep.Search))

	for _, c := range cfg.Concurrency {
		first := len(rep.Throughput)
		var pg Throughput
		for _, w := range ways {
			p.update("throughput at concurrency %d for %s: %s", c, cfg.Duration, w.via)
			t := ClosedLoop(ctx, w.t, q.Normal, c, cfg.Duration, cfg.Deadline)
			if w.via == ViaPGRanked {
				pg = t
			}
			rep.Throughput = append(rep.Throughput, ThroughputRow{Via: w.via, Throughput: t})
		}
		for i := first; i < len(rep.Throughput); i++ {
			if r := &rep.Throughput[i]; r.Via != ViaPGRanked {
				r.VsPG, r.CPUVsPG = ratio(r.PerSecond, pg.PerSecond), ratio(r.CPUPerOpMS, pg.CPUPerOpMS)
			}
		}
	}
	p.done("throughput measured")

	var pg float64
	for _, w := range ways {
		p.update("open loop at %d/s for %s: %s", cfg.Rate, cfg.Duration, w.via)
		o := OpenLoopRun(ctx, w.t, q.Normal, cfg.Rate, cfg.Duration, cfg.Deadline)
		if w.via == ViaPGRanked {
			pg = o.Latency.P99
		}
		rep.OpenLoop = append(rep.OpenLoop, OpenLoopRow{Via: w.via, OpenLoop: o})
	}
	for i := range rep.OpenLoop {
		if r := &rep.OpenLoop[i]; r.Via != ViaPGRanked {
			r.P99VsPG = ratio(r.Latency.P99, pg)
		}
	}
	p.done("open loop measured")
}

// summarise gives the in-process and PostgreSQL p50 of the normal set.
func summarise(rows []SearchRow) string {
	s := ""
	for _, r := range rows {
		if r.Set == "normal" {
			s += fmt.Sprintf("%s p50 %.2f ms; ", r.Via, r.Latency.P50)
		}
	}
	return s
}
