package bench

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// The PostgreSQL full-text baseline: what a team would build without a
// search engine. Each published proposal's text goes into a tsvector made
// with the danish configuration (title weighted A, summary and tags B,
// description C), stored in a column with a GIN index.
const (
	ftsDrop   = `DROP TABLE IF EXISTS bench_fts`
	ftsCreate = `CREATE TABLE bench_fts (id TEXT PRIMARY KEY, title TEXT NOT NULL, fts TSVECTOR NOT NULL)`
	ftsFill   = `INSERT INTO bench_fts (id, title, fts)
		SELECT id, title,
			setweight(to_tsvector('danish', title), 'A') ||
			setweight(to_tsvector('danish', summary || ' ' || translate(tags, '[]",', '    ')), 'B') ||
			setweight(to_tsvector('danish', description), 'C')
		FROM proposals WHERE status = 'published' AND deleted_at IS NULL`
	ftsIndex = `CREATE INDEX bench_fts_gin ON bench_fts USING GIN (fts)`
	ftsSize  = `SELECT pg_total_relation_size('bench_fts')`
	// ftsRanked is the usual ranked query: every match is ranked.
	ftsRanked = `SELECT id, title, ts_rank(fts, q) AS rank
		FROM bench_fts, to_tsquery('danish', $1) AS q
		WHERE fts @@ q ORDER BY rank DESC, id LIMIT 20`
	// ftsMatch only finds 20 matches, unranked: PostgreSQL's floor.
	ftsMatch = `SELECT id, title FROM bench_fts WHERE fts @@ to_tsquery('danish', $1) LIMIT 20`
)

// PostgresBuild is the cost of the baseline's index.
type PostgresBuild struct {
	Docs       int     `json:"docs"`
	Seconds    float64 `json:"seconds"`
	CPUSeconds float64 `json:"cpu_seconds"`
	DocsPerSec float64 `json:"docs_per_second"`
	SizeBytes  int64   `json:"size_bytes"`
}

// BuildPostgresFTS (re)creates the baseline table and its GIN index from
// the published proposals and measures the time and size.
func BuildPostgresFTS(ctx context.Context, db *sql.DB) (PostgresBuild, error) {
	start, cpu := time.Now(), cpuSeconds()
	var b PostgresBuild
	for _, stmt := range []string{ftsDrop, ftsCreate, ftsFill, ftsIndex, "ANALYZE bench_fts"} {
		res, err := db.ExecContext(ctx, stmt)
		if err != nil {
			return b, fmt.Errorf("bench: postgres fts: %w", err)
		}
		if stmt == ftsFill {
			n, _ := res.RowsAffected()
			b.Docs = int(n)
		}
	}
	b.Seconds, b.CPUSeconds = time.Since(start).Seconds(), cpuSeconds()-cpu
	b.DocsPerSec = float64(b.Docs) / b.Seconds
	if err := db.QueryRowContext(ctx, ftsSize).Scan(&b.SizeBytes); err != nil {
		return b, fmt.Errorf("bench: postgres fts size: %w", err)
	}
	return b, nil
}

// PostgresRanked runs a query ranked by ts_rank, top 20.
func PostgresRanked(db *sql.DB) Target { return postgresTarget(db, ftsRanked) }

// PostgresMatch runs a query unranked, first 20 matches.
func PostgresMatch(db *sql.DB) Target { return postgresTarget(db, ftsMatch) }

func postgresTarget(db *sql.DB, stmt string) Target {
	return func(ctx context.Context, q string) error {
		all, any := tsQueries(q)
		if all == "" {
			return nil
		}
		n, err := countRows(ctx, db, stmt, all)
		if err == nil && n == 0 && any != all {
			_, err = countRows(ctx, db, stmt, any)
		}
		return err
	}
}

// countRows runs stmt with the tsquery tsq and reads every row.
func countRows(ctx context.Context, db *sql.DB, stmt, tsq string) (int, error) {
	rows, err := db.QueryContext(ctx, stmt, tsq)
	if err != nil {
		return 0, fmt.Errorf("bench: postgres fts: %w", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("bench: postgres fts: %w", err)
	}
	return n, nil
}

// tsQueries turns user text into tsqueries matching all of its words and
// any of them, as Idébank's search does (all words; any of them when no
// proposal has them all): "hjemme pleje" → "hjemme & pleje", "hjemme | pleje".
func tsQueries(q string) (all, any string) {
	words := strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.Join(words, " & "), strings.Join(words, " | ")
}
