package transfer

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/idebank/idebank/domain"
)

// Sheet names of an export.
const (
	SheetProposals = "Forslag"
	SheetFilter    = "Filter"
)

// maxUnzippedBytes bounds what an uploaded XLSX may unpack to.
const maxUnzippedBytes = 1 << 30

// ReadXLSX parses the first sheet of an XLSX workbook (or the sheet named
// Forslag, as in an export) with a header row. Numbers are read as stored,
// not as displayed, so formatting cannot change an amount.
func ReadXLSX(data []byte) ([]domain.ImportRow, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzippedBytes})
	if err != nil {
		return nil, fileProblem("Filen kan ikke åbnes som XLSX-regneark.")
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fileProblem("Regnearket har ingen ark.")
	}
	sheet := sheets[0]
	if idx, err := f.GetSheetIndex(SheetProposals); err == nil && idx >= 0 {
		sheet = SheetProposals
	}
	cells, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fileProblem("Arket »" + sheet + "« kan ikke læses.")
	}
	if len(cells) == 0 {
		return nil, fileProblem("Filen er tom.")
	}
	t, err := newTable(cells[0])
	if err != nil {
		return nil, err
	}
	var rows []domain.ImportRow
	for i, row := range cells[1:] {
		if blank(row) {
			continue
		}
		rows = append(rows, t.row(i+2, row))
	}
	return rows, nil
}

// ExportInfo describes an export for the XLSX's second sheet: which
// filters made the list, in what order, and when.
type ExportInfo struct {
	// Filters are (name, value) pairs in the order to show them.
	Filters [][2]string
	Sort    string
	At      time.Time
}

// columnWidth returns a column's width in characters.
func columnWidth(col string) float64 {
	switch col {
	case ColID:
		return 38
	case ColTitle:
		return 50
	case ColSummary, ColDescription:
		return 60
	case ColPolicyArea, ColMeasureType, ColRegion, ColContactEmail, ColContactRole, ColTags:
		return 24
	case ColMunicipalityName, ColPublishedAt, ColExternalKey:
		return 20
	}
	return 15
}

// WriteXLSX writes proposals as a workbook: the sheet Forslag with a bold,
// frozen header row, sized columns and typed number cells, and the sheet
// Filter naming the filters, the order, the count and the time of export.
func WriteXLSX(w io.Writer, ps []*domain.Proposal, info ExportInfo) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SheetProposals); err != nil {
		return fmt.Errorf("transfer: write xlsx: %w", err)
	}
	if err := writeProposalSheet(f, ps); err != nil {
		return fmt.Errorf("transfer: write xlsx: %w", err)
	}
	if err := writeFilterSheet(f, len(ps), info); err != nil {
		return fmt.Errorf("transfer: write xlsx: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("transfer: write xlsx: %w", err)
	}
	return nil
}

// xlsxStyles are the cell styles of the proposal sheet.
type xlsxStyles struct{ header, kroner, decimal int }

func newStyles(f *excelize.File) (xlsxStyles, error) {
	var s xlsxStyles
	var err error
	if s.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return s, err
	}
	if s.kroner, err = f.NewStyle(&excelize.Style{NumFmt: 3}); err != nil { // #,##0
		return s, err
	}
	s.decimal, err = f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
	return s, err
}

func writeProposalSheet(f *excelize.File, ps []*domain.Proposal) error {
	styles, err := newStyles(f)
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(SheetProposals)
	if err != nil {
		return err
	}
	cols := Columns()
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, columnWidth(c)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = excelize.Cell{StyleID: styles.header, Value: c}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	row := make([]any, len(cols))
	for n, p := range ps {
		for i, v := range exportValues(p) {
			row[i] = xlsxCell(v, styles)
		}
		cell, err := excelize.CoordinatesToCellName(1, n+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// xlsxCell types one exported value: amounts and counts as numbers with a
// thousands format, two-decimal figures as decimal numbers.
func xlsxCell(v any, s xlsxStyles) any {
	switch v := v.(type) {
	case int64:
		return excelize.Cell{StyleID: s.kroner, Value: v}
	case hundredths:
		return excelize.Cell{StyleID: s.decimal, Value: float64(v) / 100}
	}
	return v
}

func writeFilterSheet(f *excelize.File, count int, info ExportInfo) error {
	if _, err := f.NewSheet(SheetFilter); err != nil {
		return err
	}
	rows := [][]any{
		{"Idébank – eksport af offentliggjorte forslag"},
		{"Udtrukket", info.At.UTC().Format("2006-01-02 15:04") + " UTC"},
		{"Antal forslag", count},
		{"Sortering", info.Sort},
		{},
		{"Filter", "Værdi"},
	}
	if len(info.Filters) == 0 {
		rows = append(rows, []any{"(ingen)", "alle offentliggjorte forslag"})
	}
	for _, fv := range info.Filters {
		rows = append(rows, []any{fv[0], fv[1]})
	}
	for i, r := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(SheetFilter, cell, &r); err != nil {
			return err
		}
	}
	return f.SetColWidth(SheetFilter, "A", "B", 40)
}
