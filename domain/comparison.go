package domain

import (
	"context"
	"fmt"
)

// ComparisonStore answers the read-only questions behind the comparison for
// directors [sammenligning]. It only ever looks at published proposals that
// are not soft-deleted.
type ComparisonStore interface {
	// PopulationFigures returns every known population figure, by code then year.
	PopulationFigures(ctx context.Context) ([]PopulationFigure, error)
	// PublishedTotals sums the published proposals matching q per
	// municipality (q.Limit is ignored). Municipalities without a matching
	// proposal are absent.
	PublishedTotals(ctx context.Context, q FigureQuery) ([]MunicipalityTotal, error)
	// TopProposals returns up to q.Limit published proposals matching q,
	// ordered by per-resident figure descending, then ID ascending.
	TopProposals(ctx context.Context, q FigureQuery) ([]*Proposal, error)
}

// FigureQuery selects published proposals for the comparison queries.
// Empty slices mean "any".
type FigureQuery struct {
	PolicyAreas       []string
	MeasureTypes      []string
	EvidenceLevels    []string
	MunicipalityCodes []string
	BudgetYears       []int
	// ExcludeReducesService leaves out proposals that lower the service level.
	ExcludeReducesService bool
	Limit                 int
}

// MunicipalityTotal is the sum of one municipality's published proposals.
type MunicipalityTotal struct {
	Code              string
	ProposalCount     int
	SumPerResidentOre int64 // summed per-resident figures, in øre
	TotalDKK          int64 // summed full effects, in kroner
}

// Limits of the comparison queries.
const (
	DefaultRankLimit = 20
	MaxRankLimit     = 100
)

// Scope restricts a comparison to some municipalities. With Peer set, it is
// the peer group of the single municipality in Municipalities; otherwise the
// municipalities listed (none means all), always intersected with Regions.
type Scope struct {
	Municipalities []string
	Regions        []string
	Peer           PeerKind
}

// ProposalRankFilter selects the proposals of a proposal ranking.
type ProposalRankFilter struct {
	Scope
	PolicyAreas    []string
	MeasureTypes   []string
	EvidenceLevels []string
	BudgetYears    []int
	// IncludeReducesService also ranks proposals that lower the service
	// level; they are left out by default.
	IncludeReducesService bool
	Limit                 int // 1..MaxRankLimit, 0 means DefaultRankLimit
}

// ProposalRanking is a list of published proposals by per-resident figure.
type ProposalRanking struct {
	Items []*Proposal
	// PopulationYears are the distinct population years the listed
	// per-resident figures were computed with, ascending.
	PopulationYears []int
	Peer            *PeerGroup // the peer group ranked within, if any
}

// RankProposals returns the published proposals matching f with the highest
// per-resident figure, ties broken by ID.
func (s *Service) RankProposals(ctx context.Context, f ProposalRankFilter) (*ProposalRanking, error) {
	if f.Limit == 0 {
		f.Limit = DefaultRankLimit
	}
	v := &ValidationError{}
	if f.Limit < 1 || f.Limit > MaxRankLimit {
		v.Add("/limit", fmt.Sprintf("Antallet skal være mellem 1 og %d.", MaxRankLimit))
	}
	requireOptions(v, "/policy_area", PolicyAreas, f.PolicyAreas, "Ukendt fagområde: %s.")
	requireOptions(v, "/measure_type", MeasureTypes, f.MeasureTypes, "Ukendt type af tiltag: %s.")
	requireOptions(v, "/evidence_level", EvidenceLevels, f.EvidenceLevels, "Ukendt dokumentationsgrad: %s.")
	for _, y := range f.BudgetYears {
		checkBudgetYear(v, y)
	}
	checkScope(v, f.Scope)
	if err := v.Err(); err != nil {
		return nil, err
	}
	year := 0 // peer groups use the newest population unless one budget year is asked for
	if len(f.BudgetYears) == 1 {
		year = f.BudgetYears[0]
	}
	members, peer, err := s.resolveScope(ctx, f.Scope, year)
	if err != nil {
		return nil, err
	}
	out := &ProposalRanking{Items: []*Proposal{}, PopulationYears: []int{}, Peer: peer}
	if members != nil && len(members) == 0 {
		return out, nil
	}
	q := FigureQuery{
		PolicyAreas: f.PolicyAreas, MeasureTypes: f.MeasureTypes, EvidenceLevels: f.EvidenceLevels,
		MunicipalityCodes: codesOf(members), BudgetYears: f.BudgetYears,
		ExcludeReducesService: !f.IncludeReducesService, Limit: f.Limit,
	}
	items, err := s.Comparison.TopProposals(ctx, q)
	if err != nil {
		return nil, err
	}
	years := make([]int, len(items))
	for i, p := range items {
		years[i] = p.PopulationYear
	}
	out.Items, out.PopulationYears = items, distinctYears(years)
	return out, nil
}

// checkBudgetYear adds a problem when year is outside the allowed range.
func checkBudgetYear(v *ValidationError, year int) {
	if year < MinBudgetYear || year > MaxBudgetYear {
		v.Add("/budget_year", fmt.Sprintf("Budgetåret skal ligge mellem %d og %d.", MinBudgetYear, MaxBudgetYear))
	}
}

// codesOf returns the codes of ms, or nil when ms is nil (no restriction).
func codesOf(ms []Municipality) []string {
	if ms == nil {
		return nil
	}
	codes := make([]string, len(ms))
	for i, m := range ms {
		codes[i] = m.Code
	}
	return codes
}
