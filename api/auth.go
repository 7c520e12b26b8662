package api

import (
	"fmt"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
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

// principal returns the caller of the request (domain.Public when anonymous).
func principal(c echo.Context) domain.Principal {
	if p, ok := c.Get(principalKey).(domain.Principal); ok {
		return p
	}
	return domain.Public
}
