package domain

import (
	"errors"
	"testing"
	"time"
)

func TestNextStatus(t *testing.T) {
	tests := []struct {
		from   Status
		action Action
		want   Status // "" means ErrInvalidTransition
	}{
		{StatusDraft, ActionSubmit, StatusSubmitted},
		{StatusRejected, ActionSubmit, StatusSubmitted},
		{StatusSubmitted, ActionSubmit, ""},
		{StatusDraft, ActionPublish, StatusPublished},
		{StatusSubmitted, ActionPublish, StatusPublished},
		{StatusPublished, ActionPublish, ""},
		{StatusSubmitted, ActionReject, StatusRejected},
		{StatusDraft, ActionReject, ""},
		{StatusPublished, ActionArchive, StatusArchived},
		{StatusDraft, ActionArchive, ""},
		{StatusPublished, ActionMerge, StatusMerged},
		{StatusRejected, ActionEdit, StatusDraft},
		{StatusPublished, ActionEdit, StatusPublished},
		{StatusMerged, ActionEdit, ""},
		{StatusArchived, ActionPublish, ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.from)+"/"+string(tt.action), func(t *testing.T) {
			got, err := NextStatus(tt.from, tt.action)
			if tt.want == "" {
				if !errors.Is(err, ErrInvalidTransition) {
					t.Fatalf("got %q, %v; want ErrInvalidTransition", got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestPrincipalAuthorize(t *testing.T) {
	own := Principal{UserID: "u1", Role: RoleStaff, MunicipalityCode: "250"}
	other := Principal{UserID: "u2", Role: RoleStaff, MunicipalityCode: "101"}
	editor := Principal{UserID: "u3", Role: RoleEditor}
	proposal := func(s Status) *Proposal {
		return &Proposal{Status: s, Municipality: MunicipalityRef{Code: "250"}}
	}
	tests := []struct {
		name   string
		who    Principal
		status Status
		action Action
		want   error
	}{
		{"staff edits own draft", own, StatusDraft, ActionEdit, nil},
		{"staff edits own rejected", own, StatusRejected, ActionEdit, nil},
		{"staff cannot edit own published", own, StatusPublished, ActionEdit, ErrForbidden},
		{"staff submits own draft", own, StatusDraft, ActionSubmit, nil},
		{"staff cannot publish", own, StatusSubmitted, ActionPublish, ErrForbidden},
		{"staff deletes own draft", own, StatusDraft, ActionDelete, nil},
		{"staff cannot delete own rejected", own, StatusRejected, ActionDelete, ErrInvalidTransition},
		{"other staff cannot see draft", other, StatusDraft, ActionEdit, ErrNotFound},
		{"other staff cannot edit published", other, StatusPublished, ActionEdit, ErrForbidden},
		{"public cannot see submitted", Public, StatusSubmitted, ActionEdit, ErrNotFound},
		{"public cannot archive published", Public, StatusPublished, ActionArchive, ErrForbidden},
		{"editor publishes submitted", editor, StatusSubmitted, ActionPublish, nil},
		{"editor rejects submitted", editor, StatusSubmitted, ActionReject, nil},
		{"editor cannot reject draft", editor, StatusDraft, ActionReject, ErrInvalidTransition},
		{"editor archives published", editor, StatusPublished, ActionArchive, nil},
		{"editor edits published", editor, StatusPublished, ActionEdit, nil},
		{"editor deletes published", editor, StatusPublished, ActionDelete, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.who.Authorize(proposal(tt.status), tt.action); !errors.Is(err, tt.want) && err != tt.want {
				t.Fatalf("Authorize = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestCanSeeHidesDeleted(t *testing.T) {
	editor := Principal{Role: RoleEditor}
	if editor.CanSee(&Proposal{Status: StatusPublished, DeletedAt: new(time.Now())}) {
		t.Fatal("a soft-deleted proposal must not be visible, not even to editors")
	}
}

func TestVisibleStatuses(t *testing.T) {
	if got := Public.VisibleStatuses([]Status{StatusDraft, StatusSubmitted}); len(got) != 1 || got[0] != StatusPublished {
		t.Fatalf("public sees %v, want only published", got)
	}
	if got := (Principal{Role: RoleEditor}).VisibleStatuses(nil); len(got) != 1 || got[0] != StatusPublished {
		t.Fatalf("default statuses = %v, want [published]", got)
	}
}
