package transfer

import (
	"bytes"
	"mime"
	"strings"

	"github.com/idebank/idebank/domain"
)

// Format is a file format of imports and exports.
type Format string

// The formats an import accepts; exports are CSV or XLSX.
const (
	FormatCSV   Format = "csv"
	FormatXLSX  Format = "xlsx"
	FormatJSONL Format = "jsonl"
)

// Content types of the formats.
const (
	ContentTypeCSV   = "text/csv"
	ContentTypeXLSX  = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	ContentTypeJSONL = "application/x-ndjson"
)

// MaxImportBytes is the largest import file accepted (50 MiB).
const MaxImportBytes = 50 << 20

// Magic bytes at the start of files.
var (
	magicZip = []byte("PK\x03\x04")
	magicOLE = []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") // .xls and other old Office files
	magicPDF = []byte("%PDF")
)

// fileProblem is a problem with the file as a whole.
func fileProblem(detail string) error { return domain.Invalid("", detail) }

// Detect names the format of data from its first bytes, using the content
// type (or file name extension) only where the bytes allow several.
// Files that are none of the accepted formats are a *domain.ValidationError.
func Detect(contentType string, data []byte) (Format, error) {
	text := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\ufeff")), " \t\r\n")
	switch {
	case len(text) == 0:
		return "", fileProblem("Filen er tom.")
	case bytes.HasPrefix(data, magicZip):
		return FormatXLSX, nil
	case bytes.HasPrefix(data, magicOLE):
		return "", fileProblem("Filen er i det gamle Excel-format (.xls). Gem den som .xlsx eller CSV, og prøv igen.")
	case bytes.HasPrefix(data, magicPDF), bytes.IndexByte(data[:min(len(data), 8192)], 0) >= 0:
		return "", fileProblem("Filen er hverken CSV, XLSX eller JSON Lines.")
	}
	switch mediaType(contentType) {
	case ContentTypeXLSX:
		return "", fileProblem("Filen er angivet som XLSX, men er ikke en gyldig XLSX-fil.")
	case ContentTypeJSONL, "application/jsonl", "application/json", "application/jsonlines":
		return FormatJSONL, nil
	case ContentTypeCSV, "application/csv", "text/plain", "application/vnd.ms-excel":
		return FormatCSV, nil
	}
	if text[0] == '{' {
		return FormatJSONL, nil
	}
	return FormatCSV, nil
}

// mediaType returns the media type of a Content-Type header, lower case,
// or a type guessed from a file name's extension.
func mediaType(contentType string) string {
	switch strings.ToLower(strings.TrimPrefix(contentType, ".")) {
	case "csv":
		return ContentTypeCSV
	case "xlsx":
		return ContentTypeXLSX
	case "jsonl", "ndjson":
		return ContentTypeJSONL
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return mt
}

// Read parses an import file in the format Detect finds. File-level
// problems (wrong type, unknown or missing columns, no rows) are a
// *domain.ValidationError; cells that cannot be parsed are reported in
// their row's Problems.
func Read(contentType string, data []byte) ([]domain.ImportRow, Format, error) {
	f, err := Detect(contentType, data)
	if err != nil {
		return nil, "", err
	}
	var rows []domain.ImportRow
	switch f {
	case FormatXLSX:
		rows, err = ReadXLSX(data)
	case FormatJSONL:
		rows, err = ReadJSONL(data)
	default:
		rows, err = ReadCSV(data)
	}
	if err != nil {
		return nil, f, err
	}
	if len(rows) == 0 {
		return nil, f, fileProblem("Filen indeholder ingen rækker med forslag.")
	}
	return rows, f, nil
}
