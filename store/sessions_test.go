package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

// sessionService returns a service on db with a staff user.
func sessionService(t *testing.T, db *store.DB) (*domain.Service, *testutil.Clock, *domain.User) {
	t.Helper()
	svc, clock := testutil.NewService(t, db)
	u, _ := testutil.MustCreateUser(t, svc, domain.RoleStaff, "250")
	return svc, clock, u
}

func TestSessions(t *testing.T) {
	t.Parallel()
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		t.Run("StartResumeEnd", func(t *testing.T) {
			svc, _, u := sessionService(t, db)
			ns, err := svc.StartSession(ctx, u.Email, testutil.DefaultPassword, "192.0.2.1")
			if err != nil {
				t.Fatal(err)
			}
			if ns.Session.IDHash == ns.Secret || ns.Session.IDHash != domain.HashToken(ns.Secret) {
				t.Fatalf("stored id %q is not the hash of the secret", ns.Session.IDHash)
			}
			sess, p, err := svc.ResumeSession(ctx, ns.Secret)
			if err != nil {
				t.Fatal(err)
			}
			if p.UserID != u.ID || p.Role != domain.RoleStaff || p.MunicipalityCode != "250" {
				t.Fatalf("principal = %+v, want staff %s of 250", p, u.ID)
			}
			if !sess.ValidCSRF(ns.Session.CSRFToken) || sess.ValidCSRF("") || sess.ValidCSRF("x") {
				t.Fatal("CSRF check does not accept exactly the session's token")
			}
			if err := svc.EndSession(ctx, ns.Secret); err != nil {
				t.Fatal(err)
			}
			if _, _, err := svc.ResumeSession(ctx, ns.Secret); !errors.Is(err, domain.ErrUnauthorized) {
				t.Fatalf("after logout err = %v, want ErrUnauthorized", err)
			}
		})
		t.Run("ExpiredSessionIsRefused", func(t *testing.T) {
			svc, clock, u := sessionService(t, db)
			ns, err := svc.StartSession(ctx, u.Email, testutil.DefaultPassword, "192.0.2.2")
			if err != nil {
				t.Fatal(err)
			}
			clock.Advance(domain.SessionTTL + time.Second)
			if _, _, err := svc.ResumeSession(ctx, ns.Secret); !errors.Is(err, domain.ErrUnauthorized) {
				t.Fatalf("expired session err = %v, want ErrUnauthorized", err)
			}
		})
		t.Run("WrongPasswordIsRateLimitedPerClientAndEmail", func(t *testing.T) {
			svc, clock, u := sessionService(t, db)
			for i := 0; i < domain.MaxLoginFailures; i++ {
				if _, err := svc.StartSession(ctx, u.Email, "forkert", "192.0.2.3"); !errors.Is(err, domain.ErrUnauthorized) {
					t.Fatalf("attempt %d: err = %v, want ErrUnauthorized", i+1, err)
				}
			}
			if _, err := svc.StartSession(ctx, u.Email, testutil.DefaultPassword, "192.0.2.3"); !errors.Is(err, domain.ErrRateLimited) {
				t.Fatalf("after %d failures err = %v, want ErrRateLimited", domain.MaxLoginFailures, err)
			}
			if _, err := svc.StartSession(ctx, u.Email, testutil.DefaultPassword, "192.0.2.4"); err != nil {
				t.Fatalf("another client: %v", err)
			}
			clock.Advance(domain.LoginFailureWindow + time.Second)
			if _, err := svc.StartSession(ctx, u.Email, testutil.DefaultPassword, "192.0.2.3"); err != nil {
				t.Fatalf("after the window: %v", err)
			}
		})
		t.Run("SuccessClearsFailures", func(t *testing.T) {
			svc, _, u := sessionService(t, db)
			for i := 0; i < domain.MaxLoginFailures-1; i++ {
				_, _ = svc.StartSession(ctx, u.Email, "forkert", "192.0.2.5")
			}
			if _, err := svc.StartSession(ctx, u.Email, testutil.DefaultPassword, "192.0.2.5"); err != nil {
				t.Fatal(err)
			}
			for i := 0; i < domain.MaxLoginFailures-1; i++ {
				_, _ = svc.StartSession(ctx, u.Email, "forkert", "192.0.2.5")
			}
			if _, err := svc.StartSession(ctx, u.Email, testutil.DefaultPassword, "192.0.2.5"); err != nil {
				t.Fatalf("failures before the success still counted: %v", err)
			}
		})
	})
}
