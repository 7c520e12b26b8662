package api_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/idebank/idebank/api"
	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

func TestProposalUpdate(t *testing.T) {
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db, api.Options{})
		pr := testutil.MustCreateProposal(t, f.svc, f.principals[staffOwn], testutil.ValidProposalInput())
		target := "/api/v1/proposals/" + pr.ID
		ifMatch := func(role, etag string) map[string]string { return f.as(role, "If-Match", etag) }

		f.run(t, []scenario{
			{name: "WithoutIfMatchPreconditionRequired", method: http.MethodPatch, target: target, body: `{"title":"Ny titel på forslaget"}`, headers: f.as(staffOwn),
				wantStatus: 428, wantBody: []string{`"code":"precondition_required"`}},
			{name: "WildcardIfMatchPreconditionRequired", method: http.MethodPatch, target: target, body: `{"title":"Ny titel på forslaget"}`, headers: ifMatch(staffOwn, "*"),
				wantStatus: 428, wantBody: []string{`"code":"precondition_required"`}},
			{name: "UnknownFieldRefusedBeforeVersion", method: http.MethodPatch, target: target, body: `{"status":"published"}`, headers: ifMatch(staffOwn, `"1"`),
				wantStatus: 400, wantBody: []string{`"code":"unknown_field"`, `"pointer":"/status"`}},
			{name: "NullRequiredFieldInvalid", method: http.MethodPatch, target: target, body: `{"title":null}`, headers: ifMatch(staffOwn, `"1"`),
				wantStatus: 400, wantBody: []string{`"code":"validation_failed"`, `"pointer":"/title"`}},
			{name: "PartialContactNeedsEmail", method: http.MethodPatch, target: target, body: `{"contact":{"role":"Økonomi"}}`, headers: ifMatch(staffOwn, `"1"`),
				wantStatus: 400, wantBody: []string{`"pointer":"/contact/email"`}},
			{name: "DomainRulesOfTheMergedProposal", method: http.MethodPatch, target: target, body: `{"budget_year":2027}`, headers: ifMatch(staffOwn, `"1"`),
				wantStatus: 400, wantBody: []string{`"pointer":"/savings/0/year"`}},
			{name: "StaffMayNotMoveToAnotherMunicipality", method: http.MethodPatch, target: target, body: `{"municipality_code":"101"}`, headers: ifMatch(staffOwn, `"1"`),
				wantStatus: 403, wantBody: []string{`"code":"forbidden"`}},
			{name: "CurrentVersionApplies", method: http.MethodPatch, target: target, body: `{"title":"Ny titel på forslaget","tags":["a","A"]}`, headers: ifMatch(staffOwn, `"1"`),
				wantStatus: 200, wantBody: []string{`"title":"Ny titel på forslaget"`, `"version":2`, `"tags":["a"]`, `"summary":"Visitationen`}, wantHeader: map[string]string{"ETag": `"2"`}},
			{name: "StaleVersionConflictsWithCurrentETag", method: http.MethodPatch, target: target, body: `{"title":"En anden titel"}`, headers: ifMatch(staffOwn, `"1"`),
				wantStatus: 412, wantBody: []string{`"code":"version_conflict"`}, wantHeader: map[string]string{"ETag": `"2"`}},
			{name: "WeakETagAccepted", method: http.MethodPatch, target: target, body: `{"contact":null,"description":null}`, headers: ifMatch(staffOwn, `W/"2"`),
				wantStatus: 200, wantBody: []string{`"contact":null`, `"description":""`, `"version":3`}},
			{name: "ServerFieldsStayComputed", method: http.MethodPatch, target: target, body: `{"savings":[{"year":2025,"amount_dkk":463580}]}`, headers: ifMatch(editor, `"3"`),
				wantStatus: 200, wantBody: []string{`"per_resident_dkk":10`, `"full_effect_dkk":463580`, `"payback_years":0.54`}},
		})

		t.Run("StaleWritesChangeNothing", func(t *testing.T) {
			got, err := f.svc.GetProposal(context.Background(), domain.System, pr.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Version != 4 || got.Title != "Ny titel på forslaget" || got.Contact != nil {
				t.Errorf("stored = version %d %q contact %v, want version 4 after three writes", got.Version, got.Title, got.Contact)
			}
		})
	})
}

