package frontend

import (
	"embed"
	"mime"
	"path"

	"github.com/labstack/echo/v4"
)

//go:embed static
var staticFS embed.FS

// staticMaxAge is how long browsers may keep the stylesheet and script.
const staticMaxAge = "public, max-age=3600"

// handleStatic serves the embedded stylesheet and script.
func (h *handler) handleStatic(c echo.Context) error {
	name := path.Clean("/" + c.Param("*"))
	data, err := staticFS.ReadFile("static" + name)
	if err != nil {
		return echo.ErrNotFound
	}
	c.Response().Header().Set("Cache-Control", staticMaxAge)
	return c.Blob(200, mime.TypeByExtension(path.Ext(name)), data)
}
