package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

// handleProposalTransition answers POST /api/v1/proposals/{id}/{action}
// for the actions without a body (submit, publish, archive).
func (s *Server) handleProposalTransition(action domain.Action) echo.HandlerFunc {
	return func(c echo.Context) error {
		return s.transition(c, action, "")
	}
}

// handleProposalReject answers POST /api/v1/proposals/{id}/reject with
// body {"reason"}, which the proposal's staff will see.
func (s *Server) handleProposalReject(c echo.Context) error {
	var req rejectRequest
	problems, _, err := s.decodeBody(c, &req, false)
	if err != nil {
		return err
	}
	if err := problems.Err(); err != nil {
		return err
	}
	return s.transition(c, domain.ActionReject, req.Reason)
}

// transition performs action on the version named by If-Match.
func (s *Server) transition(c echo.Context, action domain.Action, reason string) error {
	id := c.Param("id")
	return s.ifMatch(c, id, func(version int) error {
		pr, err := s.svc.Transition(c.Request().Context(), principal(c), id, version, action, reason)
		if err != nil {
			return err
		}
		return writeProposal(c, http.StatusOK, pr)
	})
}
