package bench

import (
	"context"
	"time"
)

// comparisonPaths are the rankings and potential requests a director's
// page makes.
var comparisonPaths = []string{
	"/api/v1/rankings/proposals?limit=20",
	"/api/v1/rankings/proposals?limit=20&policy_area=aeldre-og-sundhed",
	"/api/v1/rankings/municipalities",
	"/api/v1/rankings/municipalities?budget_year=2024",
	"/api/v1/analysis/potential?top=10",
	"/api/v1/analysis/potential?top=10&budget_year=2024",
}

// endpointRuns is how often each comparison request runs at least.
const endpointRuns = 50

// runEndpoints measures the comparison endpoints over HTTP on PostgreSQL
// with the whole corpus published.
func runEndpoints(ctx context.Context, cfg Config, e *env, rep *Report, p *progress) {
	runs := make([]string, endpointRuns)
	for _, path := range comparisonPaths {
		p.update("comparison endpoint %s", path)
		l := Sequential(ctx, HTTPGet(e.client, e.base, path), runs, time.Duration(0), cfg.Deadline, 0)
		rep.Endpoints = append(rep.Endpoints, EndpointRow{Path: path, Latency: l})
	}
	p.done("comparison endpoints measured")
}
