package domain

import (
	"context"
	"fmt"
)

// MaxExportRows is the most proposals one export holds.
const MaxExportRows = 100000

// ExportStore lists published proposals for exports.
type ExportStore interface {
	// ExportProposals returns every published proposal matching the filters
	// of req (its Q, Page and PerPage are ignored) in req.Sort's order
	// (newest for relevance), up to MaxExportRows.
	ExportProposals(ctx context.Context, req SearchRequest) ([]*Proposal, error)
	// PublishedByIDs returns the published proposals with the given IDs, in
	// the order of ids, leaving out any that are no longer published.
	PublishedByIDs(ctx context.Context, ids []string) ([]*Proposal, error)
}

// Export returns the published proposals a search with req would find, all
// of them (not one page), in the search's order, with every public field.
// It applies the search's defaults to req (so that req.Sort names the
// order used). Anyone may export: only published proposals are included.
func (s *Service) Export(ctx context.Context, req *SearchRequest) ([]*Proposal, error) {
	req.Page, req.PerPage = 1, MaxPerPage
	if err := req.normalize(); err != nil {
		return nil, err
	}
	if req.Q == "" {
		return s.Curation.ExportProposals(ctx, *req)
	}
	return s.exportSearched(ctx, *req)
}

// exportSearched collects the IDs of every hit of a search with a query
// text, page by page, and loads those proposals in the hits' order.
func (s *Service) exportSearched(ctx context.Context, req SearchRequest) ([]*Proposal, error) {
	if s.Searcher == nil {
		return nil, Invalid("/q", "Søgning i teksten er ikke mulig her; eksportér uden søgetekst, eller brug API'et.")
	}
	var ids []string
	for {
		res, err := s.Searcher.Search(ctx, req)
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if len(res.Hits) < req.PerPage || len(ids) >= res.Total {
			break
		}
		if len(ids) >= MaxExportRows {
			return nil, Invalid("", fmt.Sprintf("Eksporten må højst have %d forslag; indsnævr søgningen.", MaxExportRows))
		}
		req.Page++
	}
	return s.Curation.PublishedByIDs(ctx, ids)
}
