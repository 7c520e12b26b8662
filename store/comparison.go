package store

import (
	"context"

	"gorm.io/gorm"

	"github.com/idebank/idebank/domain"
)

var _ domain.ComparisonStore = (*DB)(nil)

// PopulationFigures returns every known population figure, by code then year.
func (db *DB) PopulationFigures(ctx context.Context) ([]domain.PopulationFigure, error) {
	var rows []populationRow
	if err := db.conn(ctx).Order("code, year").Find(&rows).Error; err != nil {
		return nil, wrap(err, "list population figures")
	}
	out := make([]domain.PopulationFigure, len(rows))
	for i, r := range rows {
		out[i] = domain.PopulationFigure{Code: r.Code, Year: r.Year, Population: r.Population}
	}
	return out, nil
}

// municipalityTotalRow is one municipality's sums over its published proposals.
type municipalityTotalRow struct {
	Code              string
	ProposalCount     int
	SumPerResidentOre int64
	TotalDKK          int64 `gorm:"column:total_dkk"`
}

// PublishedTotals sums the published proposals matching q per municipality
// in the database, from the covering index of migration 00003, so that only
// one row per municipality is read. Municipalities without a matching
// proposal are absent.
func (db *DB) PublishedTotals(ctx context.Context, q domain.FigureQuery) ([]domain.MunicipalityTotal, error) {
	var rows []municipalityTotalRow
	err := matchingFigures(db.conn(ctx).Table("proposals AS p"), q).
		Select(`p.municipality_code AS code, COUNT(*) AS proposal_count,
			CAST(SUM(p.per_resident_ore) AS BIGINT) AS sum_per_resident_ore,
			CAST(SUM(p.full_effect_dkk) AS BIGINT) AS total_dkk`).
		Group("p.municipality_code").Scan(&rows).Error
	if err != nil {
		return nil, wrap(err, "sum published proposals")
	}
	out := make([]domain.MunicipalityTotal, len(rows))
	for i, r := range rows {
		out[i] = domain.MunicipalityTotal(r)
	}
	return out, nil
}

// TopProposals returns up to q.Limit published proposals matching q with
// their municipality's name and region, by per-resident figure descending,
// then ID ascending (the order of the ranking index of migration 00003).
func (db *DB) TopProposals(ctx context.Context, q domain.FigureQuery) ([]*domain.Proposal, error) {
	var rows []proposalRow
	err := matchingFigures(db.proposalsJoined(ctx), q).Select(proposalColumns).
		Order(listOrders[domain.SortPerResident]).Limit(q.Limit).Find(&rows).Error
	if err != nil {
		return nil, wrap(err, "rank proposals")
	}
	return proposalsToDomain(rows)
}

// matchingFigures narrows tx, a query over proposals aliased p, to the live
// published proposals matching q.
func matchingFigures(tx *gorm.DB, q domain.FigureQuery) *gorm.DB {
	tx = tx.Where("p.deleted_at IS NULL AND p.status = ?", domain.StatusPublished)
	for _, f := range []struct {
		column string
		values []string
	}{
		{"p.policy_area", q.PolicyAreas},
		{"p.measure_type", q.MeasureTypes},
		{"p.evidence_level", q.EvidenceLevels},
		{"p.municipality_code", q.MunicipalityCodes},
	} {
		if len(f.values) > 0 {
			tx = tx.Where(f.column+" IN ?", f.values)
		}
	}
	if len(q.BudgetYears) > 0 {
		tx = tx.Where("p.budget_year IN ?", q.BudgetYears)
	}
	if q.ExcludeReducesService {
		tx = tx.Where("p.reduces_service = ?", false)
	}
	return tx
}
