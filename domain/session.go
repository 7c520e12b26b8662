package domain

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Limits of web sessions and of the login rate limit.
const (
	// SessionTTL is how long a web session lasts after logging in.
	SessionTTL = 12 * time.Hour
	// MaxLoginFailures is how many failed logins one client may make for one
	// email within LoginFailureWindow before it is refused.
	MaxLoginFailures = 5
	// LoginFailureWindow is the period failed logins are counted over.
	LoginFailureWindow = 15 * time.Minute
)

// ErrRateLimited means the caller tried too often and must wait.
var ErrRateLimited = errors.New("rate limited")

// Session is a logged-in browser. The cookie carries a random secret; only
// its hash (IDHash) is stored, so a copy of the database logs nobody in.
// CSRFToken is the per-session token every form must echo back.
type Session struct {
	IDHash    string
	UserID    string
	CSRFToken string
	CreatedAt time.Time
	ExpiresAt time.Time
}

// ValidCSRF reports whether token is this session's CSRF token, comparing
// in constant time.
func (s *Session) ValidCSRF(token string) bool {
	return token != "" && subtle.ConstantTimeCompare([]byte(token), []byte(s.CSRFToken)) == 1
}

// SessionStore persists web sessions and failed logins in the database, so
// that every replica behind a load balancer shares them.
type SessionStore interface {
	// CreateSession stores s.
	CreateSession(ctx context.Context, s *Session) error
	// FindSession returns the session with idHash and its user, or
	// ErrNotFound when there is none or the user is gone. Expiry is the
	// caller's concern.
	FindSession(ctx context.Context, idHash string) (*Session, *User, error)
	// DeleteSession removes the session with idHash; a missing one is no error.
	DeleteSession(ctx context.Context, idHash string) error
	// DeleteExpired removes sessions that expired before now and failed
	// logins recorded before failuresBefore.
	DeleteExpired(ctx context.Context, now, failuresBefore time.Time) error
	// RecordLoginFailure notes one failed login for key at at.
	RecordLoginFailure(ctx context.Context, key string, at time.Time) error
	// CountLoginFailures counts the failed logins for key at or after since.
	CountLoginFailures(ctx context.Context, key string, since time.Time) (int, error)
	// ClearLoginFailures forgets the failed logins for key.
	ClearLoginFailures(ctx context.Context, key string) error
}

// NewSession is a session just started. Secret goes into the cookie and is
// never stored.
type NewSession struct {
	Secret    string
	Session   Session
	Principal Principal
}

// StartSession logs a person in with email and password and starts a web
// session. client identifies where the attempt comes from (the client's IP
// address); after MaxLoginFailures failures for one email from one client
// within LoginFailureWindow it returns ErrRateLimited without checking the
// password. Wrong credentials are ErrUnauthorized.
func (s *Service) StartSession(ctx context.Context, email, password, client string) (*NewSession, error) {
	now := s.now()
	if err := s.Sessions.DeleteExpired(ctx, now, now.Add(-LoginFailureWindow)); err != nil {
		return nil, err
	}
	key := loginKey(email, client)
	n, err := s.Sessions.CountLoginFailures(ctx, key, now.Add(-LoginFailureWindow))
	if err != nil {
		return nil, err
	}
	if n >= MaxLoginFailures {
		return nil, ErrRateLimited
	}
	p, err := s.Login(ctx, email, password)
	if errors.Is(err, ErrUnauthorized) {
		if rerr := s.Sessions.RecordLoginFailure(ctx, key, now); rerr != nil {
			return nil, rerr
		}
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	if err := s.Sessions.ClearLoginFailures(ctx, key); err != nil {
		return nil, err
	}
	secret, err := randomSecret()
	if err != nil {
		return nil, err
	}
	csrf, err := randomSecret()
	if err != nil {
		return nil, err
	}
	ns := &NewSession{
		Secret:    secret,
		Principal: p,
		Session: Session{
			IDHash: HashToken(secret), UserID: p.UserID, CSRFToken: csrf,
			CreatedAt: now, ExpiresAt: now.Add(SessionTTL),
		},
	}
	if err := s.Sessions.CreateSession(ctx, &ns.Session); err != nil {
		return nil, err
	}
	return ns, nil
}

// ResumeSession returns the session whose cookie secret is secret and the
// principal it acts as. An unknown or expired session is ErrUnauthorized.
func (s *Service) ResumeSession(ctx context.Context, secret string) (*Session, Principal, error) {
	if secret == "" {
		return nil, Public, ErrUnauthorized
	}
	sess, u, err := s.Sessions.FindSession(ctx, HashToken(secret))
	if errors.Is(err, ErrNotFound) {
		return nil, Public, ErrUnauthorized
	}
	if err != nil {
		return nil, Public, err
	}
	if !s.now().Before(sess.ExpiresAt) {
		return nil, Public, ErrUnauthorized
	}
	return sess, PrincipalOf(u), nil
}

// EndSession logs out the session whose cookie secret is secret.
func (s *Service) EndSession(ctx context.Context, secret string) error {
	if secret == "" {
		return nil
	}
	return s.Sessions.DeleteSession(ctx, HashToken(secret))
}

// loginKey is the rate-limit key of one email from one client, hashed so
// that neither is stored in clear.
func loginKey(email, client string) string {
	return HashToken(strings.ToLower(strings.TrimSpace(email)) + "\x00" + client)
}

// randomSecret returns 32 random bytes in URL-safe base64.
func randomSecret() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("domain: random secret: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b[:]), nil
}
