package domain

import (
	"context"
	"fmt"
	"time"
)

// CurationStore is what the editors' and municipalities' curation work
// needs from storage: adoptions, merges, duplicate candidates and imports.
type CurationStore interface {
	AdoptionStore
	MergeStore
	DuplicateStore
	ImportStore
	ExportStore
}

// RecordAdoption records (or updates) that municipality code uses proposal
// id. Staff may record only their own municipality's adoptions; editors any.
// Only published proposals can be adopted, never by their own municipality.
// It reports whether the adoption was new.
func (s *Service) RecordAdoption(ctx context.Context, p Principal, id, code string, in AdoptionInput) (*Adoption, bool, error) {
	if !p.Role.AtLeast(RoleStaff) {
		return nil, false, ErrUnauthorized
	}
	if !p.CanRecordAdoption(code) {
		return nil, false, ErrForbidden
	}
	pr, err := s.GetProposal(ctx, p, id)
	if err != nil {
		return nil, false, err
	}
	m, err := s.Municipalities.FindMunicipality(ctx, code)
	if err != nil {
		return nil, false, err
	}
	if err := CheckAdoptable(pr, code); err != nil {
		return nil, false, err
	}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, false, err
	}
	now := s.now().Truncate(time.Microsecond) // as stored, so the answer equals a later read
	a := &Adoption{
		ProposalID: pr.ID, Municipality: m.Ref(), Status: in.Status,
		ExpectedDKK: in.ExpectedDKK, RealisedDKK: in.RealisedDKK, Note: in.Note,
		DecidedOn: in.DecidedOn, ImplementedOn: in.ImplementedOn,
		UpdatedBy: p.UserID, CreatedAt: now, UpdatedAt: now,
	}
	created, err := s.Curation.SaveAdoption(ctx, a)
	if err != nil {
		return nil, false, err
	}
	return a, created, nil
}

// ListAdoptions returns the adoptions of a published proposal (editors and
// the proposal's own staff may also read those of other statuses).
func (s *Service) ListAdoptions(ctx context.Context, p Principal, id string) ([]Adoption, error) {
	pr, err := s.GetProposal(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if pr.Status == StatusMerged {
		return nil, fmt.Errorf("domain: adoptions of merged proposal %s: %w", id, ErrNotFound)
	}
	return s.Curation.ListAdoptions(ctx, pr.ID)
}

// MunicipalityAdoptions returns what municipality code has recorded
// adopting, with expected and realised totals over adopted and implemented
// proposals. Anyone may read it: adoptions are public.
func (s *Service) MunicipalityAdoptions(ctx context.Context, code string) (*MunicipalityAdoptions, error) {
	m, err := s.Municipalities.FindMunicipality(ctx, code)
	if err != nil {
		return nil, err
	}
	items, err := s.Curation.ListMunicipalityAdoptions(ctx, code)
	if err != nil {
		return nil, err
	}
	l := &MunicipalityAdoptions{Municipality: m.Ref(), Items: items}
	l.Totals()
	return l, nil
}

// defaultSort is a list's order when the caller names none: the editor
// queue (only submitted proposals) oldest submission first, else newest.
func defaultSort(statuses []Status) ListSort {
	if len(statuses) == 1 && statuses[0] == StatusSubmitted {
		return SortOldest
	}
	return SortNewest
}

// QueueAgeDays returns how many whole days a submitted proposal has waited
// at now (0 when it was never submitted).
func QueueAgeDays(pr *Proposal, now time.Time) int {
	if pr.SubmittedAt == nil || now.Before(*pr.SubmittedAt) {
		return 0
	}
	return int(now.Sub(*pr.SubmittedAt) / (24 * time.Hour))
}
