package store

import (
	"context"

	"gorm.io/gorm"
)

// OnOutboxWrite sets f to be called after each committed transaction that
// wrote outbox rows, so that the search indexer can apply them at once
// instead of at its next poll. f must not block.
func (db *DB) OnOutboxWrite(f func()) { db.onOutbox.Store(&f) }

// outboxTx runs fn in a transaction that writes outbox rows and, once it
// has committed, calls the OnOutboxWrite function.
func (db *DB) outboxTx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if err := db.conn(ctx).Transaction(fn); err != nil {
		return err
	}
	if f := db.onOutbox.Load(); f != nil {
		(*f)()
	}
	return nil
}
