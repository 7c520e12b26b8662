package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

// storeCases is the one table of storage behaviours; each case runs on a
// fresh database of every back end (see TestStore).
var storeCases = []struct {
	name string
	run  func(t *testing.T, db *store.DB)
}{
	{"CreateAssignsSequentialRefsPerBudgetYear", testCreateAssignsRefs},
	{"CreateRoundTripsEveryField", testCreateRoundTrips},
	{"ServiceComputesPerResidentFromBudgetYearPopulation", testServicePerResident},
	{"ConcurrentCreatesAllSucceedWithUniqueRefs", testConcurrentCreates},
	{"UpdateStoresNewState", testUpdateStoresNewState},
	{"UpdateWithStaleVersionIsRefusedAndRowUnchanged", testUpdateStaleVersion},
	{"UpdateOfMissingProposalIsNotFound", testUpdateMissing},
	{"ExternalKeyIsUniqueWhenSet", testExternalKeyUnique},
	{"SoftDeletedProposalIsHidden", testSoftDeleteHidden},
	{"RevisionsAreNewestFirstWithFullState", testRevisions},
	{"OutboxRowPerWriteAndDelete", testOutbox},
	{"OutboxWriteSignalledAfterCommitOnly", testOutboxWriteSignal},
	{"PublishedVersionsAndEachPublished", testPublishedVersions},
	{"ListFilters", testListFilters},
	{"ListPrivateMunicipalityRule", testListPrivateMunicipality},
	{"ListSortsAndPages", testListSortsAndPages},
	{"PopulationForUsesNewestYearNotAfterBudgetYear", testPopulationFor},
	{"MunicipalitiesListAndFind", testMunicipalities},
	{"LoadMunicipalitiesIsIdempotent", testLoadMunicipalitiesTwice},
	{"MunicipalityStatsCountPublishedOnly", testMunicipalityStats},
	{"UsersHaveUniqueEmails", testUsers},
	{"TokensFindTheirUser", testTokens},
}

func TestStore(t *testing.T) {
	for _, c := range storeCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			testutil.ForEachBackend(t, c.run)
		})
	}
}

// frozen is the time the service's clock is set to by newService.
var frozen = time.Date(2025, 3, 14, 9, 26, 53, 589793000, time.UTC)

// newService returns a service on db with its clock frozen at frozen.
func newService(t *testing.T, db *store.DB) (*domain.Service, *testutil.Clock) {
	t.Helper()
	svc, clock := testutil.NewService(t, db)
	clock.Set(frozen)
	return svc, clock
}

// mustErrIs fails the test unless err wraps target.
func mustErrIs(t *testing.T, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Fatalf("error = %v, want %v", err, target)
	}
}

// mustFind returns the stored proposal id or fails.
func mustFind(t *testing.T, db *store.DB, id string) *domain.Proposal {
	t.Helper()
	p, err := db.FindProposalByID(context.Background(), id)
	if err != nil {
		t.Fatalf("find %s: %v", id, err)
	}
	return p
}
