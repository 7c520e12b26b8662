// Package frontend serves the server-rendered Danish web pages. It calls
// the same domain service as the JSON API, so every rule exists once: the
// handlers parse forms into structs, call one service method and render a
// typed page struct with an embedded html/template.
package frontend

import (
	"log/slog"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

// Options configures the web pages beyond the service.
type Options struct {
	// Logger receives errors that become a 500 page; nil discards them.
	Logger *slog.Logger
}

// Register adds the web pages to e. Call it after the JSON API's routes are
// in place. The templates are parsed once here; a template error is a
// programming error and panics at start-up.
func Register(e *echo.Echo, svc *domain.Service, o Options) {
	h := newHandler(e, svc, o)
	h.routes(e)
}

// handler holds what the page handlers share.
type handler struct {
	svc  *domain.Service
	tmpl *engine
	log  *slog.Logger
	// exports is true when the JSON API serves /api/v1/export, so that
	// the search page can offer the current result as a file.
	exports bool
}

// newHandler parses the templates and looks at which API routes exist.
func newHandler(e *echo.Echo, svc *domain.Service, o Options) *handler {
	h := &handler{svc: svc, tmpl: mustEngine(), log: o.Logger}
	if h.log == nil {
		h.log = slog.New(slog.DiscardHandler)
	}
	for _, r := range e.Routes() {
		if r.Method == "GET" && r.Path == "/api/v1/export" {
			h.exports = true
		}
	}
	return h
}
