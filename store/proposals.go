package store

import (
	"context"
	"encoding/json"
	"fmt"

	"gorm.io/gorm"

	"github.com/idebank/idebank/domain"
)

// proposalColumns selects a proposal with its municipality's name and region.
const proposalColumns = "p.*, m.name AS municipality_name, m.region AS municipality_region"

// proposalsJoined starts a query over live (not soft-deleted) proposals
// joined with their municipality, aliased p and m.
func (db *DB) proposalsJoined(ctx context.Context) *gorm.DB {
	return db.conn(ctx).Table("proposals AS p").
		Joins("JOIN municipalities AS m ON m.code = p.municipality_code").
		Where("p.deleted_at IS NULL")
}

// updateOmits are the columns UpdateProposal never rewrites: identity, the
// author, and the adoption count that adoptions maintain.
var updateOmits = []string{"id", "ref", "author_id", "created_at", "adoption_count"}

// CreateProposal assigns p.Ref (next sequence number of p.BudgetYear),
// inserts p with version 1 and writes its audit and outbox rows, in one
// transaction. It returns domain.ErrConflict if the external key is taken.
func (db *DB) CreateProposal(ctx context.Context, p *domain.Proposal, c domain.Change) error {
	err := db.outboxTx(ctx, func(tx *gorm.DB) error { return db.createProposalTx(tx, p, c) })
	if err != nil {
		p.Ref = ""
		return err
	}
	return nil
}

// createProposalTx is CreateProposal inside the caller's transaction tx.
func (db *DB) createProposalTx(tx *gorm.DB, p *domain.Proposal, c domain.Change) error {
	var seq int
	err := tx.Raw(`INSERT INTO ref_sequences (budget_year, last) VALUES (?, 1)
		ON CONFLICT (budget_year) DO UPDATE SET last = ref_sequences.last + 1
		RETURNING last`, p.BudgetYear).Scan(&seq).Error
	if err != nil {
		return wrap(err, "allocate ref for %d", p.BudgetYear)
	}
	p.Ref = fmt.Sprintf("IB-%d-%04d", p.BudgetYear, seq)
	p.Version = 1
	row, err := proposalFromDomain(p)
	if err != nil {
		return err
	}
	if err := tx.Create(row).Error; err != nil {
		return wrap(err, "create proposal %s", p.ID)
	}
	return db.recordChange(tx, p, c)
}

// UpdateProposal stores p (with p.Version already incremented) if the
// stored version is still p.Version-1, with audit and outbox rows, in one
// transaction. It returns domain.ErrVersionConflict if the stored version
// moved on, domain.ErrNotFound if the proposal is gone and
// domain.ErrConflict if the new external key is taken.
func (db *DB) UpdateProposal(ctx context.Context, p *domain.Proposal, c domain.Change) error {
	return db.outboxTx(ctx, func(tx *gorm.DB) error { return db.updateProposalTx(tx, p, c) })
}

// updateProposalTx is UpdateProposal inside the caller's transaction tx.
func (db *DB) updateProposalTx(tx *gorm.DB, p *domain.Proposal, c domain.Change) error {
	row, err := proposalFromDomain(p)
	if err != nil {
		return err
	}
	res := tx.Model(&proposalRow{}).
		Where("id = ? AND version = ? AND deleted_at IS NULL", p.ID, p.Version-1).
		Select("*").Omit(updateOmits...).Updates(row)
	if res.Error != nil {
		return wrap(res.Error, "update proposal %s", p.ID)
	}
	if res.RowsAffected == 0 {
		var n int64
		if err := tx.Model(&proposalRow{}).Where("id = ? AND deleted_at IS NULL", p.ID).Count(&n).Error; err != nil {
			return wrap(err, "update proposal %s", p.ID)
		}
		if n == 0 {
			return fmt.Errorf("store: update proposal %s: %w", p.ID, domain.ErrNotFound)
		}
		return fmt.Errorf("store: update proposal %s at version %d: %w", p.ID, p.Version-1, domain.ErrVersionConflict)
	}
	return db.recordChange(tx, p, c)
}

// recordChange writes the audit row with p's whole state and the outbox row
// of a write to p, inside the write's transaction.
func (db *DB) recordChange(tx *gorm.DB, p *domain.Proposal, c domain.Change) error {
	rev, out, err := db.changeRows(p, c)
	if err != nil {
		return err
	}
	if err := tx.Create(rev).Error; err != nil {
		return wrap(err, "create revision of %s", p.ID)
	}
	if err := tx.Create(out).Error; err != nil {
		return wrap(err, "create outbox row of %s", p.ID)
	}
	return nil
}

// changeRows returns the audit row and the outbox row of a write to p.
func (db *DB) changeRows(p *domain.Proposal, c domain.Change) (*revisionRow, *outboxRow, error) {
	state, err := json.Marshal(p)
	if err != nil {
		return nil, nil, fmt.Errorf("store: encode revision of %s: %w", p.ID, err)
	}
	now := db.gorm.NowFunc()
	at := p.UpdatedAt.UTC()
	if at.IsZero() {
		at = now
	}
	rev := &revisionRow{
		ProposalID: p.ID, Version: p.Version, Action: string(c.Action),
		ActorID: c.Actor.UserID, ActorEmail: c.Actor.Email, At: at,
		Reason: c.Reason, State: string(state),
	}
	return rev, &outboxRow{ProposalID: p.ID, CreatedAt: now}, nil
}

// FindProposalByID returns domain.ErrNotFound if no proposal (not
// soft-deleted) has that ID. Visibility is the caller's concern.
func (db *DB) FindProposalByID(ctx context.Context, id string) (*domain.Proposal, error) {
	var row proposalRow
	err := db.proposalsJoined(ctx).Select(proposalColumns).Where("p.id = ?", id).Take(&row).Error
	if err != nil {
		return nil, wrap(err, "find proposal %s", id)
	}
	p, err := row.toDomain()
	if err != nil {
		return nil, err
	}
	return p, db.fillAdoptedBy(db.conn(ctx), []*domain.Proposal{p})
}

// ListRevisions returns the audit rows of a proposal, newest first.
func (db *DB) ListRevisions(ctx context.Context, proposalID string) ([]domain.Revision, error) {
	var rows []revisionRow
	err := db.conn(ctx).Where("proposal_id = ?", proposalID).Order("id DESC").Find(&rows).Error
	if err != nil {
		return nil, wrap(err, "list revisions of %s", proposalID)
	}
	out := make([]domain.Revision, len(rows))
	for i := range rows {
		if out[i], err = rows[i].toDomain(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
