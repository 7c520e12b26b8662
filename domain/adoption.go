package domain

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// AdoptionStatus is how far a municipality has come with another
// municipality's proposal.
type AdoptionStatus string

// The statuses of an adoption.
const (
	AdoptionConsidering AdoptionStatus = "considering"
	AdoptionAdopted     AdoptionStatus = "adopted"
	AdoptionImplemented AdoptionStatus = "implemented"
	AdoptionDropped     AdoptionStatus = "dropped"
)

// AdoptionStatuses lists the adoption statuses with their Danish labels.
var AdoptionStatuses = []Option{
	{string(AdoptionConsidering), "Overvejer"},
	{string(AdoptionAdopted), "Vedtaget"},
	{string(AdoptionImplemented), "Gennemført"},
	{string(AdoptionDropped), "Fravalgt"},
}

// MaxAdoptionNote is the longest note on an adoption, in characters.
const MaxAdoptionNote = 2000

// DateLayout is how calendar dates (without a time) are written: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// Counts reports whether an adoption with status s counts in a proposal's
// adoption_count: the municipality decided or carried it out.
func (s AdoptionStatus) Counts() bool {
	return s == AdoptionAdopted || s == AdoptionImplemented
}

// rank orders statuses by how far they got; a merge keeps the further one.
func (s AdoptionStatus) rank() int {
	switch s {
	case AdoptionConsidering:
		return 1
	case AdoptionAdopted:
		return 2
	case AdoptionImplemented:
		return 3
	}
	return 0
}

// Adoption records that a municipality uses another municipality's proposal
// [anvendelse]. There is at most one per (proposal, municipality).
type Adoption struct {
	ProposalID    string
	Municipality  MunicipalityRef
	Status        AdoptionStatus
	ExpectedDKK   int64  // expected yearly saving, whole kroner
	RealisedDKK   int64  // realised yearly saving, whole kroner
	Note          string // up to MaxAdoptionNote characters
	DecidedOn     string // YYYY-MM-DD or empty
	ImplementedOn string // YYYY-MM-DD or empty
	UpdatedBy     string // user ID of the last writer
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// AdoptionInput is what a municipality (or an editor) records about an adoption.
type AdoptionInput struct {
	Status        AdoptionStatus
	ExpectedDKK   int64
	RealisedDKK   int64
	Note          string
	DecidedOn     string
	ImplementedOn string
}

// Normalize trims the text fields.
func (in *AdoptionInput) Normalize() {
	in.Status = AdoptionStatus(strings.TrimSpace(string(in.Status)))
	in.Note = strings.TrimSpace(strings.ReplaceAll(in.Note, "\r\n", "\n"))
	in.DecidedOn = strings.TrimSpace(in.DecidedOn)
	in.ImplementedOn = strings.TrimSpace(in.ImplementedOn)
}

// Validate checks the rules of an adoption and lists every failing field
// with a Danish message. Call Normalize first.
func (in *AdoptionInput) Validate() error {
	v := &ValidationError{}
	if !IsOption(AdoptionStatuses, string(in.Status)) {
		v.Add("/status", "Vælg en af statusserne considering, adopted, implemented eller dropped.")
	}
	if in.ExpectedDKK < 0 {
		v.Add("/expected_dkk", "Den forventede besparelse skal være hele kroner og mindst 0.")
	}
	if in.RealisedDKK < 0 {
		v.Add("/realised_dkk", "Den realiserede besparelse skal være hele kroner og mindst 0.")
	}
	if n := utf8.RuneCountInString(in.Note); n > MaxAdoptionNote {
		v.Add("/note", fmt.Sprintf("Noten må højst være %d tegn (den er %d).", MaxAdoptionNote, n))
	}
	decided, okD := parseDate(v, "/decided_on", in.DecidedOn)
	implemented, okI := parseDate(v, "/implemented_on", in.ImplementedOn)
	if okD && okI && !decided.IsZero() && !implemented.IsZero() && implemented.Before(decided) {
		v.Add("/implemented_on", "Gennemførelsesdatoen kan ikke ligge før beslutningsdatoen.")
	}
	return v.Err()
}

// parseDate parses an optional YYYY-MM-DD date, adding a problem if it is malformed.
func parseDate(v *ValidationError, pointer, s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, true
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		v.Add(pointer, "Angiv datoen som ÅÅÅÅ-MM-DD, fx 2025-03-01.")
		return time.Time{}, false
	}
	return t, true
}

