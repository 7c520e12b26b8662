package domain

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// importFake keeps proposals in memory for import tests; only the import
// part of CurationStore is used.
type importFake struct {
	CurationStore
	MunicipalityStore
	byID    map[string]*Proposal
	applied int
}

func newImportFake() *importFake { return &importFake{byID: map[string]*Proposal{}} }

func (f *importFake) FindMunicipality(_ context.Context, code string) (*Municipality, error) {
	if code == "999" {
		return nil, ErrNotFound
	}
	return &Municipality{Code: code, Name: "Kommune " + code}, nil
}

func (f *importFake) PopulationFor(_ context.Context, code string, year int) (PopulationFigure, error) {
	return PopulationFigure{Code: code, Year: year, Population: 50000}, nil
}

func (f *importFake) FindImportMatches(_ context.Context, keys, ids []string) (map[string]*Proposal, map[string]*Proposal, error) {
	byKey, byID := map[string]*Proposal{}, map[string]*Proposal{}
	for _, p := range f.byID {
		for _, k := range keys {
			if p.ExternalKey == k {
				c := *p
				byKey[k] = &c
			}
		}
		for _, id := range ids {
			if p.ID == id {
				c := *p
				byID[id] = &c
			}
		}
	}
	return byKey, byID, nil
}

func (f *importFake) ApplyImport(_ context.Context, writes []ImportWrite) error {
	f.applied++
	for _, w := range writes {
		c := *w.Proposal
		f.byID[c.ID] = &c
	}
	return nil
}

func importRow(n int, key string) ImportRow {
	in := validInput()
	in.ExternalKey = key
	return ImportRow{Row: n, Input: in}
}

func results(r *ImportReport) []ImportResult {
	var out []ImportResult
	for _, row := range r.Rows {
		out = append(out, row.Result)
	}
	return out
}

func TestServiceImport(t *testing.T) {
	ctx := context.Background()
	editor := Principal{UserID: "e", Role: RoleEditor}
	newService := func() (*Service, *importFake) {
		f := newImportFake()
		return &Service{Curation: f, Municipalities: f, Now: timeForTest}, f
	}

	t.Run("SecondImportLeavesEveryRowUnchanged", func(t *testing.T) {
		s, f := newService()
		rows := []ImportRow{importRow(2, "a"), importRow(3, "b")}
		first, err := s.Import(ctx, editor, rows, ImportOptions{Publish: true})
		if err != nil {
			t.Fatal(err)
		}
		if first.Created != 2 || !first.Imported {
			t.Fatalf("first import: %+v", first)
		}
		for _, p := range f.byID {
			if p.Status != StatusPublished || p.PerResidentOre != 1800 {
				t.Errorf("created %s: status %s, per resident %d", p.ExternalKey, p.Status, p.PerResidentOre)
			}
		}
		second, err := s.Import(ctx, editor, rows, ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]ImportResult{ImportUnchanged, ImportUnchanged}, results(second)); diff != "" {
			t.Errorf("second import (-want +got):\n%s", diff)
		}
		changed := importRow(3, "b")
		changed.Input.Title = "Ruteoptimering i hele hjemmeplejen"
		third, err := s.Import(ctx, editor, []ImportRow{importRow(2, "a"), changed}, ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]ImportResult{ImportUnchanged, ImportUpdated}, results(third)); diff != "" {
			t.Errorf("third import (-want +got):\n%s", diff)
		}
	})

	t.Run("InvalidRowImportsNothing", func(t *testing.T) {
		s, f := newService()
		bad := importRow(3, "b")
		bad.Input.MunicipalityCode = "999"
		bad.Input.Savings[0].AmountDKK = -1
		dupKey := importRow(4, "a")
		noKey := importRow(5, "")
		rep, err := s.Import(ctx, editor, []ImportRow{importRow(2, "a"), bad, dupKey, noKey}, ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		want := []ImportResult{ImportSkipped, ImportFailed, ImportFailed, ImportFailed}
		if diff := cmp.Diff(want, results(rep)); diff != "" {
			t.Errorf("results (-want +got):\n%s", diff)
		}
		if rep.Imported || rep.Created != 0 || rep.Failed != 3 || f.applied != 0 {
			t.Errorf("nothing may be imported: %+v, applied %d", rep, f.applied)
		}
		if diff := cmp.Diff([]string{"/savings/0/amount_dkk", "/municipality_code"}, pointersOf(&ValidationError{Problems: rep.Rows[1].Errors})); diff != "" {
			t.Errorf("row 3 problems (-want +got):\n%s", diff)
		}

		rep, err = s.Import(ctx, editor, []ImportRow{importRow(2, "a"), bad}, ImportOptions{SkipInvalid: true})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Created != 1 || rep.Failed != 1 || len(f.byID) != 1 {
			t.Errorf("skip invalid: %+v, stored %d", rep, len(f.byID))
		}
	})

	t.Run("UnknownMunicipalityIsARowError", func(t *testing.T) {
		s, _ := newService()
		row := importRow(2, "a")
		row.Input.MunicipalityCode = "999"
		rep, err := s.Import(ctx, editor, []ImportRow{row}, ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]string{"/municipality_code"}, pointersOf(&ValidationError{Problems: rep.Rows[0].Errors})); diff != "" {
			t.Errorf("problems (-want +got):\n%s", diff)
		}
	})

	t.Run("DryRunWritesNothing", func(t *testing.T) {
		s, f := newService()
		var calls []int
		progress := func(done, total int) { calls = append(calls, done, total) }
		rep, err := s.Import(ctx, editor, []ImportRow{importRow(2, "a")}, ImportOptions{DryRun: true, Progress: progress})
		if err != nil {
			t.Fatal(err)
		}
		if !rep.DryRun || rep.Imported || rep.Created != 1 || f.applied != 0 || rep.Rows[0].ProposalID != "" {
			t.Errorf("dry run: %+v, applied %d", rep, f.applied)
		}
		if diff := cmp.Diff([]int{1, 1}, calls); diff != "" {
			t.Errorf("progress calls (-want +got):\n%s", diff)
		}
	})

	t.Run("RowWithOnlyAnExportIDMatchesThatProposal", func(t *testing.T) {
		s, f := newService()
		if _, err := s.Import(ctx, editor, []ImportRow{importRow(2, "")}, ImportOptions{}); err != nil {
			t.Fatal(err)
		}
		f.byID["own"] = &Proposal{ID: "own", Status: StatusPublished}
		row := importRow(2, "")
		row.ID = "own"
		rep, err := s.Import(ctx, editor, []ImportRow{row}, ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Rows[0].Result != ImportUpdated || rep.Rows[0].ProposalID != "own" || f.byID["own"].ExternalKey != "" {
			t.Errorf("row: %+v, stored key %q", rep.Rows[0], f.byID["own"].ExternalKey)
		}
	})

	t.Run("ErrForbiddenForStaff", func(t *testing.T) {
		s, _ := newService()
		_, err := s.Import(ctx, Principal{Role: RoleStaff, MunicipalityCode: "250"}, []ImportRow{importRow(2, "a")}, ImportOptions{})
		if err != ErrForbidden {
			t.Errorf("err = %v, want ErrForbidden", err)
		}
	})
}
