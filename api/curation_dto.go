package api

import (
	"time"

	"github.com/idebank/idebank/domain"
)

// This file holds the wire types of curation: adoptions, merges,
// duplicates, imports and revision changes.

// adoptionRequest is the body of PUT /proposals/{id}/adoptions/{code}.
type adoptionRequest struct {
	Status        string `json:"status" validate:"required"`
	ExpectedDKK   int64  `json:"expected_dkk"`
	RealisedDKK   int64  `json:"realised_dkk"`
	Note          string `json:"note"`
	DecidedOn     string `json:"decided_on"`
	ImplementedOn string `json:"implemented_on"`
}

func (r *adoptionRequest) input() domain.AdoptionInput {
	return domain.AdoptionInput{
		Status: domain.AdoptionStatus(r.Status), ExpectedDKK: r.ExpectedDKK, RealisedDKK: r.RealisedDKK,
		Note: r.Note, DecidedOn: r.DecidedOn, ImplementedOn: r.ImplementedOn,
	}
}

// adoptionResponse is one adoption.
type adoptionResponse struct {
	ProposalID    string             `json:"proposal_id"`
	Municipality  municipalityRefRes `json:"municipality"`
	Status        string             `json:"status"`
	StatusLabel   string             `json:"status_label"`
	ExpectedDKK   int64              `json:"expected_dkk"`
	RealisedDKK   int64              `json:"realised_dkk"`
	Note          string             `json:"note"`
	DecidedOn     *string            `json:"decided_on"`
	ImplementedOn *string            `json:"implemented_on"`
	CreatedAt     time.Time          `json:"created_at"`
	UpdatedAt     time.Time          `json:"updated_at"`
}

func toAdoptionResponse(a *domain.Adoption) adoptionResponse {
	return adoptionResponse{
		ProposalID: a.ProposalID, Municipality: municipalityRefRes(a.Municipality),
		Status: string(a.Status), StatusLabel: domain.Label(domain.AdoptionStatuses, string(a.Status)),
		ExpectedDKK: a.ExpectedDKK, RealisedDKK: a.RealisedDKK, Note: a.Note,
		DecidedOn: optionalDate(a.DecidedOn), ImplementedOn: optionalDate(a.ImplementedOn),
		CreatedAt: a.CreatedAt.UTC(), UpdatedAt: a.UpdatedAt.UTC(),
	}
}

// optionalDate renders an empty date as null.
func optionalDate(d string) *string {
	if d == "" {
		return nil
	}
	return &d
}

// proposalSummaryResponse is the short form of a proposal next to an
// adoption or a duplicate candidate.
type proposalSummaryResponse struct {
	ID             string             `json:"id"`
	Ref            string             `json:"ref"`
	Title          string             `json:"title"`
	PolicyArea     string             `json:"policy_area"`
	Municipality   municipalityRefRes `json:"municipality"`
	FullEffectDKK  int64              `json:"full_effect_dkk"`
	PerResidentDKK float64            `json:"per_resident_dkk"`
}

func toProposalSummaryResponse(p domain.ProposalSummary) proposalSummaryResponse {
	return proposalSummaryResponse{
		ID: p.ID, Ref: p.Ref, Title: p.Title, PolicyArea: p.PolicyArea,
		Municipality: municipalityRefRes(p.Municipality), FullEffectDKK: p.FullEffectDKK,
		PerResidentDKK: domain.OreToKroner(p.PerResidentOre),
	}
}

// municipalityAdoptionResponse is one entry of a municipality's adoptions.
type municipalityAdoptionResponse struct {
	adoptionResponse
	Proposal proposalSummaryResponse `json:"proposal"`
}

// municipalityAdoptionsResponse is GET /municipalities/{code}/adoptions.
type municipalityAdoptionsResponse struct {
	Municipality municipalityRefRes `json:"municipality"`
	adoptedIdeasResponse
}

// adoptedIdeasResponse lists what a municipality uses with its totals; the
// municipality profile carries it too.
type adoptedIdeasResponse struct {
	Items  []municipalityAdoptionResponse `json:"items"`
	Total  int                            `json:"total"`
	Totals adoptionTotals                 `json:"totals"`
}

// adoptionTotals sum the adopted and implemented adoptions.
type adoptionTotals struct {
	Count       int   `json:"count"`
	ExpectedDKK int64 `json:"expected_dkk"`
	RealisedDKK int64 `json:"realised_dkk"`
}

func toMunicipalityAdoptionsResponse(l *domain.MunicipalityAdoptions) municipalityAdoptionsResponse {
	return municipalityAdoptionsResponse{Municipality: municipalityRefRes(l.Municipality), adoptedIdeasResponse: toAdoptedIdeasResponse(l)}
}

