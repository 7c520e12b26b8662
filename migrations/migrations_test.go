package migrations

import (
	"io/fs"
	"testing"
)

func TestFS_BothDialectsHaveTheSameFiles(t *testing.T) {
	names := func(dialect string) []string {
		t.Helper()
		fsys, err := FS(dialect)
		if err != nil {
			t.Fatal(err)
		}
		got, err := fs.Glob(fsys, "*.sql")
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	pg, lite := names(DialectPostgres), names(DialectSQLite)
	if len(pg) == 0 {
		t.Fatal("no postgres migrations")
	}
	if len(pg) != len(lite) {
		t.Fatalf("postgres has %d files, sqlite %d", len(pg), len(lite))
	}
	for i := range pg {
		if pg[i] != lite[i] {
			t.Errorf("file %d: postgres %q, sqlite %q", i, pg[i], lite[i])
		}
	}
}

func TestFS_UnknownDialect(t *testing.T) {
	if _, err := FS("mysql"); err == nil {
		t.Fatal("FS(mysql) returned no error")
	}
}
