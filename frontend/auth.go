package frontend

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

// loginPage is the login form.
type loginPage struct {
	base
	Email string
	Next  string
	Error string
}

// handleLoginForm shows the login form.
func (h *handler) handleLoginForm(c echo.Context) error {
	return h.render(c, http.StatusOK, "login.html", &loginPage{
		base: base{Title: "Log ind", Nav: "login"},
		Next: localPath(c.QueryParam("next")),
	})
}

// handleLogin logs in and starts a session. Wrong credentials and too many
// attempts re-render the form with a Danish message.
func (h *handler) handleLogin(c echo.Context) error {
	p := &loginPage{
		base:  base{Title: "Log ind", Nav: "login"},
		Email: trimmed(c, "email"),
		Next:  localPath(c.FormValue("next")),
	}
	ns, err := h.svc.StartSession(c.Request().Context(), p.Email, c.FormValue("password"), c.RealIP())
	switch {
	case errors.Is(err, domain.ErrUnauthorized):
		p.Error = "E-mailadressen eller adgangskoden er forkert."
		return h.render(c, http.StatusUnauthorized, "login.html", p)
	case errors.Is(err, domain.ErrRateLimited):
		p.Error = "Du har prøvet at logge ind for mange gange. Vent et kvarter, og prøv igen."
		return h.render(c, http.StatusTooManyRequests, "login.html", p)
	case err != nil:
		return err
	}
	setCookie(c, sessionCookie, ns.Secret, domain.SessionTTL)
	setCookie(c, csrfCookie, "", -1)
	if p.Next == "" {
		p.Next = "/"
	}
	return redirect(c, p.Next)
}

// handleLogout ends the session.
func (h *handler) handleLogout(c echo.Context) error {
	if err := h.svc.EndSession(c.Request().Context(), cookieValue(c, sessionCookie)); err != nil {
		return err
	}
	setCookie(c, sessionCookie, "", -1)
	return redirect(c, "/")
}

// localPath returns next when it is a path on this site, else "", so that
// the login form cannot send anyone elsewhere.
func localPath(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return ""
	}
	return next
}

// requireLogin returns domain.ErrUnauthorized for an anonymous caller.
func requireLogin(c echo.Context) error {
	if principalOf(c).Role == domain.RolePublic {
		return domain.ErrUnauthorized
	}
	return nil
}
