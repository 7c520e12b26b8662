package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

func testCreateAssignsRefs(t *testing.T, db *store.DB) {
	svc, _ := newService(t, db)
	in2026 := testutil.ValidProposalInput()
	in2026.BudgetYear = 2026
	in2026.Savings = []domain.Saving{{Year: 2026, AmountDKK: 100000}}
	want := []struct {
		in  domain.ProposalInput
		ref string
	}{
		{testutil.ValidProposalInput(), "IB-2025-0001"},
		{testutil.ValidProposalInput(), "IB-2025-0002"},
		{in2026, "IB-2026-0001"},
		{testutil.ValidProposalInput(), "IB-2025-0003"},
	}
	for _, w := range want {
		pr := testutil.MustCreateProposal(t, svc, domain.System, w.in)
		if pr.Ref != w.ref || pr.Version != 1 {
			t.Fatalf("ref %q version %d, want %q version 1", pr.Ref, pr.Version, w.ref)
		}
		if got := mustFind(t, db, pr.ID).Ref; got != w.ref {
			t.Fatalf("stored ref %q, want %q", got, w.ref)
		}
	}
}

func testCreateRoundTrips(t *testing.T, db *store.DB) {
	svc, _ := newService(t, db)
	in := testutil.ValidProposalInput()
	in.ExternalKey = "fr-2025-17"
	in.ReducesService = true
	pr := testutil.MustCreateProposal(t, svc, domain.System, in)
	got := mustFind(t, db, pr.ID)
	if diff := cmp.Diff(pr, got, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("stored proposal differs (-created +found):\n%s", diff)
	}
	if got.Municipality != (domain.MunicipalityRef{Code: "250", Name: "Frederikssund", Region: "Region Hovedstaden"}) {
		t.Fatalf("municipality = %+v", got.Municipality)
	}
	if !got.CreatedAt.Equal(frozen) {
		t.Fatalf("created_at = %v, want %v", got.CreatedAt, frozen)
	}
}

func testServicePerResident(t *testing.T, db *store.DB) {
	svc, _ := newService(t, db)
	pr := testutil.MustCreateProposal(t, svc, domain.System, testutil.ValidProposalInput())
	got := mustFind(t, db, pr.ID)
	if got.FullEffectDKK != 900000 || got.PopulationUsed != 46358 || got.PopulationYear != 2024 || got.PerResidentOre != 1941 {
		t.Fatalf("full effect %d, population %d (%d), per resident %d øre; want 900000, 46358 (2024), 1941",
			got.FullEffectDKK, got.PopulationUsed, got.PopulationYear, got.PerResidentOre)
	}
	if s := domain.FormatOre(got.PerResidentOre); s != "19,41" {
		t.Fatalf("formatted %q, want 19,41", s)
	}
}

func testConcurrentCreates(t *testing.T, db *store.DB) {
	svc, _ := newService(t, db)
	const n = 12
	refs := make(chan string, n)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			pr, err := svc.CreateProposal(context.Background(), domain.System, testutil.ValidProposalInput())
			if err != nil {
				t.Error(err)
				return
			}
			refs <- pr.Ref
		})
	}
	wg.Wait()
	close(refs)
	seen := map[string]bool{}
	for r := range refs {
		seen[r] = true
	}
	for i := 1; i <= n; i++ {
		if ref := fmt.Sprintf("IB-2025-%04d", i); !seen[ref] {
			t.Errorf("ref %s was not assigned (got %v)", ref, seen)
		}
	}
}

// mustUpdate stores p as the next version through the store directly.
func mustUpdate(t *testing.T, db *store.DB, p *domain.Proposal) {
	t.Helper()
	p.Version++
	if err := db.UpdateProposal(context.Background(), p, domain.Change{Action: domain.ActionEdit, Actor: domain.System}); err != nil {
		t.Fatalf("update %s: %v", p.ID, err)
	}
}

