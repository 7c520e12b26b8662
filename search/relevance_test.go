package search

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/demo"
	"github.com/idebank/idebank/internal/testutil"
)

// Thresholds of the judged set (testdata/relevance). Measured: Idébank
// 0.936 mean nDCG@10, PostgreSQL full-text search 0.621; minNDCG leaves a
// little room below the measurement for changes to the corpus.
const (
	minNDCG          = 0.88
	minLeadOverPG    = 0.15
	relevanceCutoff  = 10
	relevanceCorpus  = "testdata/relevance/corpus.json"
	relevanceQueries = "testdata/relevance/queries.json"
)

type judgedQuery struct {
	Q         string         `json:"q"`
	Kind      string         `json:"kind"`
	Judgments map[string]int `json:"judgments"`
}

// TestRelevance indexes the judged corpus, runs every judged query and
// fails when the mean nDCG@10 is below minNDCG; with PostgreSQL it runs the
// same queries through PostgreSQL full-text search and prints both.
func TestRelevance(t *testing.T) {
	items, queries := loadJudgedSet(t)
	f := newFixture(t)
	keyOf := map[string]string{}
	for _, it := range items {
		pr := testutil.MustCreatePublished(t, f.svc, it.Input())
		keyOf[pr.ID] = it.ExternalKey
	}
	f.drain()

	ours := make([]float64, len(queries))
	for i, q := range queries {
		res := f.search(q.Q, func(r *domain.SearchRequest) { r.PerPage = relevanceCutoff })
		ranked := make([]string, len(res.Hits))
		for j, h := range res.Hits {
			ranked[j] = keyOf[h.ID]
		}
		ours[i] = ndcg(ranked, q.Judgments, relevanceCutoff)
		if testing.Verbose() && ours[i] < 0.9 {
			t.Logf("%-28q nDCG %.3f got %v", q.Q, ours[i], ranked)
		}
	}
	t.Log("\n" + relevanceTable(queries, map[string][]float64{"Idébank": ours}))
	if m := mean(ours); m < minNDCG {
		t.Errorf("mean nDCG@10 = %.3f, want ≥ %.2f", m, minNDCG)
	}

	t.Run("AgainstPostgreSQL", func(t *testing.T) {
		pg := postgresRanking(t, items, queries)
		t.Log("\n" + relevanceTable(queries, map[string][]float64{"Idébank": ours, "PostgreSQL": pg}))
		if d := mean(ours) - mean(pg); d < minLeadOverPG {
			t.Errorf("Idébank leads PostgreSQL FTS by %.3f nDCG@10, want ≥ %.2f", d, minLeadOverPG)
		}
	})
}

func loadJudgedSet(t testing.TB) ([]demo.Item, []judgedQuery) {
	t.Helper()
	b, err := os.ReadFile(relevanceCorpus)
	if err != nil {
		t.Fatalf("read corpus: %v", err)
	}
	items, err := demo.Parse(b)
	if err != nil {
		t.Fatalf("parse corpus: %v", err)
	}
	b, err = os.ReadFile(relevanceQueries)
	if err != nil {
		t.Fatalf("read queries: %v", err)
	}
	var queries []judgedQuery
	if err := json.Unmarshal(b, &queries); err != nil {
		t.Fatalf("parse queries: %v", err)
	}
	return items, queries
}

// ndcg is the normalised discounted cumulative gain of ranked at k, with
// gain 2^grade − 1.
func ndcg(ranked []string, judged map[string]int, k int) float64 {
	dcg := 0.0
	for i, key := range ranked[:min(k, len(ranked))] {
		dcg += gain(judged[key]) / math.Log2(float64(i+2))
	}
	grades := make([]int, 0, len(judged))
	for _, g := range judged {
		grades = append(grades, g)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(grades)))
	ideal := 0.0
	for i, g := range grades[:min(k, len(grades))] {
		ideal += gain(g) / math.Log2(float64(i+2))
	}
	if ideal == 0 {
		return 0
	}
	return dcg / ideal
}

func gain(grade int) float64 { return math.Pow(2, float64(grade)) - 1 }

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// relevanceTable prints nDCG@10 per kind of query and overall, one column
// per engine.
func relevanceTable(queries []judgedQuery, scores map[string][]float64) string {
	engines := make([]string, 0, len(scores))
	for e := range scores {
		engines = append(engines, e)
	}
	sort.Strings(engines)
	var kinds []string
	byKind := map[string][]int{}
	for i, q := range queries {
		if _, ok := byKind[q.Kind]; !ok {
			kinds = append(kinds, q.Kind)
		}
		byKind[q.Kind] = append(byKind[q.Kind], i)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-14s %3s", "nDCG@10", "n")
	for _, e := range engines {
		fmt.Fprintf(&b, " %11s", e)
	}
	b.WriteString("\n")
	row := func(name string, idx []int) {
		fmt.Fprintf(&b, "%-14s %3d", name, len(idx))
		for _, e := range engines {
			s := 0.0
			for _, i := range idx {
				s += scores[e][i]
			}
			fmt.Fprintf(&b, " %11.3f", s/float64(len(idx)))
		}
		b.WriteString("\n")
	}
	all := make([]int, len(queries))
	for i := range all {
		all[i] = i
	}
	for _, k := range kinds {
		row(k, byKind[k])
	}
	row("all", all)
	return b.String()
}

// postgresRanking runs the queries through PostgreSQL full-text search
// (to_tsvector('danish', …), GIN index, websearch_to_tsquery, ts_rank) in a
// fresh schema and returns the nDCG@10 of each.
func postgresRanking(t *testing.T, items []demo.Item, queries []judgedQuery) []float64 {
	url := testutil.NewPostgresURL(t)
	db := openPostgres(t, url)
	ctx := context.Background()
	for _, stmt := range []string{
		`CREATE TABLE fts_proposal (key text PRIMARY KEY, title text, summary text, tags text, description text,
		   doc tsvector GENERATED ALWAYS AS (to_tsvector('danish', title || ' ' || summary || ' ' || tags || ' ' || description)) STORED)`,
		`CREATE INDEX fts_proposal_doc ON fts_proposal USING GIN (doc)`,
	} {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("postgres: %v", err)
		}
	}
	for _, it := range items {
		if _, err := db.ExecContext(ctx, `INSERT INTO fts_proposal (key, title, summary, tags, description) VALUES ($1, $2, $3, $4, $5)`,
			it.ExternalKey, it.Title, it.Summary, strings.Join(it.Tags, " "), it.Description); err != nil {
			t.Fatalf("postgres insert: %v", err)
		}
	}
	out := make([]float64, len(queries))
	for i, q := range queries {
		rows, err := db.QueryContext(ctx, `SELECT key FROM fts_proposal, websearch_to_tsquery('danish', $1) q
			WHERE doc @@ q ORDER BY ts_rank(doc, q) DESC, key LIMIT 10`, q.Q)
		if err != nil {
			t.Fatalf("postgres search %q: %v", q.Q, err)
		}
		var ranked []string
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				t.Fatalf("postgres scan: %v", err)
			}
			ranked = append(ranked, k)
		}
		if err := rows.Close(); err != nil {
			t.Fatalf("postgres rows: %v", err)
		}
		out[i] = ndcg(ranked, q.Judgments, relevanceCutoff)
	}
	return out
}
