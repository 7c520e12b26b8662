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
	o := &Overview{Municipalities: len(ms)}
	withProposals := map[string]bool{}
	f := ProposalFilter{Sort: SortPerResident, PerPage: MaxPerPage}
	for f.Page = 1; ; f.Page++ {
		page, err := s.ListProposals(ctx, Public, f)
		if err != nil {
			return nil, err
		}
		for _, p := range page.Items {
			o.TotalDKK += p.FullEffectDKK
			withProposals[p.Municipality.Code] = true
			if len(o.Top) < n {
				o.Top = append(o.Top, p)
			}
		}
		o.Published = page.Total
		if f.Page*f.PerPage >= page.Total {
			break
		}
	}
	o.MunicipalitiesWithProposals = len(withProposals)
	newest, err := s.ListProposals(ctx, Public, ProposalFilter{Sort: SortNewest, PerPage: max(n, 1)})
	if err != nil {
		return nil, err
	}
	o.Newest = newest.Items
	return o, nil
}
