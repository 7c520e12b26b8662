package domain

import "context"

// Overview is the idea bank in figures, as the start page shows it.
type Overview struct {
	Published      int   // published proposals
	Municipalities int   // municipalities in the reference data
	TotalDKK       int64 // summed full effects of the published proposals
	// MunicipalitiesWithProposals counts the municipalities that have
	// published at least one proposal.
	MunicipalitiesWithProposals int
	Top                         []*Proposal // highest per-resident figures
	Newest                      []*Proposal // most recently published
}

// Overview returns the published figures of the idea bank with the n best
// (per resident) and n newest published proposals.
func (s *Service) Overview(ctx context.Context, n int) (*Overview, error) {
	ms, err := s.Municipalities.ListMunicipalities(ctx)
	if err != nil {
		return nil, err
	}
	totals, err := s.Comparison.PublishedTotals(ctx, FigureQuery{})
	if err != nil {
		return nil, err
	}
	o := &Overview{Municipalities: len(ms), MunicipalitiesWithProposals: len(totals)}
	for _, t := range totals {
		o.Published += t.ProposalCount
		o.TotalDKK += t.TotalDKK
	}
	for _, l := range []struct {
		sort ListSort
		dst  *[]*Proposal
	}{{SortPerResident, &o.Top}, {SortNewest, &o.Newest}} {
		page, err := s.ListProposals(ctx, Public, ProposalFilter{Sort: l.sort, PerPage: max(n, 1)})
		if err != nil {
			return nil, err
		}
		*l.dst = page.Items
	}
	return o, nil
}
