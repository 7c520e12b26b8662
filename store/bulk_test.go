package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

func TestBulkInsertProposals_StoresAsGivenAndAdvancesRefs(t *testing.T) {
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		svc, _ := newService(t, db)
		now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
		var ps []*domain.Proposal
		for _, ref := range []string{"IB-2025-0007", "IB-2025-0003"} {
			in := testutil.ValidProposalInput()
			pr := &domain.Proposal{
				ID: domain.NewID(now), Ref: ref, Status: domain.StatusPublished, Version: 3,
				Title: in.Title, Summary: in.Summary, Description: in.Description,
				PolicyArea: in.PolicyArea, MeasureType: in.MeasureType,
				Municipality: domain.MunicipalityRef{Code: in.MunicipalityCode}, BudgetYear: in.BudgetYear,
				Savings: in.Savings, EvidenceLevel: in.EvidenceLevel, Tags: in.Tags,
				CreatedAt: now, UpdatedAt: now, PublishedAt: &now,
			}
			pr.ApplyFigures(domain.PopulationFigure{Code: in.MunicipalityCode, Year: 2024, Population: 45000})
			ps = append(ps, pr)
		}
		if err := db.BulkInsertProposals(ctx, ps); err != nil {
			t.Fatalf("BulkInsertProposals: %v", err)
		}
		got := mustFind(t, db, ps[0].ID)
		if got.Ref != "IB-2025-0007" || got.Status != domain.StatusPublished || got.Version != 3 || got.PerResidentOre != ps[0].PerResidentOre {
			t.Errorf("stored %s %s v%d %d øre; want IB-2025-0007 published v3 %d øre", got.Ref, got.Status, got.Version, got.PerResidentOre, ps[0].PerResidentOre)
		}
		n := 0
		if err := db.EachPublished(ctx, 10, func(b []*domain.Proposal) error { n += len(b); return nil }); err != nil || n != 2 {
			t.Errorf("EachPublished saw %d proposals (err %v), want 2", n, err)
		}
		next := testutil.MustCreateProposal(t, svc, domain.System, testutil.ValidProposalInput())
		if next.Ref != "IB-2025-0008" {
			t.Errorf("next ref %s, want IB-2025-0008", next.Ref)
		}
	})
}
