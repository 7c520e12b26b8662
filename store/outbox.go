package store

import (
	"context"

	"github.com/idebank/idebank/domain"
)

// defaultBatchSize is EachPublished's batch size when the caller gives none.
const defaultBatchSize = 500

// PendingOutbox returns up to limit outbox entries, oldest first.
func (db *DB) PendingOutbox(ctx context.Context, limit int) ([]domain.OutboxEntry, error) {
	var rows []outboxRow
	if err := db.conn(ctx).Order("id").Limit(limit).Find(&rows).Error; err != nil {
		return nil, wrap(err, "pending outbox")
	}
	out := make([]domain.OutboxEntry, len(rows))
	for i, r := range rows {
		out[i] = domain.OutboxEntry{ID: r.ID, ProposalID: r.ProposalID}
	}
	return out, nil
}

// DeleteOutbox removes applied entries by ID.
func (db *DB) DeleteOutbox(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	return wrap(db.conn(ctx).Where("id IN ?", ids).Delete(&outboxRow{}).Error, "delete outbox")
}

// PublishedVersions returns the ID → version of every published proposal.
func (db *DB) PublishedVersions(ctx context.Context) (map[string]int, error) {
	var rows []struct {
		ID      string
		Version int
	}
	err := db.conn(ctx).Table("proposals").Select("id, version").
		Where("status = ? AND deleted_at IS NULL", domain.StatusPublished).Find(&rows).Error
	if err != nil {
		return nil, wrap(err, "published versions")
	}
	out := make(map[string]int, len(rows))
	for _, r := range rows {
		out[r.ID] = r.Version
	}
	return out, nil
}

// EachPublished calls fn for every published proposal in ID order,
// batchSize at a time (500 if batchSize < 1), stopping at fn's first error,
// which it returns unwrapped.
func (db *DB) EachPublished(ctx context.Context, batchSize int, fn func([]*domain.Proposal) error) error {
	if batchSize < 1 {
		batchSize = defaultBatchSize
	}
	after := ""
	for {
		var rows []proposalRow
		err := db.proposalsJoined(ctx).Select(proposalColumns).
			Where("p.status = ? AND p.id > ?", domain.StatusPublished, after).
			Order("p.id").Limit(batchSize).Find(&rows).Error
		if err != nil {
			return wrap(err, "each published")
		}
		if len(rows) == 0 {
			return nil
		}
		batch, err := proposalsToDomain(rows)
		if err != nil {
			return err
		}
		if err := db.fillAdoptedBy(db.conn(ctx), batch); err != nil {
			return err
		}
		if err := fn(batch); err != nil {
			return err
		}
		if len(rows) < batchSize {
			return nil
		}
		after = rows[len(rows)-1].ID
	}
}
