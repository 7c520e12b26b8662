package domain

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// match finds the proposal a row refers to and sets in.ExternalKey to the
// key the proposal will carry. It returns the proposal (nil for a new one)
// and the key the row is known by in the report.
func (pl *importPlan) match(row ImportRow, in *ProposalInput) (*Proposal, string) {
	if in.ExternalKey != "" {
		return pl.byKey[in.ExternalKey], in.ExternalKey
	}
	id := trimmed(row.ID)
	if id == "" {
		return nil, ""
	}
	if pr := pl.byID[id]; pr != nil {
		in.ExternalKey = pr.ExternalKey
		return pr, id
	}
	in.ExternalKey = id
	return pl.byKey[id], id
}

// checkKey requires a key and refuses one that an earlier row of the file used.
func (pl *importPlan) checkKey(v *ValidationError, row int, key string) {
	if key == "" {
		v.Add("/external_key", "Angiv en ekstern nøgle (kolonnen external_key), så rækken kan genkendes ved næste import.")
		return
	}
	if first, ok := pl.firstRow[key]; ok {
		v.Add("/external_key", fmt.Sprintf("Den eksterne nøgle %q står også i række %d.", key, first))
		return
	}
	pl.firstRow[key] = row
}

// checkMunicipality reports a well-formed municipality code that does not
// exist, so that a row lists all its problems at once.
func (pl *importPlan) checkMunicipality(ctx context.Context, v *ValidationError, code string) error {
	if !isMunicipalityCode(code) {
		return nil
	}
	_, err := pl.svc.Municipalities.FindMunicipality(ctx, code)
	if IsNotFound(err) {
		v.Add("/municipality_code", fmt.Sprintf("Kommunekoden %s findes ikke.", code))
		return nil
	}
	return err
}

// write returns the create or update a valid row needs, or no write when
// the stored proposal already holds the row's content.
func (pl *importPlan) write(ctx context.Context, existing *Proposal, in ProposalInput) (*ImportWrite, ImportResult, error) {
	if existing == nil {
		pr := &Proposal{ID: NewID(pl.now), Status: StatusDraft, Version: 1, AuthorID: pl.p.UserID,
			CreatedAt: pl.now, UpdatedAt: pl.now, AdoptedBy: []string{}}
		if err := pl.svc.applyInput(ctx, pr, in); err != nil {
			return nil, "", err
		}
		if pl.opt.Publish {
			at := pl.now
			pr.Status, pr.PublishedAt = StatusPublished, &at
		}
		return &ImportWrite{Proposal: pr, Create: true,
			Change: Change{Action: ActionCreate, Actor: pl.p, Reason: importCreateReason}}, ImportCreated, nil
	}
	if sameInput(existing.Input(), in) {
		return nil, ImportUnchanged, nil
	}
	next, err := NextStatus(existing.Status, ActionEdit)
	if err != nil {
		return nil, "", Invalid("/external_key", "Forslaget kan ikke længere redigeres.")
	}
	pr := *existing
	if err := pl.svc.applyInput(ctx, &pr, in); err != nil {
		return nil, "", err
	}
	pr.Status = next
	pr.Version++
	pr.UpdatedAt = pl.now
	return &ImportWrite{Proposal: &pr,
		Change: Change{Action: ActionEdit, Actor: pl.p, Reason: importUpdateReason}}, ImportUpdated, nil
}

// problemsOf returns the field problems of a *ValidationError.
func problemsOf(err error) []FieldProblem {
	var v *ValidationError
	if errors.As(err, &v) {
		return v.Problems
	}
	return nil
}

func isValidation(err error) bool {
	var v *ValidationError
	return errors.As(err, &v)
}

func trimmed(s string) string { return strings.TrimSpace(s) }

// withMunicipalityCache returns a copy of s whose municipality look-ups are
// answered from memory after the first, for work over many rows.
func (s *Service) withMunicipalityCache() *Service {
	c := *s
	c.Municipalities = &municipalityCache{MunicipalityStore: s.Municipalities,
		found: map[string]*Municipality{}, pops: map[popKey]PopulationFigure{}}
	return &c
}

type popKey struct {
	code string
	year int
}

// municipalityCache remembers municipalities and population figures; it
// is used by one goroutine at a time.
type municipalityCache struct {
	MunicipalityStore
	found map[string]*Municipality
	pops  map[popKey]PopulationFigure
}

// FindMunicipality answers from memory after the first look-up of code.
func (c *municipalityCache) FindMunicipality(ctx context.Context, code string) (*Municipality, error) {
	if m, ok := c.found[code]; ok {
		return m, nil
	}
	m, err := c.MunicipalityStore.FindMunicipality(ctx, code)
	if err != nil {
		return nil, err
	}
	c.found[code] = m
	return m, nil
}

// PopulationFor answers from memory after the first look-up of (code, year).
func (c *municipalityCache) PopulationFor(ctx context.Context, code string, year int) (PopulationFigure, error) {
	k := popKey{code, year}
	if f, ok := c.pops[k]; ok {
		return f, nil
	}
	f, err := c.MunicipalityStore.PopulationFor(ctx, code, year)
	if err != nil {
		return f, err
	}
	c.pops[k] = f
	return f, nil
}
