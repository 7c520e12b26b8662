package frontend

import (
	"strings"

	"github.com/labstack/echo/v4"
)

// routes lists every page. Each handler is wrapped by h.page, which loads
// the session, checks the CSRF token of every POST and renders errors as
// HTML (the JSON API keeps its own error handler).
func (h *handler) routes(e *echo.Echo) {
	e.GET("/static/*", h.handleStatic)
	e.GET("/", h.page(h.handleHome))
	e.GET("/soeg", h.page(h.handleSearch))
	e.GET("/log-ind", h.page(h.handleLoginForm))
	e.POST("/log-ind", h.page(h.handleLogin))
	e.POST("/log-ud", h.page(h.handleLogout))

	e.GET("/forslag/nyt", h.page(h.handleNewForm))
	e.POST("/forslag/nyt", h.page(h.handleCreate))
	e.GET("/forslag/:id", h.page(h.handleProposal))
	e.GET("/forslag/:id/rediger", h.page(h.handleEditForm))
	e.POST("/forslag/:id/rediger", h.page(h.handleUpdate))
	e.POST("/forslag/:id/status", h.page(h.handleTransition))
	e.POST("/forslag/:id/anvendelse", h.page(h.handleAdopt))
	e.POST("/forslag/:id/slet", h.page(h.handleDelete))
	e.GET("/forslag/:id/historik", h.page(h.handleHistory))
	e.GET("/forslag/:id/dubletter", h.page(h.handleDuplicates))
	e.POST("/forslag/:id/sammenlaeg", h.page(h.handleMerge))
	e.GET("/redaktion", h.page(h.handleDesk))

	e.GET("/kommuner", h.page(h.handleMunicipalities))
	e.GET("/kommuner/:code", h.page(h.handleMunicipality))
	e.GET("/sammenlign", h.page(h.handleCompare))

	e.RouteNotFound("/*", h.handleNotFound)
}

// handleNotFound answers unknown paths outside the JSON API with the HTML
// 404 page; unknown API paths keep the API's problem+json.
func (h *handler) handleNotFound(c echo.Context) error {
	if strings.HasPrefix(c.Request().URL.Path, "/api/") {
		return echo.ErrNotFound
	}
	return h.page(func(echo.Context) error { return echo.ErrNotFound })(c)
}