func TestProposalDeleteAndTransitions(t *testing.T) {
	f := newFixture(t, testutil.NewSQLite(t), api.Options{})
	pr := testutil.MustCreateProposal(t, f.svc, f.principals[staffOwn], testutil.ValidProposalInput())
	del := testutil.MustCreateProposal(t, f.svc, f.principals[staffOwn], testutil.ValidProposalInput())
	target := "/api/v1/proposals/" + pr.ID
	f.run(t, []scenario{
		{name: "SubmitWithoutIfMatch", method: http.MethodPost, target: target + "/submit", headers: f.as(staffOwn),
			wantStatus: 428, wantBody: []string{`"code":"precondition_required"`}},
		{name: "Submit", method: http.MethodPost, target: target + "/submit", headers: f.as(staffOwn, "If-Match", `"1"`),
			wantStatus: 200, wantBody: []string{`"status":"submitted"`}, wantHeader: map[string]string{"ETag": `"2"`}},
		{name: "RejectNeedsReason", method: http.MethodPost, target: target + "/reject", body: `{"reason":"  "}`, headers: f.as(editor, "If-Match", `"2"`),
			wantStatus: 400, wantBody: []string{`"pointer":"/reason"`}},
		{name: "RejectBodyIsStrict", method: http.MethodPost, target: target + "/reject", body: `{"Reason":"x"}`, headers: f.as(editor, "If-Match", `"2"`),
			wantStatus: 400, wantBody: []string{`"code":"unknown_field"`, `"pointer":"/Reason"`}},
		{name: "Reject", method: http.MethodPost, target: target + "/reject", body: `{"reason":"Tallene mangler kilde."}`, headers: f.as(editor, "If-Match", `"2"`),
			wantStatus: 200, wantBody: []string{`"status":"rejected"`, `"reject_reason":"Tallene mangler kilde."`}},
		{name: "OwnStaffSeeRejectReason", method: http.MethodGet, target: target, headers: f.as(staffOwn),
			wantStatus: 200, wantBody: []string{`"reject_reason":"Tallene mangler kilde."`}},
		{name: "ArchiveFromRejectedInvalid", method: http.MethodPost, target: target + "/archive", headers: f.as(editor, "If-Match", `"3"`),
			wantStatus: 409, wantBody: []string{`"code":"invalid_transition"`}},
		{name: "DeleteWithoutIfMatch", method: http.MethodDelete, target: "/api/v1/proposals/" + del.ID, headers: f.as(staffOwn),
			wantStatus: 428},
		{name: "DeleteStale", method: http.MethodDelete, target: "/api/v1/proposals/" + del.ID, headers: f.as(staffOwn, "If-Match", `"7"`),
			wantStatus: 412, wantHeader: map[string]string{"ETag": `"1"`}},
		{name: "Delete", method: http.MethodDelete, target: "/api/v1/proposals/" + del.ID, headers: f.as(staffOwn, "If-Match", `"1"`),
			wantStatus: 204},
		{name: "DeletedIsGone", method: http.MethodGet, target: "/api/v1/proposals/" + del.ID, headers: f.as(editor),
			wantStatus: 404, wantBody: []string{`"code":"not_found"`}},
		{name: "HistoryNewestFirst", method: http.MethodGet, target: target + "/history", headers: f.as(staffOwn),
			wantStatus: 200, wantBody: []string{`"items":[{"version":3,"action":"reject","actor_email":"editor`, `"reason":"Tallene mangler kilde."`, `"state":{"id":"` + pr.ID, `"total":3`}},
	})
}
