package transfer

import (
	"math"
	"time"

	"github.com/idebank/idebank/domain"
)

// hundredths is a figure with two decimals kept as an integer (øre, or
// hundredths of a year), written with a decimal comma in CSV and as a
// number in XLSX.
type hundredths int64

// exportValues returns a proposal's cells in the order of Columns: strings,
// int, int64, bool, hundredths, or nil for an empty cell.
func exportValues(p *domain.Proposal) []any {
	v := []any{p.ID, p.Ref, p.ExternalKey, p.Title, p.Summary, p.Description,
		p.PolicyArea, p.MeasureType, p.Municipality.Code, p.Municipality.Name, p.Municipality.Region, p.BudgetYear}
	for n := 0; n < domain.MaxSavingsYears; n++ {
		if n < len(p.Savings) {
			v = append(v, p.Savings[n].AmountDKK)
		} else {
			v = append(v, nil)
		}
	}
	var payback any
	if y, ok := p.PaybackYears(); ok {
		payback = hundredths(math.Round(y * 100))
	}
	var role, email string
	if p.Contact != nil {
		role, email = p.Contact.Role, p.Contact.Email
	}
	var published any
	if p.PublishedAt != nil {
		published = p.PublishedAt.UTC().Format(time.RFC3339)
	}
	return append(v, p.InvestmentDKK, p.FullEffectDKK, p.PopulationUsed, p.PopulationYear,
		hundredths(p.PerResidentOre), payback, p.ReducesService, p.EvidenceLevel, joinTags(p.Tags),
		role, email, p.AdoptionCount, published)
}
