package demo

import (
	"context"
	"errors"
	"fmt"

	"github.com/idebank/idebank/domain"
)

// ErrNotEmpty is returned by Seed when the database already holds proposals
// or one of the demo users: demo data is only ever added to an empty idea bank.
var ErrNotEmpty = errors.New("demo: the database is not empty")

// Result tells what Seed created.
type Result struct {
	Users     []UserSpec
	Proposals int
	ByStatus  map[domain.Status]int
}

// Seed creates the demo users and proposals and moves each proposal to its
// item's status. It checks every item and the database's emptiness before
// writing anything, so a bad data file or a second run changes nothing.
// Staff users author their own municipality's proposals; the editor submits
// for the others, publishes and rejects. If a write fails midway, Seed stops
// and says how far it came; the caller should then start from an empty
// database again.
func Seed(ctx context.Context, svc *domain.Service) (*Result, error) {
	items, err := Load()
	if err != nil {
		return nil, err
	}
	if err := precheck(ctx, svc, items); err != nil {
		return nil, err
	}
	actors, err := createUsers(ctx, svc)
	if err != nil {
		return nil, err
	}
	res := &Result{Users: Users, ByStatus: map[domain.Status]int{}}
	for i, it := range items {
		if err := seedItem(ctx, svc, actors, it); err != nil {
			return nil, fmt.Errorf("demo: seed stopped after %d of %d proposals: %w", i, len(items), err)
		}
		res.Proposals++
		res.ByStatus[it.Status]++
	}
	return res, nil
}

// precheck validates every item, checks that its municipality exists, and
// refuses a database that already has proposals or a demo user.
func precheck(ctx context.Context, svc *domain.Service, items []Item) error {
	for _, it := range items {
		if err := it.Check(); err != nil {
			return err
		}
		if _, err := svc.Municipalities.FindMunicipality(ctx, it.MunicipalityCode); err != nil {
			return fmt.Errorf("demo: item %s: municipality %s: %w", it.ExternalKey, it.MunicipalityCode, err)
		}
	}
	page, err := svc.ListProposals(ctx, domain.System, domain.ProposalFilter{
		Statuses: []domain.Status{domain.StatusDraft, domain.StatusSubmitted, domain.StatusPublished,
			domain.StatusRejected, domain.StatusArchived, domain.StatusMerged},
		PerPage: 1,
	})
	if err != nil {
		return fmt.Errorf("demo: count proposals: %w", err)
	}
	if page.Total > 0 {
		return fmt.Errorf("%w: it has %d proposals", ErrNotEmpty, page.Total)
	}
	for _, spec := range Users {
		_, err := svc.Users.FindUserByEmail(ctx, spec.Email)
		switch {
		case err == nil:
			return fmt.Errorf("%w: user %s exists", ErrNotEmpty, spec.Email)
		case !domain.IsNotFound(err):
			return fmt.Errorf("demo: find user %s: %w", spec.Email, err)
		}
	}
	return nil
}

// actors are the principals the proposals are written and curated by.
type actors struct {
	editor domain.Principal
	staff  map[string]domain.Principal // by municipality code
}

// author returns the principal that creates and submits a proposal of code.
func (a actors) author(code string) domain.Principal {
	if p, ok := a.staff[code]; ok {
		return p
	}
	return a.editor
}

func createUsers(ctx context.Context, svc *domain.Service) (actors, error) {
	a := actors{editor: domain.System, staff: map[string]domain.Principal{}}
	for _, spec := range Users {
		u, err := svc.CreateUser(ctx, domain.System, domain.NewUserInput{
			Email: spec.Email, Role: spec.Role, MunicipalityCode: spec.MunicipalityCode, Password: Password,
		})
		if err != nil {
			return actors{}, fmt.Errorf("demo: create user %s: %w", spec.Email, err)
		}
		switch u.Role {
		case domain.RoleEditor:
			a.editor = domain.PrincipalOf(u)
		case domain.RoleStaff:
			a.staff[u.MunicipalityCode] = domain.PrincipalOf(u)
		}
	}
	return a, nil
}

// seedItem creates one proposal and walks it to the item's status:
// submitted, published (after being submitted) or rejected with the reason.
func seedItem(ctx context.Context, svc *domain.Service, a actors, it Item) error {
	author := a.author(it.MunicipalityCode)
	pr, err := svc.CreateProposal(ctx, author, it.Input())
	if err != nil {
		return fmt.Errorf("create %s: %w", it.ExternalKey, err)
	}
	steps := map[domain.Status][]domain.Action{
		domain.StatusDraft:     nil,
		domain.StatusSubmitted: {domain.ActionSubmit},
		domain.StatusPublished: {domain.ActionSubmit, domain.ActionPublish},
		domain.StatusRejected:  {domain.ActionSubmit, domain.ActionReject},
	}[it.Status]
	for _, action := range steps {
		actor, reason := a.editor, ""
		if action == domain.ActionSubmit {
			actor = author
		}
		if action == domain.ActionReject {
			reason = it.RejectReason
		}
		if pr, err = svc.Transition(ctx, actor, pr.ID, pr.Version, action, reason); err != nil {
			return fmt.Errorf("%s %s: %w", action, it.ExternalKey, err)
		}
	}
	return nil
}
