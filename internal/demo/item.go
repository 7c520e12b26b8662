package demo

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/idebank/idebank/domain"
)

//go:embed proposals.json
var proposalsJSON []byte

// Item is one demo proposal as written in proposals.json: the fields a
// client may set, plus the status the demo data should end in.
type Item struct {
	ExternalKey      string        `json:"external_key"`
	Status           domain.Status `json:"status"`
	RejectReason     string        `json:"reject_reason,omitempty"`
	Title            string        `json:"title"`
	Summary          string        `json:"summary"`
	Description      string        `json:"description"`
	PolicyArea       string        `json:"policy_area"`
	MeasureType      string        `json:"measure_type"`
	MunicipalityCode string        `json:"municipality_code"`
	BudgetYear       int           `json:"budget_year"`
	Savings          []SavingItem  `json:"savings"`
	InvestmentDKK    int64         `json:"investment_dkk"`
	ReducesService   bool          `json:"reduces_service"`
	EvidenceLevel    string        `json:"evidence_level"`
	Tags             []string      `json:"tags"`
	Contact          *ContactItem  `json:"contact,omitempty"`
}

// SavingItem is one year of an item's savings profile in whole kroner.
type SavingItem struct {
	Year      int   `json:"year"`
	AmountDKK int64 `json:"amount_dkk"`
}

// ContactItem is an item's function mailbox.
type ContactItem struct {
	Role  string `json:"role"`
	Email string `json:"email"`
}

// Input returns the item as the input a client would send to create it.
func (it Item) Input() domain.ProposalInput {
	in := domain.ProposalInput{
		Title:            it.Title,
		Summary:          it.Summary,
		Description:      it.Description,
		PolicyArea:       it.PolicyArea,
		MeasureType:      it.MeasureType,
		MunicipalityCode: it.MunicipalityCode,
		BudgetYear:       it.BudgetYear,
		InvestmentDKK:    it.InvestmentDKK,
		ReducesService:   it.ReducesService,
		EvidenceLevel:    it.EvidenceLevel,
		Tags:             append([]string(nil), it.Tags...),
		ExternalKey:      it.ExternalKey,
	}
	for _, s := range it.Savings {
		in.Savings = append(in.Savings, domain.Saving{Year: s.Year, AmountDKK: s.AmountDKK})
	}
	if it.Contact != nil {
		in.Contact = &domain.Contact{Role: it.Contact.Role, Email: it.Contact.Email}
	}
	return in
}

// Check validates the item with the domain rules and checks that its
// status can be reached by the seeding transitions.
func (it Item) Check() error {
	in := it.Input()
	in.Normalize()
	if err := in.Validate(); err != nil {
		return fmt.Errorf("demo: item %s: %w", it.ExternalKey, err)
	}
	switch it.Status {
	case domain.StatusDraft, domain.StatusSubmitted, domain.StatusPublished:
		if it.RejectReason != "" {
			return fmt.Errorf("demo: item %s: reject_reason on a %s item", it.ExternalKey, it.Status)
		}
	case domain.StatusRejected:
		if it.RejectReason == "" {
			return fmt.Errorf("demo: item %s: rejected item without reject_reason", it.ExternalKey)
		}
	default:
		return fmt.Errorf("demo: item %s: unsupported status %q", it.ExternalKey, it.Status)
	}
	return nil
}

// Load returns the embedded demo proposals.
func Load() ([]Item, error) {
	return Parse(proposalsJSON)
}

// Parse decodes a JSON array of items in the demo format, refusing unknown
// fields and duplicate or empty external keys. The search relevance corpus
// uses the same format.
func Parse(data []byte) ([]Item, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var items []Item
	if err := dec.Decode(&items); err != nil {
		return nil, fmt.Errorf("demo: decode items: %w", err)
	}
	seen := make(map[string]bool, len(items))
	for i, it := range items {
		if it.ExternalKey == "" {
			return nil, fmt.Errorf("demo: item %d has no external_key", i)
		}
		if seen[it.ExternalKey] {
			return nil, fmt.Errorf("demo: duplicate external_key %s", it.ExternalKey)
		}
		seen[it.ExternalKey] = true
	}
	return items, nil
}