// CheckAdoptable returns why municipality code may not adopt pr: only
// published proposals can be adopted (ErrInvalidTransition), and never by
// the municipality that wrote them (a ValidationError).
func CheckAdoptable(pr *Proposal, code string) error {
	if pr.Status != StatusPublished || pr.DeletedAt != nil {
		return fmt.Errorf("domain: adopt proposal %s in status %s: %w", pr.ID, pr.Status, ErrInvalidTransition)
	}
	if pr.Municipality.Code == code {
		return Invalid("/municipality_code", "En kommune kan ikke registrere anvendelse af sit eget forslag.")
	}
	return nil
}

// CanRecordAdoption reports whether p may record adoptions for municipality code.
func (p Principal) CanRecordAdoption(code string) bool {
	return p.IsEditor() || p.IsStaffOf(code)
}

// MergeAdoptions returns what becomes of the adoptions of a proposal that
// is merged into another: each of from's adoptions moves to the target
// unless the target already has one for that municipality, in which case
// the target keeps a single row carrying the further status (the target's
// own row wins a tie). The result holds the rows to write for the target,
// keyed by municipality code; rows of into that are unchanged are left out.
func MergeAdoptions(targetID string, from, into []Adoption) []Adoption {
	existing := make(map[string]Adoption, len(into))
	for _, a := range into {
		existing[a.Municipality.Code] = a
	}
	var writes []Adoption
	for _, a := range from {
		cur, ok := existing[a.Municipality.Code]
		if ok && a.Status.rank() <= cur.Status.rank() {
			continue
		}
		if ok {
			a.CreatedAt = cur.CreatedAt
		}
		a.ProposalID = targetID
		writes = append(writes, a)
	}
	return writes
}

// AdoptedBy returns the codes of the municipalities whose adoptions count
// (adopted or implemented), in the order given.
func AdoptedBy(adoptions []Adoption) []string {
	codes := []string{}
	for _, a := range adoptions {
		if a.Status.Counts() {
			codes = append(codes, a.Municipality.Code)
		}
	}
	return codes
}

// MunicipalityAdoption is one proposal a municipality has recorded an
// adoption of, as listed on the municipality's page.
type MunicipalityAdoption struct {
	Adoption
	Proposal ProposalSummary
}

// ProposalSummary is the short form of a proposal shown next to an adoption.
type ProposalSummary struct {
	ID             string
	Ref            string
	Title          string
	PolicyArea     string
	Municipality   MunicipalityRef
	FullEffectDKK  int64
	PerResidentOre int64
}

// MunicipalityAdoptions is a municipality's list of adoptions with totals
// over those that count (adopted or implemented).
type MunicipalityAdoptions struct {
	Municipality     MunicipalityRef
	Items            []MunicipalityAdoption
	TotalExpectedDKK int64
	TotalRealisedDKK int64
	CountedItems     int
}

// Totals fills the totals of l from its items.
func (l *MunicipalityAdoptions) Totals() {
	l.TotalExpectedDKK, l.TotalRealisedDKK, l.CountedItems = 0, 0, 0
	for _, it := range l.Items {
		if it.Status.Counts() {
			l.TotalExpectedDKK += it.ExpectedDKK
			l.TotalRealisedDKK += it.RealisedDKK
			l.CountedItems++
		}
	}
}

// AdoptionStore persists adoptions.
type AdoptionStore interface {
	// SaveAdoption inserts or updates the adoption of (a.ProposalID,
	// a.Municipality.Code) and, in the same transaction, sets the proposal's
	// adoption_count to its adopted + implemented adoptions and writes an
	// outbox row. It reports whether the row was new. It returns
	// ErrInvalidTransition if the proposal is no longer published and
	// ErrNotFound if it is gone.
	SaveAdoption(ctx context.Context, a *Adoption) (created bool, err error)
	// ListAdoptions returns the adoptions of a proposal by municipality code.
	ListAdoptions(ctx context.Context, proposalID string) ([]Adoption, error)
	// ListMunicipalityAdoptions returns the adoptions a municipality has
	// recorded, of proposals that are not deleted, newest change first.
	ListMunicipalityAdoptions(ctx context.Context, code string) ([]MunicipalityAdoption, error)
}
