package domain

import (
	"context"
	"reflect"
	"slices"
	"time"
)

// FieldChange is one field that differs between two versions of a
// proposal. Field is the API name; From and To hold the field's values
// (string, int, int64, bool, []string, []Saving, *Contact, Status or
// *time.Time; per_resident_dkk is given in øre, as int64), From is nil in
// the first revision.
type FieldChange struct {
	Field string
	From  any
	To    any
}

// RevisionChanges is an audit row with the fields it changed compared
// with the revision before it.
type RevisionChanges struct {
	Revision
	Changes []FieldChange
}

// proposalFields lists the fields a revision diff compares, in display order.
var proposalFields = []struct {
	name string
	get  func(p *Proposal) any
}{
	{"status", func(p *Proposal) any { return p.Status }},
	{"title", func(p *Proposal) any { return p.Title }},
	{"summary", func(p *Proposal) any { return p.Summary }},
	{"description", func(p *Proposal) any { return p.Description }},
	{"policy_area", func(p *Proposal) any { return p.PolicyArea }},
	{"measure_type", func(p *Proposal) any { return p.MeasureType }},
	{"municipality_code", func(p *Proposal) any { return p.Municipality.Code }},
	{"budget_year", func(p *Proposal) any { return p.BudgetYear }},
	{"savings", func(p *Proposal) any { return slices.Clip(p.Savings) }},
	{"investment_dkk", func(p *Proposal) any { return p.InvestmentDKK }},
	{"reduces_service", func(p *Proposal) any { return p.ReducesService }},
	{"evidence_level", func(p *Proposal) any { return p.EvidenceLevel }},
	{"tags", func(p *Proposal) any { return slices.Clip(p.Tags) }},
	{"contact", func(p *Proposal) any { return p.Contact }},
	{"external_key", func(p *Proposal) any { return p.ExternalKey }},
	{"full_effect_dkk", func(p *Proposal) any { return p.FullEffectDKK }},
	{"population_used", func(p *Proposal) any { return p.PopulationUsed }},
	{"population_year", func(p *Proposal) any { return p.PopulationYear }},
	{"per_resident_dkk", func(p *Proposal) any { return p.PerResidentOre }},
	{"reject_reason", func(p *Proposal) any { return p.RejectReason }},
	{"merged_into", func(p *Proposal) any { return p.MergedInto }},
	{"adoption_count", func(p *Proposal) any { return p.AdoptionCount }},
	{"published_at", func(p *Proposal) any { return p.PublishedAt }},
}

// DiffProposals returns the fields whose values differ between before and
// after, in display order. A nil before (the first revision) lists every
// field that is set in after.
func DiffProposals(before, after *Proposal) []FieldChange {
	changes := []FieldChange{}
	for _, f := range proposalFields {
		to := f.get(after)
		if before == nil {
			if !isZeroValue(to) {
				changes = append(changes, FieldChange{Field: f.name, To: to})
			}
			continue
		}
		from := f.get(before)
		if !equalValues(from, to) {
			changes = append(changes, FieldChange{Field: f.name, From: from, To: to})
		}
	}
	return changes
}

// equalValues compares field values, treating nil and empty slices alike
// and times by instant.
func equalValues(a, b any) bool {
	if ta, ok := a.(*time.Time); ok {
		tb := b.(*time.Time)
		if ta == nil || tb == nil {
			return ta == tb
		}
		return ta.Equal(*tb)
	}
	if isZeroValue(a) && isZeroValue(b) {
		return true
	}
	return reflect.DeepEqual(a, b)
}

func isZeroValue(v any) bool {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice:
		return rv.Len() == 0
	case reflect.Invalid:
		return true
	}
	return rv.IsZero()
}

// DiffRevisions pairs each audit row (newest first, as ListRevisions gives
// them) with the fields it changed compared with the row before it.
func DiffRevisions(revs []Revision) []RevisionChanges {
	out := make([]RevisionChanges, len(revs))
	for i := range revs {
		var before *Proposal
		if i+1 < len(revs) {
			before = &revs[i+1].State
		}
		out[i] = RevisionChanges{Revision: revs[i], Changes: DiffProposals(before, &revs[i].State)}
	}
	return out
}

// HistoryChanges returns the audit rows of a proposal, newest first, each
// with the fields it changed: who changed what and when. The same people
// may read it as History.
func (s *Service) HistoryChanges(ctx context.Context, p Principal, id string) ([]RevisionChanges, error) {
	revs, err := s.History(ctx, p, id)
	if err != nil {
		return nil, err
	}
	return DiffRevisions(revs), nil
}
