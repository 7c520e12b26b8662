package api

import (
	"errors"
	"fmt"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/webcookie"
)

// routeSession is the path of logging in and out.
const routeSession = "/api/v1/session"

// maxTokenName is the longest name of an API token, in characters.
const maxTokenName = 100

// registerSessionRoutes adds logging in and out with a session cookie and
// creating API tokens.
func (s *Server) registerSessionRoutes(v1 *echo.Group) {
	v1.POST("/session", s.handleSessionStart)
	v1.DELETE("/session", s.handleSessionEnd)
	v1.POST("/tokens", s.handleTokenCreate)
}

// loginRequest is the body of POST /api/v1/session.
type loginRequest struct {
	Email    string `json:"email" validate:"required"`
	Password string `json:"password" validate:"required"`
}

// sessionUser is the logged-in user as the session answer shows it.
type sessionUser struct {
	Email            string      `json:"email"`
	Role             domain.Role `json:"role"`
	MunicipalityCode string      `json:"municipality_code"`
}

// sessionResponse answers a login: who is logged in, until when, and the
// token cookie-authenticated writes must send in X-CSRF-Token.
type sessionResponse struct {
	User      sessionUser `json:"user"`
	ExpiresAt time.Time   `json:"expires_at"`
	CSRFToken string      `json:"csrf_token"`
}

// tokenRequest is the body of POST /api/v1/tokens.
type tokenRequest struct {
	Name string `json:"name"`
}

// tokenResponse carries a new API token, shown this once.
type tokenResponse struct {
	Token string `json:"token"`
	Name  string `json:"name"`
}

// handleSessionStart answers POST /api/v1/session with body {"email",
// "password"}: it logs in, sets the session cookie the web pages use too,
// and answers 201 with the user and the session's CSRF token. Wrong
// credentials are 401, too many failed attempts 429.
func (s *Server) handleSessionStart(c echo.Context) error {
	var req loginRequest
	problems, _, err := s.decodeBody(c, &req, false)
	if err != nil {
		return err
	}
	if err := problems.Err(); err != nil {
		return err
	}
	ns, err := s.svc.StartSession(c.Request().Context(), req.Email, req.Password, c.RealIP())
	if errors.Is(err, domain.ErrUnauthorized) {
		return errBadLogin
	}
	if err != nil {
		return err
	}
	c.SetCookie(webcookie.New(secure(c), webcookie.Session, ns.Secret, domain.SessionTTL))
	c.Response().Header().Set("Cache-Control", "no-store")
	p := ns.Principal
	return writeJSON(c, http.StatusCreated, sessionResponse{
		User:      sessionUser{Email: p.Email, Role: p.Role, MunicipalityCode: p.MunicipalityCode},
		ExpiresAt: ns.Session.ExpiresAt.UTC(),
		CSRFToken: ns.Session.CSRFToken,
	})
}

// handleSessionEnd answers DELETE /api/v1/session: it ends the session of
// the cookie, if any, deletes the cookie and answers 204.
func (s *Server) handleSessionEnd(c echo.Context) error {
	if err := s.svc.EndSession(c.Request().Context(), sessionSecret(c)); err != nil {
		return err
	}
	c.SetCookie(webcookie.New(secure(c), webcookie.Session, "", -1))
	return c.NoContent(http.StatusNoContent)
}

// handleTokenCreate answers POST /api/v1/tokens with body {"name"} (any
// logged-in user): a new API token for the caller, shown this once.
func (s *Server) handleTokenCreate(c echo.Context) error {
	p := principal(c)
	if p.Role == domain.RolePublic {
		return domain.ErrUnauthorized
	}
	var req tokenRequest
	problems, _, err := s.decodeBody(c, &req, false)
	if err != nil {
		return err
	}
	if utf8.RuneCountInString(req.Name) > maxTokenName {
		problems.Add("/name", fmt.Sprintf("Navnet må højst være %d tegn.", maxTokenName))
	}
	if err := problems.Err(); err != nil {
		return err
	}
	secret, err := s.svc.CreateToken(c.Request().Context(), p, p.Email, req.Name)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return writeJSON(c, http.StatusCreated, tokenResponse{Token: secret, Name: req.Name})
}
