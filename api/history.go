package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// handleProposalHistory answers GET /api/v1/proposals/{id}/history: the
// audit rows, newest first, each with the whole state after the change and
// the fields it changed.
func (s *Server) handleProposalHistory(c echo.Context) error {
	revs, err := s.svc.HistoryChanges(c.Request().Context(), principal(c), c.Param("id"))
	if err != nil {
		return err
	}
	viewer := principal(c)
	items := make([]revisionResponse, len(revs))
	for i := range revs {
		items[i] = toRevisionResponse(&revs[i].Revision, viewer)
		items[i].Changes = toFieldChanges(revs[i].Changes)
	}
	return writeJSON(c, http.StatusOK, listResponse[revisionResponse]{Items: items, Total: len(items)})
}
