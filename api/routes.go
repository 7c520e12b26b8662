package api

import "github.com/idebank/idebank/domain"

// routeProposal names the route of one proposal, for Location headers.
const routeProposal = "proposal"

// routes lists the whole HTTP surface. Every route here is described in
// openapi.json (a test keeps the two in step).
func (s *Server) routes() {
	e := s.echo
	e.GET("/healthz", s.handleHealth)
	e.GET("/readyz", s.handleReady)

	v1 := e.Group("/api/v1")
	v1.GET("/openapi.json", s.handleOpenAPI)

	v1.GET("/municipalities", s.handleMunicipalityList)
	v1.GET("/municipalities/:code", s.handleMunicipalityGet)

	v1.POST("/proposals", s.handleProposalCreate)
	v1.GET("/proposals", s.handleProposalList)
	v1.GET("/proposals/:id", s.handleProposalGet).Name = routeProposal
	v1.PATCH("/proposals/:id", s.handleProposalUpdate)
	v1.DELETE("/proposals/:id", s.handleProposalDelete)
	v1.POST("/proposals/:id/submit", s.handleProposalTransition(domain.ActionSubmit))
	v1.POST("/proposals/:id/publish", s.handleProposalTransition(domain.ActionPublish))
	v1.POST("/proposals/:id/archive", s.handleProposalTransition(domain.ActionArchive))
	v1.POST("/proposals/:id/reject", s.handleProposalReject)
	v1.GET("/proposals/:id/history", s.handleProposalHistory)
	s.registerCurationRoutes(v1)
	s.registerComparisonRoutes(v1)
	s.registerSearchRoutes(v1)
	s.registerSessionRoutes(v1)
}
