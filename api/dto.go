package api

import (
	"time"

	"github.com/idebank/idebank/domain"
)

// This file holds the wire types and every conversion between them and the
// domain. Request types have only the fields a client may set, so a body
// can never set a server field (status, version, figures).

// proposalRequest is the body of POST /proposals and, as a JSON merge
// patch, of PATCH /proposals/{id}.
type proposalRequest struct {
	Title            string       `json:"title" validate:"required"`
	Summary          string       `json:"summary" validate:"required"`
	Description      string       `json:"description"`
	PolicyArea       string       `json:"policy_area" validate:"required"`
	MeasureType      string       `json:"measure_type" validate:"required"`
	MunicipalityCode string       `json:"municipality_code" validate:"required"`
	BudgetYear       int          `json:"budget_year" validate:"required"`
	Savings          []savingJSON `json:"savings" validate:"required,dive"`
	InvestmentDKK    int64        `json:"investment_dkk"`
	ReducesService   bool         `json:"reduces_service"`
	EvidenceLevel    string       `json:"evidence_level"`
	Tags             []string     `json:"tags"`
	Contact          *contactJSON `json:"contact"`
	ExternalKey      string       `json:"external_key"`
}

// savingJSON is one year of a savings profile, in requests and responses.
type savingJSON struct {
	Year      int   `json:"year" validate:"required"`
	AmountDKK int64 `json:"amount_dkk"`
}

// contactJSON is a proposal's contact mailbox, in requests and responses.
type contactJSON struct {
	Role  string `json:"role"`
	Email string `json:"email" validate:"required"`
}

// rejectRequest is the body of POST /proposals/{id}/reject.
type rejectRequest struct {
	Reason string `json:"reason" validate:"required"`
}

// proposalListQuery is the query of GET /proposals; every filter repeats.
// Page and PerPage start at their defaults, so an explicit 0 is refused;
// the upper bound of PerPage is the domain's.
type proposalListQuery struct {
	Page           int      `query:"page" validate:"min=1"`
	PerPage        int      `query:"per_page" validate:"min=1"`
	Statuses       []string `query:"status" validate:"dive,status"`
	PolicyAreas    []string `query:"policy_area"`
	MeasureTypes   []string `query:"measure_type"`
	Municipalities []string `query:"municipality"`
	Regions        []string `query:"region"`
	BudgetYears    []int    `query:"budget_year"`
}

func (r *proposalRequest) input() domain.ProposalInput {
	in := domain.ProposalInput{
		Title: r.Title, Summary: r.Summary, Description: r.Description,
		PolicyArea: r.PolicyArea, MeasureType: r.MeasureType,
		MunicipalityCode: r.MunicipalityCode, BudgetYear: r.BudgetYear,
		InvestmentDKK: r.InvestmentDKK, ReducesService: r.ReducesService,
		EvidenceLevel: r.EvidenceLevel, Tags: r.Tags, ExternalKey: r.ExternalKey,
	}
	for _, s := range r.Savings {
		in.Savings = append(in.Savings, domain.Saving{Year: s.Year, AmountDKK: s.AmountDKK})
	}
	if r.Contact != nil {
		in.Contact = &domain.Contact{Role: r.Contact.Role, Email: r.Contact.Email}
	}
	return in
}

