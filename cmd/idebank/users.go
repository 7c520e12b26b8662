package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"github.com/idebank/idebank/domain"
)

// runUserCreate creates a user as the system principal. Without --password
// it generates one and prints it, since it is stored only as a hash.
func runUserCreate(ctx context.Context, cl *cli, args []string) (err error) {
	fs := cl.flagSet("user create")
	email := fs.String("email", "", "the user's `email` (required)")
	role := fs.String("role", "", "`role`: staff, editor or admin (required)")
	code := fs.String("municipality", "", "municipality `code` of a staff user, e.g. 250")
	pw := fs.String("password", "", "the user's `password`; generated when empty")
	if err := cl.parse(fs, args, false); err != nil {
		return err
	}
	if *email == "" || *role == "" {
		cl.usage(fs)
		return usagef("user create: --email and --role are required")
	}
	generated := *pw == ""
	if generated {
		if *pw, err = randomPassword(); err != nil {
			return err
		}
	}
	a, err := openApp(ctx, cl.cfg, newLogger(cl.cfg, cl.stderr))
	if err != nil {
		return err
	}
	defer closeInto(&err, a)
	u, err := a.svc.CreateUser(ctx, domain.System, domain.NewUserInput{
		Email: *email, Role: domain.Role(*role), MunicipalityCode: *code, Password: *pw,
	})
	if err != nil {
		return fmt.Errorf("user create: %w", explain(err))
	}
	fmt.Fprintf(cl.stdout, "Bruger oprettet: %s (%s", u.Email, u.Role)
	if u.MunicipalityCode != "" {
		fmt.Fprintf(cl.stdout, ", kommune %s", u.MunicipalityCode)
	}
	fmt.Fprintln(cl.stdout, ")")
	if generated {
		fmt.Fprintf(cl.stdout, "Adgangskode: %s\n", *pw)
	}
	return nil
}

// runTokenCreate creates an API token for a user and prints it alone on the
// last line of output, so that scripts can take it with tail -n1.
func runTokenCreate(ctx context.Context, cl *cli, args []string) (err error) {
	fs := cl.flagSet("token create")
	email := fs.String("email", "", "`email` of the token's user (required)")
	name := fs.String("name", "cli", "a `name` that says what the token is for")
	if err := cl.parse(fs, args, false); err != nil {
		return err
	}
	if *email == "" {
		cl.usage(fs)
		return usagef("token create: --email is required")
	}
	a, err := openApp(ctx, cl.cfg, newLogger(cl.cfg, cl.stderr))
	if err != nil {
		return err
	}
	defer closeInto(&err, a)
	secret, err := a.svc.CreateToken(ctx, domain.System, *email, *name)
	if err != nil {
		return fmt.Errorf("token create: %w", explain(err))
	}
	fmt.Fprintf(cl.stdout, "API-nøgle til %s (vises kun denne ene gang):\n%s\n", strings.ToLower(strings.TrimSpace(*email)), secret)
	return nil
}

// randomPassword returns 24 random URL-safe characters.
func randomPassword() (string, error) {
	var b [18]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("generate password: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b[:]), nil
}

// explain turns domain errors into the Danish sentences a command-line
// user needs; other errors pass unchanged.
func explain(err error) error {
	var ve *domain.ValidationError
	switch {
	case errors.As(err, &ve):
		msgs := make([]string, len(ve.Problems))
		for i, p := range ve.Problems {
			msgs[i] = p.Detail
		}
		return &userError{msg: strings.Join(msgs, " "), err: err}
	case errors.Is(err, domain.ErrNotFound):
		return &userError{msg: "brugeren findes ikke", err: err}
	case errors.Is(err, domain.ErrConflict):
		return &userError{msg: "e-mailadressen er allerede i brug", err: err}
	}
	return err
}

// userError is an error shown to a command-line user as msg alone, while
// still wrapping the domain error for errors.Is.
type userError struct {
	msg string
	err error
}

func (e *userError) Error() string { return e.msg }
func (e *userError) Unwrap() error { return e.err }