func testUpdateStoresNewState(t *testing.T, db *store.DB) {
	svc, _ := newService(t, db)
	pr := testutil.MustCreateProposal(t, svc, domain.System, testutil.ValidProposalInput())
	title, key := "Ny titel på forslaget", "ny-nøgle"
	upd, err := svc.UpdateProposal(context.Background(), domain.System, pr.ID, 1, domain.ProposalPatch{
		Title: &title, ExternalKey: &key, ClearContact: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	got := mustFind(t, db, pr.ID)
	if diff := cmp.Diff(upd, got, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("stored proposal differs (-updated +found):\n%s", diff)
	}
	if got.Version != 2 || got.Title != title || got.Contact != nil || got.ExternalKey != key || got.Ref != pr.Ref {
		t.Fatalf("stored %+v", got)
	}
}

func testUpdateStaleVersion(t *testing.T, db *store.DB) {
	svc, _ := newService(t, db)
	pr := testutil.MustCreateProposal(t, svc, domain.System, testutil.ValidProposalInput())
	first := mustFind(t, db, pr.ID)
	first.Title = "Første redaktørs ændring"
	mustUpdate(t, db, first)

	second := *pr // still based on version 1
	second.Title = "Anden redaktørs ændring"
	second.Version = 2
	err := db.UpdateProposal(context.Background(), &second, domain.Change{Action: domain.ActionEdit, Actor: domain.System})
	mustErrIs(t, err, domain.ErrVersionConflict)

	got := mustFind(t, db, pr.ID)
	if got.Title != "Første redaktørs ændring" || got.Version != 2 {
		t.Fatalf("stored title %q version %d; the stale update changed the row", got.Title, got.Version)
	}
	revs, err := db.ListRevisions(context.Background(), pr.ID)
	if err != nil || len(revs) != 2 {
		t.Fatalf("revisions = %d, %v; want 2 (the refused update writes none)", len(revs), err)
	}
}

func testUpdateMissing(t *testing.T, db *store.DB) {
	svc, _ := newService(t, db)
	pr := testutil.MustCreateProposal(t, svc, domain.System, testutil.ValidProposalInput())
	pr.ID = domain.NewID(frozen)
	pr.Version = 2
	err := db.UpdateProposal(context.Background(), pr, domain.Change{Action: domain.ActionEdit, Actor: domain.System})
	mustErrIs(t, err, domain.ErrNotFound)
	_, err = db.FindProposalByID(context.Background(), pr.ID)
	mustErrIs(t, err, domain.ErrNotFound)
}

func testExternalKeyUnique(t *testing.T, db *store.DB) {
	svc, _ := newService(t, db)
	ctx := context.Background()
	withKey := func(key string) domain.ProposalInput {
		in := testutil.ValidProposalInput()
		in.ExternalKey = key
		return in
	}
	testutil.MustCreateProposal(t, svc, domain.System, withKey("import-1"))
	_, err := svc.CreateProposal(ctx, domain.System, withKey("import-1"))
	mustErrIs(t, err, domain.ErrConflict)

	// Proposals without a key never clash, and the refused create used no ref.
	a := testutil.MustCreateProposal(t, svc, domain.System, withKey(""))
	testutil.MustCreateProposal(t, svc, domain.System, withKey(""))
	if a.Ref != "IB-2025-0002" {
		t.Fatalf("ref after a refused create = %q, want IB-2025-0002", a.Ref)
	}

	key := "import-1"
	_, err = svc.UpdateProposal(ctx, domain.System, a.ID, a.Version, domain.ProposalPatch{ExternalKey: &key})
	mustErrIs(t, err, domain.ErrConflict)
}

func testSoftDeleteHidden(t *testing.T, db *store.DB) {
	svc, _ := newService(t, db)
	ctx := context.Background()
	kept := testutil.MustCreatePublished(t, svc, testutil.ValidProposalInput())
	gone := testutil.MustCreatePublished(t, svc, testutil.ValidProposalInput())
	if err := svc.DeleteProposal(ctx, domain.System, gone.ID, gone.Version); err != nil {
		t.Fatal(err)
	}
	_, err := db.FindProposalByID(ctx, gone.ID)
	mustErrIs(t, err, domain.ErrNotFound)

	page, err := db.ListProposals(ctx, domain.ProposalFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 1 || len(page.Items) != 1 || page.Items[0].ID != kept.ID {
		t.Fatalf("list after delete: total %d items %d; want only %s", page.Total, len(page.Items), kept.ID)
	}
	versions, err := db.PublishedVersions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := versions[gone.ID]; ok || len(versions) != 1 {
		t.Fatalf("published versions %v still hold the deleted proposal", versions)
	}
	gone.Version = 4
	err = db.UpdateProposal(ctx, gone, domain.Change{Action: domain.ActionEdit, Actor: domain.System})
	mustErrIs(t, err, domain.ErrNotFound)
}

func testRevisions(t *testing.T, db *store.DB) {
	svc, clock := newService(t, db)
	ctx := context.Background()
	_, staff := testutil.MustCreateUser(t, svc, domain.RoleStaff, "250")
	pr := testutil.MustCreateProposal(t, svc, staff, testutil.ValidProposalInput())
	clock.Advance(time.Hour)
	pr, err := svc.Transition(ctx, staff, pr.ID, pr.Version, domain.ActionSubmit, "")
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Hour)
	rejected := testutil.MustTransition(t, svc, pr, domain.ActionReject, "Mangler tal for 2026.")

	revs, err := db.ListRevisions(ctx, pr.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		version int
		action  domain.Action
		actor   string
		status  domain.Status
		at      time.Time
		reason  string
	}{
		{3, domain.ActionReject, "system", domain.StatusRejected, frozen.Add(2 * time.Hour), "Mangler tal for 2026."},
		{2, domain.ActionSubmit, staff.Email, domain.StatusSubmitted, frozen.Add(time.Hour), ""},
		{1, domain.ActionCreate, staff.Email, domain.StatusDraft, frozen, ""},
	}
	if len(revs) != len(want) {
		t.Fatalf("%d revisions, want %d", len(revs), len(want))
	}
	for i, w := range want {
		r := revs[i]
		if r.ProposalID != pr.ID || r.Version != w.version || r.Action != w.action || r.ActorEmail != w.actor ||
			r.State.Status != w.status || !r.At.Equal(w.at) || r.Reason != w.reason {
			t.Errorf("revision %d = v%d %s by %s at %v (%q) state %s; want v%d %s by %s at %v (%q) state %s",
				i, r.Version, r.Action, r.ActorEmail, r.At, r.Reason, r.State.Status,
				w.version, w.action, w.actor, w.at, w.reason, w.status)
		}
	}
	if revs[2].ActorID != staff.UserID {
		t.Errorf("create actor id %q, want %q", revs[2].ActorID, staff.UserID)
	}
	if diff := cmp.Diff(*rejected, revs[0].State, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("newest revision state differs from the proposal (-proposal +state):\n%s", diff)
	}
}