// patch returns the merge patch of the keys present in the body. A key
// set to null resets the field to its zero value (validation then decides
// whether that is allowed); "contact": null removes the contact.
func (r *proposalRequest) patch(present map[string]bool) domain.ProposalPatch {
	in := r.input()
	var pt domain.ProposalPatch
	set := func(key string, dst **string, v *string) {
		if present[key] {
			*dst = v
		}
	}
	set("title", &pt.Title, &in.Title)
	set("summary", &pt.Summary, &in.Summary)
	set("description", &pt.Description, &in.Description)
	set("policy_area", &pt.PolicyArea, &in.PolicyArea)
	set("measure_type", &pt.MeasureType, &in.MeasureType)
	set("municipality_code", &pt.MunicipalityCode, &in.MunicipalityCode)
	set("evidence_level", &pt.EvidenceLevel, &in.EvidenceLevel)
	set("external_key", &pt.ExternalKey, &in.ExternalKey)
	if present["budget_year"] {
		pt.BudgetYear = &in.BudgetYear
	}
	if present["savings"] {
		pt.Savings = &in.Savings
	}
	if present["investment_dkk"] {
		pt.InvestmentDKK = &in.InvestmentDKK
	}
	if present["reduces_service"] {
		pt.ReducesService = &in.ReducesService
	}
	if present["tags"] {
		pt.Tags = &in.Tags
	}
	if present["contact"] {
		pt.Contact, pt.ClearContact = in.Contact, in.Contact == nil
	}
	return pt
}

func (q *proposalListQuery) filter() domain.ProposalFilter {
	f := domain.ProposalFilter{
		Page: q.Page, PerPage: q.PerPage,
		PolicyAreas: q.PolicyAreas, MeasureTypes: q.MeasureTypes,
		MunicipalityCodes: q.Municipalities, Regions: q.Regions, BudgetYears: q.BudgetYears,
	}
	for _, s := range q.Statuses {
		f.Statuses = append(f.Statuses, domain.Status(s))
	}
	return f
}

// proposalResponse is the proposal representation of the API contract.
type proposalResponse struct {
	ID             string             `json:"id"`
	Ref            string             `json:"ref"`
	Status         string             `json:"status"`
	Version        int                `json:"version"`
	Title          string             `json:"title"`
	Summary        string             `json:"summary"`
	Description    string             `json:"description"`
	PolicyArea     string             `json:"policy_area"`
	MeasureType    string             `json:"measure_type"`
	Municipality   municipalityRefRes `json:"municipality"`
	BudgetYear     int                `json:"budget_year"`
	Savings        []savingJSON       `json:"savings"`
	InvestmentDKK  int64              `json:"investment_dkk"`
	FullEffectDKK  int64              `json:"full_effect_dkk"`
	PopulationUsed int64              `json:"population_used"`
	PopulationYear int                `json:"population_year"`
	PerResidentDKK float64            `json:"per_resident_dkk"`
	PaybackYears   *float64           `json:"payback_years"`
	ReducesService bool               `json:"reduces_service"`
	EvidenceLevel  string             `json:"evidence_level"`
	Tags           []string           `json:"tags"`
	Contact        *contactJSON       `json:"contact"`
	ExternalKey    string             `json:"external_key,omitempty"`
	RejectReason   string             `json:"reject_reason,omitempty"`
	MergedInto     string             `json:"merged_into,omitempty"`
	AdoptionCount  int                `json:"adoption_count"`
	CreatedAt      time.Time          `json:"created_at"`
	UpdatedAt      time.Time          `json:"updated_at"`
	PublishedAt    *time.Time         `json:"published_at"`
	// SubmittedAt and AgeDays tell the editor queue when a proposal was
	// submitted and how many days it has waited (staff of its
	// municipality and editors only).
	SubmittedAt *time.Time `json:"submitted_at,omitempty"`
	AgeDays     *int       `json:"age_days,omitempty"`
}

// municipalityRefRes is the short form of a municipality inside a proposal.
type municipalityRefRes struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Region string `json:"region"`
}

