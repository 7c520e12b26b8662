package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/password"
	"github.com/idebank/idebank/store"
)

// app is the opened database and the domain service wired onto it: what
// every sub-command works with.
type app struct {
	db  *store.DB
	svc *domain.Service
	log *slog.Logger
}

// openApp opens the configured database, brings its schema up to date and
// loads the municipalities (both idempotent, so any sub-command may run
// first), and builds the domain service on it.
func openApp(ctx context.Context, cfg Config, log *slog.Logger) (*app, error) {
	db, err := store.Open(ctx, store.Options{DatabaseURL: cfg.DatabaseURL, DataDir: cfg.DataDir, Logger: log})
	if err != nil {
		return nil, err
	}
	if err := prepare(ctx, db); err != nil {
		return nil, errors.Join(err, db.Close())
	}
	log.Debug("database ready", "dialect", db.Dialect())
	svc := &domain.Service{
		Proposals:      db,
		Municipalities: db,
		Comparison:     db,
		Curation:       db,
		Users:          db,
		Hasher:         password.New(password.DefaultOptions),
		Sessions:       db,
	}
	return &app{db: db, svc: svc, log: log}, nil
}

func prepare(ctx context.Context, db *store.DB) error {
	if err := db.Migrate(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if err := db.LoadMunicipalities(ctx); err != nil {
		return fmt.Errorf("load municipalities: %w", err)
	}
	return nil
}

// Close closes the database.
func (a *app) Close() error { return a.db.Close() }

// closeInto closes c and adds its error to *err; use it deferred.
func closeInto(err *error, c io.Closer) {
	*err = errors.Join(*err, c.Close())
}
