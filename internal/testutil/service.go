package testutil

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/password"
	"github.com/idebank/idebank/store"
)

// Clock is a clock for domain.Service.Now that tests can freeze and move.
// The zero value, and a clock never Set, follows the real time.
type Clock struct {
	mu     sync.Mutex
	frozen time.Time
}

// Now returns the frozen time, or the real time in UTC if not frozen.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.frozen.IsZero() {
		return time.Now().UTC().Truncate(time.Microsecond)
	}
	return c.frozen
}

// Set freezes the clock at t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.frozen = t.UTC()
}

// Advance moves a frozen clock forward by d (freezing it at now+d first if
// it follows the real time).
func (c *Clock) Advance(d time.Duration) {
	now := c.Now()
	c.Set(now.Add(d))
}

// NewService returns a domain.Service whose stores are db, with a cheap
// password hasher and a Clock that follows real time until the test sets it.
func NewService(tb testing.TB, db *store.DB) (*domain.Service, *Clock) {
	tb.Helper()
	clock := &Clock{}
	return &domain.Service{
		Proposals:      db,
		Municipalities: db,
		Comparison:     db,
		Users:          db,
		Curation:       db,
		Sessions:       db,
		Hasher:         password.New(password.TestOptions),
		Now:            clock.Now,
	}, clock
}

// DefaultPassword is the password of users made by MustCreateUser.
const DefaultPassword = "hemmelig-adgangskode"

// userSeq makes MustCreateUser's emails unique within a test binary.
var userSeq atomic.Int64

// MustCreateUser creates a user with role (staff of municipalityCode, which
// must be empty for other roles) and password DefaultPassword, and returns
// it with the principal acting as it.
func MustCreateUser(tb testing.TB, svc *domain.Service, role domain.Role, municipalityCode string) (*domain.User, domain.Principal) {
	tb.Helper()
	email := fmt.Sprintf("%s%d@example.dk", role, userSeq.Add(1))
	u, err := svc.CreateUser(context.Background(), domain.System, domain.NewUserInput{
		Email: email, Role: role, MunicipalityCode: municipalityCode, Password: DefaultPassword,
	})
	if err != nil {
		tb.Fatalf("testutil: create %s user: %v", role, err)
	}
	return u, domain.PrincipalOf(u)
}

// FrederikssundCode is the municipality of ValidProposalInput.
const FrederikssundCode = "250"

// ValidProposalInput returns a valid proposal of Frederikssund (250) for
// budget year 2025 with savings 300.000 and 900.000 kr. Change fields to
// make variants.
func ValidProposalInput() domain.ProposalInput {
	return domain.ProposalInput{
		Title:            "Digital visitation på ældreområdet",
		Summary:          "Visitationen af hjemmehjælp sker digitalt, så sagsbehandlingen går hurtigere.",
		Description:      "Borgerne søger digitalt.\n\nSagsbehandlerne bruger tiden på de svære sager.",
		PolicyArea:       "aeldre-og-sundhed",
		MeasureType:      "digitalisering",
		MunicipalityCode: FrederikssundCode,
		BudgetYear:       2025,
		Savings:          []domain.Saving{{Year: 2025, AmountDKK: 300000}, {Year: 2026, AmountDKK: 900000}},
		InvestmentDKK:    250000,
		EvidenceLevel:    "decided",
		Tags:             []string{"visitation", "ældre"},
		Contact:          &domain.Contact{Role: "Økonomiafdelingen", Email: "oekonomi@frederikssund.dk"},
	}
}

// MustCreateProposal creates a draft from in as p.
func MustCreateProposal(tb testing.TB, svc *domain.Service, p domain.Principal, in domain.ProposalInput) *domain.Proposal {
	tb.Helper()
	pr, err := svc.CreateProposal(context.Background(), p, in)
	if err != nil {
		tb.Fatalf("testutil: create proposal: %v", err)
	}
	return pr
}

// MustTransition performs action (submit, publish, reject, archive) on pr
// at its current version as domain.System and returns the new state.
func MustTransition(tb testing.TB, svc *domain.Service, pr *domain.Proposal, action domain.Action, reason string) *domain.Proposal {
	tb.Helper()
	next, err := svc.Transition(context.Background(), domain.System, pr.ID, pr.Version, action, reason)
	if err != nil {
		tb.Fatalf("testutil: %s proposal %s: %v", action, pr.ID, err)
	}
	return next
}

// MustPublish publishes pr as domain.System and returns the new state.
func MustPublish(tb testing.TB, svc *domain.Service, pr *domain.Proposal) *domain.Proposal {
	tb.Helper()
	return MustTransition(tb, svc, pr, domain.ActionPublish, "")
}

// MustCreatePublished creates a proposal from in as domain.System and publishes it.
func MustCreatePublished(tb testing.TB, svc *domain.Service, in domain.ProposalInput) *domain.Proposal {
	tb.Helper()
	return MustPublish(tb, svc, MustCreateProposal(tb, svc, domain.System, in))
}