func toAdoptedIdeasResponse(l *domain.MunicipalityAdoptions) adoptedIdeasResponse {
	r := adoptedIdeasResponse{
		Items:  make([]municipalityAdoptionResponse, len(l.Items)),
		Total:  len(l.Items),
		Totals: adoptionTotals{Count: l.CountedItems, ExpectedDKK: l.TotalExpectedDKK, RealisedDKK: l.TotalRealisedDKK},
	}
	for i := range l.Items {
		r.Items[i] = municipalityAdoptionResponse{
			adoptionResponse: toAdoptionResponse(&l.Items[i].Adoption),
			Proposal:         toProposalSummaryResponse(l.Items[i].Proposal),
		}
	}
	return r
}

// mergeRequest is the body of POST /proposals/{id}/merge.
type mergeRequest struct {
	Into string `json:"into" validate:"required"`
}

// duplicateResponse is one candidate duplicate.
type duplicateResponse struct {
	Proposal          proposalSummaryResponse `json:"proposal"`
	Status            string                  `json:"status"`
	BudgetYear        int                     `json:"budget_year"`
	Score             float64                 `json:"score"`
	TitleSimilarity   float64                 `json:"title_similarity"`
	ContentSimilarity float64                 `json:"content_similarity"`
}

func toDuplicateResponse(d domain.DuplicateCandidate) duplicateResponse {
	p := d.Proposal
	return duplicateResponse{
		Proposal: toProposalSummaryResponse(domain.ProposalSummary{
			ID: p.ID, Ref: p.Ref, Title: p.Title, PolicyArea: p.PolicyArea, Municipality: p.Municipality,
			FullEffectDKK: p.FullEffectDKK, PerResidentOre: p.PerResidentOre,
		}),
		Status: string(p.Status), BudgetYear: p.BudgetYear,
		Score: d.Score, TitleSimilarity: d.TitleSimilarity, ContentSimilarity: d.ContentSimilarity,
	}
}

// importResponse is the report of POST /imports.
type importResponse struct {
	DryRun    bool                `json:"dry_run"`
	Imported  bool                `json:"imported"`
	Refused   bool                `json:"refused"`
	Format    string              `json:"format"`
	Created   int                 `json:"created"`
	Updated   int                 `json:"updated"`
	Unchanged int                 `json:"unchanged"`
	Failed    int                 `json:"failed"`
	Rows      []importRowResponse `json:"rows"`
}

// importRowResponse is the outcome of one row of an import.
type importRowResponse struct {
	Row         int            `json:"row"`
	ExternalKey string         `json:"external_key"`
	ProposalID  string         `json:"proposal_id,omitempty"`
	Result      string         `json:"result"`
	Errors      []fieldProblem `json:"errors"`
}

func toImportResponse(r *domain.ImportReport, format string) importResponse {
	out := importResponse{
		DryRun: r.DryRun, Imported: r.Imported, Refused: r.Refused, Format: format, Created: r.Created, Updated: r.Updated,
		Unchanged: r.Unchanged, Failed: r.Failed, Rows: make([]importRowResponse, len(r.Rows)),
	}
	for i, row := range r.Rows {
		rr := importRowResponse{Row: row.Row, ExternalKey: row.ExternalKey, ProposalID: row.ProposalID,
			Result: string(row.Result), Errors: make([]fieldProblem, len(row.Errors))}
		for j, e := range row.Errors {
			rr.Errors[j] = fieldProblem(e)
		}
		out.Rows[i] = rr
	}
	return out
}

// fieldChangeResponse is one changed field of a revision. Values are in
// the API's representation (savings as [{year, amount_dkk}], per_resident_dkk
// in kroner with two decimals).
type fieldChangeResponse struct {
	Field string `json:"field"`
	From  any    `json:"from"`
	To    any    `json:"to"`
}

func toFieldChanges(changes []domain.FieldChange) []fieldChangeResponse {
	out := make([]fieldChangeResponse, len(changes))
	for i, ch := range changes {
		out[i] = fieldChangeResponse{Field: ch.Field, From: changeValue(ch.Field, ch.From), To: changeValue(ch.Field, ch.To)}
	}
	return out
}

// changeValue renders one value of a revision change for JSON.
func changeValue(field string, v any) any {
	switch v := v.(type) {
	case []domain.Saving:
		out := make([]savingJSON, len(v))
		for i, s := range v {
			out[i] = savingJSON{Year: s.Year, AmountDKK: s.AmountDKK}
		}
		return out
	case *domain.Contact:
		if v == nil {
			return nil
		}
		return contactJSON{Role: v.Role, Email: v.Email}
	case *time.Time:
		if v == nil {
			return nil
		}
		return v.UTC()
	case int64:
		if field == "per_resident_dkk" {
			return domain.OreToKroner(v)
		}
	}
	return v
}

// queueFields returns when pr was last submitted and, while it waits in
// the editor queue, how many whole days it has waited at now.
func queueFields(pr *domain.Proposal, now time.Time) (*time.Time, *int) {
	if pr.SubmittedAt == nil {
		return nil, nil
	}
	at := pr.SubmittedAt.UTC()
	if pr.Status != domain.StatusSubmitted {
		return &at, nil
	}
	age := domain.QueueAgeDays(pr, now)
	return &at, &age
}
