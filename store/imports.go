package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/idebank/idebank/domain"
)

// FindImportMatches returns the proposals whose external key is one of
// keys, by key (a soft-deleted one only with its ID, ref, key and
// DeletedAt, since its key stays taken), and the live proposals whose ID is
// one of ids, by ID.
func (db *DB) FindImportMatches(ctx context.Context, keys, ids []string) (map[string]*domain.Proposal, map[string]*domain.Proposal, error) {
	byKey, err := db.proposalsWhereIn(ctx, "p.external_key", keys)
	if err != nil {
		return nil, nil, err
	}
	deleted, err := db.deletedWithKeys(ctx, keys)
	if err != nil {
		return nil, nil, err
	}
	byKey = append(byKey, deleted...)
	byID, err := db.proposalsWhereIn(ctx, "p.id", ids)
	if err != nil {
		return nil, nil, err
	}
	keyed := make(map[string]*domain.Proposal, len(byKey))
	for _, p := range byKey {
		keyed[p.ExternalKey] = p
	}
	idd := make(map[string]*domain.Proposal, len(byID))
	for _, p := range byID {
		idd[p.ID] = p
	}
	return keyed, idd, nil
}

// deletedWithKeys returns the soft-deleted proposals whose external key is
// one of keys, with only their ID, ref, key and deletion time.
func (db *DB) deletedWithKeys(ctx context.Context, keys []string) ([]*domain.Proposal, error) {
	var out []*domain.Proposal
	for start := 0; start < len(keys); start += inChunk {
		var rows []struct {
			ID, Ref     string
			ExternalKey string
			DeletedAt   time.Time
		}
		err := db.conn(ctx).Table("proposals").Select("id, ref, external_key, deleted_at").
			Where("external_key IN ? AND deleted_at IS NOT NULL", keys[start:min(start+inChunk, len(keys))]).Find(&rows).Error
		if err != nil {
			return nil, wrap(err, "find deleted proposals for import")
		}
		for _, r := range rows {
			at := r.DeletedAt.UTC()
			out = append(out, &domain.Proposal{ID: r.ID, Ref: r.Ref, ExternalKey: r.ExternalKey, DeletedAt: &at})
		}
	}
	return out, nil
}

// proposalsWhereIn returns the live proposals whose column is one of
// values, querying inChunk values at a time.
func (db *DB) proposalsWhereIn(ctx context.Context, column string, values []string) ([]*domain.Proposal, error) {
	var out []*domain.Proposal
	for start := 0; start < len(values); start += inChunk {
		var rows []proposalRow
		err := db.proposalsJoined(ctx).Select(proposalColumns).
			Where(column+" IN ?", values[start:min(start+inChunk, len(values))]).Find(&rows).Error
		if err != nil {
			return nil, wrap(err, "find proposals for import")
		}
		ps, err := proposalsToDomain(rows)
		if err != nil {
			return nil, err
		}
		if err := db.fillAdoptedBy(db.conn(ctx), ps); err != nil {
			return nil, err
		}
		out = append(out, ps...)
	}
	return out, nil
}

// ApplyImport writes every create (assigning refs) and update (checking
// the stored version) with its audit and outbox rows in one transaction;
// on any error nothing is written and the creates get no refs.
func (db *DB) ApplyImport(ctx context.Context, writes []domain.ImportWrite) error {
	var creates []*domain.Proposal
	var changes []domain.Change
	err := db.outboxTx(ctx, func(tx *gorm.DB) error {
		for _, w := range writes {
			if w.Create {
				creates, changes = append(creates, w.Proposal), append(changes, w.Change)
				continue
			}
			if err := db.updateProposalTx(tx, w.Proposal, w.Change); err != nil {
				return err
			}
		}
		return db.createProposalsTx(tx, creates, changes)
	})
	if err != nil {
		for _, p := range creates {
			p.Ref = ""
		}
	}
	return err
}
