package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

// curationCases are the curation behaviours; each runs on a fresh database
// of every back end.
var curationCases = []struct {
	name string
	run  func(t *testing.T, db *store.DB)
}{
	{"RejectEditResubmitPublish", testRejectEditResubmitPublish},
	{"EditorQueueIsOldestSubmissionFirst", testEditorQueue},
	{"AdoptionsMaintainCountAndAdoptedBy", testAdoptions},
	{"AdoptionRules", testAdoptionRules},
	{"ConcurrentAdoptionsKeepTheCount", testConcurrentAdoptions},
	{"MunicipalityAdoptionsHaveTotals", testMunicipalityAdoptions},
	{"MergeLeavesOneAdoptionPerMunicipality", testMerge},
	{"MergeRefusesBadTargets", testMergeRefuses},
	{"DuplicatesAreRankedWithinPolicyArea", testDuplicates},
	{"HistoryShowsFieldChanges", testHistoryChanges},
	{"ImportDryRunWritesNothing", testImportDryRun},
	{"ImportTwiceLeavesEveryRowUnchanged", testImportTwice},
	{"ImportWithInvalidRowImportsNothing", testImportInvalid},
	{"ImportOverADeletedKeyIsARowError", testImportDeletedKey},
}

func TestCuration(t *testing.T) {
	for _, c := range curationCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			testutil.ForEachBackend(t, c.run)
		})
	}
}

// editorOf returns a new editor's principal.
func editorOf(t *testing.T, svc *domain.Service) domain.Principal {
	t.Helper()
	_, p := testutil.MustCreateUser(t, svc, domain.RoleEditor, "")
	return p
}

// staffOf returns a new staff principal of municipality code.
func staffOf(t *testing.T, svc *domain.Service, code string) domain.Principal {
	t.Helper()
	_, p := testutil.MustCreateUser(t, svc, domain.RoleStaff, code)
	return p
}

func mustAdopt(t *testing.T, svc *domain.Service, p domain.Principal, id, code string, status domain.AdoptionStatus, expected int64) {
	t.Helper()
	in := domain.AdoptionInput{Status: status, ExpectedDKK: expected, DecidedOn: "2025-02-01"}
	if _, _, err := svc.RecordAdoption(context.Background(), p, id, code, in); err != nil {
		t.Fatalf("adopt %s by %s: %v", id, code, err)
	}
}

