package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// statusResponse is the body of the health endpoints.
type statusResponse struct {
	Status string `json:"status"`
}

// handleHealth answers GET /healthz: the process is alive.
func (s *Server) handleHealth(c echo.Context) error {
	return writeJSON(c, http.StatusOK, statusResponse{Status: "ok"})
}

// handleReady answers GET /readyz: 200 when Options.Ready reports ready,
// else 503 with its reason.
func (s *Server) handleReady(c echo.Context) error {
	if s.ready != nil {
		if err := s.ready(c.Request().Context()); err != nil {
			return &notReadyError{reason: err.Error()}
		}
	}
	return writeJSON(c, http.StatusOK, statusResponse{Status: "ready"})
}
