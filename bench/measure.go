package bench

import (
	"context"
	"errors"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// Target runs one query and reports whether it succeeded.
type Target func(ctx context.Context, q string) error

// Latency summarises the latencies of one measurement in milliseconds.
type Latency struct {
	N      int     `json:"n"`
	Errors int     `json:"errors"`
	P50    float64 `json:"p50_ms"`
	P95    float64 `json:"p95_ms"`
	P99    float64 `json:"p99_ms"`
	Max    float64 `json:"max_ms"`
	Mean   float64 `json:"mean_ms"`
	// Over counts the requests slower than the measurement's limit, if any.
	Over int `json:"over_limit,omitempty"`
	// FirstError is the first failure seen, for the report.
	FirstError string `json:"first_error,omitempty"`
	// CPUPerOpMS is the CPU time of this process and the local PostgreSQL
	// server per request, where measured.
	CPUPerOpMS float64 `json:"cpu_ms_per_op,omitempty"`
}

// recorder collects latencies from any number of goroutines.
type recorder struct {
	mu     sync.Mutex
	d      []time.Duration
	errors int
	first  error
}

func (r *recorder) add(d time.Duration, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		r.errors++
		if r.first == nil {
			r.first = err
		}
		return
	}
	r.d = append(r.d, d)
}

// summary returns the percentiles; limit, if positive, counts slower requests.
func (r *recorder) summary(limit time.Duration) Latency {
	r.mu.Lock()
	defer r.mu.Unlock()
	d := append([]time.Duration(nil), r.d...)
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	l := Latency{N: len(d), Errors: r.errors}
	if r.first != nil {
		l.FirstError = r.first.Error()
	}
	if len(d) == 0 {
		return l
	}
	var sum time.Duration
	for _, x := range d {
		sum += x
		if limit > 0 && x > limit {
			l.Over++
		}
	}
	l.P50, l.P95, l.P99 = ms(quantile(d, 0.50)), ms(quantile(d, 0.95)), ms(quantile(d, 0.99))
	l.Max, l.Mean = ms(d[len(d)-1]), ms(sum/time.Duration(len(d)))
	return l
}

// quantile returns the nearest-rank q-quantile of sorted d.
func quantile(d []time.Duration, q float64) time.Duration {
	i := int(float64(len(d))*q+0.999999) - 1
	return d[min(max(i, 0), len(d)-1)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// timed runs t once with a deadline and records its latency.
func timed(ctx context.Context, t Target, q string, deadline time.Duration, rec *recorder) {
	ctx, cancel := context.WithTimeout(ctx, deadline)
	defer cancel()
	start := time.Now()
	err := t(ctx, q)
	rec.add(time.Since(start), err)
}

// Sequential runs every query once, one at a time, then keeps cycling
// through them until minTime has passed. limit counts slow queries.
func Sequential(ctx context.Context, t Target, queries []string, minTime, deadline, limit time.Duration) Latency {
	rec := &recorder{}
	start, cpu := time.Now(), cpuSeconds()
	n := 0
	for ; ctx.Err() == nil; n++ {
		if n >= len(queries) && time.Since(start) >= minTime {
			break
		}
		timed(ctx, t, queries[n%len(queries)], deadline, rec)
	}
	l := rec.summary(limit)
	l.CPUPerOpMS = 1000 * (cpuSeconds() - cpu) / float64(max(n, 1))
	return l
}

// Throughput is the result of a closed-loop run.
type Throughput struct {
	Concurrency int     `json:"concurrency"`
	PerSecond   float64 `json:"per_second"`
	Latency     Latency `json:"latency"`
	// CPUPerOpMS is the CPU time of this process and the local PostgreSQL
	// server per request: a cost that other work on the machine does not skew.
	CPUPerOpMS float64 `json:"cpu_ms_per_op"`
}

// ClosedLoop runs c clients that each send the next query as soon as the
// previous one answers, for d.
func ClosedLoop(ctx context.Context, t Target, queries []string, c int, d, deadline time.Duration) Throughput {
	rec := &recorder{}
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var next atomic.Int64
	var wg sync.WaitGroup
	start, cpu := time.Now(), cpuSeconds()
	for range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1) - 1
				rctx, rcancel := context.WithTimeout(context.WithoutCancel(ctx), deadline)
				begin := time.Now()
				err := t(rctx, queries[int(i)%len(queries)])
				rcancel()
				if ctx.Err() != nil {
					return // the run ended during this request: not counted
				}
				rec.add(time.Since(begin), err)
			}
		}()
	}
	wg.Wait()
	l := rec.summary(0)
	return Throughput{
		Concurrency: c, PerSecond: float64(l.N) / time.Since(start).Seconds(), Latency: l,
		CPUPerOpMS: 1000 * (cpuSeconds() - cpu) / float64(max(l.N+l.Errors, 1)),
	}
}

// OpenLoop is the result of a fixed-rate run.
type OpenLoop struct {
	Rate    int     `json:"rate_per_second"`
	Sent    int     `json:"sent"`
	Dropped int     `json:"dropped"`
	Latency Latency `json:"latency"`
}

// maxInFlight bounds an open-loop run's outstanding requests; requests due
// beyond it are dropped and counted, not queued.
const maxInFlight = 512

// OpenLoopRun sends rate queries per second for d whatever the answers'
// speed, timing each from when it was due (so a stall shows up in the
// latencies instead of lowering the rate).
func OpenLoopRun(ctx context.Context, t Target, queries []string, rate int, d, deadline time.Duration) OpenLoop {
	rec := &recorder{}
	interval := time.Second / time.Duration(rate)
	total := int(d / interval)
	sem := make(chan struct{}, maxInFlight)
	var wg sync.WaitGroup
	start := time.Now()
	out := OpenLoop{Rate: rate}
	for i := 0; i < total && ctx.Err() == nil; i++ {
		due := start.Add(time.Duration(i) * interval)
		if w := time.Until(due); w > 0 {
			time.Sleep(w)
		}
		select {
		case sem <- struct{}{}:
		default:
			out.Dropped++
			rec.add(0, errors.New("bench: dropped: too many requests in flight"))
			continue
		}
		out.Sent++
		wg.Add(1)
		go func(q string) {
			defer wg.Done()
			defer func() { <-sem }()
			rctx, cancel := context.WithTimeout(ctx, deadline)
			defer cancel()
			err := t(rctx, q)
			rec.add(time.Since(due), err)
		}(queries[i%len(queries)])
	}
	wg.Wait()
	out.Latency = rec.summary(0)
	return out
}
