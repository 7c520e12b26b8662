package domain

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/mail"
	"strings"
)

// TokenPrefix starts every API token so that leaked tokens are easy to spot.
const TokenPrefix = "ib_"

// MinPasswordLen is the shortest password accepted.
const MinPasswordLen = 10

// NewUserInput is what an admin (or the command line) gives to create a user.
type NewUserInput struct {
	Email            string
	Role             Role
	MunicipalityCode string
	Password         string
}

// CreateUser creates a user. Staff must belong to an existing municipality;
// other roles must not. Only admins (and System) may create users.
func (s *Service) CreateUser(ctx context.Context, p Principal, in NewUserInput) (*User, error) {
	if !p.Role.AtLeast(RoleAdmin) {
		return nil, ErrForbidden
	}
	in.Email = strings.ToLower(strings.TrimSpace(in.Email))
	v := &ValidationError{}
	if a, err := mail.ParseAddress(in.Email); err != nil || a.Address != in.Email {
		v.Add("/email", "Angiv en gyldig e-mailadresse.")
	}
	if !in.Role.Valid() {
		v.Add("/role", "Rollen skal være staff, editor eller admin.")
	}
	if in.Role == RoleStaff {
		if _, err := s.Municipalities.FindMunicipality(ctx, in.MunicipalityCode); err != nil {
			if !IsNotFound(err) {
				return nil, err
			}
			v.Add("/municipality_code", "En medarbejder skal høre til en kommune; angiv en gyldig kommunekode.")
		}
	} else if in.MunicipalityCode != "" {
		v.Add("/municipality_code", "Kun medarbejdere hører til en kommune.")
	}
	if len([]rune(in.Password)) < MinPasswordLen {
		v.Add("/password", fmt.Sprintf("Adgangskoden skal være mindst %d tegn.", MinPasswordLen))
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	hash, err := s.Hasher.Hash(in.Password)
	if err != nil {
		return nil, err
	}
	now := s.now()
	u := &User{ID: NewID(now), Email: in.Email, Role: in.Role, MunicipalityCode: in.MunicipalityCode, PasswordHash: hash, CreatedAt: now}
	if err := s.Users.CreateUser(ctx, u); err != nil {
		return nil, err
	}
	return u, nil
}

// Login checks an email and password and returns the user's principal. Any
// mismatch is ErrUnauthorized, without saying which part was wrong.
func (s *Service) Login(ctx context.Context, email, password string) (Principal, error) {
	u, err := s.Users.FindUserByEmail(ctx, strings.ToLower(strings.TrimSpace(email)))
	if errors.Is(err, ErrNotFound) {
		// Hash anyway so an unknown email takes as long as a wrong password.
		_, _ = s.Hasher.Hash(password)
		return Public, ErrUnauthorized
	}
	if err != nil {
		return Public, err
	}
	ok, err := s.Hasher.Verify(u.PasswordHash, password)
	if err != nil {
		return Public, err
	}
	if !ok {
		return Public, ErrUnauthorized
	}
	return PrincipalOf(u), nil
}

// CreateToken makes a new API token for the user with email (p must be that
// user or an admin) and returns its secret, which is shown once and stored
// only as a hash.
func (s *Service) CreateToken(ctx context.Context, p Principal, email, name string) (string, error) {
	u, err := s.Users.FindUserByEmail(ctx, strings.ToLower(strings.TrimSpace(email)))
	if err != nil {
		return "", err
	}
	if p.UserID != u.ID && !p.Role.AtLeast(RoleAdmin) {
		return "", ErrForbidden
	}
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	secret := TokenPrefix + base64.RawURLEncoding.EncodeToString(b[:])
	now := s.now()
	t := &Token{ID: NewID(now), UserID: u.ID, Name: name, Hash: HashToken(secret), CreatedAt: now}
	if err := s.Users.CreateToken(ctx, t); err != nil {
		return "", err
	}
	return secret, nil
}

// Authenticate returns the principal of an API token, or ErrUnauthorized.
func (s *Service) Authenticate(ctx context.Context, secret string) (Principal, error) {
	if !strings.HasPrefix(secret, TokenPrefix) {
		return Public, ErrUnauthorized
	}
	u, err := s.Users.FindUserByTokenHash(ctx, HashToken(secret))
	if errors.Is(err, ErrNotFound) {
		return Public, ErrUnauthorized
	}
	if err != nil {
		return Public, err
	}
	return PrincipalOf(u), nil
}

// HashToken returns the stored form of a token secret. Tokens are long and
// random, so a plain SHA-256 suffices (unlike passwords).
func HashToken(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}
