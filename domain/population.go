package domain

import (
	"context"
	"math"
	"math/bits"
	"slices"
)

// PopulationIn picks the figure that applies to year from one municipality's
// figures: the newest year ≤ year, or the oldest known year when year
// predates every figure (year 0 picks the newest). It is the same rule as
// MunicipalityStore.PopulationFor and reports false when figs is empty.
func PopulationIn(figs []PopulationFigure, year int) (PopulationFigure, bool) {
	if year == 0 {
		year = math.MaxInt
	}
	var best, oldest PopulationFigure
	found := false
	for i, f := range figs {
		if i == 0 || f.Year < oldest.Year {
			oldest = f
		}
		if f.Year <= year && (!found || f.Year > best.Year) {
			best, found = f, true
		}
	}
	if found {
		return best, true
	}
	return oldest, len(figs) > 0
}

// municipalitiesIn returns all municipalities, by code, with the population
// that applies to year (0: the newest).
func (s *Service) municipalitiesIn(ctx context.Context, year int) ([]Municipality, error) {
	all, err := s.Municipalities.ListMunicipalities(ctx)
	if err != nil || year == 0 {
		return all, err
	}
	figs, err := s.Comparison.PopulationFigures(ctx)
	if err != nil {
		return nil, err
	}
	byCode := make(map[string][]PopulationFigure, len(all))
	for _, f := range figs {
		byCode[f.Code] = append(byCode[f.Code], f)
	}
	out := make([]Municipality, len(all))
	for i, m := range all {
		if f, ok := PopulationIn(byCode[m.Code], year); ok {
			m.Population, m.PopulationYear = f.Population, f.Year
		}
		out[i] = m
	}
	return out, nil
}

// distinctYears returns the distinct years of ys, ascending, never nil.
func distinctYears(ys []int) []int {
	out := append([]int{}, ys...)
	slices.Sort(out)
	return slices.Compact(out)
}

// mulDivRound returns a × b / c rounded half up, for a, b ≥ 0 and c > 0,
// without overflow in the product; it returns 0 when c ≤ 0 and saturates at
// math.MaxInt64. Amounts are scaled with it, so money never passes through
// a float.
func mulDivRound(a, b, c int64) int64 {
	if c <= 0 || a <= 0 || b <= 0 {
		return 0
	}
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	lo, carry := bits.Add64(lo, uint64(c)/2, 0)
	hi += carry
	if hi >= uint64(c) {
		return math.MaxInt64
	}
	q, _ := bits.Div64(hi, lo, uint64(c))
	if q > math.MaxInt64 {
		return math.MaxInt64
	}
	return int64(q)
}
