package domain

import (
	"context"
	"fmt"
	"reflect"
	"time"
)

// ImportOptions steer an import.
type ImportOptions struct {
	// DryRun validates and reports without writing anything.
	DryRun bool
	// Publish publishes the proposals the import creates (else they are drafts).
	Publish bool
	// SkipInvalid imports the valid rows even when others fail; without it
	// a single failing row means nothing is imported.
	SkipInvalid bool
	// Progress, when set, is called as rows are checked (done of total)
	// and once more with done == total before anything is written.
	Progress func(done, total int)
}

// progressEvery is how many rows pass between calls of ImportOptions.Progress.
const progressEvery = 500

// ImportRow is one row of an import file, as read by a file reader.
type ImportRow struct {
	// Row is the row's number as the user sees it (the line of a CSV file,
	// the row of a sheet, the line of a JSON Lines file).
	Row int
	// ID is the id column of an export: it identifies a proposal of this
	// bank when the row has no external key.
	ID    string
	Input ProposalInput
	// Problems are what the reader could not parse (e.g. "12,5" as kroner).
	Problems []FieldProblem
}

// ImportResult is what happened to one row.
type ImportResult string

// The results of an import row. ImportSkipped marks a valid row that was
// not written because other rows failed.
const (
	ImportCreated   ImportResult = "created"
	ImportUpdated   ImportResult = "updated"
	ImportUnchanged ImportResult = "unchanged"
	ImportFailed    ImportResult = "failed"
	ImportSkipped   ImportResult = "skipped"
)

// ImportRowReport is the outcome of one row.
type ImportRowReport struct {
	Row         int
	ExternalKey string
	ProposalID  string
	Result      ImportResult
	Errors      []FieldProblem
}

// ImportReport is the outcome of an import. Imported tells whether the
// import was applied (false for a dry run and a refused file; true also
// when every row was unchanged); Refused that failing rows stopped the
// whole file.
type ImportReport struct {
	DryRun    bool
	Imported  bool
	Refused   bool
	Created   int
	Updated   int
	Unchanged int
	Failed    int
	Rows      []ImportRowReport
}

// ImportWrite is one proposal an import creates or updates.
type ImportWrite struct {
	Proposal *Proposal
	Create   bool
	Change   Change
}

// ImportStore reads and writes what an import needs.
type ImportStore interface {
	// FindImportMatches returns the proposals whose external key is one of
	// keys, by key (soft-deleted ones too, with DeletedAt set, as their key
	// stays taken), and the live proposals whose ID is one of ids, by ID.
	FindImportMatches(ctx context.Context, keys, ids []string) (byKey, byID map[string]*Proposal, err error)
	// ApplyImport writes every create (assigning refs) and update (checking
	// that the stored version is still Version-1) with its audit and outbox
	// rows in one transaction; on any error nothing is written.
	ApplyImport(ctx context.Context, writes []ImportWrite) error
}

// Audit reasons written by imports.
const (
	importCreateReason = "Oprettet ved import."
	importUpdateReason = "Opdateret ved import."
)

// Import validates rows with the same rules as the API and, unless it is a
// dry run, creates or updates their proposals in one transaction. A row is
// identified by its external key (or, without one, by the id of an export):
// importing the same rows twice leaves every row unchanged the second time.
// Only editors import.
func (s *Service) Import(ctx context.Context, p Principal, rows []ImportRow, opt ImportOptions) (*ImportReport, error) {
	if !p.IsEditor() {
		return nil, ErrForbidden
	}
	if len(rows) == 0 {
		return nil, Invalid("", "Filen indeholder ingen rækker med forslag.")
	}
	keys, ids := importKeys(rows)
	byKey, byID, err := s.Curation.FindImportMatches(ctx, keys, ids)
	if err != nil {
		return nil, err
	}
	plan := importPlan{svc: s.withMunicipalityCache(), p: p, opt: opt, now: s.now(),
		byKey: byKey, byID: byID, firstRow: map[string]int{}}
	rep := &ImportReport{DryRun: opt.DryRun, Rows: make([]ImportRowReport, len(rows))}
	var writes []ImportWrite
	for i, row := range rows {
		w, rr, err := plan.row(ctx, row)
		if err != nil {
			return nil, err
		}
		rep.Rows[i] = rr
		if w != nil {
			writes = append(writes, *w)
		}
		if opt.Progress != nil && ((i+1)%progressEvery == 0 || i+1 == len(rows)) {
			opt.Progress(i+1, len(rows))
		}
	}
	rep.count()
	if rep.Failed > 0 && !opt.SkipInvalid {
		rep.skipAll()
		return rep, nil
	}
	if opt.DryRun {
		rep.forgetNewIDs()
		return rep, nil
	}
	if len(writes) > 0 {
		if err := s.Curation.ApplyImport(ctx, writes); err != nil {
			return nil, err
		}
	}
	rep.Imported = true
	return rep, nil
}

