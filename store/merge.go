package store

import (
	"context"
	"fmt"
	"sort"

	"gorm.io/gorm"

	"github.com/idebank/idebank/domain"
)

// MergeProposal stores dup (now merged) and target, both with their
// version already incremented, in one transaction: dup's adoptions move to
// target as domain.MergeAdoptions decides, both adoption counts are
// recomputed, and each gets an audit row and an outbox row. It returns
// domain.ErrVersionConflict if either stored version moved on.
func (db *DB) MergeProposal(ctx context.Context, dup, target *domain.Proposal, dupChange, targetChange domain.Change) error {
	return db.outboxTx(ctx, func(tx *gorm.DB) error {
		ids := []string{dup.ID, target.ID}
		sort.Strings(ids) // one lock order, so two merges cannot deadlock
		for _, id := range ids {
			if _, err := db.lockProposal(tx, id); err != nil {
				return err
			}
		}
		if err := moveAdoptions(tx, dup.ID, target.ID); err != nil {
			return err
		}
		var err error
		if dup.AdoptionCount, err = recountAdoptions(tx, dup.ID); err != nil {
			return err
		}
		if target.AdoptionCount, err = recountAdoptions(tx, target.ID); err != nil {
			return err
		}
		if err := db.fillAdoptedBy(tx, []*domain.Proposal{dup, target}); err != nil {
			return err
		}
		if err := db.updateProposalTx(tx, dup, dupChange); err != nil {
			return err
		}
		return db.updateProposalTx(tx, target, targetChange)
	})
}

// moveAdoptions moves the adoptions of proposal from to proposal to,
// keeping one row per municipality (see domain.MergeAdoptions).
func moveAdoptions(tx *gorm.DB, from, to string) error {
	fromRows, err := listAdoptions(tx, from)
	if err != nil {
		return err
	}
	toRows, err := listAdoptions(tx, to)
	if err != nil {
		return err
	}
	have := make(map[string]bool, len(toRows))
	for _, a := range toRows {
		have[a.Municipality.Code] = true
	}
	if err := tx.Where("proposal_id = ?", from).Delete(&adoptionRow{}).Error; err != nil {
		return wrap(err, "delete adoptions of %s", from)
	}
	for _, a := range domain.MergeAdoptions(to, fromRows, toRows) {
		if err := saveAdoptionRow(tx, adoptionFromDomain(&a), !have[a.Municipality.Code]); err != nil {
			return err
		}
	}
	return nil
}

// DuplicateCandidates returns the proposals, other than pr, that are not
// deleted or merged and share pr's policy area, of any budget year.
func (db *DB) DuplicateCandidates(ctx context.Context, pr *domain.Proposal) ([]*domain.Proposal, error) {
	var rows []proposalRow
	err := db.proposalsJoined(ctx).Select(proposalColumns).
		Where("p.policy_area = ? AND p.id <> ? AND p.status <> ?", pr.PolicyArea, pr.ID, domain.StatusMerged).
		Order("p.id").Find(&rows).Error
	if err != nil {
		return nil, wrap(err, "duplicate candidates of %s", pr.ID)
	}
	out, err := proposalsToDomain(rows)
	if err != nil {
		return nil, fmt.Errorf("store: duplicate candidates of %s: %w", pr.ID, err)
	}
	return out, nil
}
