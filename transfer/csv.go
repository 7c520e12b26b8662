package transfer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/idebank/idebank/domain"
)

// utf8BOM starts CSV files written by Excel as "CSV UTF-8" and our exports.
var utf8BOM = []byte("\ufeff")

// ReadCSV parses a CSV file with a header row. Rows are numbered as a
// spreadsheet shows them: the header is row 1, and a cell with line breaks
// does not start a new row. The file may be UTF-8 (with
// or without a byte order mark) or Windows-1252, as Danish Excel saves it,
// and separated by ";" or "," (or tabs), whichever the header uses.
func ReadCSV(data []byte) ([]domain.ImportRow, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if !utf8.Valid(data) {
		decoded, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return nil, fileProblem("Filen kan ikke læses som tekst (hverken UTF-8 eller Windows-1252).")
		}
		data = decoded
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = sniffSeparator(data)
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		return nil, csvProblem(err)
	}
	t, err := newTable(append([]string(nil), header...))
	if err != nil {
		return nil, err
	}
	var rows []domain.ImportRow
	for record := 2; ; record++ {
		cells, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, csvProblem(err)
		}
		if blank(cells) {
			continue
		}
		rows = append(rows, t.row(record, cells))
	}
}

// csvProblem describes a malformed CSV file, with its line.
func csvProblem(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fileProblem(fmt.Sprintf("CSV-filen er ugyldig i linje %d: et felt med anførselstegn er ikke afsluttet korrekt.", pe.Line))
	}
	if err == io.EOF {
		return fileProblem("Filen er tom.")
	}
	return fileProblem("CSV-filen kan ikke læses.")
}

// sniffSeparator returns the separator the first line uses most: ";" (the
// Danish default), "," or a tab. Separators inside quotes are not counted.
func sniffSeparator(data []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, b := range data {
		if b == '"' {
			quoted = !quoted
		}
		if quoted {
			continue
		}
		if b == '\n' {
			break
		}
		counts[rune(b)]++
	}
	best := ';'
	for _, sep := range []rune{',', '\t'} {
		if counts[sep] > counts[best] {
			best = sep
		}
	}
	return best
}

// WriteCSV writes proposals as a semicolon-separated UTF-8 file with a
// byte order mark and a header row, as Danish Excel opens it: amounts as
// whole kroner without separators, per-resident figures with a decimal comma.
func WriteCSV(w io.Writer, ps []*domain.Proposal) error {
	if _, err := w.Write(utf8BOM); err != nil {
		return fmt.Errorf("transfer: write csv: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	if err := cw.Write(Columns()); err != nil {
		return fmt.Errorf("transfer: write csv: %w", err)
	}
	record := make([]string, len(Columns()))
	for _, p := range ps {
		for i, v := range exportValues(p) {
			record[i] = csvCell(v)
		}
		if err := cw.Write(record); err != nil {
			return fmt.Errorf("transfer: write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("transfer: write csv: %w", err)
	}
	return nil
}

// csvCell writes one exported value as CSV text.
func csvCell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case bool:
		return strconv.FormatBool(v)
	case hundredths:
		return formatDecimal(int64(v))
	}
	return fmt.Sprint(v)
}
