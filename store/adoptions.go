package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/idebank/idebank/domain"
)

// Compile-time check that DB implements the curation port.
var _ domain.CurationStore = (*DB)(nil)

// adoptionRow is a row of adoptions. The adopting municipality's name and
// region are read from a join and never written.
type adoptionRow struct {
	ProposalID         string `gorm:"primaryKey"`
	MunicipalityCode   string `gorm:"primaryKey"`
	MunicipalityName   string `gorm:"->"`
	MunicipalityRegion string `gorm:"->"`
	Status             string
	ExpectedDKK        int64 `gorm:"column:expected_dkk"`
	RealisedDKK        int64 `gorm:"column:realised_dkk"`
	Note               string
	DecidedOn          string
	ImplementedOn      string
	UpdatedBy          string
	CreatedAt          time.Time `gorm:"autoCreateTime:false"`
	UpdatedAt          time.Time `gorm:"autoUpdateTime:false"`
}

func (adoptionRow) TableName() string { return "adoptions" }

func adoptionFromDomain(a *domain.Adoption) *adoptionRow {
	return &adoptionRow{
		ProposalID: a.ProposalID, MunicipalityCode: a.Municipality.Code,
		Status: string(a.Status), ExpectedDKK: a.ExpectedDKK, RealisedDKK: a.RealisedDKK,
		Note: a.Note, DecidedOn: a.DecidedOn, ImplementedOn: a.ImplementedOn,
		UpdatedBy: a.UpdatedBy, CreatedAt: a.CreatedAt.UTC(), UpdatedAt: a.UpdatedAt.UTC(),
	}
}

func (r *adoptionRow) toDomain() domain.Adoption {
	return domain.Adoption{
		ProposalID:   r.ProposalID,
		Municipality: domain.MunicipalityRef{Code: r.MunicipalityCode, Name: r.MunicipalityName, Region: r.MunicipalityRegion},
		Status:       domain.AdoptionStatus(r.Status), ExpectedDKK: r.ExpectedDKK, RealisedDKK: r.RealisedDKK,
		Note: r.Note, DecidedOn: r.DecidedOn, ImplementedOn: r.ImplementedOn,
		UpdatedBy: r.UpdatedBy, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
	}
}

// countedStatuses are the adoption statuses in a proposal's adoption_count.
var countedStatuses = []string{string(domain.AdoptionAdopted), string(domain.AdoptionImplemented)}

// SaveAdoption inserts or updates the adoption of (a.ProposalID,
// a.Municipality.Code), sets the proposal's adoption_count and writes an
// outbox row, in one transaction. It returns domain.ErrInvalidTransition if
// the proposal is no longer published and domain.ErrNotFound if it is gone.
func (db *DB) SaveAdoption(ctx context.Context, a *domain.Adoption) (bool, error) {
	created := false
	err := db.outboxTx(ctx, func(tx *gorm.DB) error {
		status, err := db.lockProposal(tx, a.ProposalID)
		if err != nil {
			return err
		}
		if status != domain.StatusPublished {
			return fmt.Errorf("store: adopt proposal %s in status %s: %w", a.ProposalID, status, domain.ErrInvalidTransition)
		}
		var existing []adoptionRow
		err = tx.Where("proposal_id = ? AND municipality_code = ?", a.ProposalID, a.Municipality.Code).Limit(1).Find(&existing).Error
		if err != nil {
			return wrap(err, "find adoption of %s by %s", a.ProposalID, a.Municipality.Code)
		}
		created = len(existing) == 0
		if !created {
			a.CreatedAt = existing[0].CreatedAt.UTC()
		}
		if err := saveAdoptionRow(tx, adoptionFromDomain(a), created); err != nil {
			return err
		}
		if _, err := recountAdoptions(tx, a.ProposalID); err != nil {
			return err
		}
		return db.touchOutbox(tx, a.ProposalID)
	})
	return created, err
}

// saveAdoptionRow inserts r, or rewrites the stored row of its key.
func saveAdoptionRow(tx *gorm.DB, r *adoptionRow, insert bool) error {
	if insert {
		return wrap(tx.Create(r).Error, "create adoption of %s by %s", r.ProposalID, r.MunicipalityCode)
	}
	err := tx.Model(&adoptionRow{}).
		Where("proposal_id = ? AND municipality_code = ?", r.ProposalID, r.MunicipalityCode).
		Select("*").Omit("proposal_id", "municipality_code", "created_at").Updates(r).Error
	return wrap(err, "update adoption of %s by %s", r.ProposalID, r.MunicipalityCode)
}

// lockProposal locks a live proposal's row until tx ends (SQLite
// transactions already hold the write lock) and returns its status, or
// domain.ErrNotFound.
func (db *DB) lockProposal(tx *gorm.DB, id string) (domain.Status, error) {
	q := "SELECT status FROM proposals WHERE id = ? AND deleted_at IS NULL"
	if db.dialect == DialectPostgres {
		q += " FOR UPDATE"
	}
	var statuses []string
	if err := tx.Raw(q, id).Scan(&statuses).Error; err != nil {
		return "", wrap(err, "lock proposal %s", id)
	}
	if len(statuses) == 0 {
		return "", fmt.Errorf("store: lock proposal %s: %w", id, domain.ErrNotFound)
	}
	return domain.Status(statuses[0]), nil
}

