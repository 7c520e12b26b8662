package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/idebank/idebank/api"
	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

// benchProposals is how many published proposals the comparison benchmarks run on.
const benchProposals = 10_000

// BenchmarkComparisonEndpoints answers each comparison endpoint through the
// HTTP API over benchProposals published proposals, on SQLite and (with
// IDEBANK_TEST_DATABASE_URL) PostgreSQL, and reports the 99th percentile
// latency next to ns/op. Target: p99 < 50 ms.
//
//	go test ./store -run '^$' -bench ComparisonEndpoints -benchtime 200x
func BenchmarkComparisonEndpoints(b *testing.B) {
	backends := []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", testutil.NewSQLite}, {"postgres", testutil.NewPostgres}}
	for _, be := range backends {
		b.Run(be.name, func(b *testing.B) {
			db := be.open(b)
			svc, _ := testutil.NewService(b, db)
			id := mustInsertBenchProposals(b, db, benchProposals)
			srv := api.NewServer(svc, api.Options{})
			for _, target := range []string{
				"/api/v1/proposals/" + id + "/estimate?municipality=101",
				"/api/v1/rankings/proposals",
				"/api/v1/rankings/proposals?policy_area=skole&peer=band&municipality=250&limit=100",
				"/api/v1/rankings/municipalities?budget_year=2025",
				"/api/v1/analysis/potential?top=10&budget_year=2025",
				"/api/v1/analysis/potential?top=5&peer=similar&municipality=250",
				"/api/v1/peer-groups/250",
				"/api/v1/municipalities/250",
			} {
				b.Run(target, func(b *testing.B) { benchGet(b, srv, target) })
			}
		})
	}
}

// benchGet requests target b.N times and reports the p99 latency in ms.
func benchGet(b *testing.B, h http.Handler, target string) {
	took := make([]time.Duration, 0, b.N)
	for b.Loop() {
		rec := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		took = append(took, time.Since(start))
		if rec.Code != http.StatusOK {
			b.Fatalf("status=%d: %s", rec.Code, rec.Body)
		}
	}
	slices.Sort(took)
	p99 := took[(len(took)*99+99)/100-1]
	b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
}

// mustInsertBenchProposals bulk-inserts n published proposals spread over
// every municipality, policy area, measure type and budget years
// 2022–2026 (one in ten lowers the service level) and returns one ID.
func mustInsertBenchProposals(b *testing.B, db *store.DB, n int) string {
	b.Helper()
	ctx := context.Background()
	munis, err := db.ListMunicipalities(ctx)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	ps := make([]*domain.Proposal, n)
	for i := range ps {
		m := munis[rng.IntN(len(munis))]
		year := 2022 + rng.IntN(5)
		full := int64(50_000 + rng.IntN(20_000_000))
		p := &domain.Proposal{
			ID: domain.NewID(now), Ref: fmt.Sprintf("IB-%d-%05d", year, i), Status: domain.StatusPublished, Version: 2,
			Title: fmt.Sprintf("Forslag nummer %d", i), Summary: "Et forslag til benchmark.",
			PolicyArea:   domain.PolicyAreas[rng.IntN(len(domain.PolicyAreas))].Value,
			MeasureType:  domain.MeasureTypes[rng.IntN(len(domain.MeasureTypes))].Value,
			Municipality: m.Ref(), BudgetYear: year,
			Savings:        []domain.Saving{{Year: year, AmountDKK: full / 2}, {Year: year + 1, AmountDKK: full}},
			ReducesService: rng.IntN(10) == 0, EvidenceLevel: "decided", Tags: []string{},
			CreatedAt: now, UpdatedAt: now, PublishedAt: &now,
		}
		p.ApplyFigures(domain.PopulationFigure{Code: m.Code, Year: m.PopulationYear, Population: m.Population})
		ps[i] = p
	}
	if err := db.InsertProposalRows(ctx, ps); err != nil {
		b.Fatal(err)
	}
	return ps[0].ID
}
