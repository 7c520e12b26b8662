package domain

import (
	"context"
	"fmt"
)

// BasisPerResidentScaling says that an estimate scales a proposal's savings
// by population; it is an estimate, not a calculation of the other
// municipality's own budget.
const BasisPerResidentScaling = "per_resident_scaling"

// Estimate is what a proposal would save in another municipality
// ["hvad ville det give hos os"]: the proposal's savings scaled from the
// population they were measured against to the target's population.
type Estimate struct {
	Proposal *Proposal
	// Municipality is the target with the population used (the newest
	// year ≤ the proposal's budget year, else the oldest known).
	Municipality Municipality
	EstimatedDKK int64    // the full effect scaled
	Profile      []Saving // every year of the phase-in profile scaled
	Basis        string   // BasisPerResidentScaling
}

// Estimate scales the savings of proposal id to municipality code. It
// returns ErrNotFound when p may not see the proposal or the code is unknown.
func (s *Service) Estimate(ctx context.Context, p Principal, id, code string) (*Estimate, error) {
	if !isMunicipalityCode(code) {
		return nil, Invalid("/municipality", "Angiv kommunens kode med tre cifre, fx 101.")
	}
	pr, err := s.GetProposal(ctx, p, id)
	if err != nil {
		return nil, err
	}
	m, err := s.Municipalities.FindMunicipality(ctx, code)
	if err != nil {
		return nil, err
	}
	pop, err := s.Municipalities.PopulationFor(ctx, code, pr.BudgetYear)
	if err != nil {
		return nil, fmt.Errorf("domain: population of %s in %d: %w", code, pr.BudgetYear, err)
	}
	m.Population, m.PopulationYear = pop.Population, pop.Year
	return EstimateFor(pr, *m), nil
}

// EstimateFor scales pr's savings to m's population. The estimate is the
// per-resident figure (in øre, as published) × m.Population, in whole kroner
// rounded half up, so that a reader can redo it from the figures shown. Each
// year of the profile is scaled by the same factor, amount × estimate / full
// effect (rounded half up), so the fully phased-in year equals the estimate.
func EstimateFor(pr *Proposal, m Municipality) *Estimate {
	est := mulDivRound(pr.PerResidentOre, m.Population, 100)
	e := &Estimate{
		Proposal:     pr,
		Municipality: m,
		EstimatedDKK: est,
		Profile:      make([]Saving, len(pr.Savings)),
		Basis:        BasisPerResidentScaling,
	}
	for i, sv := range pr.Savings {
		e.Profile[i] = Saving{Year: sv.Year, AmountDKK: mulDivRound(sv.AmountDKK, est, pr.FullEffectDKK)}
	}
	return e
}
