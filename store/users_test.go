package store_test

import (
	"context"
	"testing"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/store"
)

func testUsers(t *testing.T, db *store.DB) {
	ctx := context.Background()
	staff := &domain.User{ID: domain.NewID(frozen), Email: "Budget@Frederikssund.dk", Role: domain.RoleStaff,
		MunicipalityCode: "250", PasswordHash: "$argon2id$x", CreatedAt: frozen}
	if err := db.CreateUser(ctx, staff); err != nil {
		t.Fatal(err)
	}
	editor := &domain.User{ID: domain.NewID(frozen), Email: "redaktion@kl.dk", Role: domain.RoleEditor, PasswordHash: "h", CreatedAt: frozen}
	if err := db.CreateUser(ctx, editor); err != nil {
		t.Fatal(err)
	}
	dup := &domain.User{ID: domain.NewID(frozen), Email: "BUDGET@frederikssund.dk", Role: domain.RoleEditor, PasswordHash: "h", CreatedAt: frozen}
	mustErrIs(t, db.CreateUser(ctx, dup), domain.ErrConflict)

	want := domain.User{ID: staff.ID, Email: "budget@frederikssund.dk", Role: domain.RoleStaff,
		MunicipalityCode: "250", PasswordHash: "$argon2id$x", CreatedAt: frozen}
	for _, email := range []string{"budget@frederikssund.dk", "BUDGET@FREDERIKSSUND.DK"} {
		got, err := db.FindUserByEmail(ctx, email)
		if err != nil {
			t.Fatal(err)
		}
		if *got != want {
			t.Fatalf("FindUserByEmail(%s) = %+v, want %+v", email, *got, want)
		}
	}
	got, err := db.FindUserByID(ctx, editor.ID)
	if err != nil || got.Email != "redaktion@kl.dk" || got.MunicipalityCode != "" {
		t.Fatalf("FindUserByID = %+v, %v", got, err)
	}
	_, err = db.FindUserByEmail(ctx, "ukendt@example.dk")
	mustErrIs(t, err, domain.ErrNotFound)
	_, err = db.FindUserByID(ctx, "nope")
	mustErrIs(t, err, domain.ErrNotFound)
}

func testTokens(t *testing.T, db *store.DB) {
	ctx := context.Background()
	u := &domain.User{ID: domain.NewID(frozen), Email: "robot@kl.dk", Role: domain.RoleEditor, PasswordHash: "h", CreatedAt: frozen}
	if err := db.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	hash := domain.HashToken("ib_secret")
	tok := &domain.Token{ID: domain.NewID(frozen), UserID: u.ID, Name: "import", Hash: hash, CreatedAt: frozen}
	if err := db.CreateToken(ctx, tok); err != nil {
		t.Fatal(err)
	}
	got, err := db.FindUserByTokenHash(ctx, hash)
	if err != nil || got.ID != u.ID {
		t.Fatalf("FindUserByTokenHash = %+v, %v; want user %s", got, err, u.ID)
	}
	_, err = db.FindUserByTokenHash(ctx, domain.HashToken("ib_other"))
	mustErrIs(t, err, domain.ErrNotFound)
	again := &domain.Token{ID: domain.NewID(frozen), UserID: u.ID, Name: "igen", Hash: hash, CreatedAt: frozen}
	mustErrIs(t, db.CreateToken(ctx, again), domain.ErrConflict)
}
