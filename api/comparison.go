package api

import (
	"errors"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

// registerComparisonRoutes adds the read-only comparison for directors:
// estimates, rankings, the savings potential and peer groups.
func (s *Server) registerComparisonRoutes(v1 *echo.Group) {
	v1.GET("/proposals/:id/estimate", s.handleEstimateGet)
	v1.GET("/rankings/proposals", s.handleProposalRanking)
	v1.GET("/rankings/municipalities", s.handleMunicipalityRanking)
	v1.GET("/analysis/potential", s.handlePotentialGet)
	v1.GET("/peer-groups/:code", s.handlePeerGroupList)
}

// handleEstimateGet answers GET /api/v1/proposals/{id}/estimate?municipality=
// with what the proposal would save in that municipality, as an estimate.
func (s *Server) handleEstimateGet(c echo.Context) error {
	e, err := s.svc.Estimate(c.Request().Context(), principal(c), c.Param("id"), c.QueryParam("municipality"))
	if err != nil {
		return err
	}
	// Drafts are seen only by their staff and editors: never cache those publicly.
	return writeCacheable(c, toEstimateResponse(e), e.Proposal.Status == domain.StatusPublished)
}

// handleProposalRanking answers GET /api/v1/rankings/proposals: published
// proposals by per-resident figure, with the filters of search.
func (s *Server) handleProposalRanking(c echo.Context) error {
	var f domain.ProposalRankFilter
	err := bindQuery(c, func(b *echo.ValueBinder) *echo.ValueBinder {
		return bindScope(b, &f.Scope).
			Strings("policy_area", &f.PolicyAreas).Strings("measure_type", &f.MeasureTypes).
			Strings("evidence_level", &f.EvidenceLevels).Ints("budget_year", &f.BudgetYears).
			Bool("include_reduces_service", &f.IncludeReducesService).Int("limit", &f.Limit)
	})
	if err != nil {
		return err
	}
	r, err := s.svc.RankProposals(c.Request().Context(), f)
	if err != nil {
		return err
	}
	return writeCacheable(c, toProposalRankingResponse(r), true)
}

// handleMunicipalityRanking answers GET /api/v1/rankings/municipalities:
// municipalities by the summed per-resident figure of their published proposals.
func (s *Server) handleMunicipalityRanking(c echo.Context) error {
	var f domain.MunicipalityRankFilter
	err := bindQuery(c, func(b *echo.ValueBinder) *echo.ValueBinder {
		return bindScope(b, &f.Scope).Int("budget_year", &f.BudgetYear)
	})
	if err != nil {
		return err
	}
	r, err := s.svc.RankMunicipalities(c.Request().Context(), f)
	if err != nil {
		return err
	}
	return writeCacheable(c, toMunicipalityRankingResponse(r), true)
}

// handlePotentialGet answers GET /api/v1/analysis/potential: the savings
// potential of every municipality in DI's method, with the method described.
func (s *Server) handlePotentialGet(c echo.Context) error {
	var f domain.PotentialFilter
	err := bindQuery(c, func(b *echo.ValueBinder) *echo.ValueBinder {
		return bindScope(b, &f.Scope).Int("budget_year", &f.BudgetYear).Int("top", &f.Top)
	})
	if err != nil {
		return err
	}
	p, err := s.svc.Potential(c.Request().Context(), f)
	if err != nil {
		return err
	}
	return writeCacheable(c, toPotentialResponse(p), true)
}

// handlePeerGroupList answers GET /api/v1/peer-groups/{code}: the
// municipalities compared with it by size band, region and similar size.
func (s *Server) handlePeerGroupList(c echo.Context) error {
	var year int
	err := bindQuery(c, func(b *echo.ValueBinder) *echo.ValueBinder { return b.Int("budget_year", &year) })
	if err != nil {
		return err
	}
	groups, err := s.svc.PeerGroups(c.Request().Context(), c.Param("code"), year)
	if err != nil {
		return err
	}
	return writeCacheable(c, toPeerGroupsResponse(groups), true)
}

// bindScope binds the parameters that restrict a comparison to some
// municipalities: municipality and region (repeatable) and peer.
func bindScope(b *echo.ValueBinder, sc *domain.Scope) *echo.ValueBinder {
	return b.Strings("municipality", &sc.Municipalities).Strings("region", &sc.Regions).
		String("peer", (*string)(&sc.Peer))
}

// bindQuery binds the query parameters bind names and reports every
// malformed one as a validation problem at "/<parameter>".
func bindQuery(c echo.Context, bind func(*echo.ValueBinder) *echo.ValueBinder) error {
	problems := &domain.ValidationError{}
	for _, err := range bind(echo.QueryParamsBinder(c).FailFast(false)).BindErrors() {
		var be *echo.BindingError
		if !errors.As(err, &be) {
			return err
		}
		msg := "Skal være et helt tal."
		if be.Field == "include_reduces_service" {
			msg = "Skal være true eller false."
		}
		problems.Add("/"+be.Field, msg)
	}
	return problems.Err()
}
