package frontend

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/webcookie"
)

// Cookie base names (see webcookie.Name), the form field of the CSRF token
// and where loadSession keeps the caller.
const (
	sessionCookie = webcookie.Session
	csrfCookie    = "idebank_csrf"
	csrfField     = "csrf"
	authKey       = "frontend.auth"
)

// auth is who is calling and the CSRF token their forms must carry.
type auth struct {
	principal domain.Principal
	session   *domain.Session
	csrf      string
}

// authOf returns the caller loaded by loadSession.
func authOf(c echo.Context) auth {
	if a, ok := c.Get(authKey).(auth); ok {
		return a
	}
	return auth{principal: domain.Public}
}

// principalOf returns the caller of the request.
func principalOf(c echo.Context) domain.Principal { return authOf(c).principal }

// secure reports whether the request came over TLS, directly or through a
// proxy that says so.
func secure(c echo.Context) bool { return c.Scheme() == "https" }

// cookieName returns the name of a cookie for this request's scheme.
func cookieName(c echo.Context, name string) string { return webcookie.Name(secure(c), name) }

// setCookie sets a host-only, HttpOnly, SameSite=Lax cookie on path /,
// Secure under TLS; maxAge < 0 deletes it.
func setCookie(c echo.Context, name, value string, maxAge time.Duration) {
	c.SetCookie(webcookie.New(secure(c), name, value, maxAge))
}

// cookieValue returns the value of a cookie for this request's scheme.
func cookieValue(c echo.Context, name string) string {
	ck, err := c.Cookie(cookieName(c, name))
	if err != nil {
		return ""
	}
	return ck.Value
}

// loadSession finds the caller from the session cookie. A visitor without
// a session gets a CSRF cookie instead (double submit), so that the login
// form is protected too. A stale session cookie is deleted.
func (h *handler) loadSession(c echo.Context) error {
	a := auth{principal: domain.Public}
	if secret := cookieValue(c, sessionCookie); secret != "" {
		sess, p, err := h.svc.ResumeSession(c.Request().Context(), secret)
		switch {
		case err == nil:
			a.principal, a.session, a.csrf = p, sess, sess.CSRFToken
			c.Response().Header().Set("Cache-Control", "no-store")
		case errors.Is(err, domain.ErrUnauthorized):
			setCookie(c, sessionCookie, "", -1)
		default:
			return err
		}
	}
	if a.session == nil {
		a.csrf = cookieValue(c, csrfCookie)
		if a.csrf == "" {
			var err error
			if a.csrf, err = newCSRFToken(); err != nil {
				return err
			}
			setCookie(c, csrfCookie, a.csrf, domain.SessionTTL)
		}
	}
	c.Set(authKey, a)
	return nil
}

// validCSRF reports whether the posted form carries the caller's token: the
// session's, or for a visitor the one in the CSRF cookie.
func validCSRF(c echo.Context) bool {
	a := authOf(c)
	got := c.FormValue(csrfField)
	if a.session != nil {
		return a.session.ValidCSRF(got)
	}
	want := cookieValue(c, csrfCookie)
	return want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// newCSRFToken returns a random token for a visitor's forms.
func newCSRFToken() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("frontend: csrf token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b[:]), nil
}
