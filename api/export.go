package api

import (
	"fmt"
	"net/http"
	"strconv"
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
		return transfer.WriteXLSX(c.Response(), ps, transfer.ExportInfo{Filters: exportFilters(req, ms), Sort: string(req.Sort), At: now})
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

// exportFilters names the filters of an export in Danish, for the sheet
// that says what the file holds.
func exportFilters(req domain.SearchRequest, ms []domain.Municipality) [][2]string {
	names := make(map[string]string, len(ms))
	for _, m := range ms {
		names[m.Code] = m.Name
	}
	label := func(opts []domain.Option) func(string) string {
		return func(v string) string { return domain.Label(opts, v) }
	}
	municipality := func(code string) string {
		if n, ok := names[code]; ok {
			return n + " (" + code + ")"
		}
		return code
	}
	var out [][2]string
	add := func(name string, values []string, show func(string) string) {
		if len(values) == 0 {
			return
		}
		shown := make([]string, len(values))
		for i, v := range values {
			shown[i] = show(v)
		}
		out = append(out, [2]string{name, strings.Join(shown, ", ")})
	}
	same := func(v string) string { return v }
	add("Søgetekst", nonEmpty(req.Q), same)
	add("Fagområde", req.PolicyAreas, label(domain.PolicyAreas))
	add("Type af tiltag", req.MeasureTypes, label(domain.MeasureTypes))
	add("Kommune", req.MunicipalityCodes, municipality)
	add("Region", req.Regions, same)
	add("Budgetår", intsToStrings(req.BudgetYears), same)
	add("Dokumentation", req.EvidenceLevels, label(domain.EvidenceLevels))
	add("Anvendt af", req.AdoptedBy, municipality)
	if req.ReducesService != nil {
		add("Sænker serviceniveauet", []string{map[bool]string{true: "ja", false: "nej"}[*req.ReducesService]}, same)
	}
	if req.MinPerResidentOre != nil {
		add("Mindst kr. pr. indbygger", []string{domain.FormatOre(*req.MinPerResidentOre)}, same)
	}
	if req.MaxPerResidentOre != nil {
		add("Højst kr. pr. indbygger", []string{domain.FormatOre(*req.MaxPerResidentOre)}, same)
	}
	return out
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func intsToStrings(ns []int) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = strconv.Itoa(n)
	}
	return out
}