// recountAdoptions sets a proposal's adoption_count from its adoptions and
// returns it. Callers hold the proposal's row lock.
func recountAdoptions(tx *gorm.DB, proposalID string) (int, error) {
	var n int64
	err := tx.Model(&adoptionRow{}).Where("proposal_id = ? AND status IN ?", proposalID, countedStatuses).Count(&n).Error
	if err != nil {
		return 0, wrap(err, "count adoptions of %s", proposalID)
	}
	err = tx.Model(&proposalRow{}).Where("id = ?", proposalID).UpdateColumn("adoption_count", n).Error
	return int(n), wrap(err, "set adoption count of %s", proposalID)
}

// touchOutbox tells the search index to look at a proposal again.
func (db *DB) touchOutbox(tx *gorm.DB, proposalID string) error {
	err := tx.Create(&outboxRow{ProposalID: proposalID, CreatedAt: db.gorm.NowFunc()}).Error
	return wrap(err, "create outbox row of %s", proposalID)
}

// adoptionsJoined starts a query over adoptions joined with the adopting
// municipality, aliased a and am.
func adoptionsJoined(q *gorm.DB) *gorm.DB {
	return q.Table("adoptions AS a").
		Select("a.*, am.name AS municipality_name, am.region AS municipality_region").
		Joins("JOIN municipalities AS am ON am.code = a.municipality_code")
}

// ListAdoptions returns the adoptions of a proposal by municipality code.
func (db *DB) ListAdoptions(ctx context.Context, proposalID string) ([]domain.Adoption, error) {
	return listAdoptions(db.conn(ctx), proposalID)
}

func listAdoptions(q *gorm.DB, proposalID string) ([]domain.Adoption, error) {
	var rows []adoptionRow
	if err := adoptionsJoined(q).Where("a.proposal_id = ?", proposalID).Order("a.municipality_code").Find(&rows).Error; err != nil {
		return nil, wrap(err, "list adoptions of %s", proposalID)
	}
	out := make([]domain.Adoption, len(rows))
	for i := range rows {
		out[i] = rows[i].toDomain()
	}
	return out, nil
}

// municipalityAdoptionRow is an adoption joined with its proposal.
type municipalityAdoptionRow struct {
	Adoption                 adoptionRow `gorm:"embedded"`
	Ref                      string
	Title                    string
	PolicyArea               string
	ProposalMunicipality     string
	ProposalMunicipalityName string
	ProposalRegion           string
	FullEffectDKK            int64 `gorm:"column:full_effect_dkk"`
	PerResidentOre           int64
}

// ListMunicipalityAdoptions returns the adoptions a municipality has
// recorded, of proposals that are not deleted, newest change first.
func (db *DB) ListMunicipalityAdoptions(ctx context.Context, code string) ([]domain.MunicipalityAdoption, error) {
	var rows []municipalityAdoptionRow
	err := adoptionsJoined(db.conn(ctx)).
		Select(`a.*, am.name AS municipality_name, am.region AS municipality_region,
			p.ref, p.title, p.policy_area, p.full_effect_dkk, p.per_resident_ore,
			p.municipality_code AS proposal_municipality, pm.name AS proposal_municipality_name,
			pm.region AS proposal_region`).
		Joins("JOIN proposals AS p ON p.id = a.proposal_id AND p.deleted_at IS NULL").
		Joins("JOIN municipalities AS pm ON pm.code = p.municipality_code").
		Where("a.municipality_code = ?", code).
		Order("a.updated_at DESC, a.proposal_id").Find(&rows).Error
	if err != nil {
		return nil, wrap(err, "list adoptions by %s", code)
	}
	out := make([]domain.MunicipalityAdoption, len(rows))
	for i, r := range rows {
		out[i] = domain.MunicipalityAdoption{Adoption: r.Adoption.toDomain(), Proposal: domain.ProposalSummary{
			ID: r.Adoption.ProposalID, Ref: r.Ref, Title: r.Title, PolicyArea: r.PolicyArea,
			Municipality:  domain.MunicipalityRef{Code: r.ProposalMunicipality, Name: r.ProposalMunicipalityName, Region: r.ProposalRegion},
			FullEffectDKK: r.FullEffectDKK, PerResidentOre: r.PerResidentOre,
		}}
	}
	return out, nil
}

// inChunk bounds the number of values in one SQL IN list.
const inChunk = 500

// fillAdoptedBy sets AdoptedBy of each proposal to the codes of the
// municipalities whose adoption counts, by code.
func (db *DB) fillAdoptedBy(q *gorm.DB, ps []*domain.Proposal) error {
	byID := make(map[string]*domain.Proposal, len(ps))
	ids := make([]string, 0, len(ps))
	for _, p := range ps {
		p.AdoptedBy = []string{}
		byID[p.ID] = p
		ids = append(ids, p.ID)
	}
	for start := 0; start < len(ids); start += inChunk {
		var rows []struct{ ProposalID, MunicipalityCode string }
		err := q.Table("adoptions").Select("proposal_id, municipality_code").
			Where("proposal_id IN ? AND status IN ?", ids[start:min(start+inChunk, len(ids))], countedStatuses).
			Order("proposal_id, municipality_code").Find(&rows).Error
		if err != nil {
			return wrap(err, "adopters of proposals")
		}
		for _, r := range rows {
			p := byID[r.ProposalID]
			p.AdoptedBy = append(p.AdoptedBy, r.MunicipalityCode)
		}
	}
	return nil
}
