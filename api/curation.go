package api

import (
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/transfer"
)

// routeImports is the path of imports, whose bodies may be up to
// transfer.MaxImportBytes instead of MaxBodyBytes.
const routeImports = "/api/v1/imports"

// importTimeout is the least deadline of an import request: reading and
// importing 10,000 rows takes a few seconds, more on a busy server.
const importTimeout = 2 * time.Minute

// registerCurationRoutes adds the editors' and municipalities' curation
// work: adoptions, duplicates, merges, imports and exports.
func (s *Server) registerCurationRoutes(v1 *echo.Group) {
	v1.PUT("/proposals/:id/adoptions/:code", s.handleAdoptionPut)
	v1.GET("/proposals/:id/adoptions", s.handleAdoptionList)
	v1.GET("/municipalities/:code/adoptions", s.handleMunicipalityAdoptions)
	v1.GET("/proposals/:id/duplicates", s.handleDuplicateList)
	v1.POST("/proposals/:id/merge", s.handleProposalMerge)
	v1.POST("/imports", s.handleImport)
	v1.GET("/export", s.handleExport)
}

// handleDuplicateList answers GET /api/v1/proposals/{id}/duplicates (editors):
// proposals of the same policy area that may describe the same measure,
// best first, with a score between 0 and 1.
func (s *Server) handleDuplicateList(c echo.Context) error {
	cands, err := s.svc.DuplicatesOf(c.Request().Context(), principal(c), c.Param("id"))
	if err != nil {
		return err
	}
	items := mapItems(cands, toDuplicateResponse)
	return writeJSON(c, http.StatusOK, listResponse[duplicateResponse]{Items: items, Total: len(items)})
}

// handleProposalMerge answers POST /api/v1/proposals/{id}/merge with body
// {"into": id} (editors, If-Match): the proposal becomes a merged duplicate
// of into, and the answer is the target with its new ETag.
func (s *Server) handleProposalMerge(c echo.Context) error {
	var req mergeRequest
	problems, _, err := s.decodeBody(c, &req, false)
	if err != nil {
		return err
	}
	if err := problems.Err(); err != nil {
		return err
	}
	id := c.Param("id")
	return s.ifMatch(c, id, func(version int) error {
		target, err := s.svc.Merge(c.Request().Context(), principal(c), id, version, req.Into)
		if err != nil {
			return err
		}
		return writeProposal(c, http.StatusOK, target)
	})
}

// handleImport answers POST /api/v1/imports?dry_run=&publish=&skip_invalid=
// (editors): a CSV, XLSX or JSON Lines file of proposals, imported in one
// transaction, answered with a per-row report. A file with failing rows
// imports nothing (422 with the report, also for a dry run) unless
// skip_invalid is set.
func (s *Server) handleImport(c echo.Context) error {
	opt, err := bindImportOptions(c)
	if err != nil {
		return err
	}
	data, err := io.ReadAll(http.MaxBytesReader(c.Response(), c.Request().Body, transfer.MaxImportBytes))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return echo.ErrStatusRequestEntityTooLarge
	}
	if err != nil {
		return err
	}
	rows, format, err := transfer.Read(c.Request().Header.Get(echo.HeaderContentType), data)
	if err != nil {
		return err
	}
	rep, err := s.svc.Import(c.Request().Context(), principal(c), rows, opt)
	if err != nil {
		return err
	}
	body := toImportResponse(rep, string(format))
	if rep.Refused {
		return writeImportRefused(c, body)
	}
	return writeJSON(c, http.StatusOK, body)
}

// importRefusedResponse is a refused import: a problem whose extension
// members are the per-row report.
type importRefusedResponse struct {
	problem
	importResponse
}

// writeImportRefused answers 422 with problem+json carrying the report.
func writeImportRefused(c echo.Context, report importResponse) error {
	p := problem{Type: "urn:idebank:problem:import_refused", Title: "Importen er afvist",
		Status: http.StatusUnprocessableEntity, Code: "import_refused", Errors: []fieldProblem{},
		Detail: "En eller flere rækker har fejl, så intet er importeret. Ret rækkerne (se rows), eller importér med skip_invalid=true."}
	c.Response().Header().Set(echo.HeaderContentType, "application/problem+json")
	return c.JSON(http.StatusUnprocessableEntity, importRefusedResponse{problem: p, importResponse: report})
}

// bindImportOptions reads dry_run, publish and skip_invalid (true|false).
func bindImportOptions(c echo.Context) (domain.ImportOptions, error) {
	var opt domain.ImportOptions
	problems := &domain.ValidationError{}
	for _, err := range echo.QueryParamsBinder(c).FailFast(false).Bool("dry_run", &opt.DryRun).
		Bool("publish", &opt.Publish).Bool("skip_invalid", &opt.SkipInvalid).BindErrors() {
		var be *echo.BindingError
		if !errors.As(err, &be) {
			return opt, err
		}
		problems.Add("/"+be.Field, "Skal være true eller false.")
	}
	return opt, problems.Err()
}
