package store_test

import (
	"context"
	"errors"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

func testOutbox(t *testing.T, db *store.DB) {
	svc, _ := newService(t, db)
	ctx := context.Background()
	a := testutil.MustCreatePublished(t, svc, testutil.ValidProposalInput()) // create + publish
	b := testutil.MustCreateProposal(t, svc, domain.System, testutil.ValidProposalInput())

	pending, err := db.PendingOutbox(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]string, len(pending))
	for i, e := range pending {
		got[i] = e.ProposalID
	}
	if want := []string{a.ID, a.ID, b.ID}; !slices.Equal(got, want) {
		t.Fatalf("outbox proposals %v, want %v (one per write, oldest first)", got, want)
	}
	first, err := db.PendingOutbox(ctx, 1)
	if err != nil || len(first) != 1 || first[0] != pending[0] {
		t.Fatalf("PendingOutbox(1) = %v, %v; want %v", first, err, pending[:1])
	}
	if err := db.DeleteOutbox(ctx, []int64{pending[0].ID, pending[1].ID}); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteOutbox(ctx, nil); err != nil {
		t.Fatal(err)
	}
	rest, err := db.PendingOutbox(ctx, 10)
	if err != nil || len(rest) != 1 || rest[0] != pending[2] {
		t.Fatalf("after delete: %v, %v; want %v", rest, err, pending[2:])
	}
}

func testOutboxWriteSignal(t *testing.T, db *store.DB) {
	svc, _ := newService(t, db)
	ctx := context.Background()
	var signals atomic.Int32
	db.OnOutboxWrite(func() { signals.Add(1) })
	t.Cleanup(func() { db.OnOutboxWrite(func() {}) })

	p := testutil.MustCreatePublished(t, svc, testutil.ValidProposalInput()) // create + publish
	if got := signals.Load(); got != 2 {
		t.Errorf("%d signals after two committed writes, want 2", got)
	}
	title := "Forældet version"
	_, err := svc.UpdateProposal(ctx, domain.System, p.ID, p.Version-1, domain.ProposalPatch{Title: &title})
	if !errors.Is(err, domain.ErrVersionConflict) {
		t.Fatalf("stale update: %v, want a version conflict", err)
	}
	if got := signals.Load(); got != 2 {
		t.Errorf("%d signals after a failed write, want still 2", got)
	}
}

func testPublishedVersions(t *testing.T, db *store.DB) {
	svc, _ := newService(t, db)
	ctx := context.Background()
	var published []string
	for i := range 5 {
		pr := testutil.MustCreateProposal(t, svc, domain.System, testutil.ValidProposalInput())
		if i%2 == 0 {
			published = append(published, testutil.MustPublish(t, svc, pr).ID)
		}
	}
	slices.Sort(published)

	versions, err := db.PublishedVersions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(versions) != len(published) {
		t.Fatalf("published versions %v, want %d entries", versions, len(published))
	}
	for _, id := range published {
		if versions[id] != 2 {
			t.Errorf("version of %s = %d, want 2", id, versions[id])
		}
	}

	var batches [][]string
	err = db.EachPublished(ctx, 2, func(ps []*domain.Proposal) error {
		var ids []string
		for _, p := range ps {
			if p.Status != domain.StatusPublished || p.Municipality.Name == "" {
				t.Errorf("batch holds %s with status %s and municipality %+v", p.ID, p.Status, p.Municipality)
			}
			ids = append(ids, p.ID)
		}
		batches = append(batches, ids)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(batches) != 2 || !slices.Equal(slices.Concat(batches...), published) || len(batches[0]) != 2 {
		t.Fatalf("batches %v, want %v in batches of 2", batches, published)
	}

	stop := errors.New("stop")
	calls := 0
	err = db.EachPublished(ctx, 1, func([]*domain.Proposal) error { calls++; return stop })
	if !errors.Is(err, stop) || calls != 1 {
		t.Fatalf("EachPublished returned %v after %d calls, want stop after 1", err, calls)
	}
}
