package frontend

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

//go:embed templates/*.html
var templateFS embed.FS

// sharedTemplates are parsed into every page: the layout and the partials.
var sharedTemplates = []string{"templates/layout.html", "templates/partials.html"}

// engine holds one parsed template set per page, each made of the shared
// templates and the page's own file, parsed once at start-up.
type engine struct {
	pages map[string]*template.Template
}

// mustEngine parses every template and panics on an error, which can only
// be a programming error in the embedded files.
func mustEngine() *engine {
	base := template.Must(template.New("").Funcs(funcs()).ParseFS(templateFS, sharedTemplates...))
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	e := &engine{pages: map[string]*template.Template{}}
	for _, n := range names {
		if isShared(n) {
			continue
		}
		t := template.Must(template.Must(base.Clone()).ParseFS(templateFS, n))
		e.pages[path.Base(n)] = t
	}
	return e
}

// isShared reports whether a template file is part of every page.
func isShared(name string) bool {
	for _, s := range sharedTemplates {
		if s == name {
			return true
		}
	}
	return false
}

// execute renders page name with data into w.
func (e *engine) execute(w io.Writer, name string, data any) error {
	t, ok := e.pages[name]
	if !ok {
		return fmt.Errorf("frontend: no template %q", name)
	}
	return t.ExecuteTemplate(w, "layout", data)
}

// base is what the layout needs; every page struct embeds it.
type base struct {
	// Title is the page's <title> and, usually, its h1.
	Title string
	// Nav names the main menu item to mark as current.
	Nav string
	// User is the logged-in person, domain.Public when anonymous.
	User domain.Principal
	// CSRF is the token every form posts back.
	CSRF string
}

// layout returns the frame data of the page.
func (b *base) layout() *base { return b }

// page is a page struct: it embeds base.
type page interface{ layout() *base }

// render executes the page template into a buffer first, so that a
// template error becomes a clean error page instead of half a page.
func (h *handler) render(c echo.Context, status int, name string, p page) error {
	a := authOf(c)
	b := p.layout()
	b.User, b.CSRF = a.principal, a.csrf
	var buf bytes.Buffer
	if err := h.tmpl.execute(&buf, name, p); err != nil {
		return fmt.Errorf("frontend: render %s: %w", name, err)
	}
	return c.HTMLBlob(status, buf.Bytes())
}

// redirect answers a POST with 303 See Other, so that reloading the next
// page does not post again.
func redirect(c echo.Context, to string) error {
	return c.Redirect(http.StatusSeeOther, to)
}

// trimmed returns the form value name without surrounding space.
func trimmed(c echo.Context, name string) string {
	return strings.TrimSpace(c.FormValue(name))
}

// LoggedIn reports whether someone is logged in.
func (b *base) LoggedIn() bool { return b.User.Role != domain.RolePublic }

// formInt reads a whole number the page itself put in a form (such as a
// version); anything else is a tampered form.
func formInt(c echo.Context, name string) (int, error) {
	n, err := strconv.Atoi(c.FormValue(name))
	if err != nil {
		return 0, domain.Invalid("/"+name, "Formularen mangler et tal. Genindlæs siden, og prøv igen.")
	}
	return n, nil
}

// contentSecurityPolicy allows only the site's own script, stylesheet and
// forms: no inline script or style, no framing.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

// setSecurityHeaders sets the headers every page carries.
func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
}
