package demo

import (
	"context"
	"errors"
	"testing"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

func TestSeed_CreatesUsersAndProposalsInTheirStatus(t *testing.T) {
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		svc, _ := testutil.NewService(t, db)
		items, err := Load()
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		res, err := Seed(ctx, svc)
		if err != nil {
			t.Fatalf("Seed: %v", err)
		}
		if got, want := res.Proposals, len(items); got != want {
			t.Fatalf("seeded %d proposals, want %d", got, want)
		}
		if got, want := len(res.Users), len(Users); got != want {
			t.Fatalf("seeded %d users, want %d", got, want)
		}
		want := map[domain.Status]int{}
		for _, it := range items {
			want[it.Status]++
		}
		for status, n := range want {
			page, err := svc.ListProposals(ctx, domain.System, domain.ProposalFilter{Statuses: []domain.Status{status}, PerPage: 1})
			if err != nil {
				t.Fatalf("list %s: %v", status, err)
			}
			if page.Total != n || res.ByStatus[status] != n {
				t.Errorf("%s: stored %d, reported %d, want %d", status, page.Total, res.ByStatus[status], n)
			}
		}
		for _, u := range Users {
			p, err := svc.Login(ctx, u.Email, Password)
			if err != nil {
				t.Fatalf("login %s: %v", u.Email, err)
			}
			if p.Role != u.Role || p.MunicipalityCode != u.MunicipalityCode {
				t.Errorf("%s: role %s of %q, want %s of %q", u.Email, p.Role, p.MunicipalityCode, u.Role, u.MunicipalityCode)
			}
		}
	})
}

func TestSeed_KeepsRejectReasonAndStaffDrafts(t *testing.T) {
	ctx := context.Background()
	svc, _ := testutil.NewService(t, testutil.NewSQLite(t))
	if _, err := Seed(ctx, svc); err != nil {
		t.Fatalf("Seed: %v", err)
	}
	staff, err := svc.Login(ctx, "frederikssund@demo.idebank.dk", Password)
	if err != nil {
		t.Fatalf("login: %v", err)
	}
	drafts, err := svc.ListProposals(ctx, staff, domain.ProposalFilter{Statuses: []domain.Status{domain.StatusDraft}})
	if err != nil {
		t.Fatalf("list drafts: %v", err)
	}
	if drafts.Total == 0 {
		t.Error("Frederikssund staff see no drafts of their own")
	}
	for _, pr := range drafts.Items {
		if pr.Municipality.Code != "250" {
			t.Errorf("Frederikssund staff see a draft of %s", pr.Municipality.Code)
		}
		if pr.AuthorID != staff.UserID {
			t.Errorf("draft %s is not authored by the Frederikssund staff user", pr.ExternalKey)
		}
	}
	rejected, err := svc.ListProposals(ctx, domain.System, domain.ProposalFilter{Statuses: []domain.Status{domain.StatusRejected}})
	if err != nil {
		t.Fatalf("list rejected: %v", err)
	}
	for _, pr := range rejected.Items {
		if pr.RejectReason == "" {
			t.Errorf("rejected proposal %s has no reason", pr.ExternalKey)
		}
	}
}

func TestSeed_RefusesADatabaseWithADemoUserWithoutWriting(t *testing.T) {
	ctx := context.Background()
	svc, _ := testutil.NewService(t, testutil.NewSQLite(t))
	last := Users[len(Users)-1]
	if _, err := svc.CreateUser(ctx, domain.System, domain.NewUserInput{
		Email: last.Email, Role: last.Role, MunicipalityCode: last.MunicipalityCode, Password: Password,
	}); err != nil {
		t.Fatalf("create user: %v", err)
	}
	if _, err := Seed(ctx, svc); !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("Seed with an existing demo user: %v, want ErrNotEmpty", err)
	}
	if _, err := svc.Login(ctx, Users[0].Email, Password); !errors.Is(err, domain.ErrUnauthorized) {
		t.Fatalf("a demo user was created by a refused seed (login: %v)", err)
	}
}

func TestSeed_RefusesADatabaseWithProposals(t *testing.T) {
	ctx := context.Background()
	svc, _ := testutil.NewService(t, testutil.NewSQLite(t))
	testutil.MustCreateProposal(t, svc, domain.System, testutil.ValidProposalInput())
	_, err := Seed(ctx, svc)
	if !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("Seed on a database with a proposal: %v, want ErrNotEmpty", err)
	}
	if _, err := svc.Login(ctx, Users[0].Email, Password); !errors.Is(err, domain.ErrUnauthorized) {
		t.Fatalf("a demo user exists after a refused seed (login: %v)", err)
	}
}
