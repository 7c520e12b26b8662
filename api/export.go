package api

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/transfer"
)

// handleExport answers GET /api/v1/export?format=csv|xlsx with the filters
// and order of search: every published proposal the search would find, as
// a file to download.
func (s *Server) handleExport(c echo.Context) error {
	format, req, err := bindExportQuery(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	ps, err := s.svc.Export(ctx, &req)
	if err != nil {
		return err
	}
	ms, err := s.svc.ListMunicipalities(ctx)
	if err != nil {
		return err
	}
	now := time.Now().UTC()
	h := c.Response().Header()
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="idebank-eksport-%s.%s"`, now.Format("2006-01-02"), format))
	if format == transfer.FormatXLSX {
		h.Set(echo.HeaderContentType, transfer.ContentTypeXLSX)
		c.Response().WriteHeader(http.StatusOK)
		return transfer.WriteXLSX(c.Response(), ps, transfer.ExportInfo{Filters: transfer.DescribeFilters(req, ms), Sort: string(req.Sort), At: now})
	}
	h.Set(echo.HeaderContentType, transfer.ContentTypeCSV+"; charset=utf-8")
	c.Response().WriteHeader(http.StatusOK)
	return transfer.WriteCSV(c.Response(), ps)
}

// bindExportQuery reads format (csv by default) and the query of search;
// the page parameters of search are ignored, as an export holds every hit.
func bindExportQuery(c echo.Context) (transfer.Format, domain.SearchRequest, error) {
	req, err := bindSearchQuery(c)
	problems := &domain.ValidationError{}
	if err := addProblems(problems, err); err != nil {
		return "", req, err
	}
	f := transfer.Format(strings.ToLower(c.QueryParam("format")))
	switch f {
	case "":
		f = transfer.FormatCSV
	case transfer.FormatCSV, transfer.FormatXLSX:
	default:
		problems.Add("/format", "Formatet skal være csv eller xlsx.")
	}
	return f, req, problems.Err()
}
