package store

import (
	"context"

	"gorm.io/gorm"

	"github.com/idebank/idebank/domain"
)

// exportOrders maps each search order to its ORDER BY over published
// proposals, with the search index's tie-break (the ID); relevance
// (without a query text) falls back to newest, as in search.
var exportOrders = map[domain.SearchSort]string{
	domain.SearchNewest:      "p.published_at DESC, p.id ASC",
	domain.SearchRelevance:   "p.published_at DESC, p.id ASC",
	domain.SearchPerResident: "p.per_resident_ore DESC, p.id ASC",
	domain.SearchSavings:     "p.full_effect_dkk DESC, p.id ASC",
	domain.SearchAdoptions:   "p.adoption_count DESC, p.id ASC",
}

// ExportProposals returns every published proposal matching the filters of
// req in req.Sort's order, up to domain.MaxExportRows.
func (db *DB) ExportProposals(ctx context.Context, req domain.SearchRequest) ([]*domain.Proposal, error) {
	order, ok := exportOrders[req.Sort]
	if !ok {
		order = exportOrders[domain.SearchNewest]
	}
	var rows []proposalRow
	err := exportFiltered(db.proposalsJoined(ctx), req).Select(proposalColumns).
		Order(order).Limit(domain.MaxExportRows).Find(&rows).Error
	if err != nil {
		return nil, wrap(err, "export proposals")
	}
	return proposalsToDomain(rows)
}

// exportFiltered adds the search filters of req to q over published proposals.
func exportFiltered(q *gorm.DB, req domain.SearchRequest) *gorm.DB {
	q = q.Where("p.status = ?", domain.StatusPublished)
	in := func(column string, values any, n int) {
		if n > 0 {
			q = q.Where(column+" IN ?", values)
		}
	}
	in("p.policy_area", req.PolicyAreas, len(req.PolicyAreas))
	in("p.measure_type", req.MeasureTypes, len(req.MeasureTypes))
	in("p.municipality_code", req.MunicipalityCodes, len(req.MunicipalityCodes))
	in("m.region", req.Regions, len(req.Regions))
	in("p.budget_year", req.BudgetYears, len(req.BudgetYears))
	in("p.evidence_level", req.EvidenceLevels, len(req.EvidenceLevels))
	if req.ReducesService != nil {
		q = q.Where("p.reduces_service = ?", *req.ReducesService)
	}
	if req.MinPerResidentOre != nil {
		q = q.Where("p.per_resident_ore >= ?", *req.MinPerResidentOre)
	}
	if req.MaxPerResidentOre != nil {
		q = q.Where("p.per_resident_ore <= ?", *req.MaxPerResidentOre)
	}
	if len(req.AdoptedBy) > 0 {
		q = q.Where(`EXISTS (SELECT 1 FROM adoptions AS a WHERE a.proposal_id = p.id
			AND a.municipality_code IN ? AND a.status IN ?)`, req.AdoptedBy, countedStatuses)
	}
	return q
}

// PublishedByIDs returns the published proposals with the given IDs, in
// the order of ids, leaving out any that are no longer published.
func (db *DB) PublishedByIDs(ctx context.Context, ids []string) ([]*domain.Proposal, error) {
	found, err := db.proposalsWhereIn(ctx, "p.id", ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*domain.Proposal, len(found))
	for _, p := range found {
		if p.Status == domain.StatusPublished {
			byID[p.ID] = p
		}
	}
	out := make([]*domain.Proposal, 0, len(byID))
	for _, id := range ids {
		if p, ok := byID[id]; ok {
			out = append(out, p)
		}
	}
	return out, nil
}
