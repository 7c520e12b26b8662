package api

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

// handleProposalCreate answers POST /api/v1/proposals: a new draft. Shape
// problems and the domain's rules are reported together, every field once.
func (s *Server) handleProposalCreate(c echo.Context) error {
	var req proposalRequest
	in, err := decodeInput[domain.ProposalInput](s, c, &req)
	if err != nil {
		return err
	}
	pr, err := s.svc.CreateProposal(c.Request().Context(), principal(c), in)
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderLocation, c.Echo().Reverse(routeProposal, pr.ID))
	return writeProposal(c, http.StatusCreated, pr)
}

// handleProposalList answers GET /api/v1/proposals: one page of the
// proposals the caller may see (published only, unless asked and allowed).
func (s *Server) handleProposalList(c echo.Context) error {
	q, err := s.bindListQuery(c)
	if err != nil {
		return err
	}
	page, err := s.svc.ListProposals(c.Request().Context(), principal(c), q.filter())
	if err != nil {
		return err
	}
	viewer := principal(c)
	items := mapItems(page.Items, func(pr *domain.Proposal) proposalResponse { return toProposalResponse(pr, viewer) })
	return writeJSON(c, http.StatusOK, listResponse[proposalResponse]{Items: items, Total: page.Total, Page: page.Page, PerPage: page.PerPage})
}

// handleProposalGet answers GET /api/v1/proposals/{id} with its ETag; a
// proposal merged into another answers 301 with the other's address.
func (s *Server) handleProposalGet(c echo.Context) error {
	pr, err := s.svc.GetProposal(c.Request().Context(), principal(c), c.Param("id"))
	if err != nil {
		return err
	}
	if pr.Status == domain.StatusMerged && pr.MergedInto != "" {
		return c.Redirect(http.StatusMovedPermanently, c.Echo().Reverse(routeProposal, pr.MergedInto))
	}
	return writeProposal(c, http.StatusOK, pr)
}

// handleProposalUpdate answers PATCH /api/v1/proposals/{id}: a JSON merge
// patch of the version named by If-Match.
func (s *Server) handleProposalUpdate(c echo.Context) error {
	var req proposalRequest
	problems, present, err := s.decodeBody(c, &req, true)
	if err != nil {
		return err
	}
	if err := problems.Err(); err != nil {
		return err
	}
	id := c.Param("id")
	return s.ifMatch(c, id, func(version int) error {
		pr, err := s.svc.UpdateProposal(c.Request().Context(), principal(c), id, version, req.patch(present))
		if err != nil {
			return err
		}
		return writeProposal(c, http.StatusOK, pr)
	})
}

// handleProposalDelete answers DELETE /api/v1/proposals/{id}: a soft delete
// of the version named by If-Match.
func (s *Server) handleProposalDelete(c echo.Context) error {
	id := c.Param("id")
	return s.ifMatch(c, id, func(version int) error {
		if err := s.svc.DeleteProposal(c.Request().Context(), principal(c), id, version); err != nil {
			return err
		}
		return c.NoContent(http.StatusNoContent)
	})
}

// bindListQuery reads the query of GET /proposals, reporting every
// malformed parameter; page ranges are the domain's to check.
func (s *Server) bindListQuery(c echo.Context) (proposalListQuery, error) {
	q := proposalListQuery{Page: 1, PerPage: domain.DefaultPerPage}
	problems := &domain.ValidationError{}
	for _, err := range echo.QueryParamsBinder(c).FailFast(false).
		Int("page", &q.Page).Int("per_page", &q.PerPage).
		Strings("status", &q.Statuses).Strings("policy_area", &q.PolicyAreas).
		Strings("measure_type", &q.MeasureTypes).Strings("municipality", &q.Municipalities).
		Strings("region", &q.Regions).Ints("budget_year", &q.BudgetYears).BindErrors() {
		var be *echo.BindingError
		if !errors.As(err, &be) {
			return q, err
		}
		problems.Add("/"+be.Field, "Skal være et helt tal.")
	}
	if err := addProblems(problems, s.shape.check(&q, nil)); err != nil {
		return q, err
	}
	return q, problems.Err()
}
