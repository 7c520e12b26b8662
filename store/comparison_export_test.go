package store

import (
	"context"

	"github.com/idebank/idebank/domain"
)

// InsertProposalRows bulk-inserts proposals as they are, in batches and
// without audit or outbox rows, to set up benchmarks quickly. On PostgreSQL
// it then analyzes the table, as autovacuum soon would.
func (db *DB) InsertProposalRows(ctx context.Context, ps []*domain.Proposal) error {
	rows := make([]*proposalRow, len(ps))
	for i, p := range ps {
		r, err := proposalFromDomain(p)
		if err != nil {
			return err
		}
		rows[i] = r
	}
	if err := db.conn(ctx).CreateInBatches(rows, 500).Error; err != nil {
		return wrap(err, "insert %d proposals", len(rows))
	}
	if db.dialect == DialectPostgres {
		return wrap(db.conn(ctx).Exec("ANALYZE proposals").Error, "analyze proposals")
	}
	return nil
}
