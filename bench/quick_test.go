package bench

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestQuick_MeasuresSearchOnACorpusKeptBetweenRuns(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	var first, progress bytes.Buffer
	if err := Quick(ctx, QuickConfig{Size: 300, Dir: dir, Passes: 2, Slowest: 3, Progress: &progress}, &first); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(first.String()), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "pass 1: 200 queries, p50 ") || !strings.HasPrefix(lines[1], "pass 2: ") {
		t.Fatalf("output:\n%s\nwant two pass lines and the three slowest queries", first.String())
	}
	if !strings.Contains(progress.String(), "load corpus: 300 proposals") {
		t.Errorf("progress %q, want the corpus loaded", progress.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "300-seed1", "idebank.db")); err != nil {
		t.Fatalf("corpus not kept: %v", err)
	}

	var again bytes.Buffer
	progress.Reset()
	if err := Quick(ctx, QuickConfig{Size: 300, Dir: dir, Passes: 1, Rebuild: true, Pathological: true, Progress: &progress}, &again); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(again.String(), "rebuild: ") || !strings.Contains(again.String(), "pass 1: 25 queries") {
		t.Errorf("output:\n%s\nwant the rebuild and one pass over the 25 pathological queries", again.String())
	}
	if strings.Contains(progress.String(), "load corpus") {
		t.Errorf("progress %q: the kept corpus was generated again", progress.String())
	}
}
