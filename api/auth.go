package api

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/webcookie"
)

// principalKey is where authenticate stores the caller in the echo context.
const principalKey = "idebank.principal"

// An authenticator finds the caller of a request from one kind of
// credential. It returns ok=false when the request carries no such
// credential, and an error wrapping domain.ErrUnauthorized when it carries
// one that is not valid. Authenticators are tried in order; a request with
// none of their credentials is domain.Public.
type authenticator func(c echo.Context) (p domain.Principal, ok bool, err error)

// authenticate stores the caller's principal for principal(c).
func (s *Server) authenticate(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		for _, a := range s.authenticators {
			p, ok, err := a(c)
			if err != nil {
				return err
			}
			if ok {
				c.Set(principalKey, p)
				break
			}
		}
		return next(c)
	}
}

// bearerToken authenticates "Authorization: Bearer <API token>".
func (s *Server) bearerToken(c echo.Context) (domain.Principal, bool, error) {
	h := c.Request().Header.Get(echo.HeaderAuthorization)
	if h == "" {
		return domain.Public, false, nil
	}
	scheme, token, _ := strings.Cut(h, " ")
	if !strings.EqualFold(scheme, "Bearer") {
		return domain.Public, false, fmt.Errorf("api: authorization scheme is not Bearer: %w", domain.ErrUnauthorized)
	}
	p, err := s.svc.Authenticate(c.Request().Context(), strings.TrimSpace(token))
	if err != nil {
		return domain.Public, false, fmt.Errorf("api: bearer token: %w", err)
	}
	return p, true, nil
}

// headerCSRF carries the session's CSRF token on cookie-authenticated writes.
const headerCSRF = "X-CSRF-Token"

// sessionCookie authenticates the web session cookie on API paths (the web
// pages load the session themselves). A write authenticated this way must
// carry the session's CSRF token in X-CSRF-Token, except logging in. A
// stale or unknown cookie is deleted and the caller treated as anonymous,
// as the web pages do, because browsers keep sending it.
func (s *Server) sessionCookie(c echo.Context) (domain.Principal, bool, error) {
	if !strings.HasPrefix(c.Request().URL.Path, "/api/") {
		return domain.Public, false, nil
	}
	secret := sessionSecret(c)
	if secret == "" {
		return domain.Public, false, nil
	}
	sess, p, err := s.svc.ResumeSession(c.Request().Context(), secret)
	if errors.Is(err, domain.ErrUnauthorized) {
		c.SetCookie(webcookie.New(secure(c), webcookie.Session, "", -1))
		return domain.Public, false, nil
	}
	if err != nil {
		return domain.Public, false, fmt.Errorf("api: session cookie: %w", err)
	}
	if !safeMethod(c.Request().Method) && !isLogin(c) && !sess.ValidCSRF(c.Request().Header.Get(headerCSRF)) {
		return domain.Public, false, errCSRFToken
	}
	return p, true, nil
}

// sessionSecret returns the session cookie's value ("" when there is none).
func sessionSecret(c echo.Context) string {
	ck, err := c.Cookie(webcookie.Name(secure(c), webcookie.Session))
	if err != nil {
		return ""
	}
	return ck.Value
}

// secure reports whether the request came over TLS, directly or through a
// proxy that says so.
func secure(c echo.Context) bool { return c.Scheme() == "https" }

// safeMethod reports whether method only reads.
func safeMethod(method string) bool {
	return method == http.MethodGet || method == http.MethodHead || method == http.MethodOptions
}

// isLogin reports whether the request logs in, which needs no CSRF token
// because it does not act as the session.
func isLogin(c echo.Context) bool {
	return c.Request().Method == http.MethodPost && c.Path() == routeSession
}

// principal returns the caller of the request (domain.Public when anonymous).
func principal(c echo.Context) domain.Principal {
	if p, ok := c.Get(principalKey).(domain.Principal); ok {
		return p
	}
	return domain.Public
}