func testRejectEditResubmitPublish(t *testing.T, db *store.DB) {
	ctx := context.Background()
	svc, clock := newService(t, db)
	staff, editor := staffOf(t, svc, testutil.FrederikssundCode), editorOf(t, svc)
	pr := testutil.MustCreateProposal(t, svc, staff, testutil.ValidProposalInput())
	pr, err := svc.Transition(ctx, staff, pr.ID, pr.Version, domain.ActionSubmit, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Transition(ctx, editor, pr.ID, pr.Version, domain.ActionReject, " "); err == nil {
		t.Fatal("reject without a reason was accepted")
	}
	pr, err = svc.Transition(ctx, editor, pr.ID, pr.Version, domain.ActionReject, "Angiv den realiserede besparelse.")
	if err != nil {
		t.Fatal(err)
	}
	seen, err := svc.GetProposal(ctx, staff, pr.ID)
	if err != nil {
		t.Fatal(err)
	}
	if seen.Status != domain.StatusRejected || seen.RejectReason != "Angiv den realiserede besparelse." {
		t.Fatalf("staff see status %s, reason %q", seen.Status, seen.RejectReason)
	}
	title := "Digital visitation på ældreområdet med realiseret effekt"
	pr, err = svc.UpdateProposal(ctx, staff, pr.ID, pr.Version, domain.ProposalPatch{Title: &title})
	if err != nil {
		t.Fatal(err)
	}
	if pr.Status != domain.StatusDraft {
		t.Fatalf("edited rejected proposal has status %s, want draft", pr.Status)
	}
	clock.Advance(time.Hour)
	pr, err = svc.Transition(ctx, staff, pr.ID, pr.Version, domain.ActionSubmit, "")
	if err != nil {
		t.Fatal(err)
	}
	pr, err = svc.Transition(ctx, editor, pr.ID, pr.Version, domain.ActionPublish, "")
	if err != nil {
		t.Fatal(err)
	}
	got := mustFind(t, db, pr.ID)
	if got.Status != domain.StatusPublished || got.PublishedAt == nil || !got.PublishedAt.Equal(frozen.Add(time.Hour)) {
		t.Errorf("published: status %s at %v", got.Status, got.PublishedAt)
	}
	if got.SubmittedAt == nil || !got.SubmittedAt.Equal(frozen.Add(time.Hour)) || got.RejectReason != "" {
		t.Errorf("submitted at %v, reject reason %q", got.SubmittedAt, got.RejectReason)
	}
}

func testEditorQueue(t *testing.T, db *store.DB) {
	ctx := context.Background()
	svc, clock := newService(t, db)
	editor := editorOf(t, svc)
	first := testutil.MustCreateProposal(t, svc, domain.System, testutil.ValidProposalInput())
	second := testutil.MustCreateProposal(t, svc, domain.System, testutil.ValidProposalInput())
	testutil.MustCreateProposal(t, svc, domain.System, testutil.ValidProposalInput()) // a draft stays out
	clock.Advance(time.Hour)
	testutil.MustTransition(t, svc, second, domain.ActionSubmit, "") // submitted first, though created later
	clock.Advance(time.Hour)
	testutil.MustTransition(t, svc, first, domain.ActionSubmit, "")
	page, err := svc.ListProposals(ctx, editor, domain.ProposalFilter{Statuses: []domain.Status{domain.StatusSubmitted}})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range page.Items {
		ids = append(ids, p.ID)
	}
	if diff := cmp.Diff([]string{second.ID, first.ID}, ids); diff != "" {
		t.Errorf("queue (-want +got):\n%s", diff)
	}
	if got := domain.QueueAgeDays(page.Items[0], frozen.Add(49*time.Hour)); got != 2 {
		t.Errorf("age = %d days, want 2", got)
	}
}

func testAdoptions(t *testing.T, db *store.DB) {
	ctx := context.Background()
	svc, _ := newService(t, db)
	pr := testutil.MustCreatePublished(t, svc, testutil.ValidProposalInput())
	aalborg, odense := staffOf(t, svc, "851"), staffOf(t, svc, "461")
	outboxBefore, _ := db.CountRows(ctx, "search_outbox")
	mustAdopt(t, svc, aalborg, pr.ID, "851", domain.AdoptionAdopted, 400000)
	mustAdopt(t, svc, odense, pr.ID, "461", domain.AdoptionConsidering, 0)
	got := mustFind(t, db, pr.ID)
	if got.AdoptionCount != 1 || !cmp.Equal(got.AdoptedBy, []string{"851"}) {
		t.Fatalf("count %d, adopted by %v; want 1, [851]", got.AdoptionCount, got.AdoptedBy)
	}
	if outbox, _ := db.CountRows(ctx, "search_outbox"); outbox != outboxBefore+2 {
		t.Errorf("outbox rows %d, want %d", outbox, outboxBefore+2)
	}
	a, created, err := svc.RecordAdoption(ctx, odense, pr.ID, "461", domain.AdoptionInput{Status: domain.AdoptionImplemented, RealisedDKK: 250000, ImplementedOn: "2025-06-01"})
	if err != nil || created {
		t.Fatalf("update adoption: created %v, err %v", created, err)
	}
	list, err := svc.ListAdoptions(ctx, domain.Public, pr.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Municipality.Code != "461" || list[0].Municipality.Name != "Odense" ||
		list[0].RealisedDKK != 250000 || !list[0].CreatedAt.Equal(a.CreatedAt) {
		t.Errorf("adoptions: %+v", list)
	}
	if got := mustFind(t, db, pr.ID); got.AdoptionCount != 2 {
		t.Errorf("count %d, want 2", got.AdoptionCount)
	}
	var published []*domain.Proposal
	err = db.EachPublished(ctx, 10, func(ps []*domain.Proposal) error { published = append(published, ps...); return nil })
	if err != nil || len(published) != 1 || !cmp.Equal(published[0].AdoptedBy, []string{"461", "851"}) {
		t.Errorf("EachPublished adopted by: %v (err %v)", published, err)
	}
}

func testAdoptionRules(t *testing.T, db *store.DB) {
	ctx := context.Background()
	svc, _ := newService(t, db)
	pr := testutil.MustCreatePublished(t, svc, testutil.ValidProposalInput())
	draft := testutil.MustCreateProposal(t, svc, domain.System, testutil.ValidProposalInput())
	aalborg, own, editor := staffOf(t, svc, "851"), staffOf(t, svc, testutil.FrederikssundCode), editorOf(t, svc)
	in := domain.AdoptionInput{Status: domain.AdoptionAdopted}
	tests := []struct {
		name     string
		p        domain.Principal
		id, code string
		want     error
	}{
		{"ErrStaffOfAnotherMunicipality", aalborg, pr.ID, "461", domain.ErrForbidden},
		{"ErrPublic", domain.Public, pr.ID, "851", domain.ErrUnauthorized},
		{"ErrDraftNotAdoptable", editor, draft.ID, "851", domain.ErrInvalidTransition},
		{"ErrUnknownMunicipality", editor, pr.ID, "998", domain.ErrNotFound},
		{"ErrUnknownProposal", editor, "nope", "851", domain.ErrNotFound},
	}
	for _, tt := range tests {
		_, _, err := svc.RecordAdoption(ctx, tt.p, tt.id, tt.code, in)
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
	}
	var v *domain.ValidationError
	if _, _, err := svc.RecordAdoption(ctx, own, pr.ID, testutil.FrederikssundCode, in); !errors.As(err, &v) {
		t.Errorf("own proposal: err = %v, want a validation error", err)
	}
	if _, _, err := svc.RecordAdoption(ctx, editor, pr.ID, "851", domain.AdoptionInput{Status: "x", ExpectedDKK: -1}); !errors.As(err, &v) || len(v.Problems) != 2 {
		t.Errorf("invalid input: err = %v, want two problems", err)
	}
}

func testMunicipalityAdoptions(t *testing.T, db *store.DB) {
	ctx := context.Background()
	svc, _ := newService(t, db)
	a := testutil.MustCreatePublished(t, svc, testutil.ValidProposalInput())
	b := testutil.MustCreatePublished(t, svc, testutil.ValidProposalInput())
	c := testutil.MustCreatePublished(t, svc, testutil.ValidProposalInput())
	editor := editorOf(t, svc)
	mustAdopt(t, svc, editor, a.ID, "851", domain.AdoptionAdopted, 100000)
	mustAdopt(t, svc, editor, b.ID, "851", domain.AdoptionDropped, 500000)
	mustAdopt(t, svc, editor, c.ID, "851", domain.AdoptionImplemented, 200000)
	l, err := svc.MunicipalityAdoptions(ctx, "851")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Items) != 3 || l.TotalExpectedDKK != 300000 || l.CountedItems != 2 || l.Municipality.Name != "Aalborg" {
		t.Errorf("list: %d items, expected %d over %d, %s", len(l.Items), l.TotalExpectedDKK, l.CountedItems, l.Municipality.Name)
	}
	if p := l.Items[0].Proposal; p.Title == "" || p.Municipality.Name != "Frederikssund" || p.FullEffectDKK != 900000 {
		t.Errorf("proposal summary: %+v", p)
	}
	if _, err := svc.MunicipalityAdoptions(ctx, "998"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown municipality: err = %v", err)
	}
}

func testMerge(t *testing.T, db *store.DB) {
	ctx := context.Background()
	svc, _ := newService(t, db)
	editor := editorOf(t, svc)
	target := testutil.MustCreatePublished(t, svc, testutil.ValidProposalInput())
	dup := testutil.MustCreatePublished(t, svc, testutil.ValidProposalInput())
	mustAdopt(t, svc, editor, target.ID, "851", domain.AdoptionConsidering, 1)
	mustAdopt(t, svc, editor, dup.ID, "851", domain.AdoptionImplemented, 2)
	mustAdopt(t, svc, editor, dup.ID, "461", domain.AdoptionAdopted, 3)
	mustAdopt(t, svc, editor, target.ID, "101", domain.AdoptionAdopted, 4)
	dup = mustFind(t, db, dup.ID)
	target = mustFind(t, db, target.ID)
	if _, err := svc.Merge(ctx, editor, dup.ID, dup.Version-1, target.ID); !errors.Is(err, domain.ErrVersionConflict) {
		t.Fatalf("stale merge: err = %v", err)
	}
	got, err := svc.Merge(ctx, editor, dup.ID, dup.Version, target.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != target.ID || got.AdoptionCount != 3 || !cmp.Equal(got.AdoptedBy, []string{"101", "461", "851"}) || got.Version != target.Version+1 {
		t.Errorf("target: count %d, adopted by %v, version %d", got.AdoptionCount, got.AdoptedBy, got.Version)
	}
	list, err := svc.ListAdoptions(ctx, editor, target.ID)
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]domain.AdoptionStatus{}
	for _, a := range list {
		codes[a.Municipality.Code] = a.Status
	}
	want := map[string]domain.AdoptionStatus{"101": domain.AdoptionAdopted, "461": domain.AdoptionAdopted, "851": domain.AdoptionImplemented}
	if diff := cmp.Diff(want, codes); diff != "" {
		t.Errorf("adoptions of target (-want +got):\n%s", diff)
	}
	merged := mustFind(t, db, dup.ID)
	if merged.Status != domain.StatusMerged || merged.MergedInto != target.ID || merged.AdoptionCount != 0 {
		t.Errorf("duplicate: status %s, merged into %q, count %d", merged.Status, merged.MergedInto, merged.AdoptionCount)
	}
	if n, _ := db.CountRows(ctx, "adoptions"); n != 3 {
		t.Errorf("%d adoption rows, want 3", n)
	}
	for id, action := range map[string]domain.Action{dup.ID: domain.ActionMerge, target.ID: domain.ActionMergedFrom} {
		revs, err := db.ListRevisions(ctx, id)
		if err != nil || len(revs) == 0 || revs[0].Action != action || revs[0].ActorID != editor.UserID {
			t.Errorf("newest revision of %s: %+v (err %v), want %s", id, revs[0], err, action)
		}
	}
}

func testMergeRefuses(t *testing.T, db *store.DB) {
	ctx := context.Background()
	svc, _ := newService(t, db)
	editor := editorOf(t, svc)
	dup := testutil.MustCreatePublished(t, svc, testutil.ValidProposalInput())
	draft := testutil.MustCreateProposal(t, svc, domain.System, testutil.ValidProposalInput())
	var v *domain.ValidationError
	for name, into := range map[string]string{"self": dup.ID, "draft": draft.ID, "missing": "nope", "empty": ""} {
		if _, err := svc.Merge(ctx, editor, dup.ID, dup.Version, into); !errors.As(err, &v) {
			t.Errorf("merge into %s: err = %v, want a validation error", name, err)
		}
	}
	if _, err := svc.Merge(ctx, editor, draft.ID, draft.Version, dup.ID); !errors.Is(err, domain.ErrInvalidTransition) {
		t.Errorf("merge a draft: err = %v, want ErrInvalidTransition", err)
	}
	staff := staffOf(t, svc, testutil.FrederikssundCode)
	if _, err := svc.Merge(ctx, staff, dup.ID, dup.Version, draft.ID); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("staff merge: err = %v, want ErrForbidden", err)
	}
}

