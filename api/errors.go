package api

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

// problem is an RFC 9457 problem details body. Title and Detail are Danish
// texts from the tables below, never an error's own text.
type problem struct {
	Type   string         `json:"type"`
	Title  string         `json:"title"`
	Status int            `json:"status"`
	Detail string         `json:"detail"`
	Code   string         `json:"code"`
	Errors []fieldProblem `json:"errors"`
}

// fieldProblem is one failing field: a JSON pointer into the request body
// (or the name of a query parameter) and a Danish message.
type fieldProblem struct {
	Pointer string `json:"pointer"`
	Detail  string `json:"detail"`
}

// problemKind is the public face of one kind of error.
type problemKind struct {
	status              int
	code, title, detail string
}

// The kinds of problem the API answers with, one per code.
var (
	kindValidation      = problemKind{http.StatusBadRequest, "validation_failed", "Ugyldige data", "Et eller flere felter er ugyldige; se errors."}
	kindInvalidQuery    = problemKind{http.StatusBadRequest, "invalid_query", "Ugyldig søgning", "Søgningen kan ikke udføres; se errors."}
	kindUnknownField    = problemKind{http.StatusBadRequest, "unknown_field", "Ukendte felter", "Indholdet har felter, som ikke findes eller ikke kan sættes; se errors."}
	kindUnauthenticated = problemKind{http.StatusUnauthorized, "unauthenticated", "Ikke logget ind", "Log ind, eller send et gyldigt API-token i headeren Authorization: Bearer."}
	kindBadLogin        = problemKind{http.StatusUnauthorized, "unauthenticated", "Forkert login", "E-mailadressen eller adgangskoden er forkert."}
	kindForbidden       = problemKind{http.StatusForbidden, "forbidden", "Ingen adgang", "Du har ikke ret til at gøre dette."}
	kindCSRF            = problemKind{http.StatusForbidden, "forbidden", "CSRF-token mangler", "Når du er logget ind med en sessionscookie, skal ændringer have headeren X-CSRF-Token med sessionens csrf_token fra svaret på POST /api/v1/session."}
	kindNotFound        = problemKind{http.StatusNotFound, "not_found", "Ikke fundet", "Det findes ikke, eller du har ikke adgang til at se det."}
	kindMethod          = problemKind{http.StatusMethodNotAllowed, "method_not_allowed", "Metoden er ikke tilladt", "Adressen findes, men ikke med denne HTTP-metode; se headeren Allow."}
	kindConflict        = problemKind{http.StatusConflict, "conflict", "Konflikt", "Ændringen strider mod eksisterende data, fx en ekstern nøgle, der allerede er brugt."}
	kindTransition      = problemKind{http.StatusConflict, "invalid_transition", "Ugyldigt statusskift", "Handlingen er ikke mulig fra forslagets nuværende status."}
	kindVersion         = problemKind{http.StatusPreconditionFailed, "version_conflict", "Forældet version", "Forslaget er ændret, siden du hentede det. Hent det igen (se headeren ETag), og prøv igen."}
	kindTooLarge        = problemKind{http.StatusRequestEntityTooLarge, "payload_too_large", "For stort indhold", "Indholdet må højst fylde 1 MiB (en importfil 50 MiB)."}
	kindUnsupported     = problemKind{http.StatusUnsupportedMediaType, "unsupported_media_type", "Ukendt indholdstype", "Send indholdet som application/json."}
	kindPrecondition    = problemKind{http.StatusPreconditionRequired, "precondition_required", "If-Match mangler", "Send headeren If-Match med forslagets ETag, fx If-Match: \"3\"."}
	kindRateLimited     = problemKind{http.StatusTooManyRequests, "rate_limited", "For mange forespørgsler", "Vent lidt, og prøv igen."}
	kindInternal        = problemKind{http.StatusInternalServerError, "internal", "Intern fejl", "Der skete en fejl på serveren. Prøv igen senere; fejlen er logget med forespørgslens id (X-Request-ID)."}
	kindTimeout         = problemKind{http.StatusServiceUnavailable, "timeout", "Tidsgrænse overskredet", "Forespørgslen tog for lang tid. Prøv igen senere."}
	kindNotReady        = problemKind{http.StatusServiceUnavailable, "not_ready", "Ikke klar", "Tjenesten er ikke klar endnu."}
)

// sentinelKinds maps the domain's error vocabulary (and the API's own
// sentinel) to HTTP; the first match wins.
var sentinelKinds = []struct {
	err  error
	kind problemKind
}{
	{domain.ErrNotFound, kindNotFound},
	{domain.ErrUnauthorized, kindUnauthenticated},
	{domain.ErrForbidden, kindForbidden},
	{domain.ErrVersionConflict, kindVersion},
	{domain.ErrInvalidTransition, kindTransition},
	{domain.ErrConflict, kindConflict},
	{domain.ErrRateLimited, kindRateLimited},
	{errPreconditionRequired, kindPrecondition},
	{errCSRFToken, kindCSRF},
	{errBadLogin, kindBadLogin},
}