// importKeys returns the external keys and IDs rows may match, where a row
// without an external key is also looked up by its ID as a key (a proposal
// imported from another bank's export keeps that ID as its key).
func importKeys(rows []ImportRow) (keys, ids []string) {
	for _, r := range rows {
		switch k := trimmed(r.Input.ExternalKey); {
		case k != "":
			keys = append(keys, k)
		case trimmed(r.ID) != "":
			keys = append(keys, trimmed(r.ID))
			ids = append(ids, trimmed(r.ID))
		}
	}
	return keys, ids
}

func (r *ImportReport) count() {
	r.Created, r.Updated, r.Unchanged, r.Failed = 0, 0, 0, 0
	for _, row := range r.Rows {
		switch row.Result {
		case ImportCreated:
			r.Created++
		case ImportUpdated:
			r.Updated++
		case ImportUnchanged:
			r.Unchanged++
		case ImportFailed:
			r.Failed++
		}
	}
}

// forgetNewIDs clears the IDs of rows that would have been created: a dry
// run creates nothing, so it has no IDs to report.
func (r *ImportReport) forgetNewIDs() {
	for i := range r.Rows {
		if r.Rows[i].Result == ImportCreated {
			r.Rows[i].ProposalID = ""
		}
	}
}

// skipAll marks every valid row skipped: the file is refused as a whole.
func (r *ImportReport) skipAll() {
	r.Refused = true
	for i := range r.Rows {
		if r.Rows[i].Result != ImportFailed {
			r.Rows[i].Result = ImportSkipped
			r.Rows[i].ProposalID = ""
		}
	}
	r.Created, r.Updated, r.Unchanged = 0, 0, 0
}

// sameInput reports whether two normalised inputs hold the same content.
func sameInput(a, b ProposalInput) bool {
	for _, in := range []*ProposalInput{&a, &b} {
		if len(in.Tags) == 0 {
			in.Tags = nil
		}
		if len(in.Savings) == 0 {
			in.Savings = nil
		}
	}
	return reflect.DeepEqual(a, b)
}

// importPlan decides, row by row, what an import does.
type importPlan struct {
	svc      *Service
	p        Principal
	opt      ImportOptions
	now      time.Time
	byKey    map[string]*Proposal
	byID     map[string]*Proposal
	firstRow map[string]int // external key → first row that used it
}

// row validates one row and returns the write it needs (nil if none).
// Validation problems are reported in the row; only storage errors are returned.
func (pl *importPlan) row(ctx context.Context, row ImportRow) (*ImportWrite, ImportRowReport, error) {
	in := row.Input
	in.Normalize()
	existing, key := pl.match(row, &in)
	rr := ImportRowReport{Row: row.Row, ExternalKey: key}
	v := &ValidationError{Problems: append([]FieldProblem(nil), row.Problems...)}
	pl.checkKey(v, row.Row, key)
	if err := in.Validate(); err != nil {
		v.Problems = append(v.Problems, problemsOf(err)...)
	}
	if err := pl.checkMunicipality(ctx, v, in.MunicipalityCode); err != nil {
		return nil, rr, err
	}
	if existing != nil && existing.DeletedAt != nil {
		v.Add("/external_key", fmt.Sprintf("Det slettede forslag %s har allerede den eksterne nøgle; brug en anden.", existing.Ref))
	} else if existing != nil && existing.Status == StatusMerged {
		v.Add("/external_key", fmt.Sprintf("Forslaget %s er lagt sammen med et andet og kan ikke opdateres.", existing.Ref))
	}
	if len(v.Problems) == 0 {
		w, result, err := pl.write(ctx, existing, in)
		if err == nil {
			rr.Result = result
			if w != nil {
				rr.ProposalID = w.Proposal.ID
			} else {
				rr.ProposalID = existing.ID
			}
			return w, rr, nil
		}
		if !isValidation(err) {
			return nil, rr, err
		}
		v.Problems = append(v.Problems, problemsOf(err)...)
	}
	rr.Result, rr.Errors = ImportFailed, v.Problems
	return nil, rr, nil
}
