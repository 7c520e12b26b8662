package domain

import (
	"context"
	"errors"
	"math"
	"slices"
	"testing"
)

func TestPopulationIn(t *testing.T) {
	figs := []PopulationFigure{{Year: 2024, Population: 3}, {Year: 2020, Population: 1}, {Year: 2022, Population: 2}}
	tests := []struct {
		name     string
		year     int
		wantYear int
	}{
		{"exact year", 2022, 2022},
		{"newest year before", 2023, 2022},
		{"after every figure", 2030, 2024},
		{"before every figure takes the oldest", 2015, 2020},
		{"zero takes the newest", 0, 2024},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := PopulationIn(figs, tt.year)
			if !ok || got.Year != tt.wantYear {
				t.Fatalf("got %+v ok=%v, want year %d", got, ok, tt.wantYear)
			}
		})
	}
	if _, ok := PopulationIn(nil, 2024); ok {
		t.Fatal("no figures: ok=true, want false")
	}
}

func TestMulDivRound(t *testing.T) {
	tests := []struct {
		a, b, c, want int64
	}{
		{1941, 650000, 100, 12616500},
		{5, 1, 10, 1}, // 0,5 rounds up
		{4, 1, 10, 0},
		{7, 3, 0, 0},
		{math.MaxInt64, math.MaxInt64, math.MaxInt64, math.MaxInt64}, // product overflows 64 bits, quotient fits
		{math.MaxInt64, 4, 2, math.MaxInt64},                         // saturates
	}
	for _, tt := range tests {
		if got := mulDivRound(tt.a, tt.b, tt.c); got != tt.want {
			t.Errorf("mulDivRound(%d, %d, %d)=%d, want %d", tt.a, tt.b, tt.c, got, tt.want)
		}
	}
}

func TestService_Estimate(t *testing.T) {
	svc := comparisonFixture().service()
	t.Run("scales per-resident figure and profile to København", func(t *testing.T) {
		// a1: 900.000 kr. / 46.358 = 19,41 kr./indb.; 19,41 × 650.000 = 12.616.500 kr.
		// profile 450.000 → 450.000 × 12.616.500 / 900.000 = 6.308.250 kr.
		e, err := svc.Estimate(context.Background(), Public, "a1", "101")
		if err != nil {
			t.Fatal(err)
		}
		if e.EstimatedDKK != 12616500 || e.Municipality.Population != 650000 || e.Municipality.PopulationYear != 2024 {
			t.Fatalf("estimate=%d population=%d/%d", e.EstimatedDKK, e.Municipality.Population, e.Municipality.PopulationYear)
		}
		want := []Saving{{2024, 6308250}, {2025, 12616500}}
		if !slices.Equal(e.Profile, want) || e.Basis != "per_resident_scaling" {
			t.Fatalf("profile=%v basis=%s, want %v", e.Profile, e.Basis, want)
		}
	})
	t.Run("uses the population of the proposal's budget year", func(t *testing.T) {
		pr := published("x", Municipality{Code: "101"}, 2023, 65000, 650000) // 0,10 kr./indb.
		e := EstimateFor(pr, Municipality{Code: "250", Population: 46000, PopulationYear: 2023})
		if e.EstimatedDKK != 4600 {
			t.Fatalf("estimate=%d, want 4600", e.EstimatedDKK)
		}
	})
	tests := []struct {
		name, id, code string
		want           error
	}{
		{"draft is hidden from the public", "d1", "101", ErrNotFound},
		{"unknown municipality", "a1", "999", ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := svc.Estimate(context.Background(), Public, tt.id, tt.code); !errors.Is(err, tt.want) {
				t.Fatalf("err=%v, want %v", err, tt.want)
			}
		})
	}
	t.Run("malformed code", func(t *testing.T) {
		var v *ValidationError
		if _, err := svc.Estimate(context.Background(), Public, "a1", "1"); !errors.As(err, &v) || v.Problems[0].Pointer != "/municipality" {
			t.Fatalf("err=%v, want a problem at /municipality", err)
		}
	})
}
