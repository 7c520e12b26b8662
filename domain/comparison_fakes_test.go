package domain

import (
	"cmp"
	"context"
	"slices"
)

// comparisonFake is an in-memory MunicipalityStore and ComparisonStore over
// a fixed set of municipalities, population figures and published proposals.
type comparisonFake struct {
	munis     []Municipality // newest population
	figures   []PopulationFigure
	proposals []*Proposal // all published
}

var (
	_ MunicipalityStore = (*comparisonFake)(nil)
	_ ComparisonStore   = (*comparisonFake)(nil)
)

func (f *comparisonFake) service() *Service {
	return &Service{Municipalities: f, Comparison: f, Proposals: proposalsFake{f: f}, Curation: noAdoptions{}}
}

// noAdoptions is a curation store in which no municipality adopted anything.
type noAdoptions struct{ CurationStore }

func (noAdoptions) ListMunicipalityAdoptions(context.Context, string) ([]MunicipalityAdoption, error) {
	return nil, nil
}

func (f *comparisonFake) ListMunicipalities(context.Context) ([]Municipality, error) {
	return slices.Clone(f.munis), nil
}

func (f *comparisonFake) FindMunicipality(_ context.Context, code string) (*Municipality, error) {
	m, err := findIn(f.munis, code)
	return &m, err
}

func (f *comparisonFake) PopulationFor(_ context.Context, code string, year int) (PopulationFigure, error) {
	var figs []PopulationFigure
	for _, p := range f.figures {
		if p.Code == code {
			figs = append(figs, p)
		}
	}
	p, ok := PopulationIn(figs, year)
	if !ok {
		return p, ErrNotFound
	}
	return p, nil
}

func (f *comparisonFake) MunicipalityStats(_ context.Context, code string) (MunicipalityStats, error) {
	var st MunicipalityStats
	for _, p := range f.proposals {
		if p.Municipality.Code == code && p.Status == StatusPublished {
			st.PublishedCount++
			st.SumPerResidentOre += p.PerResidentOre
		}
	}
	return st, nil
}

func (f *comparisonFake) PopulationFigures(context.Context) ([]PopulationFigure, error) {
	return slices.Clone(f.figures), nil
}

func (f *comparisonFake) matching(q FigureQuery) []*Proposal {
	in := func(set []string, v string) bool { return len(set) == 0 || slices.Contains(set, v) }
	var out []*Proposal
	for _, p := range f.proposals {
		if p.Status == StatusPublished && in(q.PolicyAreas, p.PolicyArea) && in(q.MeasureTypes, p.MeasureType) &&
			in(q.EvidenceLevels, p.EvidenceLevel) && in(q.MunicipalityCodes, p.Municipality.Code) &&
			(len(q.BudgetYears) == 0 || slices.Contains(q.BudgetYears, p.BudgetYear)) &&
			!(q.ExcludeReducesService && p.ReducesService) {
			out = append(out, p)
		}
	}
	return out
}

func (f *comparisonFake) PublishedTotals(_ context.Context, q FigureQuery) ([]MunicipalityTotal, error) {
	byCode := map[string]*MunicipalityTotal{}
	var out []MunicipalityTotal
	for _, p := range f.matching(q) {
		t := byCode[p.Municipality.Code]
		if t == nil {
			t = &MunicipalityTotal{Code: p.Municipality.Code}
			byCode[p.Municipality.Code] = t
		}
		t.ProposalCount++
		t.SumPerResidentOre += p.PerResidentOre
		t.TotalDKK += p.FullEffectDKK
	}
	for _, t := range byCode {
		out = append(out, *t)
	}
	return out, nil
}

func (f *comparisonFake) TopProposals(_ context.Context, q FigureQuery) ([]*Proposal, error) {
	out := f.matching(q)
	slices.SortFunc(out, func(a, b *Proposal) int {
		return cmp.Or(cmp.Compare(b.PerResidentOre, a.PerResidentOre), cmp.Compare(a.ID, b.ID))
	})
	return out[:min(q.Limit, len(out))], nil
}

// proposalsFake finds the fake's proposals by ID; calling any other method
// of the (nil) embedded store panics.
type proposalsFake struct {
	ProposalStore
	f *comparisonFake
}

func (p proposalsFake) FindProposalByID(_ context.Context, id string) (*Proposal, error) {
	for _, pr := range p.f.proposals {
		if pr.ID == id {
			return pr, nil
		}
	}
	return nil, ErrNotFound
}

// published returns a published proposal of municipality m with a full
// effect of fullDKK measured against population pop, the 2024 figure (or the
// budget year's, when earlier).
func published(id string, m Municipality, year int, fullDKK, pop int64) *Proposal {
	p := &Proposal{
		ID: id, Status: StatusPublished, Municipality: m.Ref(), BudgetYear: year,
		PolicyArea: "administration", MeasureType: "digitalisering", EvidenceLevel: "decided",
		Savings: []Saving{{Year: year, AmountDKK: fullDKK / 2}, {Year: year + 1, AmountDKK: fullDKK}},
	}
	p.ApplyFigures(PopulationFigure{Code: m.Code, Year: min(year, 2024), Population: pop})
	return p
}
