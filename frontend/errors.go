package frontend

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"runtime/debug"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

// errorPage is the one HTML page every failed request ends on.
type errorPage struct {
	base
	Status  int
	Message string
	// Problems lists field problems when a validation error reached a page
	// without its own form.
	Problems []domain.FieldProblem
}

// errorKind is how one kind of error is shown: the status and the Danish
// title and explanation. Public text comes from here, never from err.Error().
type errorKind struct {
	target  error
	status  int
	title   string
	message string
}

// errorKinds maps every domain error to its page, in one table.
var errorKinds = []errorKind{
	{domain.ErrNotFound, http.StatusNotFound, "Siden findes ikke",
		"Vi kan ikke finde det, du leder efter. Måske er forslaget ikke offentliggjort, eller adressen er skrevet forkert."},
	{domain.ErrForbidden, http.StatusForbidden, "Du har ikke adgang",
		"Din rolle giver ikke adgang til at gøre dette. Kontakt en redaktør, hvis du mener, det er en fejl."},
	{domain.ErrUnauthorized, http.StatusUnauthorized, "Du skal logge ind",
		"Log ind for at fortsætte."},
	{domain.ErrVersionConflict, http.StatusConflict, "Forslaget er ændret af en anden",
		"Forslaget er blevet ændret, siden du åbnede siden. Gå tilbage, genindlæs siden og prøv igen."},
	{domain.ErrInvalidTransition, http.StatusConflict, "Det kan ikke lade sig gøre nu",
		"Forslagets status tillader ikke denne handling. Genindlæs siden for at se den aktuelle status."},
	{domain.ErrConflict, http.StatusConflict, "Det findes allerede",
		"Ændringen støder sammen med noget, der allerede findes."},
	{domain.ErrRateLimited, http.StatusTooManyRequests, "For mange forsøg",
		"Du har prøvet for mange gange. Vent et kvarter, og prøv igen."},
	{errBadCSRF, http.StatusForbidden, "Formularen er udløbet",
		"Siden var for gammel, eller du er logget ud i mellemtiden. Gå tilbage, genindlæs siden og prøv igen."},
}

// errBadCSRF means a form came back without this session's CSRF token.
var errBadCSRF = errors.New("frontend: missing or wrong csrf token")

// serverError is the page of every unexpected error.
var serverError = errorKind{nil, http.StatusInternalServerError, "Der skete en fejl",
	"Noget gik galt hos os. Prøv igen om lidt. Fejlen er skrevet i serverens log."}

// page wraps a page handler: it loads the session, checks the CSRF token of
// every POST and turns any error (and a panic) into the HTML error page.
func (h *handler) page(fn echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				if r == http.ErrAbortHandler {
					panic(r)
				}
				err = h.renderError(c, fmt.Errorf("frontend: panic: %v\n%s", r, debug.Stack()))
			}
		}()
		setSecurityHeaders(c.Response().Header())
		if err := h.loadSession(c); err != nil {
			return h.renderError(c, err)
		}
		if c.Request().Method == http.MethodPost && !validCSRF(c) {
			return h.renderError(c, errBadCSRF)
		}
		if err := fn(c); err != nil {
			return h.renderError(c, err)
		}
		return nil
	}
}

// renderError shows err as the HTML error page. An unauthenticated visitor
// is sent to the login page and back.
func (h *handler) renderError(c echo.Context, err error) error {
	if errors.Is(err, domain.ErrUnauthorized) && c.Request().Method == http.MethodGet {
		return c.Redirect(http.StatusSeeOther, "/log-ind?next="+url.QueryEscape(c.Request().URL.RequestURI()))
	}
	kind := serverError
	for _, k := range errorKinds {
		if errors.Is(err, k.target) {
			kind = k
			break
		}
	}
	p := &errorPage{base: base{Title: kind.title}, Status: kind.status, Message: kind.message}
	var ve *domain.ValidationError
	var he *echo.HTTPError
	switch {
	case errors.As(err, &ve):
		p.Status, p.Title, p.Problems = http.StatusUnprocessableEntity, "Oplysningerne kan ikke bruges", ve.Problems
		p.Message = "Ret det, der står nedenfor, og prøv igen."
	case errors.As(err, &he) && he.Code == http.StatusNotFound:
		p.Status, p.Title, p.Message = http.StatusNotFound, errorKinds[0].title, errorKinds[0].message
	case kind.status == http.StatusInternalServerError:
		h.log.ErrorContext(c.Request().Context(), "page failed", "path", c.Path(), "err", err,
			"request_id", c.Response().Header().Get(echo.HeaderXRequestID))
	}
	if rerr := h.render(c, p.Status, "error.html", p); rerr != nil {
		h.log.ErrorContext(c.Request().Context(), "error page failed", "err", rerr)
		return c.String(http.StatusInternalServerError, serverError.message)
	}
	return nil
}
