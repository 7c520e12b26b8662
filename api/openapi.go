package api

import (
	_ "embed"
	"net/http"

	"github.com/labstack/echo/v4"
)

// openAPIDocument describes every route in routes.go (OpenAPI 3.1).
//
//go:embed openapi.json
var openAPIDocument []byte

// handleOpenAPI answers GET /api/v1/openapi.json.
func (s *Server) handleOpenAPI(c echo.Context) error {
	return c.Blob(http.StatusOK, jsonContentType, openAPIDocument)
}
