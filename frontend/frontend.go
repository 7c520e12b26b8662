// Package frontend serves the server-rendered Danish web pages. It calls
// the same domain service as the JSON API, so every rule exists once.
package frontend

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

//go:embed templates/*.html
var templateFS embed.FS

// Register adds the web pages to e. The templates are parsed once here;
// a template error is a programming error and panics at start-up.
func Register(e *echo.Echo, svc *domain.Service) {
	h := &handler{
		svc:  svc,
		tmpl: template.Must(template.ParseFS(templateFS, "templates/*.html")),
	}
	e.GET("/", h.handleHome)
}

// handler holds what the page handlers share.
type handler struct {
	svc  *domain.Service
	tmpl *template.Template
}

// homePage is the data of the start page.
type homePage struct {
	Municipalities int
	Published      int
}

// handleHome renders the start page with the size of the idea bank.
func (h *handler) handleHome(c echo.Context) error {
	ctx := c.Request().Context()
	ms, err := h.svc.ListMunicipalities(ctx)
	if err != nil {
		return err
	}
	page, err := h.svc.ListProposals(ctx, domain.Public, domain.ProposalFilter{PerPage: 1})
	if err != nil {
		return err
	}
	return h.render(c, http.StatusOK, "home.html", homePage{Municipalities: len(ms), Published: page.Total})
}

// render executes the named template into a buffer first, so that a
// template error becomes a clean 500 instead of half a page.
func (h *handler) render(c echo.Context, status int, name string, data any) error {
	var buf bytes.Buffer
	if err := h.tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		return fmt.Errorf("frontend: render %s: %w", name, err)
	}
	return c.HTMLBlob(status, buf.Bytes())
}
