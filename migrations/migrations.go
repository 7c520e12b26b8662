// Package migrations holds the versioned SQL schema of Idébank, one
// directory per SQL dialect, embedded in the binary and applied by goose.
//
// Files are named NNNNN_description.sql and carry goose's "-- +goose Up" and
// "-- +goose Down" sections. Every change to the schema is a new file in
// both directories with the same number; applied files are never edited.
package migrations

import (
	"embed"
	"fmt"
	"io/fs"
)

//go:embed postgres/*.sql sqlite/*.sql
var files embed.FS

// The dialects that have a migration directory.
const (
	DialectPostgres = "postgres"
	DialectSQLite   = "sqlite"
)

// FS returns the migrations of dialect ("postgres" or "sqlite") with the
// SQL files at its root.
func FS(dialect string) (fs.FS, error) {
	switch dialect {
	case DialectPostgres, DialectSQLite:
		return fs.Sub(files, dialect)
	}
	return nil, fmt.Errorf("migrations: unknown dialect %q", dialect)
}
