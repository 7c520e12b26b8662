package store

import (
	"fmt"
	"sort"

	"gorm.io/gorm"

	"github.com/idebank/idebank/domain"
)

// importBatch is how many rows one INSERT of an import writes. Larger
// batches are slower on SQLite, whose driver binds parameters in time that
// grows faster than their number (measured: 50 rows beat 20 and 400).
const importBatch = 50

// createProposalsTx inserts new proposals (version 1) with their audit and
// outbox rows in tx, allocating their refs with one statement per budget
// year and inserting in batches: an import of thousands of rows needs tens
// of statements, not thousands.
func (db *DB) createProposalsTx(tx *gorm.DB, ps []*domain.Proposal, changes []domain.Change) error {
	if err := allocateRefs(tx, ps); err != nil {
		return err
	}
	rows := make([]*proposalRow, len(ps))
	revs := make([]*revisionRow, len(ps))
	outs := make([]*outboxRow, len(ps))
	for i, p := range ps {
		p.Version = 1
		var err error
		if rows[i], err = proposalFromDomain(p); err != nil {
			return err
		}
		if revs[i], outs[i], err = db.changeRows(p, changes[i]); err != nil {
			return err
		}
	}
	if err := tx.CreateInBatches(rows, importBatch).Error; err != nil {
		return wrap(err, "create imported proposals")
	}
	if err := tx.CreateInBatches(revs, importBatch).Error; err != nil {
		return wrap(err, "create revisions of imported proposals")
	}
	return wrap(tx.CreateInBatches(outs, importBatch).Error, "create outbox rows of imported proposals")
}

// allocateRefs gives each proposal the next ref of its budget year,
// reserving each year's numbers with one statement, in the order given.
func allocateRefs(tx *gorm.DB, ps []*domain.Proposal) error {
	byYear := map[int][]*domain.Proposal{}
	for _, p := range ps {
		byYear[p.BudgetYear] = append(byYear[p.BudgetYear], p)
	}
	years := make([]int, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	sort.Ints(years) // one lock order for concurrent imports
	for _, y := range years {
		n := len(byYear[y])
		var last int
		err := tx.Raw(`INSERT INTO ref_sequences (budget_year, last) VALUES (?, ?)
			ON CONFLICT (budget_year) DO UPDATE SET last = ref_sequences.last + ?
			RETURNING last`, y, n, n).Scan(&last).Error
		if err != nil {
			return wrap(err, "allocate %d refs for %d", n, y)
		}
		for i, p := range byYear[y] {
			p.Ref = fmt.Sprintf("IB-%d-%04d", y, last-n+1+i)
		}
	}
	return nil
}
