package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

// handleAdoptionPut answers PUT /api/v1/proposals/{id}/adoptions/{code}:
// municipality {code} records (or updates) its use of the proposal; 201
// when the adoption is new. Staff may only record their own municipality's.
func (s *Server) handleAdoptionPut(c echo.Context) error {
	var req adoptionRequest
	in, err := decodeInput[domain.AdoptionInput](s, c, &req)
	if err != nil {
		return err
	}
	a, created, err := s.svc.RecordAdoption(c.Request().Context(), principal(c), c.Param("id"), c.Param("code"), in)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	return writeJSON(c, status, toAdoptionResponse(a))
}

// handleAdoptionList answers GET /api/v1/proposals/{id}/adoptions: which
// municipalities use the proposal, how far they got and what it saved them.
func (s *Server) handleAdoptionList(c echo.Context) error {
	list, err := s.svc.ListAdoptions(c.Request().Context(), principal(c), c.Param("id"))
	if err != nil {
		return err
	}
	items := make([]adoptionResponse, len(list))
	for i := range list {
		items[i] = toAdoptionResponse(&list[i])
	}
	return writeJSON(c, http.StatusOK, listResponse[adoptionResponse]{Items: items, Total: len(items)})
}

// handleMunicipalityAdoptions answers GET /api/v1/municipalities/{code}/adoptions:
// the proposals a municipality has adopted, with expected and realised totals.
func (s *Server) handleMunicipalityAdoptions(c echo.Context) error {
	l, err := s.svc.MunicipalityAdoptions(c.Request().Context(), c.Param("code"))
	if err != nil {
		return err
	}
	return writeJSON(c, http.StatusOK, toMunicipalityAdoptionsResponse(l))
}
