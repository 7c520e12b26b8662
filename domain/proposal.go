package domain

import (
	"fmt"
	"math"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// Status is where a proposal is in its life (see the status machine in status.go).
type Status string

// The statuses of a proposal.
const (
	StatusDraft     Status = "draft"
	StatusSubmitted Status = "submitted"
	StatusPublished Status = "published"
	StatusRejected  Status = "rejected"
	StatusArchived  Status = "archived"
	StatusMerged    Status = "merged"
)

// Limits of a proposal's fields.
const (
	MinTitleLen       = 5
	MaxTitleLen       = 200
	MaxSummaryLen     = 600
	MaxDescriptionLen = 20000
	MinBudgetYear     = 2010
	MaxBudgetYear     = 2100
	MaxSavingsYears   = 10
	MaxTags           = 20
	MaxTagLen         = 40
	MaxExternalKeyLen = 100
	MaxContactRoleLen = 100
	MaxRejectReason   = 2000
)

// Saving is one year of a proposal's phase-in profile, in whole kroner.
type Saving struct {
	Year      int
	AmountDKK int64
}

// Contact is a function mailbox, never a private person.
type Contact struct {
	Role  string
	Email string
}

// Proposal is a budget-efficiency measure one municipality carried out or
// decided, written so that others can copy it.
type Proposal struct {
	ID             string
	Ref            string // IB-<budget_year>-<4-digit sequence>
	Status         Status
	Version        int
	Title          string
	Summary        string
	Description    string
	PolicyArea     string
	MeasureType    string
	Municipality   MunicipalityRef
	BudgetYear     int
	Savings        []Saving
	InvestmentDKK  int64
	ReducesService bool
	EvidenceLevel  string
	Tags           []string
	Contact        *Contact
	ExternalKey    string
	FullEffectDKK  int64
	PopulationUsed int64
	PopulationYear int
	PerResidentOre int64
	AuthorID       string
	RejectReason   string
	MergedInto     string
	AdoptionCount  int
	CreatedAt      time.Time
	UpdatedAt      time.Time
	PublishedAt    *time.Time
	DeletedAt      *time.Time

	// SubmittedAt is when the proposal was last submitted (the editor
	// queue's order and age); nil if it never was.
	SubmittedAt *time.Time
	// AdoptedBy holds the codes of the municipalities whose adoption is
	// adopted or implemented (filled by the store; AdoptionCount is its length).
	AdoptedBy []string
}

// PaybackYears returns investment / full effect rounded to two decimals, and
// false when either is zero.
func (p *Proposal) PaybackYears() (float64, bool) {
	if p.InvestmentDKK <= 0 || p.FullEffectDKK <= 0 {
		return 0, false
	}
	return math.Round(float64(p.InvestmentDKK)/float64(p.FullEffectDKK)*100) / 100, true
}

// FullEffect returns the largest yearly amount of a savings profile: the
// effect when fully phased in.
func FullEffect(savings []Saving) int64 {
	var max int64
	for _, s := range savings {
		if s.AmountDKK > max {
			max = s.AmountDKK
		}
	}
	return max
}

// ApplyFigures sets the server-computed figures of p from its savings and
// the population figure used for its budget year.
func (p *Proposal) ApplyFigures(pop PopulationFigure) {
	p.FullEffectDKK = FullEffect(p.Savings)
	p.PopulationUsed = pop.Population
	p.PopulationYear = pop.Year
	p.PerResidentOre = PerResidentOre(p.FullEffectDKK, pop.Population)
}

// ProposalInput is everything a client may set when creating a proposal.
type ProposalInput struct {
	Title            string
	Summary          string
	Description      string
	PolicyArea       string
	MeasureType      string
	MunicipalityCode string
	BudgetYear       int
	Savings          []Saving
	InvestmentDKK    int64
	ReducesService   bool
	EvidenceLevel    string
	Tags             []string
	Contact          *Contact
	ExternalKey      string
}

// ProposalPatch is a partial update; a nil field means "unchanged".
// ClearContact removes the contact (a JSON merge patch `"contact": null`).
type ProposalPatch struct {
	Title            *string
	Summary          *string
	Description      *string
	PolicyArea       *string
	MeasureType      *string
	MunicipalityCode *string
	BudgetYear       *int
	Savings          *[]Saving
	InvestmentDKK    *int64
	ReducesService   *bool
	EvidenceLevel    *string
	Tags             *[]string
	Contact          *Contact
	ClearContact     bool
	ExternalKey      *string
}

// Input returns the editable fields of p as an input, the base a patch is applied to.
func (p *Proposal) Input() ProposalInput {
	in := ProposalInput{
		Title: p.Title, Summary: p.Summary, Description: p.Description,
		PolicyArea: p.PolicyArea, MeasureType: p.MeasureType,
		MunicipalityCode: p.Municipality.Code, BudgetYear: p.BudgetYear,
		Savings: append([]Saving(nil), p.Savings...), InvestmentDKK: p.InvestmentDKK,
		ReducesService: p.ReducesService, EvidenceLevel: p.EvidenceLevel,
		Tags: append([]string(nil), p.Tags...), ExternalKey: p.ExternalKey,
	}
	if p.Contact != nil {
		c := *p.Contact
		in.Contact = &c
	}
	return in
}

// Apply returns in with the patch's set fields replaced.
func (pt ProposalPatch) Apply(in ProposalInput) ProposalInput {
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	set(&in.Title, pt.Title)
	set(&in.Summary, pt.Summary)
	set(&in.Description, pt.Description)
	set(&in.PolicyArea, pt.PolicyArea)
	set(&in.MeasureType, pt.MeasureType)
	set(&in.MunicipalityCode, pt.MunicipalityCode)
	set(&in.EvidenceLevel, pt.EvidenceLevel)
	set(&in.ExternalKey, pt.ExternalKey)
	if pt.BudgetYear != nil {
		in.BudgetYear = *pt.BudgetYear
	}
	if pt.Savings != nil {
		in.Savings = *pt.Savings
	}
	if pt.InvestmentDKK != nil {
		in.InvestmentDKK = *pt.InvestmentDKK
	}
	if pt.ReducesService != nil {
		in.ReducesService = *pt.ReducesService
	}
	if pt.Tags != nil {
		in.Tags = *pt.Tags
	}
	if pt.ClearContact {
		in.Contact = nil
	} else if pt.Contact != nil {
		c := *pt.Contact
		in.Contact = &c
	}
	return in
}

// Normalize trims text fields, lower-cases and de-duplicates tags, and
// defaults the evidence level, so that equal content compares equal.
func (in *ProposalInput) Normalize() {
	in.Title = strings.TrimSpace(in.Title)
	in.Summary = strings.TrimSpace(in.Summary)
	in.Description = strings.TrimSpace(strings.ReplaceAll(in.Description, "\r\n", "\n"))
	in.PolicyArea = strings.TrimSpace(in.PolicyArea)
	in.MeasureType = strings.TrimSpace(in.MeasureType)
	in.MunicipalityCode = strings.TrimSpace(in.MunicipalityCode)
	in.EvidenceLevel = strings.TrimSpace(in.EvidenceLevel)
	in.ExternalKey = strings.TrimSpace(in.ExternalKey)
	if in.EvidenceLevel == "" {
		in.EvidenceLevel = "estimate"
	}
	seen := make(map[string]bool, len(in.Tags))
	tags := in.Tags[:0:0]
	for _, t := range in.Tags {
		t = strings.ToLower(strings.TrimSpace(t))
		if t == "" || seen[t] {
			if t == "" {
				tags = append(tags, t) // kept so Validate can point at it
			}
			continue
		}
		seen[t] = true
		tags = append(tags, t)
	}
	in.Tags = tags
	if in.Contact != nil {
		in.Contact.Role = strings.TrimSpace(in.Contact.Role)
		in.Contact.Email = strings.TrimSpace(in.Contact.Email)
		if in.Contact.Role == "" && in.Contact.Email == "" {
			in.Contact = nil
		}
	}
}

// Validate checks every business rule of a proposal's input and returns a
// *ValidationError listing each failing field with a Danish message. Call
// Normalize first. Whether the municipality exists is checked by the service.
func (in *ProposalInput) Validate() error {
	v := &ValidationError{}
	textLen(v, "/title", in.Title, MinTitleLen, MaxTitleLen, "Titlen")
	textLen(v, "/summary", in.Summary, 1, MaxSummaryLen, "Resuméet")
	if n := utf8.RuneCountInString(in.Description); n > MaxDescriptionLen {
		v.Add("/description", fmt.Sprintf("Beskrivelsen må højst være %d tegn (den er %d).", MaxDescriptionLen, n))
	}
	if !IsOption(PolicyAreas, in.PolicyArea) {
		v.Add("/policy_area", "Vælg et af de faste fagområder.")
	}
	if !IsOption(MeasureTypes, in.MeasureType) {
		v.Add("/measure_type", "Vælg en af de faste typer af tiltag.")
	}
	if !isMunicipalityCode(in.MunicipalityCode) {
		v.Add("/municipality_code", "Angiv kommunens kode med tre cifre, fx 101.")
	}
	if in.BudgetYear < MinBudgetYear || in.BudgetYear > MaxBudgetYear {
		v.Add("/budget_year", fmt.Sprintf("Budgetåret skal ligge mellem %d og %d.", MinBudgetYear, MaxBudgetYear))
	}
	validateSavings(v, in.BudgetYear, in.Savings)
	if in.InvestmentDKK < 0 {
		v.Add("/investment_dkk", "Investeringen kan ikke være negativ.")
	}
	if !IsOption(EvidenceLevels, in.EvidenceLevel) {
		v.Add("/evidence_level", "Vælg en af dokumentationsgraderne estimate, decided, realised eller evaluated.")
	}
	if len(in.Tags) > MaxTags {
		v.Add("/tags", fmt.Sprintf("Der må højst være %d nøgleord.", MaxTags))
	}
	for i, t := range in.Tags {
		if n := utf8.RuneCountInString(t); n < 1 || n > MaxTagLen {
			v.Add(fmt.Sprintf("/tags/%d", i), fmt.Sprintf("Et nøgleord skal være 1–%d tegn.", MaxTagLen))
		}
	}
	if c := in.Contact; c != nil {
		if utf8.RuneCountInString(c.Role) > MaxContactRoleLen {
			v.Add("/contact/role", fmt.Sprintf("Funktionen må højst være %d tegn.", MaxContactRoleLen))
		}
		if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email {
			v.Add("/contact/email", "Angiv en gyldig e-mailadresse til en funktionspostkasse.")
		}
	}
	if utf8.RuneCountInString(in.ExternalKey) > MaxExternalKeyLen {
		v.Add("/external_key", fmt.Sprintf("Den eksterne nøgle må højst være %d tegn.", MaxExternalKeyLen))
	}
	return v.Err()
}

func textLen(v *ValidationError, pointer, s string, min, max int, name string) {
	n := utf8.RuneCountInString(s)
	switch {
	case n == 0:
		v.Add(pointer, name+" skal udfyldes.")
	case n < min:
		v.Add(pointer, fmt.Sprintf("%s skal være mindst %d tegn.", name, min))
	case n > max:
		v.Add(pointer, fmt.Sprintf("%s må højst være %d tegn (den er %d).", name, max, n))
	}
}

func validateSavings(v *ValidationError, budgetYear int, savings []Saving) {
	if len(savings) == 0 {
		v.Add("/savings", "Angiv besparelsen for mindst ét år.")
		return
	}
	if len(savings) > MaxSavingsYears {
		v.Add("/savings", fmt.Sprintf("Besparelsesprofilen må højst have %d år.", MaxSavingsYears))
		return
	}
	yearKnown := budgetYear >= MinBudgetYear && budgetYear <= MaxBudgetYear
	for i, s := range savings {
		// Years can only be checked against a valid budget year.
		if want := budgetYear + i; yearKnown && s.Year != want {
			v.Add(fmt.Sprintf("/savings/%d/year", i), fmt.Sprintf("Årene skal følge hinanden fra budgetåret; her forventes %d.", want))
		}
		if s.AmountDKK < 0 {
			v.Add(fmt.Sprintf("/savings/%d/amount_dkk", i), "Beløbet skal være hele kroner og mindst 0.")
		}
	}
}

func isMunicipalityCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
