package transfer_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
	"github.com/idebank/idebank/transfer"
)

// generatedRows is the size of the generated import file.
const generatedRows = 10000

// generatedXLSX returns an XLSX file of n valid proposals with external
// keys gen-00001 …, spread over the municipalities, years and fields.
func generatedXLSX(tb testing.TB, db *store.DB, n int) []byte {
	tb.Helper()
	ms, err := db.ListMunicipalities(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	ps := make([]*domain.Proposal, n)
	for i := range ps {
		year := 2015 + i%11
		p := &domain.Proposal{
			ExternalKey:  fmt.Sprintf("gen-%05d", i+1),
			Title:        fmt.Sprintf("Forslag nr. %d om fælles indkøb og ældrepleje", i+1),
			Summary:      "Et genereret forslag med æøå; kommaer, og \"anførselstegn\".",
			Description:  fmt.Sprintf("Første afsnit om forslag %d.\n\nAndet afsnit.", i+1),
			PolicyArea:   domain.PolicyAreas[i%len(domain.PolicyAreas)].Value,
			MeasureType:  domain.MeasureTypes[i%len(domain.MeasureTypes)].Value,
			Municipality: ms[i%len(ms)].Ref(), BudgetYear: year,
			InvestmentDKK: int64(i * 1000), ReducesService: i%7 == 0,
			EvidenceLevel: domain.EvidenceLevels[i%len(domain.EvidenceLevels)].Value,
			Tags:          []string{"genereret", fmt.Sprintf("gruppe-%d", i%50)},
		}
		for y := 0; y <= i%4; y++ {
			p.Savings = append(p.Savings, domain.Saving{Year: year + y, AmountDKK: int64((i%997+1)*1000 + y*12345)})
		}
		if i%3 == 0 {
			p.Contact = &domain.Contact{Role: "Økonomiafdelingen", Email: fmt.Sprintf("oekonomi%d@kommune.dk", i%98)}
		}
		ps[i] = p
	}
	var buf bytes.Buffer
	if err := transfer.WriteXLSX(&buf, ps, transfer.ExportInfo{At: time.Now()}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// byKey returns the normalised inputs of rows by external key.
func byKey(tb testing.TB, rows []domain.ImportRow) map[string]domain.ProposalInput {
	tb.Helper()
	out := make(map[string]domain.ProposalInput, len(rows))
	for _, r := range rows {
		if len(r.Problems) > 0 {
			tb.Fatalf("row %d: %v", r.Row, r.Problems)
		}
		in := r.Input
		in.Normalize()
		out[in.ExternalKey] = in
	}
	return out
}

func TestXLSXImportAndExportRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 10,000 rows per back end")
	}
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		svc, _ := testutil.NewService(t, db)
		rows, format, err := transfer.Read(transfer.ContentTypeXLSX, generatedXLSX(t, db, generatedRows))
		if err != nil || format != transfer.FormatXLSX {
			t.Fatalf("read: %v (%s)", err, format)
		}
		start := time.Now()
		rep, err := svc.Import(ctx, domain.System, rows, domain.ImportOptions{Publish: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("imported %d rows in %v", len(rows), time.Since(start))
		if rep.Created != generatedRows || !rep.Imported {
			t.Fatalf("report: created %d, failed %d", rep.Created, rep.Failed)
		}

		ps, err := svc.Export(ctx, &domain.SearchRequest{Sort: domain.SearchPerResident})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := transfer.WriteXLSX(&buf, ps, transfer.ExportInfo{At: time.Now(), Sort: "per_resident"}); err != nil {
			t.Fatal(err)
		}
		exported, _, err := transfer.Read("", buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(byKey(t, rows), byKey(t, exported)); diff != "" {
			t.Fatalf("export differs from the import (-imported +exported):\n%s", diff)
		}
		for i := 1; i < len(ps); i++ {
			if ps[i-1].PerResidentOre < ps[i].PerResidentOre {
				t.Fatalf("export not sorted by per-resident figure at %d", i)
			}
		}

		again, err := svc.Import(ctx, domain.System, exported, domain.ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if again.Unchanged != generatedRows {
			t.Errorf("re-import of the export: %d unchanged, %d updated, %d created, %d failed",
				again.Unchanged, again.Updated, again.Created, again.Failed)
		}
	})
}

// BenchmarkImportXLSX10000 times reading and importing a generated
// 10,000-row XLSX file into a fresh database of each back end.
func BenchmarkImportXLSX10000(b *testing.B) {
	backends := map[string]func(testing.TB) *store.DB{"sqlite": testutil.NewSQLite, "postgres": testutil.NewPostgres}
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name, func(b *testing.B) {
			open := backends[name]
			data := generatedXLSX(b, open(b), generatedRows)
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				svc, _ := testutil.NewService(b, open(b))
				b.StartTimer()
				start := time.Now()
				rows, _, err := transfer.Read(transfer.ContentTypeXLSX, data)
				if err != nil {
					b.Fatal(err)
				}
				rep, err := svc.Import(context.Background(), domain.System, rows, domain.ImportOptions{Publish: true})
				if err != nil || rep.Created != generatedRows {
					b.Fatalf("import: %v, created %d", err, rep.Created)
				}
				b.Logf("%s: imported %d rows in %v", name, generatedRows, time.Since(start))
			}
			b.ReportMetric(float64(generatedRows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
