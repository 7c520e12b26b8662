package domain

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Service holds the use cases. The HTTP API, the web UI and the command line
// all call these methods, so every rule is written once.
type Service struct {
	Proposals      ProposalStore
	Municipalities MunicipalityStore
	Comparison     ComparisonStore
	Users          UserStore
	Hasher         PasswordHasher
	// Searcher is the full-text index of published proposals (see search.go).
	Searcher Searcher
	// Curation stores adoptions, merges and imports (see curation.go).
	Curation CurationStore
	// Sessions keeps web sessions and failed logins (see session.go).
	Sessions SessionStore
	// Now is the clock; tests freeze it.
	Now func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// CreateProposal validates in and stores it as a draft of in.MunicipalityCode.
func (s *Service) CreateProposal(ctx context.Context, p Principal, in ProposalInput) (*Proposal, error) {
	if !p.Role.AtLeast(RoleStaff) {
		return nil, ErrForbidden
	}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if !p.CanCreateFor(in.MunicipalityCode) {
		return nil, ErrForbidden
	}
	now := s.now()
	pr := &Proposal{
		ID:        NewID(now),
		Status:    StatusDraft,
		Version:   1,
		AuthorID:  p.UserID,
		CreatedAt: now,
		UpdatedAt: now,
	}
	if err := s.applyInput(ctx, pr, in); err != nil {
		return nil, err
	}
	if err := s.Proposals.CreateProposal(ctx, pr, Change{Action: ActionCreate, Actor: p}); err != nil {
		return nil, err
	}
	return pr, nil
}

// applyInput copies in onto pr and recomputes the server figures with the
// population of the budget year.
func (s *Service) applyInput(ctx context.Context, pr *Proposal, in ProposalInput) error {
	m, err := s.Municipalities.FindMunicipality(ctx, in.MunicipalityCode)
	if err != nil {
		if IsNotFound(err) {
			return Invalid("/municipality_code", fmt.Sprintf("Kommunekoden %s findes ikke.", in.MunicipalityCode))
		}
		return err
	}
	pop, err := s.Municipalities.PopulationFor(ctx, in.MunicipalityCode, in.BudgetYear)
	if err != nil {
		return err
	}
	pr.Title, pr.Summary, pr.Description = in.Title, in.Summary, in.Description
	pr.PolicyArea, pr.MeasureType = in.PolicyArea, in.MeasureType
	pr.Municipality = m.Ref()
	pr.BudgetYear = in.BudgetYear
	pr.Savings = in.Savings
	pr.InvestmentDKK = in.InvestmentDKK
	pr.ReducesService = in.ReducesService
	pr.EvidenceLevel = in.EvidenceLevel
	pr.Tags = in.Tags
	if pr.Tags == nil {
		pr.Tags = []string{}
	}
	pr.Contact = in.Contact
	pr.ExternalKey = in.ExternalKey
	pr.ApplyFigures(pop)
	return nil
}

// GetProposal returns a proposal p may see, or ErrNotFound.
func (s *Service) GetProposal(ctx context.Context, p Principal, id string) (*Proposal, error) {
	pr, err := s.Proposals.FindProposalByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !p.CanSee(pr) {
		return nil, fmt.Errorf("domain: proposal %s: %w", id, ErrNotFound)
	}
	return pr, nil
}

// ListProposals returns one page of the proposals p may see that match f.
func (s *Service) ListProposals(ctx context.Context, p Principal, f ProposalFilter) (*ProposalPage, error) {
	if err := checkPaging(&f.Page, &f.PerPage); err != nil {
		return nil, err
	}
	f.Statuses = p.VisibleStatuses(f.Statuses)
	f.PublicOnly = p.Role == RolePublic
	f.PrivateMunicipality = ""
	if p.Role == RoleStaff {
		f.PrivateMunicipality = p.MunicipalityCode
	}
	if f.Sort == "" {
		f.Sort = defaultSort(f.Statuses)
	}
	return s.Proposals.ListProposals(ctx, f)
}

func checkPaging(page, perPage *int) error {
	v := &ValidationError{}
	if *page == 0 {
		*page = 1
	}
	if *perPage == 0 {
		*perPage = DefaultPerPage
	}
	if *page < 1 {
		v.Add("/page", "Sidetallet skal være 1 eller større.")
	}
	if *perPage < 1 || *perPage > MaxPerPage {
		v.Add("/per_page", fmt.Sprintf("Antal pr. side skal være mellem 1 og %d.", MaxPerPage))
	}
	return v.Err()
}

// UpdateProposal applies patch to the proposal if its stored version is
// still version. It returns ErrVersionConflict for a stale version.
func (s *Service) UpdateProposal(ctx context.Context, p Principal, id string, version int, patch ProposalPatch) (*Proposal, error) {
	pr, err := s.Proposals.FindProposalByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := p.Authorize(pr, ActionEdit); err != nil {
		return nil, err
	}
	if pr.Version != version {
		return nil, ErrVersionConflict
	}
	in := patch.Apply(pr.Input())
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if in.MunicipalityCode != pr.Municipality.Code && !p.CanCreateFor(in.MunicipalityCode) {
		return nil, ErrForbidden
	}
	next, _ := NextStatus(pr.Status, ActionEdit)
	if err := s.applyInput(ctx, pr, in); err != nil {
		return nil, err
	}
	pr.Status = next
	return pr, s.save(ctx, pr, Change{Action: ActionEdit, Actor: p})
}

// save bumps the version and stores pr with its audit row.
func (s *Service) save(ctx context.Context, pr *Proposal, c Change) error {
	pr.Version++
	pr.UpdatedAt = s.now()
	return s.Proposals.UpdateProposal(ctx, pr, c)
}

// DeleteProposal soft-deletes a proposal at version.
func (s *Service) DeleteProposal(ctx context.Context, p Principal, id string, version int) error {
	pr, err := s.Proposals.FindProposalByID(ctx, id)
	if err != nil {
		return err
	}
	if err := p.Authorize(pr, ActionDelete); err != nil {
		return err
	}
	if pr.Version != version {
		return ErrVersionConflict
	}
	now := s.now()
	pr.DeletedAt = &now
	return s.save(ctx, pr, Change{Action: ActionDelete, Actor: p})
}

// Transition performs submit, publish, reject or archive on a proposal at
// version. Reject needs a reason, which the submitting staff see.
func (s *Service) Transition(ctx context.Context, p Principal, id string, version int, action Action, reason string) (*Proposal, error) {
	switch action {
	case ActionSubmit, ActionPublish, ActionReject, ActionArchive:
	default:
		return nil, fmt.Errorf("domain: transition %q: %w", action, ErrInvalidTransition)
	}
	pr, err := s.Proposals.FindProposalByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := p.Authorize(pr, action); err != nil {
		return nil, err
	}
	if pr.Version != version {
		return nil, ErrVersionConflict
	}
	if action == ActionReject {
		if err := validateReason(reason); err != nil {
			return nil, err
		}
		pr.RejectReason = reason
	}
	next, err := NextStatus(pr.Status, action)
	if err != nil {
		return nil, err
	}
	pr.Status = next
	if action == ActionSubmit {
		now := s.now()
		pr.SubmittedAt = &now
	}
	if action == ActionPublish {
		now := s.now()
		pr.PublishedAt = &now
		pr.RejectReason = ""
	}
	return pr, s.save(ctx, pr, Change{Action: action, Actor: p, Reason: reason})
}

func validateReason(reason string) error {
	switch n := utf8.RuneCountInString(strings.TrimSpace(reason)); {
	case n == 0:
		return Invalid("/reason", "Skriv en begrundelse for afvisningen, så kommunen kan rette forslaget.")
	case n > MaxRejectReason:
		return Invalid("/reason", fmt.Sprintf("Begrundelsen må højst være %d tegn.", MaxRejectReason))
	}
	return nil
}

// History returns the audit rows of a proposal, newest first, for its
// municipality's staff and editors.
func (s *Service) History(ctx context.Context, p Principal, id string) ([]Revision, error) {
	pr, err := s.GetProposal(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if !p.CanSeeHistory(pr) {
		return nil, ErrForbidden
	}
	return s.Proposals.ListRevisions(ctx, id)
}

// IsNotFound reports whether err is (or wraps) ErrNotFound.
func IsNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