// echoKinds maps the statuses echo's router and middleware answer with.
var echoKinds = map[int]problemKind{
	http.StatusBadRequest:            kindValidation,
	http.StatusUnauthorized:          kindUnauthenticated,
	http.StatusForbidden:             kindForbidden,
	http.StatusNotFound:              kindNotFound,
	http.StatusMethodNotAllowed:      kindMethod,
	http.StatusRequestEntityTooLarge: kindTooLarge,
	http.StatusUnsupportedMediaType:  kindUnsupported,
	http.StatusTooManyRequests:       kindRateLimited,
	http.StatusServiceUnavailable:    kindTimeout,
}

// errPreconditionRequired means a write came without a usable If-Match header.
var errPreconditionRequired = errors.New("api: if-match required")

// errCSRFToken means a cookie-authenticated write came without the
// session's CSRF token in X-CSRF-Token.
var errCSRFToken = errors.New("api: csrf token missing or wrong")

// errBadLogin means a login's email or password was wrong.
var errBadLogin = errors.New("api: wrong email or password")

// unknownFieldsError lists the JSON pointers of body fields the request type does not have.
type unknownFieldsError struct{ pointers []string }

func (e *unknownFieldsError) Error() string { return "api: unknown fields in body" }

// notReadyError carries the reason /readyz reports, which is meant for operators.
type notReadyError struct{ reason string }

func (e *notReadyError) Error() string { return "api: not ready: " + e.reason }

// handleError is echo's HTTPErrorHandler: it answers every error with
// problem+json and logs internal errors once, with the request id.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	p := s.problemFor(err, c)
	if p.Status == http.StatusInternalServerError {
		s.log.LogAttrs(c.Request().Context(), slog.LevelError, "internal error",
			slog.String("request_id", c.Response().Header().Get(echo.HeaderXRequestID)),
			slog.String("method", c.Request().Method),
			slog.String("path", c.Request().URL.Path),
			slog.String("error", err.Error()),
		)
	}
	if p.Status == http.StatusUnauthorized {
		c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="idebank"`)
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, "application/problem+json")
	h.Set("Cache-Control", "no-store")
	c.Response().WriteHeader(p.Status)
	if c.Request().Method == http.MethodHead {
		return
	}
	if err := json.NewEncoder(c.Response()).Encode(p); err != nil {
		s.log.LogAttrs(c.Request().Context(), slog.LevelWarn, "write problem", slog.String("error", err.Error()))
	}
}

// problemFor is the one mapping from errors to public problem details.
func (s *Server) problemFor(err error, c echo.Context) problem {
	var (
		ve *domain.ValidationError
		uf *unknownFieldsError
		nr *notReadyError
		he *echo.HTTPError
	)
	switch {
	case errors.As(err, &ve):
		p := kindValidation.problem()
		if isQueryProblem(ve) {
			p = kindInvalidQuery.problem()
		}
		for _, fp := range ve.Problems {
			p.Errors = append(p.Errors, fieldProblem(fp))
		}
		return p
	case errors.As(err, &uf):
		p := kindUnknownField.problem()
		for _, ptr := range uf.pointers {
			p.Errors = append(p.Errors, fieldProblem{Pointer: ptr, Detail: "Feltet findes ikke eller kan ikke sættes."})
		}
		return p
	case errors.As(err, &nr):
		p := kindNotReady.problem()
		p.Detail += " Årsag: " + nr.reason
		return p
	}
	for _, dk := range sentinelKinds {
		if errors.Is(err, dk.err) {
			if dk.kind == kindForbidden && principal(c).Role == domain.RolePublic {
				return kindUnauthenticated.problem() // logging in may help, so say so
			}
			return dk.kind.problem()
		}
	}
	if errors.As(err, &he) {
		if k, ok := echoKinds[he.Code]; ok {
			return k.problem()
		}
	}
	// The deadline may surface as the driver's own error, so ask the context too.
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(c.Request().Context().Err(), context.DeadlineExceeded) {
		return kindTimeout.problem()
	}
	return kindInternal.problem()
}

// isQueryProblem reports whether every problem of ve is with the search
// text q, which the contract answers with invalid_query.
func isQueryProblem(ve *domain.ValidationError) bool {
	for _, fp := range ve.Problems {
		if fp.Pointer != "/q" {
			return false
		}
	}
	return len(ve.Problems) > 0
}

func (k problemKind) problem() problem {
	return problem{
		Type:   "urn:idebank:problem:" + k.code,
		Title:  k.title,
		Status: k.status,
		Detail: k.detail,
		Code:   k.code,
		Errors: []fieldProblem{},
	}
}
