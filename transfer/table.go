package transfer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/idebank/idebank/domain"
)

// table turns the rows of a CSV file or a sheet into import rows.
type table struct {
	index map[string]int // column name → position in the header
	width int            // number of header cells up to the last named one
}

// newTable checks a header row: every column must be known and appear
// once, and the required columns must be there. Problems point at the
// header's columns (/columns/<position>).
func newTable(header []string) (*table, error) {
	known := map[string]bool{}
	for _, c := range Columns() {
		known[c] = true
	}
	t := &table{index: map[string]int{}}
	v := &domain.ValidationError{}
	for i, cell := range header {
		name := normalizeHeader(cell)
		ptr := "/columns/" + strconv.Itoa(i+1)
		switch {
		case name == "":
			if blank(header[i:]) {
				return t, t.missing(v)
			}
			v.Add(ptr, fmt.Sprintf("Kolonne %d har ingen overskrift.", i+1))
		case !known[name]:
			v.Add(ptr, fmt.Sprintf("Ukendt kolonne »%s«. De gyldige kolonner står i skabelonen docs/import-template.csv.", strings.TrimSpace(cell)))
		case hasKey(t.index, name):
			v.Add(ptr, fmt.Sprintf("Kolonnen »%s« står der flere gange.", name))
		default:
			t.index[name] = i
		}
		t.width = i + 1
	}
	return t, t.missing(v)
}

// missing adds a problem for each required column the header lacks.
func (t *table) missing(v *domain.ValidationError) error {
	for _, c := range requiredColumns {
		if !hasKey(t.index, c) {
			v.Add("/columns", fmt.Sprintf("Kolonnen »%s« mangler.", c))
		}
	}
	if !hasKey(t.index, ColExternalKey) && !hasKey(t.index, ColID) {
		v.Add("/columns", "Kolonnen »external_key« mangler; den genkender rækken ved næste import.")
	}
	return v.Err()
}

func hasKey(m map[string]int, k string) bool {
	_, ok := m[k]
	return ok
}

// blank reports whether every cell of a row is empty (such rows are skipped).
func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// row parses the cells of row number n.
func (t *table) row(n int, cells []string) domain.ImportRow {
	r := rowParser{row: domain.ImportRow{Row: n}, cells: cells, index: t.index}
	in := &r.row.Input
	r.row.ID = r.text(ColID)
	in.ExternalKey = r.text(ColExternalKey)
	in.Title, in.Summary, in.Description = r.text(ColTitle), r.text(ColSummary), r.text(ColDescription)
	in.PolicyArea = optionValue(domain.PolicyAreas, r.text(ColPolicyArea))
	in.MeasureType = optionValue(domain.MeasureTypes, r.text(ColMeasureType))
	in.EvidenceLevel = optionValue(domain.EvidenceLevels, r.text(ColEvidenceLevel))
	in.MunicipalityCode = r.text(ColMunicipalityCode)
	in.BudgetYear = int(r.whole(ColBudgetYear, "/budget_year"))
	in.InvestmentDKK = r.whole(ColInvestment, "/investment_dkk")
	in.ReducesService = r.boolean(ColReducesService, "/reduces_service")
	in.Tags = splitTags(r.text(ColTags))
	if role, email := r.text(ColContactRole), r.text(ColContactEmail); role != "" || email != "" {
		in.Contact = &domain.Contact{Role: role, Email: email}
	}
	in.Savings = r.savings(in.BudgetYear)
	if len(cells) > t.width && !blank(cells[t.width:]) {
		r.add("", "Rækken har flere celler end overskriften har kolonner.")
	}
	return r.row
}

// rowParser reads the cells of one row and collects what it cannot parse.
type rowParser struct {
	row   domain.ImportRow
	cells []string
	index map[string]int
}

func (r *rowParser) add(pointer, detail string) {
	r.row.Problems = append(r.row.Problems, domain.FieldProblem{Pointer: pointer, Detail: detail})
}

// text returns the trimmed cell of column, or "" if the file lacks it.
func (r *rowParser) text(column string) string {
	i, ok := r.index[column]
	if !ok || i >= len(r.cells) {
		return ""
	}
	return strings.TrimSpace(r.cells[i])
}

// whole parses a whole-kroner (or year) cell, reporting a bad one at pointer.
func (r *rowParser) whole(column, pointer string) int64 {
	n, _, err := ParseWhole(r.text(column))
	if err != nil {
		r.add(pointer, wholeProblem(column, r.text(column), err))
	}
	return n
}

func wholeProblem(column, cell string, err error) string {
	if err == errNotWhole {
		return fmt.Sprintf("Kolonnen %s: »%s« skal være et helt tal (hele kroner, uden øre).", column, cell)
	}
	return fmt.Sprintf("Kolonnen %s: »%s« er ikke et tal; skriv fx 1.234.567 eller 1234567.", column, cell)
}

func (r *rowParser) boolean(column, pointer string) bool {
	b, err := ParseBool(r.text(column))
	if err != nil {
		r.add(pointer, fmt.Sprintf("Kolonnen %s: »%s« skal være ja eller nej.", column, r.text(column)))
	}
	return b
}

// savings reads savings_1 … savings_10 up to the last filled one; a gap
// before a filled column is a problem.
func (r *rowParser) savings(budgetYear int) []domain.Saving {
	last := 0
	for n := 1; n <= domain.MaxSavingsYears; n++ {
		if r.text(savingsColumn(n)) != "" {
			last = n
		}
	}
	out := make([]domain.Saving, 0, last)
	for n := 1; n <= last; n++ {
		col := savingsColumn(n)
		ptr := fmt.Sprintf("/savings/%d/amount_dkk", n-1)
		amount, present, err := ParseWhole(r.text(col))
		switch {
		case err != nil:
			r.add(ptr, wholeProblem(col, r.text(col), err))
		case !present:
			r.add(ptr, fmt.Sprintf("Kolonnen %s er tom, men et senere år er udfyldt; skriv 0 for et år uden besparelse.", col))
		}
		out = append(out, domain.Saving{Year: budgetYear + n - 1, AmountDKK: amount})
	}
	return out
}

// optionValue returns the value of the option whose value or Danish label
// is cell (case-insensitive), or cell itself so that validation names it.
func optionValue(opts []domain.Option, cell string) string {
	for _, o := range opts {
		if strings.EqualFold(o.Value, cell) || strings.EqualFold(o.Label, cell) {
			return o.Value
		}
	}
	return cell
}
