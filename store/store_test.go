package store_test

import (
	"context"
	"testing"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

func TestService_FrederikssundPerResident(t *testing.T) {
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		svc, _ := testutil.NewService(t, db)
		pr := testutil.MustCreateProposal(t, svc, domain.System, testutil.ValidProposalInput())
		got, err := db.FindProposalByID(context.Background(), pr.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.PerResidentOre != 1941 || got.PopulationYear != 2024 || got.PopulationUsed != 46358 {
			t.Fatalf("per resident %d øre from %d (%d), want 1941 from 46358 (2024)", got.PerResidentOre, got.PopulationUsed, got.PopulationYear)
		}
		if got.Ref != "IB-2025-0001" || got.Municipality.Name != "Frederikssund" {
			t.Fatalf("ref %q municipality %+v", got.Ref, got.Municipality)
		}
	})
}
