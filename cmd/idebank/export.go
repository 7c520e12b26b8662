package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/transfer"
)

// listFlag is a repeatable flag; each use adds a value (or several, comma separated).
type listFlag []string

// String returns the values comma separated (flag.Value).
func (l *listFlag) String() string { return strings.Join(*l, ",") }

// Set adds one or more comma-separated values (flag.Value).
func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

// exportFlags are the search filters of idebank export.
type exportFlags struct {
	policyAreas, measureTypes, municipalities, regions, evidence, adoptedBy, years listFlag
	sort, reduces, minPR, maxPR, format, out                                       string
}

// runExport writes the published proposals matching the search filters to
// a CSV or XLSX file, as GET /api/v1/export does (without search text,
// which needs the server's search index).
func runExport(ctx context.Context, cl *cli, args []string) (err error) {
	fs := cl.flagSet("export")
	var f exportFlags
	fs.Var(&f.policyAreas, "policy-area", "policy area `slug`, e.g. skole (repeatable)")
	fs.Var(&f.measureTypes, "measure-type", "measure type `slug` (repeatable)")
	fs.Var(&f.municipalities, "municipality", "municipality `code` (repeatable)")
	fs.Var(&f.regions, "region", "`region`, e.g. \"Region Nordjylland\" (repeatable)")
	fs.Var(&f.years, "budget-year", "budget `year` (repeatable)")
	fs.Var(&f.evidence, "evidence-level", "evidence `level` (repeatable)")
	fs.Var(&f.adoptedBy, "adopted-by", "municipality `code` that adopted the proposal (repeatable)")
	fs.StringVar(&f.reduces, "reduces-service", "", "`true` or false: only proposals that do (not) lower the service level")
	fs.StringVar(&f.minPR, "min-per-resident", "", "least `kroner` per resident, e.g. 19.57")
	fs.StringVar(&f.maxPR, "max-per-resident", "", "most `kroner` per resident")
	fs.StringVar(&f.sort, "sort", "", "`order`: newest (default), per_resident, savings or adoptions")
	fs.StringVar(&f.format, "format", "csv", "file `format`: csv or xlsx")
	fs.StringVar(&f.out, "out", "-", "output `file`; - writes to standard output")
	if err := cl.parse(fs, args, false); err != nil {
		return err
	}
	req, err := f.request()
	if err != nil {
		return err
	}
	format := transfer.Format(strings.ToLower(f.format))
	if format != transfer.FormatCSV && format != transfer.FormatXLSX {
		return usagef("export: --format must be csv or xlsx")
	}
	a, err := openApp(ctx, cl.cfg, newLogger(cl.cfg, cl.stderr))
	if err != nil {
		return err
	}
	defer closeInto(&err, a)
	ps, err := a.svc.Export(ctx, &req)
	if err != nil {
		return fmt.Errorf("export: %w", explain(err))
	}
	ms, err := a.svc.ListMunicipalities(ctx)
	if err != nil {
		return err
	}
	if err := writeExport(f.out, cl.stdout, format, ps, transfer.ExportInfo{
		Filters: transfer.DescribeFilters(req, ms), Sort: string(req.Sort), At: time.Now()}); err != nil {
		return err
	}
	fmt.Fprintf(cl.stderr, "Eksporteret %d forslag.\n", len(ps))
	return nil
}

// request turns the flags into a search request; the domain checks the values.
func (f *exportFlags) request() (domain.SearchRequest, error) {
	req := domain.SearchRequest{PolicyAreas: f.policyAreas, MeasureTypes: f.measureTypes,
		MunicipalityCodes: f.municipalities, Regions: f.regions, EvidenceLevels: f.evidence,
		AdoptedBy: f.adoptedBy, Sort: domain.SearchSort(f.sort)}
	for _, y := range f.years {
		n, err := strconv.Atoi(y)
		if err != nil {
			return req, usagef("export: --budget-year %q is not a year", y)
		}
		req.BudgetYears = append(req.BudgetYears, n)
	}
	if f.reduces != "" {
		b, err := strconv.ParseBool(f.reduces)
		if err != nil {
			return req, usagef("export: --reduces-service must be true or false")
		}
		req.ReducesService = &b
	}
	for _, pr := range []struct {
		name string
		s    string
		dst  **int64
	}{{"min-per-resident", f.minPR, &req.MinPerResidentOre}, {"max-per-resident", f.maxPR, &req.MaxPerResidentOre}} {
		if pr.s == "" {
			continue
		}
		kr, err := strconv.ParseFloat(strings.Replace(pr.s, ",", ".", 1), 64)
		if err != nil || kr < 0 {
			return req, usagef("export: --%s must be kroner, e.g. 19.57", pr.name)
		}
		ore := int64(math.Round(kr * 100))
		*pr.dst = &ore
	}
	return req, nil
}

// writeExport writes the file to name, or to stdout for "-".
func writeExport(name string, stdout io.Writer, format transfer.Format, ps []*domain.Proposal, info transfer.ExportInfo) (err error) {
	w := stdout
	if name != "-" {
		var f *os.File
		if f, err = os.Create(name); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer closeInto(&err, f)
		w = f
	}
	if format == transfer.FormatXLSX {
		return transfer.WriteXLSX(w, ps, info)
	}
	return transfer.WriteCSV(w, ps)
}
