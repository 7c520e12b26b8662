package store

import (
	"context"
	"fmt"
	"hash/fnv"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"github.com/idebank/idebank/migrations"
)

// Migrate applies every pending migration of the dialect's embedded set.
// On PostgreSQL it holds an advisory lock (one per schema) so that several
// replicas starting at once migrate one after another.
func (db *DB) Migrate(ctx context.Context) error {
	fsys, err := migrations.FS(db.dialect)
	if err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	sqlDB, err := db.gorm.DB()
	if err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	gooseDialect := goose.DialectSQLite3
	opts := []goose.ProviderOption{goose.WithSlog(db.log)}
	if db.dialect == DialectPostgres {
		gooseDialect = goose.DialectPostgres
		locker, err := db.schemaLocker(ctx)
		if err != nil {
			return err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(gooseDialect, sqlDB, fsys, opts...)
	if err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	results, err := p.Up(ctx)
	if err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	for _, r := range results {
		db.log.InfoContext(ctx, "migration applied", "dialect", db.dialect, "file", r.Source.Path, "duration", r.Duration)
	}
	return nil
}

// schemaLocker returns a session locker whose advisory lock ID is derived
// from the current schema, so that databases in different schemas of one
// server (as in tests) do not wait for each other.
func (db *DB) schemaLocker(ctx context.Context) (lock.SessionLocker, error) {
	var schema string
	if err := db.conn(ctx).Raw("SELECT current_schema()").Scan(&schema).Error; err != nil {
		return nil, fmt.Errorf("store: migrate: current schema: %w", err)
	}
	h := fnv.New64a()
	h.Write([]byte("idebank-migrate:" + schema))
	locker, err := lock.NewPostgresSessionLocker(
		lock.WithLockID(int64(h.Sum64()>>1)),
		lock.WithLockTimeout(1, 300),
	)
	if err != nil {
		return nil, fmt.Errorf("store: migrate: %w", err)
	}
	return locker, nil
}