func testDuplicates(t *testing.T, db *store.DB) {
	ctx := context.Background()
	svc, _ := newService(t, db)
	editor := editorOf(t, svc)
	pr := testutil.MustCreatePublished(t, svc, testutil.ValidProposalInput())
	twin := testutil.ValidProposalInput()
	twin.BudgetYear, twin.Savings = 2022, []domain.Saving{{Year: 2022, AmountDKK: 100}}
	twin.Title = "Digital visitation i ældreplejen"
	twinPr := testutil.MustCreateProposal(t, svc, domain.System, twin)
	otherArea := testutil.ValidProposalInput()
	otherArea.PolicyArea = "skole"
	testutil.MustCreatePublished(t, svc, otherArea)
	got, err := svc.DuplicatesOf(ctx, editor, pr.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Proposal.ID != twinPr.ID || got[0].Score < 0.5 {
		t.Errorf("duplicates: %+v", got)
	}
	if _, err := svc.DuplicatesOf(ctx, staffOf(t, svc, "250"), pr.ID); !errors.Is(err, domain.ErrForbidden) {
		t.Errorf("staff: err = %v, want ErrForbidden", err)
	}
}

func testHistoryChanges(t *testing.T, db *store.DB) {
	ctx := context.Background()
	svc, _ := newService(t, db)
	editor := editorOf(t, svc)
	pr := testutil.MustCreateProposal(t, svc, domain.System, testutil.ValidProposalInput())
	title := "Digital visitation i hele ældreplejen"
	if _, err := svc.UpdateProposal(ctx, editor, pr.ID, pr.Version, domain.ProposalPatch{Title: &title}); err != nil {
		t.Fatal(err)
	}
	hist, err := svc.HistoryChanges(ctx, editor, pr.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || hist[0].ActorEmail != editor.Email {
		t.Fatalf("history: %+v", hist)
	}
	want := []domain.FieldChange{{Field: "title", From: testutil.ValidProposalInput().Title, To: title}}
	if diff := cmp.Diff(want, hist[0].Changes); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
}

func importRows(n int) []domain.ImportRow {
	rows := make([]domain.ImportRow, n)
	for i := range rows {
		in := testutil.ValidProposalInput()
		in.ExternalKey = "kl-" + string(rune('a'+i))
		rows[i] = domain.ImportRow{Row: i + 2, Input: in}
	}
	return rows
}

func testImportDryRun(t *testing.T, db *store.DB) {
	ctx := context.Background()
	svc, _ := newService(t, db)
	rep, err := svc.Import(ctx, editorOf(t, svc), importRows(3), domain.ImportOptions{DryRun: true, Publish: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Created != 3 || rep.Imported {
		t.Errorf("report: %+v", rep)
	}
	for _, table := range []string{"proposals", "proposal_revisions", "search_outbox", "ref_sequences"} {
		if n, _ := db.CountRows(ctx, table); n != 0 {
			t.Errorf("dry run wrote %d rows to %s", n, table)
		}
	}
}

func testImportTwice(t *testing.T, db *store.DB) {
	ctx := context.Background()
	svc, _ := newService(t, db)
	editor := editorOf(t, svc)
	rep, err := svc.Import(ctx, editor, importRows(3), domain.ImportOptions{Publish: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Created != 3 || !rep.Imported {
		t.Fatalf("first: %+v", rep)
	}
	revisions, _ := db.CountRows(ctx, "proposal_revisions")
	rep, err = svc.Import(ctx, editor, importRows(3), domain.ImportOptions{Publish: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Unchanged != 3 || rep.Created+rep.Updated+rep.Failed != 0 {
		t.Errorf("second: %+v", rep)
	}
	if n, _ := db.CountRows(ctx, "proposal_revisions"); n != revisions {
		t.Errorf("second import wrote %d revisions", n-revisions)
	}
	rows := importRows(3)
	rows[1].Input.Summary = "Ny opsummering."
	rep, err = svc.Import(ctx, editor, rows, domain.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Updated != 1 || rep.Unchanged != 2 {
		t.Errorf("third: %+v", rep)
	}
	p := mustFind(t, db, rep.Rows[1].ProposalID)
	if p.Summary != "Ny opsummering." || p.Version != 2 || p.Status != domain.StatusPublished || p.ExternalKey != "kl-b" {
		t.Errorf("updated: %q v%d %s %q", p.Summary, p.Version, p.Status, p.ExternalKey)
	}
}

func testImportInvalid(t *testing.T, db *store.DB) {
	ctx := context.Background()
	svc, _ := newService(t, db)
	rows := importRows(3)
	rows[2].Input.MunicipalityCode = "998"
	rep, err := svc.Import(ctx, editorOf(t, svc), rows, domain.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed != 1 || rep.Imported || rep.Rows[0].Result != domain.ImportSkipped {
		t.Errorf("report: %+v", rep)
	}
	if n, _ := db.CountRows(ctx, "proposals"); n != 0 {
		t.Errorf("%d proposals imported, want none", n)
	}
}

func testImportDeletedKey(t *testing.T, db *store.DB) {
	ctx := context.Background()
	svc, _ := newService(t, db)
	editor := editorOf(t, svc)
	rows := importRows(1)
	rep, err := svc.Import(ctx, editor, rows, domain.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	p := mustFind(t, db, rep.Rows[0].ProposalID)
	if err := svc.DeleteProposal(ctx, editor, p.ID, p.Version); err != nil {
		t.Fatal(err)
	}
	rep, err = svc.Import(ctx, editor, rows, domain.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed != 1 || len(rep.Rows[0].Errors) != 1 || rep.Rows[0].Errors[0].Pointer != "/external_key" {
		t.Errorf("import over a deleted key: %+v", rep.Rows)
	}
}

func testConcurrentAdoptions(t *testing.T, db *store.DB) {
	ctx := context.Background()
	svc, _ := newService(t, db)
	editor := editorOf(t, svc)
	pr := testutil.MustCreatePublished(t, svc, testutil.ValidProposalInput())
	codes := []string{"101", "147", "151", "153", "155", "157", "159", "161", "163", "165"}
	errs := make(chan error, len(codes))
	for _, code := range codes {
		go func() {
			_, _, err := svc.RecordAdoption(ctx, editor, pr.ID, code, domain.AdoptionInput{Status: domain.AdoptionAdopted})
			errs <- err
		}()
	}
	for range codes {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if got := mustFind(t, db, pr.ID); got.AdoptionCount != len(codes) || len(got.AdoptedBy) != len(codes) {
		t.Errorf("count %d, adopted by %v; want %d", got.AdoptionCount, got.AdoptedBy, len(codes))
	}
}
