package domain

import (
	"cmp"
	"context"
	"slices"
)

// MunicipalityRankFilter selects the proposals and municipalities of a
// municipality ranking.
type MunicipalityRankFilter struct {
	Scope
	// BudgetYear limits the sums to one budget year and picks the
	// population of that year; 0 sums every budget year with the newest
	// population.
	BudgetYear int
}

// MunicipalityRank is one row of a municipality ranking: the summed
// per-resident figure of its published proposals, their count and their
// summed full effect.
type MunicipalityRank struct {
	Rank              int // 1-based position after the tie-break
	Municipality      Municipality
	ProposalCount     int
	SumPerResidentOre int64
	TotalDKK          int64
}

// MunicipalityRanking ranks municipalities by summed per-resident figure.
type MunicipalityRanking struct {
	BudgetYear      int // 0: every budget year
	PopulationYears []int
	Peer            *PeerGroup
	Items           []MunicipalityRank
}

// RankMunicipalities ranks every municipality in f's scope by the summed
// per-resident figure of its published proposals (municipalities without
// any have 0), ties broken by summed kroner, then by code.
func (s *Service) RankMunicipalities(ctx context.Context, f MunicipalityRankFilter) (*MunicipalityRanking, error) {
	v := &ValidationError{}
	if f.BudgetYear != 0 {
		checkBudgetYear(v, f.BudgetYear)
	}
	checkScope(v, f.Scope)
	if err := v.Err(); err != nil {
		return nil, err
	}
	all, err := s.municipalitiesIn(ctx, f.BudgetYear)
	if err != nil {
		return nil, err
	}
	members, peer, err := applyScope(all, f.Scope)
	if err != nil {
		return nil, err
	}
	var q FigureQuery
	if f.BudgetYear != 0 {
		q.BudgetYears = []int{f.BudgetYear}
	}
	totals, err := s.Comparison.PublishedTotals(ctx, q)
	if err != nil {
		return nil, err
	}
	years := make([]int, len(members))
	for i, m := range members {
		years[i] = m.PopulationYear
	}
	return &MunicipalityRanking{
		BudgetYear:      f.BudgetYear,
		PopulationYears: distinctYears(years),
		Peer:            peer,
		Items:           rankMunicipalities(members, totals),
	}, nil
}

// rankMunicipalities joins members with their totals and orders them by
// summed per-resident figure, summed kroner (both descending), then code.
func rankMunicipalities(members []Municipality, totals []MunicipalityTotal) []MunicipalityRank {
	byCode := make(map[string]MunicipalityTotal, len(totals))
	for _, t := range totals {
		byCode[t.Code] = t
	}
	items := make([]MunicipalityRank, len(members))
	for i, m := range members {
		t := byCode[m.Code]
		items[i] = MunicipalityRank{Municipality: m, ProposalCount: t.ProposalCount,
			SumPerResidentOre: t.SumPerResidentOre, TotalDKK: t.TotalDKK}
	}
	slices.SortFunc(items, func(a, b MunicipalityRank) int {
		return cmp.Or(
			cmp.Compare(b.SumPerResidentOre, a.SumPerResidentOre),
			cmp.Compare(b.TotalDKK, a.TotalDKK),
			cmp.Compare(a.Municipality.Code, b.Municipality.Code),
		)
	})
	for i := range items {
		items[i].Rank = i + 1
	}
	return items
}
