package testutil

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/store"
)

func TestNewPostgres_EachDatabaseIsItsOwnSchema(t *testing.T) {
	a, b := NewPostgres(t), NewPostgres(t)
	svc, _ := NewService(t, a)
	pr := MustCreateProposal(t, svc, domain.System, ValidProposalInput())
	if _, err := b.FindProposalByID(context.Background(), pr.ID); !domain.IsNotFound(err) {
		t.Fatalf("second database sees the first one's proposal: %v", err)
	}
	if a.Dialect() != "postgres" {
		t.Fatalf("dialect %q, want postgres", a.Dialect())
	}
}

func TestSchemaName_IsAValidUniqueIdentifier(t *testing.T) {
	valid := regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)
	t.Run(strings.Repeat("Æblegrød med fløde ", 6), func(t *testing.T) {
		first, second := schemaName(t), schemaName(t)
		if !valid.MatchString(first) {
			t.Fatalf("schema name %q is not a valid unquoted identifier", first)
		}
		if first == second {
			t.Fatalf("two schema names are both %q", first)
		}
	})
}

func TestForEachBackend_RunsBothBackEnds(t *testing.T) {
	var ran []string
	ForEachBackend(t, func(t *testing.T, db *store.DB) {
		ran = append(ran, db.Dialect())
	})
	if len(ran) == 0 || ran[0] != "sqlite" {
		t.Fatalf("ran %v, want sqlite first", ran)
	}
}

func TestClock_FreezesAndAdvances(t *testing.T) {
	var c Clock
	if d := time.Since(c.Now()); d < 0 || d > time.Minute {
		t.Fatalf("unfrozen clock is %v away from now", d)
	}
	at := time.Date(2025, 1, 2, 3, 4, 5, 0, time.FixedZone("CET", 3600))
	c.Set(at)
	if got := c.Now(); !got.Equal(at) || got.Location() != time.UTC {
		t.Fatalf("frozen clock = %v, want %v in UTC", got, at)
	}
	c.Advance(time.Hour)
	if got := c.Now(); !got.Equal(at.Add(time.Hour)) {
		t.Fatalf("advanced clock = %v, want %v", got, at.Add(time.Hour))
	}
}

func TestMustCreateUser_MakesAUserThatCanLogIn(t *testing.T) {
	svc, _ := NewService(t, NewSQLite(t))
	u, p := MustCreateUser(t, svc, domain.RoleStaff, FrederikssundCode)
	got, err := svc.Login(context.Background(), u.Email, DefaultPassword)
	if err != nil || got != p {
		t.Fatalf("Login = %+v, %v; want %+v", got, err, p)
	}
}