// toProposalResponse renders pr for viewer. The reject reason is shown to
// those who may read the proposal's history: its staff and the editors.
func toProposalResponse(pr *domain.Proposal, viewer domain.Principal) proposalResponse {
	r := proposalResponse{
		ID: pr.ID, Ref: pr.Ref, Status: string(pr.Status), Version: pr.Version,
		Title: pr.Title, Summary: pr.Summary, Description: pr.Description,
		PolicyArea: pr.PolicyArea, MeasureType: pr.MeasureType,
		Municipality: municipalityRefRes(pr.Municipality),
		BudgetYear:   pr.BudgetYear, Savings: make([]savingJSON, len(pr.Savings)),
		InvestmentDKK: pr.InvestmentDKK, FullEffectDKK: pr.FullEffectDKK,
		PopulationUsed: pr.PopulationUsed, PopulationYear: pr.PopulationYear,
		PerResidentDKK: domain.OreToKroner(pr.PerResidentOre),
		ReducesService: pr.ReducesService, EvidenceLevel: pr.EvidenceLevel,
		Tags: append([]string{}, pr.Tags...), ExternalKey: pr.ExternalKey, MergedInto: pr.MergedInto,
		AdoptionCount: pr.AdoptionCount, CreatedAt: pr.CreatedAt.UTC(), UpdatedAt: pr.UpdatedAt.UTC(),
	}
	for i, s := range pr.Savings {
		r.Savings[i] = savingJSON{Year: s.Year, AmountDKK: s.AmountDKK}
	}
	if y, ok := pr.PaybackYears(); ok {
		r.PaybackYears = &y
	}
	if pr.Contact != nil {
		r.Contact = &contactJSON{Role: pr.Contact.Role, Email: pr.Contact.Email}
	}
	if viewer.CanSeeHistory(pr) {
		r.RejectReason = pr.RejectReason
		r.SubmittedAt, r.AgeDays = queueFields(pr, time.Now())
	}
	if pr.PublishedAt != nil {
		t := pr.PublishedAt.UTC()
		r.PublishedAt = &t
	}
	return r
}

// revisionResponse is one audit row of GET /proposals/{id}/history.
type revisionResponse struct {
	Version    int              `json:"version"`
	Action     string           `json:"action"`
	ActorEmail string           `json:"actor_email"`
	At         time.Time        `json:"at"`
	Reason     string           `json:"reason"`
	State      proposalResponse `json:"state"`
	// Changes are the fields this revision changed, from the one before.
	Changes []fieldChangeResponse `json:"changes"`
}

func toRevisionResponse(rev *domain.Revision, viewer domain.Principal) revisionResponse {
	return revisionResponse{
		Version: rev.Version, Action: string(rev.Action), ActorEmail: rev.ActorEmail,
		At: rev.At.UTC(), Reason: rev.Reason, State: toProposalResponse(&rev.State, viewer),
		Changes: []fieldChangeResponse{},
	}
}

// municipalityResponse is one municipality with its newest population.
type municipalityResponse struct {
	Code           string `json:"code"`
	Name           string `json:"name"`
	Region         string `json:"region"`
	Population     int64  `json:"population"`
	PopulationYear int    `json:"population_year"`
}

// municipalityProfileResponse adds the published-proposal figures.
type municipalityProfileResponse struct {
	municipalityResponse
	PublishedCount    int     `json:"published_count"`
	SumPerResidentDKK float64 `json:"sum_per_resident_dkk"`
}

func toMunicipalityResponse(m domain.Municipality) municipalityResponse {
	return municipalityResponse(m)
}

func toMunicipalityProfileResponse(p *domain.MunicipalityProfile) municipalityProfileResponse {
	return municipalityProfileResponse{
		municipalityResponse: toMunicipalityResponse(p.Municipality),
		PublishedCount:       p.PublishedCount,
		SumPerResidentDKK:    domain.OreToKroner(p.SumPerResidentOre),
	}
}

// listResponse is a list; paged lists also carry page and per_page.
type listResponse[T any] struct {
	Items   []T `json:"items"`
	Total   int `json:"total"`
	Page    int `json:"page,omitempty"`
	PerPage int `json:"per_page,omitempty"`
}

// mapItems converts every item of a list.
func mapItems[S, T any](items []S, f func(S) T) []T {
	out := make([]T, len(items))
	for i, it := range items {
		out[i] = f(it)
	}
	return out
}
