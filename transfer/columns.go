package transfer

import (
	"strconv"
	"strings"

	"github.com/idebank/idebank/domain"
)

// Column names of the tabular formats (CSV and XLSX), also the keys of the
// flat JSON Lines form. The savings profile is the columns savings_1 …
// savings_10: the amount of year budget_year + n − 1.
const (
	ColID               = "id"
	ColRef              = "ref"
	ColExternalKey      = "external_key"
	ColTitle            = "title"
	ColSummary          = "summary"
	ColDescription      = "description"
	ColPolicyArea       = "policy_area"
	ColMeasureType      = "measure_type"
	ColMunicipalityCode = "municipality_code"
	ColMunicipalityName = "municipality_name"
	ColRegion           = "region"
	ColBudgetYear       = "budget_year"
	ColInvestment       = "investment_dkk"
	ColFullEffect       = "full_effect_dkk"
	ColPopulationUsed   = "population_used"
	ColPopulationYear   = "population_year"
	ColPerResident      = "per_resident_dkk"
	ColPayback          = "payback_years"
	ColReducesService   = "reduces_service"
	ColEvidenceLevel    = "evidence_level"
	ColTags             = "tags"
	ColContactRole      = "contact_role"
	ColContactEmail     = "contact_email"
	ColAdoptionCount    = "adoption_count"
	ColPublishedAt      = "published_at"
)

// savingsColumn returns the name of the n-th savings column (1-based).
func savingsColumn(n int) string { return "savings_" + strconv.Itoa(n) }

// Columns returns every column in export order. The columns an import
// ignores are computed by the bank (see ComputedColumns).
func Columns() []string {
	cols := []string{ColID, ColRef, ColExternalKey, ColTitle, ColSummary, ColDescription,
		ColPolicyArea, ColMeasureType, ColMunicipalityCode, ColMunicipalityName, ColRegion, ColBudgetYear}
	for n := 1; n <= domain.MaxSavingsYears; n++ {
		cols = append(cols, savingsColumn(n))
	}
	return append(cols, ColInvestment, ColFullEffect, ColPopulationUsed, ColPopulationYear,
		ColPerResident, ColPayback, ColReducesService, ColEvidenceLevel, ColTags,
		ColContactRole, ColContactEmail, ColAdoptionCount, ColPublishedAt)
}

// ComputedColumns are exported for readers of the file and ignored by an
// import: the bank computes them (or, for names, looks them up).
var ComputedColumns = []string{ColRef, ColMunicipalityName, ColRegion, ColFullEffect,
	ColPopulationUsed, ColPopulationYear, ColPerResident, ColPayback, ColAdoptionCount, ColPublishedAt}

// requiredColumns must be in the header of an import file.
var requiredColumns = []string{ColTitle, ColSummary, ColPolicyArea, ColMeasureType,
	ColMunicipalityCode, ColBudgetYear, savingsColumn(1)}

// normalizeHeader returns a header cell as a column name: trimmed, lower
// case, spaces and dashes as underscores.
func normalizeHeader(s string) string {
	s = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(s, "\ufeff")))
	return strings.NewReplacer(" ", "_", "-", "_").Replace(s)
}

// splitTags splits a tags cell on commas and semicolons.
func splitTags(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' })
}

// joinTags writes tags as one cell.
func joinTags(tags []string) string { return strings.Join(tags, ", ") }
