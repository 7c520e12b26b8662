package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/idebank/idebank/domain"
)

// proposalRow is a row of proposals. The municipality's name and region are
// read from a join and never written.
type proposalRow struct {
	ID                 string `gorm:"primaryKey"`
	Ref                string
	Status             string
	Version            int
	Title              string
	Summary            string
	Description        string
	PolicyArea         string
	MeasureType        string
	MunicipalityCode   string
	MunicipalityName   string `gorm:"->"`
	MunicipalityRegion string `gorm:"->"`
	BudgetYear         int
	Savings            string // JSON array of savingJSON
	InvestmentDKK      int64  `gorm:"column:investment_dkk"`
	ReducesService     bool
	EvidenceLevel      string
	Tags               string // JSON array of strings
	ContactRole        string
	ContactEmail       string
	ExternalKey        *string // NULL when empty, so the unique index ignores it
	FullEffectDKK      int64   `gorm:"column:full_effect_dkk"`
	PopulationUsed     int64
	PopulationYear     int
	PerResidentOre     int64
	AuthorID           string
	RejectReason       string
	MergedInto         string
	AdoptionCount      int
	CreatedAt          time.Time `gorm:"autoCreateTime:false"`
	UpdatedAt          time.Time `gorm:"autoUpdateTime:false"`
	PublishedAt        *time.Time
	DeletedAt          *time.Time
	SubmittedAt        *time.Time
}

func (proposalRow) TableName() string { return "proposals" }

// savingJSON is one year of the stored savings profile.
type savingJSON struct {
	Year      int   `json:"year"`
	AmountDKK int64 `json:"amount_dkk"`
}

func proposalFromDomain(p *domain.Proposal) (*proposalRow, error) {
	savings := make([]savingJSON, len(p.Savings))
	for i, s := range p.Savings {
		savings[i] = savingJSON{Year: s.Year, AmountDKK: s.AmountDKK}
	}
	savingsJSON, err := json.Marshal(savings)
	if err != nil {
		return nil, fmt.Errorf("store: encode savings: %w", err)
	}
	tags := p.Tags
	if tags == nil {
		tags = []string{}
	}
	tagsJSON, err := json.Marshal(tags)
	if err != nil {
		return nil, fmt.Errorf("store: encode tags: %w", err)
	}
	r := &proposalRow{
		ID: p.ID, Ref: p.Ref, Status: string(p.Status), Version: p.Version,
		Title: p.Title, Summary: p.Summary, Description: p.Description,
		PolicyArea: p.PolicyArea, MeasureType: p.MeasureType,
		MunicipalityCode: p.Municipality.Code, BudgetYear: p.BudgetYear,
		Savings: string(savingsJSON), InvestmentDKK: p.InvestmentDKK,
		ReducesService: p.ReducesService, EvidenceLevel: p.EvidenceLevel,
		Tags: string(tagsJSON), FullEffectDKK: p.FullEffectDKK,
		PopulationUsed: p.PopulationUsed, PopulationYear: p.PopulationYear,
		PerResidentOre: p.PerResidentOre, AuthorID: p.AuthorID,
		RejectReason: p.RejectReason, MergedInto: p.MergedInto,
		AdoptionCount: p.AdoptionCount,
		CreatedAt:     p.CreatedAt.UTC(), UpdatedAt: p.UpdatedAt.UTC(),
		PublishedAt: utcPtr(p.PublishedAt), DeletedAt: utcPtr(p.DeletedAt),
		SubmittedAt: utcPtr(p.SubmittedAt),
	}
	if p.Contact != nil {
		r.ContactRole, r.ContactEmail = p.Contact.Role, p.Contact.Email
	}
	if p.ExternalKey != "" {
		k := p.ExternalKey
		r.ExternalKey = &k
	}
	return r, nil
}

