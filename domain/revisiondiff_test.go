package domain

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDiffProposals(t *testing.T) {
	before := &Proposal{Title: "Gammel titel", Status: StatusRejected, Tags: []string{},
		Savings: []Saving{{2025, 100}}, RejectReason: "Mangler tal"}
	after := &Proposal{Title: "Ny titel", Status: StatusDraft, Tags: nil,
		Savings: []Saving{{2025, 200}}, RejectReason: "Mangler tal", Contact: &Contact{Role: "Økonomi", Email: "oekonomi@kommune.dk"}}
	got := DiffProposals(before, after)
	want := []FieldChange{
		{Field: "status", From: StatusRejected, To: StatusDraft},
		{Field: "title", From: "Gammel titel", To: "Ny titel"},
		{Field: "savings", From: []Saving{{2025, 100}}, To: []Saving{{2025, 200}}},
		{Field: "contact", From: (*Contact)(nil), To: after.Contact},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
}

func TestDiffRevisions_FirstRevisionListsSetFields(t *testing.T) {
	published := timeForTest()
	revs := []Revision{
		{Version: 2, Action: ActionPublish, State: Proposal{Title: "Titel", Status: StatusPublished, PublishedAt: &published}},
		{Version: 1, Action: ActionCreate, State: Proposal{Title: "Titel", Status: StatusDraft}},
	}
	got := DiffRevisions(revs)
	if len(got) != 2 {
		t.Fatalf("got %d revisions, want 2", len(got))
	}
	fields := func(cs []FieldChange) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Field)
		}
		return out
	}
	if diff := cmp.Diff([]string{"status", "published_at"}, fields(got[0].Changes)); diff != "" {
		t.Errorf("publish changes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"status", "title"}, fields(got[1].Changes)); diff != "" {
		t.Errorf("create changes (-want +got):\n%s", diff)
	}
	if got[1].Changes[0].From != nil {
		t.Errorf("first revision has a from value: %v", got[1].Changes[0].From)
	}
}
