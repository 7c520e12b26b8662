package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// handleMunicipalityList answers GET /api/v1/municipalities: all of them, by code.
func (s *Server) handleMunicipalityList(c echo.Context) error {
	ms, err := s.svc.ListMunicipalities(c.Request().Context())
	if err != nil {
		return err
	}
	items := mapItems(ms, toMunicipalityResponse)
	return writeJSON(c, http.StatusOK, listResponse[municipalityResponse]{Items: items, Total: len(items)})
}

// handleMunicipalityGet answers GET /api/v1/municipalities/{code} with the
// municipality, its published figures and its rank nationally and in each
// of its peer groups.
func (s *Server) handleMunicipalityGet(c echo.Context) error {
	st, err := s.svc.MunicipalityStanding(c.Request().Context(), c.Param("code"))
	if err != nil {
		return err
	}
	return writeCacheable(c, toMunicipalityStandingResponse(st), true)
}