func (r *proposalRow) toDomain() (*domain.Proposal, error) {
	var savings []savingJSON
	if err := json.Unmarshal([]byte(r.Savings), &savings); err != nil {
		return nil, fmt.Errorf("store: proposal %s: decode savings: %w", r.ID, err)
	}
	tags := []string{}
	if err := json.Unmarshal([]byte(r.Tags), &tags); err != nil {
		return nil, fmt.Errorf("store: proposal %s: decode tags: %w", r.ID, err)
	}
	p := &domain.Proposal{
		ID: r.ID, Ref: r.Ref, Status: domain.Status(r.Status), Version: r.Version,
		Title: r.Title, Summary: r.Summary, Description: r.Description,
		PolicyArea: r.PolicyArea, MeasureType: r.MeasureType,
		Municipality: domain.MunicipalityRef{Code: r.MunicipalityCode, Name: r.MunicipalityName, Region: r.MunicipalityRegion},
		BudgetYear:   r.BudgetYear, Savings: make([]domain.Saving, len(savings)),
		InvestmentDKK: r.InvestmentDKK, ReducesService: r.ReducesService,
		EvidenceLevel: r.EvidenceLevel, Tags: tags, FullEffectDKK: r.FullEffectDKK,
		PopulationUsed: r.PopulationUsed, PopulationYear: r.PopulationYear,
		PerResidentOre: r.PerResidentOre, AuthorID: r.AuthorID,
		RejectReason: r.RejectReason, MergedInto: r.MergedInto,
		AdoptionCount: r.AdoptionCount,
		CreatedAt:     r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
		PublishedAt: utcPtr(r.PublishedAt), DeletedAt: utcPtr(r.DeletedAt),
		SubmittedAt: utcPtr(r.SubmittedAt), AdoptedBy: []string{},
	}
	for i, s := range savings {
		p.Savings[i] = domain.Saving{Year: s.Year, AmountDKK: s.AmountDKK}
	}
	if r.ContactRole != "" || r.ContactEmail != "" {
		p.Contact = &domain.Contact{Role: r.ContactRole, Email: r.ContactEmail}
	}
	if r.ExternalKey != nil {
		p.ExternalKey = *r.ExternalKey
	}
	return p, nil
}

func proposalsToDomain(rows []proposalRow) ([]*domain.Proposal, error) {
	out := make([]*domain.Proposal, len(rows))
	for i := range rows {
		p, err := rows[i].toDomain()
		if err != nil {
			return nil, err
		}
		out[i] = p
	}
	return out, nil
}

// utcPtr returns a copy of t in UTC, or nil.
func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// revisionRow is a row of proposal_revisions; State is the JSON of the
// whole domain.Proposal after the change.
type revisionRow struct {
	ID         int64 `gorm:"primaryKey;autoIncrement"`
	ProposalID string
	Version    int
	Action     string
	ActorID    string
	ActorEmail string
	At         time.Time
	Reason     string
	State      string
}

func (revisionRow) TableName() string { return "proposal_revisions" }

func (r *revisionRow) toDomain() (domain.Revision, error) {
	rev := domain.Revision{
		ID: r.ID, ProposalID: r.ProposalID, Version: r.Version,
		Action: domain.Action(r.Action), ActorID: r.ActorID, ActorEmail: r.ActorEmail,
		At: r.At.UTC(), Reason: r.Reason,
	}
	if err := json.Unmarshal([]byte(r.State), &rev.State); err != nil {
		return domain.Revision{}, fmt.Errorf("store: revision %d: decode state: %w", r.ID, err)
	}
	return rev, nil
}

// outboxRow is a row of search_outbox.
type outboxRow struct {
	ID         int64 `gorm:"primaryKey;autoIncrement"`
	ProposalID string
	CreatedAt  time.Time
}

func (outboxRow) TableName() string { return "search_outbox" }

// municipalityRow is a row of municipalities.
type municipalityRow struct {
	Code   string `gorm:"primaryKey"`
	Name   string
	Region string
}

func (municipalityRow) TableName() string { return "municipalities" }

// populationRow is a row of municipality_populations.
type populationRow struct {
	Code       string `gorm:"primaryKey"`
	Year       int    `gorm:"primaryKey"`
	Population int64
}

func (populationRow) TableName() string { return "municipality_populations" }

// userRow is a row of users.
type userRow struct {
	ID               string `gorm:"primaryKey"`
	Email            string
	Role             string
	MunicipalityCode *string
	PasswordHash     string
	CreatedAt        time.Time `gorm:"autoCreateTime:false"`
}

func (userRow) TableName() string { return "users" }

func (r *userRow) toDomain() *domain.User {
	u := &domain.User{ID: r.ID, Email: r.Email, Role: domain.Role(r.Role), PasswordHash: r.PasswordHash, CreatedAt: r.CreatedAt.UTC()}
	if r.MunicipalityCode != nil {
		u.MunicipalityCode = *r.MunicipalityCode
	}
	return u
}

// tokenRow is a row of tokens.
type tokenRow struct {
	ID        string `gorm:"primaryKey"`
	UserID    string
	Name      string
	Hash      string
	CreatedAt time.Time `gorm:"autoCreateTime:false"`
}

func (tokenRow) TableName() string { return "tokens" }
