package frontend

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

// homeListLen is how many proposals each list on the start page shows.
const homeListLen = 5

// homePage is the start page [forside].
type homePage struct {
	base
	Overview *domain.Overview
}

// handleHome renders the start page: search box, figures, the best
// proposals per resident and the newest.
func (h *handler) handleHome(c echo.Context) error {
	o, err := h.svc.Overview(c.Request().Context(), homeListLen)
	if err != nil {
		return err
	}
	return h.render(c, http.StatusOK, "home.html", &homePage{
		base:     base{Title: "Idébank for kommunal effektivisering", Nav: "home"},
		Overview: o,
	})
}
