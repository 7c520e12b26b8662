package frontend

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

// Rows of the savings profile the form shows: at least minSavingsRows, one
// empty row after the last filled one, at most domain.MaxSavingsYears.
const minSavingsRows = 5

// proposalForm is the create/edit form as the user typed it: numbers stay
// text so that a wrong entry is shown back exactly as written.
type proposalForm struct {
	Title, Summary, Description string
	PolicyArea, MeasureType     string
	MunicipalityCode            string
	BudgetYear                  string
	Savings                     []string // amounts per year from the budget year
	Investment                  string
	ReducesService              bool
	EvidenceLevel               string
	Tags                        string // comma-separated
	ContactRole, ContactEmail   string
	Version                     int
}

// parseProposalForm reads the posted form.
func parseProposalForm(c echo.Context) (proposalForm, error) {
	if _, err := c.FormParams(); err != nil {
		return proposalForm{}, fmt.Errorf("frontend: parse form: %w", err)
	}
	version, _ := strconv.Atoi(c.FormValue("version"))
	f := proposalForm{
		Title: c.FormValue("title"), Summary: c.FormValue("summary"), Description: c.FormValue("description"),
		PolicyArea: c.FormValue("policy_area"), MeasureType: c.FormValue("measure_type"),
		MunicipalityCode: trimmed(c, "municipality_code"), BudgetYear: trimmed(c, "budget_year"),
		Savings: c.Request().PostForm["savings"], Investment: trimmed(c, "investment_dkk"),
		ReducesService: c.FormValue("reduces_service") == "true", EvidenceLevel: c.FormValue("evidence_level"),
		Tags: c.FormValue("tags"), ContactRole: c.FormValue("contact_role"), ContactEmail: c.FormValue("contact_email"),
		Version: version,
	}
	if len(f.Savings) > domain.MaxSavingsYears {
		f.Savings = f.Savings[:domain.MaxSavingsYears]
	}
	return f, nil
}

// formFromProposal fills the form with a stored proposal.
func formFromProposal(pr *domain.Proposal) proposalForm {
	f := proposalForm{
		Title: pr.Title, Summary: pr.Summary, Description: pr.Description,
		PolicyArea: pr.PolicyArea, MeasureType: pr.MeasureType, MunicipalityCode: pr.Municipality.Code,
		BudgetYear: strconv.Itoa(pr.BudgetYear), Investment: strconv.FormatInt(pr.InvestmentDKK, 10),
		ReducesService: pr.ReducesService, EvidenceLevel: pr.EvidenceLevel,
		Tags: strings.Join(pr.Tags, ", "), Version: pr.Version,
	}
	for _, s := range pr.Savings {
		f.Savings = append(f.Savings, strconv.FormatInt(s.AmountDKK, 10))
	}
	if pr.Contact != nil {
		f.ContactRole, f.ContactEmail = pr.Contact.Role, pr.Contact.Email
	}
	return f
}

// input converts the form to the service's input. Text that is not a
// number becomes a problem at the field's pointer; the service checks
// everything else.
func (f proposalForm) input() (domain.ProposalInput, fieldErrors) {
	var problems fieldErrors
	in := domain.ProposalInput{
		Title: f.Title, Summary: f.Summary, Description: f.Description,
		PolicyArea: f.PolicyArea, MeasureType: f.MeasureType, MunicipalityCode: f.MunicipalityCode,
		ReducesService: f.ReducesService, EvidenceLevel: f.EvidenceLevel,
	}
	year, err := strconv.Atoi(f.BudgetYear)
	if err != nil {
		problems = append(problems, domain.FieldProblem{Pointer: "/budget_year", Detail: "Skriv budgetåret som et årstal, fx 2026."})
	}
	in.BudgetYear = year
	amounts := f.Savings
	for len(amounts) > 0 && strings.TrimSpace(amounts[len(amounts)-1]) == "" {
		amounts = amounts[:len(amounts)-1]
	}
	for i, a := range amounts {
		n, ok := parseKroner(a)
		if !ok {
			detail := "Skriv beløbet i hele kroner, fx 250000."
			if strings.TrimSpace(a) == "" {
				detail = "Skriv et beløb – 0, hvis der ikke spares noget dette år."
			}
			problems = append(problems, domain.FieldProblem{Pointer: fmt.Sprintf("/savings/%d/amount_dkk", i), Detail: detail})
		}
		in.Savings = append(in.Savings, domain.Saving{Year: year + i, AmountDKK: n})
	}
	if f.Investment != "" {
		n, ok := parseKroner(f.Investment)
		if !ok {
			problems = append(problems, domain.FieldProblem{Pointer: "/investment_dkk", Detail: "Skriv investeringen i hele kroner, fx 250000."})
		}
		in.InvestmentDKK = n
	}
	for _, t := range strings.Split(f.Tags, ",") {
		if t = strings.TrimSpace(t); t != "" {
			in.Tags = append(in.Tags, t)
		}
	}
	if strings.TrimSpace(f.ContactRole) != "" || strings.TrimSpace(f.ContactEmail) != "" {
		in.Contact = &domain.Contact{Role: f.ContactRole, Email: f.ContactEmail}
	}
	return in, problems
}

// patchOf turns a complete input into a patch that sets every field the
// form has.
func patchOf(in domain.ProposalInput) domain.ProposalPatch {
	return domain.ProposalPatch{
		Title: &in.Title, Summary: &in.Summary, Description: &in.Description,
		PolicyArea: &in.PolicyArea, MeasureType: &in.MeasureType, MunicipalityCode: &in.MunicipalityCode,
		BudgetYear: &in.BudgetYear, Savings: &in.Savings, InvestmentDKK: &in.InvestmentDKK,
		ReducesService: &in.ReducesService, EvidenceLevel: &in.EvidenceLevel, Tags: &in.Tags,
		Contact: in.Contact, ClearContact: in.Contact == nil,
	}
}

// savingRow is one year of the savings profile in the form.
type savingRow struct {
	Index  int
	Year   string // empty while the budget year is not a number
	Amount string
}

// Rows returns the savings inputs to show.
func (f proposalForm) Rows() []savingRow {
	n := len(f.Savings)
	for n > 0 && strings.TrimSpace(f.Savings[n-1]) == "" {
		n--
	}
	n = min(max(n+1, minSavingsRows), domain.MaxSavingsYears)
	year, err := strconv.Atoi(f.BudgetYear)
	rows := make([]savingRow, n)
	for i := range rows {
		rows[i].Index = i
		if err == nil {
			rows[i].Year = strconv.Itoa(year + i)
		}
		if i < len(f.Savings) {
			rows[i].Amount = f.Savings[i]
		}
	}
	return rows
}
