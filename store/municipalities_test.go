package store_test

import (
	"context"
	"testing"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

func testPopulationFor(t *testing.T, db *store.DB) {
	ctx := context.Background()
	if err := db.AddPopulation(ctx, "250", 2020, 45000); err != nil {
		t.Fatal(err)
	}
	if err := db.AddPopulation(ctx, "250", 2022, 45800); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		code     string
		year     int
		wantYear int
		wantPop  int64
	}{
		{"LaterBudgetYearUsesNewestFigure", "250", 2030, 2024, 46358},
		{"ExactYear", "250", 2024, 2024, 46358},
		{"YearBetweenFiguresUsesTheOneBefore", "250", 2023, 2022, 45800},
		{"YearBeforeEveryFigureUsesTheOldest", "250", 2015, 2020, 45000},
		{"OtherMunicipality", "101", 2025, 2024, 659350},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.PopulationFor(ctx, tt.code, tt.year)
			if err != nil {
				t.Fatal(err)
			}
			if want := (domain.PopulationFigure{Code: tt.code, Year: tt.wantYear, Population: tt.wantPop}); got != want {
				t.Fatalf("PopulationFor(%s, %d) = %+v, want %+v", tt.code, tt.year, got, want)
			}
		})
	}
	t.Run("UnknownCode", func(t *testing.T) {
		_, err := db.PopulationFor(ctx, "999", 2025)
		mustErrIs(t, err, domain.ErrNotFound)
	})
	t.Run("MunicipalityShowsNewestFigure", func(t *testing.T) {
		m, err := db.FindMunicipality(ctx, "250")
		if err != nil {
			t.Fatal(err)
		}
		if m.Population != 46358 || m.PopulationYear != 2024 {
			t.Fatalf("population %d (%d), want 46358 (2024)", m.Population, m.PopulationYear)
		}
	})
}

func testMunicipalities(t *testing.T, db *store.DB) {
	ctx := context.Background()
	ms, err := db.ListMunicipalities(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 98 {
		t.Fatalf("%d municipalities, want 98", len(ms))
	}
	if want := (domain.Municipality{Code: "101", Name: "København", Region: "Region Hovedstaden", Population: 659350, PopulationYear: 2024}); ms[0] != want {
		t.Fatalf("first municipality %+v, want %+v", ms[0], want)
	}
	var total int64
	for i, m := range ms {
		total += m.Population
		if i > 0 && ms[i-1].Code >= m.Code {
			t.Fatalf("municipalities not ordered by code at %s", m.Code)
		}
	}
	if total != 5961158 {
		t.Fatalf("total population %d, want 5961158", total)
	}
	m, err := db.FindMunicipality(ctx, "851")
	if err != nil || m.Name != "Aalborg" || m.Region != "Region Nordjylland" {
		t.Fatalf("FindMunicipality(851) = %+v, %v", m, err)
	}
	_, err = db.FindMunicipality(ctx, "999")
	mustErrIs(t, err, domain.ErrNotFound)
}

func testLoadMunicipalitiesTwice(t *testing.T, db *store.DB) {
	ctx := context.Background()
	// testutil has loaded them once already.
	if err := db.LoadMunicipalities(ctx); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"municipalities", "municipality_populations"} {
		n, err := db.CountRows(ctx, table)
		if err != nil {
			t.Fatal(err)
		}
		if n != 98 {
			t.Errorf("%s has %d rows, want 98", table, n)
		}
	}
}

func testMunicipalityStats(t *testing.T, db *store.DB) {
	svc, _ := newService(t, db)
	ctx := context.Background()
	testutil.MustCreatePublished(t, svc, testutil.ValidProposalInput()) // 1941 øre
	small := testutil.ValidProposalInput()
	small.Savings = []domain.Saving{{Year: 2025, AmountDKK: 46358}} // 100 øre
	testutil.MustCreatePublished(t, svc, small)
	testutil.MustCreateProposal(t, svc, domain.System, testutil.ValidProposalInput()) // draft
	deleted := testutil.MustCreatePublished(t, svc, testutil.ValidProposalInput())
	if err := svc.DeleteProposal(ctx, domain.System, deleted.ID, deleted.Version); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		code string
		want domain.MunicipalityStats
	}{
		{"250", domain.MunicipalityStats{PublishedCount: 2, SumPerResidentOre: 2041}},
		{"101", domain.MunicipalityStats{}},
	}
	for _, tt := range tests {
		got, err := db.MunicipalityStats(ctx, tt.code)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("stats of %s = %+v, want %+v", tt.code, got, tt.want)
		}
	}
}
