package domain

import (
	"context"
	"fmt"
)

// ActionMergedFrom is the audit action recorded on the target of a merge:
// another proposal was merged into it and its adoptions moved here.
const ActionMergedFrom Action = "merged_from"

// MergeStore persists a merge.
type MergeStore interface {
	// MergeProposal stores dup (now merged, version incremented) and target
	// (version incremented) in one transaction: it moves dup's adoptions to
	// target as domain.MergeAdoptions decides, recomputes both adoption
	// counts, points proposals already merged into dup at target, and writes
	// an audit row (dupChange resp. targetChange) and an outbox row for
	// each. It returns ErrVersionConflict if either stored version moved on.
	MergeProposal(ctx context.Context, dup, target *Proposal, dupChange, targetChange Change) error
}

// Merge marks proposal id (at version) as a duplicate of proposal into: the
// duplicate becomes merged and points to into, its adoptions move to into,
// and both record the merge in their history. Only editors merge, only a
// published proposal into another published one. It returns the target.
func (s *Service) Merge(ctx context.Context, p Principal, id string, version int, into string) (*Proposal, error) {
	dup, err := s.Proposals.FindProposalByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := p.Authorize(dup, ActionMerge); err != nil {
		return nil, err
	}
	if dup.Version != version {
		return nil, ErrVersionConflict
	}
	target, err := s.mergeTarget(ctx, p, dup, into)
	if err != nil {
		return nil, err
	}
	now := s.now()
	dup.Status = StatusMerged
	dup.MergedInto = target.ID
	dup.AdoptionCount = 0
	dup.AdoptedBy = []string{}
	dup.Version++
	dup.UpdatedAt = now
	target.Version++
	target.UpdatedAt = now
	dupChange := Change{Action: ActionMerge, Actor: p, Reason: fmt.Sprintf("Sammenlagt med %s (%s).", target.Ref, target.ID)}
	targetChange := Change{Action: ActionMergedFrom, Actor: p, Reason: fmt.Sprintf("%s (%s) er lagt sammen hermed.", dup.Ref, dup.ID)}
	if err := s.Curation.MergeProposal(ctx, dup, target, dupChange, targetChange); err != nil {
		return nil, err
	}
	return s.Proposals.FindProposalByID(ctx, target.ID)
}

// mergeTarget finds the proposal dup may be merged into: another, published one.
func (s *Service) mergeTarget(ctx context.Context, p Principal, dup *Proposal, into string) (*Proposal, error) {
	if into == "" {
		return nil, Invalid("/into", "Angiv id på det forslag, der skal lægges sammen med.")
	}
	if into == dup.ID {
		return nil, Invalid("/into", "Et forslag kan ikke lægges sammen med sig selv.")
	}
	target, err := s.GetProposal(ctx, p, into)
	if IsNotFound(err) {
		return nil, Invalid("/into", "Forslaget, der skal lægges sammen med, findes ikke.")
	}
	if err != nil {
		return nil, err
	}
	if target.Status != StatusPublished {
		return nil, Invalid("/into", "Der kan kun lægges sammen med et offentliggjort forslag.")
	}
	return target, nil
}
