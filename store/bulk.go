package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/idebank/idebank/domain"
)

// bulkRows is how many proposals one multi-row INSERT writes; with about
// 33 columns it stays below SQLite's and PostgreSQL's parameter limits.
const bulkRows = 400

// BulkInsertProposals inserts ps exactly as given (IDs, refs, statuses and
// figures set by the caller) with multi-row inserts in one transaction,
// and moves each budget year's ref sequence past the refs used. It writes
// no audit or outbox rows: it is for seeding large corpora (benchmarks),
// after which the search index must be rebuilt.
func (db *DB) BulkInsertProposals(ctx context.Context, ps []*domain.Proposal) error {
	if len(ps) == 0 {
		return nil
	}
	rows := make([]*proposalRow, len(ps))
	last := map[int]int{}
	for i, p := range ps {
		row, err := proposalFromDomain(p)
		if err != nil {
			return err
		}
		rows[i] = row
		var year, seq int
		if _, err := fmt.Sscanf(p.Ref, "IB-%d-%d", &year, &seq); err != nil {
			return fmt.Errorf("store: bulk insert %s: ref %q: %w", p.ID, p.Ref, err)
		}
		last[year] = max(last[year], seq)
	}
	return db.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.CreateInBatches(rows, bulkRows).Error; err != nil {
			return wrap(err, "bulk insert %d proposals", len(rows))
		}
		for year, seq := range last {
			err := tx.Exec(`INSERT INTO ref_sequences (budget_year, last) VALUES (?, ?)
				ON CONFLICT (budget_year) DO UPDATE SET last = CASE
					WHEN excluded.last > ref_sequences.last THEN excluded.last ELSE ref_sequences.last END`,
				year, seq).Error
			if err != nil {
				return wrap(err, "advance ref sequence of %d", year)
			}
		}
		return nil
	})
}
