package store_test

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/store"
)

func TestOpen_SQLiteCreatesTheDataDirAndMigratesTwice(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "nested", "data")
	var logs bytes.Buffer
	db, err := store.Open(ctx, store.Options{DataDir: dir, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if db.Dialect() != store.DialectSQLite {
		t.Fatalf("dialect %q, want sqlite", db.Dialect())
	}
	if _, err := os.Stat(filepath.Join(dir, store.SQLiteFile)); err != nil {
		t.Fatalf("database file: %v", err)
	}
	for range 2 {
		if err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.LoadMunicipalities(ctx); err != nil {
		t.Fatal(err)
	}

	// A unique violation is the caller's ErrConflict, not a logged fault.
	u := &domain.User{ID: "u1", Email: "a@example.dk", Role: domain.RoleEditor, PasswordHash: "h"}
	if err := db.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	u.ID = "u2"
	mustErrIs(t, db.CreateUser(ctx, u), domain.ErrConflict)
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Fatalf("expected conflict was logged as an error:\n%s", logs.String())
	}
	if err := db.Ping(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestOpen_SQLiteNeedsADataDir(t *testing.T) {
	if _, err := store.Open(context.Background(), store.Options{}); err == nil {
		t.Fatal("Open without DatabaseURL and DataDir returned no error")
	}
}
