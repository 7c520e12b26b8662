package testutil

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx" for schema set-up

	"github.com/idebank/idebank/store"
)

// PostgresURLEnv names the environment variable with the PostgreSQL URL
// that tests use; NewPostgres skips without it (fails when CI=true).
const PostgresURLEnv = "IDEBANK_TEST_DATABASE_URL"

// setupTimeout bounds opening, migrating and loading a test database.
const setupTimeout = time.Minute

// NewSQLite returns a migrated SQLite database in a temporary directory
// with the 98 municipalities loaded. It is closed when the test ends.
func NewSQLite(tb testing.TB) *store.DB {
	tb.Helper()
	return open(tb, store.Options{DataDir: tb.TempDir()})
}

// NewPostgres returns a migrated PostgreSQL database with the 98
// municipalities loaded, in a fresh schema of its own so that tests and
// test packages running in parallel never see each other's rows. The
// schema is dropped when the test ends, unless it failed (then its name is
// logged for inspection). Without IDEBANK_TEST_DATABASE_URL the test is
// skipped, or fails when CI=true.
func NewPostgres(tb testing.TB) *store.DB {
	tb.Helper()
	return open(tb, store.Options{DatabaseURL: NewPostgresURL(tb)})
}

// NewPostgresURL creates a fresh, empty schema as NewPostgres does and
// returns the database URL that selects it, for tests that open the
// database themselves (such as the command line's).
func NewPostgresURL(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(PostgresURLEnv)
	if base == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("testutil: %s is not set but CI=true; PostgreSQL tests must run in CI", PostgresURLEnv)
		}
		tb.Skipf("testutil: %s is not set; skipping the PostgreSQL back end", PostgresURLEnv)
	}
	schema := schemaName(tb)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatalf("testutil: open postgres: %v", err)
	}
	tb.Cleanup(func() { admin.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), setupTimeout)
	defer cancel()
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA "`+schema+`"`); err != nil {
		tb.Fatalf("testutil: create schema %s: %v", schema, err)
	}
	tb.Cleanup(func() {
		if tb.Failed() {
			tb.Logf("testutil: kept PostgreSQL schema %s of the failed test", schema)
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), setupTimeout)
		defer cancel()
		if _, err := admin.ExecContext(ctx, `DROP SCHEMA "`+schema+`" CASCADE`); err != nil {
			tb.Errorf("testutil: drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("testutil: parse %s: %v", PostgresURLEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// open opens, migrates and fills a database and closes it at the end of
// the test (registered after the schema's cleanup, so it runs before it).
func open(tb testing.TB, o store.Options) *store.DB {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), setupTimeout)
	defer cancel()
	db, err := store.Open(ctx, o)
	if err != nil {
		tb.Fatalf("testutil: %v", err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Errorf("testutil: %v", err)
		}
	})
	if err := db.Migrate(ctx); err != nil {
		tb.Fatalf("testutil: %v", err)
	}
	if err := db.LoadMunicipalities(ctx); err != nil {
		tb.Fatalf("testutil: %v", err)
	}
	return db
}

// schemaName returns a unique, valid PostgreSQL schema name that starts
// with the test's name, so a kept schema is easy to find.
func schemaName(tb testing.TB) string {
	var b strings.Builder
	b.WriteString("t_")
	for _, r := range strings.ToLower(tb.Name()) {
		if b.Len() >= 40 {
			break
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	var suffix [6]byte
	_, _ = rand.Read(suffix[:])
	return b.String() + "_" + hex.EncodeToString(suffix[:])
}

// ForEachBackend runs fn as the subtests "sqlite" and "postgres", each
// with a fresh database (see NewSQLite and NewPostgres).
func ForEachBackend(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, NewSQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, NewPostgres(t)) })
}
