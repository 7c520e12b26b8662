package transfer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/idebank/idebank/domain"
)

// jsonWritable are the keys of a JSON Lines row that an import reads: the
// API's create body plus the id of an export.
var jsonWritable = map[string]bool{
	"id": true, "external_key": true, "title": true, "summary": true, "description": true,
	"policy_area": true, "measure_type": true, "municipality_code": true, "municipality": true,
	"budget_year": true, "savings": true, "investment_dkk": true, "reduces_service": true,
	"evidence_level": true, "tags": true, "contact": true,
}

// jsonComputed are keys of the API's proposal representation that an
// import ignores, so that API output can be imported as it is.
var jsonComputed = map[string]bool{
	"ref": true, "status": true, "version": true, "full_effect_dkk": true, "population_used": true,
	"population_year": true, "per_resident_dkk": true, "payback_years": true, "adoption_count": true,
	"created_at": true, "updated_at": true, "published_at": true, "merged_into": true,
	"reject_reason": true, "adopted_by": true,
}

// ReadJSONL parses JSON Lines: one JSON object per line, with the fields
// of the API's proposal create body (savings as [{year, amount_dkk}],
// contact as {role, email}) plus id; the API's computed fields are ignored.
// A line that is not a JSON object, or has unknown fields, fails its row.
func ReadJSONL(data []byte) ([]domain.ImportRow, error) {
	sc := bufio.NewScanner(bytes.NewReader(bytes.TrimPrefix(data, utf8BOM)))
	sc.Buffer(make([]byte, 0, 64<<10), MaxImportBytes)
	var rows []domain.ImportRow
	for line := 1; sc.Scan(); line++ {
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		rows = append(rows, jsonRow(line, text))
	}
	if err := sc.Err(); err != nil {
		return nil, fileProblem("JSON Lines-filen kan ikke læses.")
	}
	return rows, nil
}

// jsonRow parses one line.
func jsonRow(line int, text []byte) domain.ImportRow {
	r := rowParser{row: domain.ImportRow{Row: line}}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(text, &fields); err != nil {
		r.add("", fmt.Sprintf("Linje %d er ikke et JSON-objekt.", line))
		return r.row
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !jsonWritable[k] && !jsonComputed[k] {
			r.add("/"+k, fmt.Sprintf("Ukendt felt »%s«.", k))
		}
	}
	j := jsonFields{p: &r, fields: fields}
	in := &r.row.Input
	r.row.ID = j.text("id")
	in.ExternalKey, in.Title, in.Summary = j.text("external_key"), j.text("title"), j.text("summary")
	in.Description, in.PolicyArea, in.MeasureType = j.text("description"), j.text("policy_area"), j.text("measure_type")
	in.EvidenceLevel, in.MunicipalityCode = j.text("evidence_level"), j.text("municipality_code")
	if in.MunicipalityCode == "" {
		var m struct{ Code string }
		j.decode("municipality", &m)
		in.MunicipalityCode = m.Code
	}
	in.BudgetYear = int(j.whole("budget_year", "/budget_year"))
	in.InvestmentDKK = j.whole("investment_dkk", "/investment_dkk")
	j.decode("reduces_service", &in.ReducesService)
	j.decode("tags", &in.Tags)
	var contact *struct{ Role, Email string }
	if j.decode("contact", &contact) && contact != nil {
		in.Contact = &domain.Contact{Role: contact.Role, Email: contact.Email}
	}
	var savings []map[string]json.RawMessage
	j.decode("savings", &savings)
	for i, s := range savings {
		sj := jsonFields{p: &r, fields: s}
		ptr := fmt.Sprintf("/savings/%d", i)
		in.Savings = append(in.Savings, domain.Saving{
			Year: int(sj.whole("year", ptr+"/year")), AmountDKK: sj.whole("amount_dkk", ptr+"/amount_dkk")})
	}
	return r.row
}

// jsonFields reads the fields of one JSON object into a row.
type jsonFields struct {
	p      *rowParser
	fields map[string]json.RawMessage
}

// decode unmarshals key into dst, reporting a wrong type; it reports
// whether the key was present.
func (j jsonFields) decode(key string, dst any) bool {
	raw, ok := j.fields[key]
	if !ok || string(raw) == "null" {
		return false
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		j.p.add("/"+key, fmt.Sprintf("Feltet %s har en forkert type.", key))
		return false
	}
	return true
}

func (j jsonFields) text(key string) string {
	var s string
	j.decode(key, &s)
	return strings.TrimSpace(s)
}

// whole reads a whole number; a JSON string holding one is accepted too.
func (j jsonFields) whole(key, pointer string) int64 {
	raw, ok := j.fields[key]
	if !ok || string(raw) == "null" {
		return 0
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		n, _, err := ParseWhole(s)
		if err != nil {
			j.p.add(pointer, wholeProblem(key, s, err))
		}
		return n
	}
	if n, err := strconv.ParseInt(string(raw), 10, 64); err == nil {
		return n
	}
	f, err := strconv.ParseFloat(string(raw), 64)
	switch {
	case err != nil:
		j.p.add(pointer, wholeProblem(key, string(raw), errNotNumber))
	case f != math.Trunc(f):
		j.p.add(pointer, wholeProblem(key, string(raw), errNotWhole))
	}
	return int64(f)
}
