package store

import (
	"context"

	"gorm.io/gorm"

	"github.com/idebank/idebank/domain"
)

// listOrders maps each sort to its ORDER BY; every order ends with the ID
// so that pages are stable.
var listOrders = map[domain.ListSort]string{
	domain.SortNewest:      "p.published_at DESC NULLS LAST, p.created_at DESC, p.id DESC",
	domain.SortOldest:      "COALESCE(p.submitted_at, p.created_at) ASC, p.id ASC",
	domain.SortPerResident: "p.per_resident_ore DESC, p.id ASC",
	domain.SortSavings:     "p.full_effect_dkk DESC, p.id ASC",
}

// ListProposals returns one page of proposals matching f (never deleted
// ones), each with its municipality's name and region. An empty sort means
// newest first; page and page size default to 1 and domain.DefaultPerPage
// and the size is capped at domain.MaxPerPage.
func (db *DB) ListProposals(ctx context.Context, f domain.ProposalFilter) (*domain.ProposalPage, error) {
	page, perPage := f.Page, f.PerPage
	if page < 1 {
		page = 1
	}
	if perPage < 1 {
		perPage = domain.DefaultPerPage
	}
	perPage = min(perPage, domain.MaxPerPage)
	order, ok := listOrders[f.Sort]
	if !ok {
		order = listOrders[domain.SortNewest]
	}

	var total int64
	if err := db.filtered(ctx, f).Count(&total).Error; err != nil {
		return nil, wrap(err, "count proposals")
	}
	var rows []proposalRow
	err := db.filtered(ctx, f).Select(proposalColumns).Order(order).
		Offset((page - 1) * perPage).Limit(perPage).Find(&rows).Error
	if err != nil {
		return nil, wrap(err, "list proposals")
	}
	items, err := proposalsToDomain(rows)
	if err != nil {
		return nil, err
	}
	if err := db.fillAdoptedBy(db.conn(ctx), items); err != nil {
		return nil, err
	}
	return &domain.ProposalPage{Items: items, Total: int(total), Page: page, PerPage: perPage}, nil
}

// filtered returns the live proposals matching f's conditions.
func (db *DB) filtered(ctx context.Context, f domain.ProposalFilter) *gorm.DB {
	q := db.proposalsJoined(ctx)
	published := string(domain.StatusPublished)
	switch {
	case f.PublicOnly:
		q = q.Where("p.status = ?", published)
	case len(f.Statuses) > 0:
		q = q.Where("p.status IN ?", f.Statuses)
	}
	if f.PrivateMunicipality != "" {
		q = q.Where("(p.status = ? OR p.municipality_code = ?)", published, f.PrivateMunicipality)
	}
	in := func(column string, values any, n int) {
		if n > 0 {
			q = q.Where(column+" IN ?", values)
		}
	}
	in("p.policy_area", f.PolicyAreas, len(f.PolicyAreas))
	in("p.measure_type", f.MeasureTypes, len(f.MeasureTypes))
	in("p.municipality_code", f.MunicipalityCodes, len(f.MunicipalityCodes))
	in("m.region", f.Regions, len(f.Regions))
	in("p.budget_year", f.BudgetYears, len(f.BudgetYears))
	return q
}
