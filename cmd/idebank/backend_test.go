package main

import (
	"testing"

	"github.com/idebank/idebank/internal/demo"
	"github.com/idebank/idebank/internal/testutil"
)

// newBackend returns the environment of a fresh installation on SQLite in
// a temporary data directory.
func newBackend(tb testing.TB) testEnv {
	return testEnv{"IDEBANK_DATA_DIR": tb.TempDir(), "IDEBANK_LOG_LEVEL": "warn"}
}

// forEachBackend runs fn on a fresh SQLite installation and on a fresh
// PostgreSQL schema (skipped without IDEBANK_TEST_DATABASE_URL, failing
// when CI=true).
func forEachBackend(t *testing.T, fn func(t *testing.T, env testEnv)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, newBackend(t)) })
	t.Run("postgres", func(t *testing.T) {
		fn(t, newBackend(t).with("DATABASE_URL", testutil.NewPostgresURL(t)))
	})
}

// demoEmails returns the demo users' emails.
func demoEmails() []string {
	emails := make([]string, len(demo.Users))
	for i, u := range demo.Users {
		emails[i] = u.Email
	}
	return emails
}
