package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/idebank/idebank/api"
	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
	"github.com/idebank/idebank/transfer"
)

// published creates and publishes a proposal of Frederikssund.
func (f *fixture) published(t *testing.T, title string) *domain.Proposal {
	t.Helper()
	in := testutil.ValidProposalInput()
	in.Title = title
	return testutil.MustCreatePublished(t, f.svc, in)
}

func TestAdoptions(t *testing.T) {
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db, api.Options{})
		pr := f.published(t, "Digital visitation på ældreområdet")
		draft := testutil.MustCreateProposal(t, f.svc, domain.System, testutil.ValidProposalInput())
		url := "/api/v1/proposals/" + pr.ID + "/adoptions/"
		body := `{"status":"adopted","expected_dkk":400000,"note":"Vedtaget i budget 2026.","decided_on":"2025-10-01"}`
		f.run(t, []scenario{
			{name: "StaffRecordOwnMunicipality", method: http.MethodPut, target: url + "101", body: body, headers: f.as(staffOther),
				wantStatus: 201, wantBody: []string{`"status":"adopted"`, `"name":"København"`, `"expected_dkk":400000`, `"decided_on":"2025-10-01"`, `"implemented_on":null`}},
			{name: "SecondPutUpdates", method: http.MethodPut, target: url + "101", body: strings.Replace(body, "adopted", "implemented", 1), headers: f.as(staffOther),
				wantStatus: 200, wantBody: []string{`"status":"implemented"`, `"status_label":"Gennemført"`}},
			{name: "EditorRecordsAny", method: http.MethodPut, target: url + "851", body: `{"status":"considering"}`, headers: f.as(editor), wantStatus: 201},
			{name: "StaffOfAnotherMunicipalityForbidden", method: http.MethodPut, target: url + "851", body: body, headers: f.as(staffOther),
				wantStatus: 403, wantBody: []string{`"code":"forbidden"`}},
			{name: "PublicMustAuthenticate", method: http.MethodPut, target: url + "101", body: body, wantStatus: 401},
			{name: "OwnProposalRefused", method: http.MethodPut, target: url + "250", body: body, headers: f.as(staffOwn),
				wantStatus: 400, wantBody: []string{`"pointer":"/municipality_code"`}},
			{name: "DraftNotAdoptable", method: http.MethodPut, target: "/api/v1/proposals/" + draft.ID + "/adoptions/101", body: body, headers: f.as(editor),
				wantStatus: 409, wantBody: []string{`"code":"invalid_transition"`}},
			{name: "EveryFieldChecked", method: http.MethodPut, target: url + "101", headers: f.as(staffOther),
				body:       `{"status":"maybe","expected_dkk":-1,"realised_dkk":"mange","decided_on":"1. maj"}`,
				wantStatus: 400, wantBody: []string{`"pointer":"/status"`, `"pointer":"/expected_dkk"`, `"pointer":"/realised_dkk"`, `"pointer":"/decided_on"`}},
			{name: "ServerFieldRefused", method: http.MethodPut, target: url + "101", body: `{"status":"adopted","proposal_id":"x"}`, headers: f.as(staffOther),
				wantStatus: 400, wantBody: []string{`"code":"unknown_field"`}},
			{name: "ListIsPublic", method: http.MethodGet, target: "/api/v1/proposals/" + pr.ID + "/adoptions",
				wantStatus: 200, wantBody: []string{`"total":2`, `"name":"København"`, `"name":"Aalborg"`}},
			{name: "CountOnProposal", method: http.MethodGet, target: "/api/v1/proposals/" + pr.ID, wantStatus: 200, wantBody: []string{`"adoption_count":1`}},
			{name: "MunicipalityPage", method: http.MethodGet, target: "/api/v1/municipalities/101/adoptions",
				wantStatus: 200, wantBody: []string{`"total":1`, `"totals":{"count":1,"expected_dkk":400000,"realised_dkk":0}`, `"proposal":{"id":"` + pr.ID}},
			{name: "MunicipalityProfileListsAdoptedIdeas", method: http.MethodGet, target: "/api/v1/municipalities/101",
				wantStatus: 200, wantBody: []string{`"adoptions":{"items":[{`, `"totals":{"count":1,"expected_dkk":400000,"realised_dkk":0}`, `"proposal":{"id":"` + pr.ID}},
			{name: "UnknownMunicipalityPage", method: http.MethodGet, target: "/api/v1/municipalities/998/adoptions", wantStatus: 404},
		})
	})
}

func TestEditorQueueRejectAndHistory(t *testing.T) {
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db, api.Options{})
		ctx := context.Background()
		staff := f.principals[staffOwn]
		pr := testutil.MustCreateProposal(t, f.svc, staff, testutil.ValidProposalInput())
		pr, err := f.svc.Transition(ctx, staff, pr.ID, pr.Version, domain.ActionSubmit, "")
		if err != nil {
			t.Fatal(err)
		}
		id := "/api/v1/proposals/" + pr.ID
		f.run(t, []scenario{
			{name: "QueueHasSubmittedAtAndAge", method: http.MethodGet, target: "/api/v1/proposals?status=submitted", headers: f.as(editor),
				wantStatus: 200, wantBody: []string{`"total":1`, `"submitted_at":`, `"age_days":0`, `"name":"Frederikssund"`}},
			{name: "RejectNeedsReason", method: http.MethodPost, target: id + "/reject", body: `{"reason":""}`, headers: f.as(editor, "If-Match", `"2"`),
				wantStatus: 400, wantBody: []string{`"pointer":"/reason"`}},
			{name: "Reject", method: http.MethodPost, target: id + "/reject", body: `{"reason":"Tilføj den realiserede effekt."}`, headers: f.as(editor, "If-Match", `"2"`),
				wantStatus: 200, wantBody: []string{`"status":"rejected"`}},
			{name: "StaffSeeReason", method: http.MethodGet, target: id, headers: f.as(staffOwn),
				wantStatus: 200, wantBody: []string{`"reject_reason":"Tilføj den realiserede effekt."`}},
			{name: "StaffEdit", method: http.MethodPatch, target: id, body: `{"summary":"Med realiseret effekt."}`, headers: f.as(staffOwn, "If-Match", `"3"`),
				wantStatus: 200, wantBody: []string{`"status":"draft"`}},
			{name: "Resubmit", method: http.MethodPost, target: id + "/submit", headers: f.as(staffOwn, "If-Match", `"4"`), wantStatus: 200},
			{name: "Publish", method: http.MethodPost, target: id + "/publish", headers: f.as(editor, "If-Match", `"5"`),
				wantStatus: 200, wantBody: []string{`"status":"published"`, `"published_at":"`}},
			{name: "HistoryHasFieldChanges", method: http.MethodGet, target: id + "/history", headers: f.as(staffOwn),
				wantStatus: 200, wantBody: []string{`"changes":[{"field":"status","from":"submitted","to":"published"}`,
					`{"field":"summary","from":"Visitationen af hjemmehjælp sker digitalt, så sagsbehandlingen går hurtigere.","to":"Med realiseret effekt."}`,
					`{"field":"reject_reason","from":"","to":"Tilføj den realiserede effekt."}`}},
		})
	})
}

func TestDuplicatesAndMerge(t *testing.T) {
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db, api.Options{})
		target := f.published(t, "Digital visitation på ældreområdet")
		dup := f.published(t, "Digital visitation i ældreplejen")
		for _, id := range []string{target.ID, dup.ID} {
			testutilAdopt(t, f, id, "101")
		}
		dupURL := "/api/v1/proposals/" + dup.ID
		f.run(t, []scenario{
			{name: "DuplicatesForEditors", method: http.MethodGet, target: dupURL + "/duplicates", headers: f.as(editor),
				wantStatus: 200, wantBody: []string{`"total":1`, `"id":"` + target.ID, `"score":`}},
			{name: "DuplicatesNotForStaff", method: http.MethodGet, target: dupURL + "/duplicates", headers: f.as(staffOwn), wantStatus: 403},
			{name: "MergeNeedsIfMatch", method: http.MethodPost, target: dupURL + "/merge", body: `{"into":"` + target.ID + `"}`, headers: f.as(editor), wantStatus: 428},
			{name: "MergeNeedsInto", method: http.MethodPost, target: dupURL + "/merge", body: `{}`, headers: f.as(editor, "If-Match", `"2"`),
				wantStatus: 400, wantBody: []string{`"pointer":"/into"`}},
			{name: "MergeNotForStaff", method: http.MethodPost, target: dupURL + "/merge", body: `{"into":"` + target.ID + `"}`, headers: f.as(staffOwn, "If-Match", `"2"`), wantStatus: 403},
			{name: "StaleMerge", method: http.MethodPost, target: dupURL + "/merge", body: `{"into":"` + target.ID + `"}`, headers: f.as(editor, "If-Match", `"1"`),
				wantStatus: 412, wantHeader: map[string]string{"ETag": `"2"`}},
			{name: "Merge", method: http.MethodPost, target: dupURL + "/merge", body: `{"into":"` + target.ID + `"}`, headers: f.as(editor, "If-Match", `"2"`),
				wantStatus: 200, wantBody: []string{`"id":"` + target.ID, `"adoption_count":1`}, wantHeader: map[string]string{"ETag": `"3"`}},
			{name: "OldAddressRedirects", method: http.MethodGet, target: dupURL,
				wantStatus: 301, wantHeader: map[string]string{"Location": "/api/v1/proposals/" + target.ID}},
			{name: "OneAdoptionLeft", method: http.MethodGet, target: "/api/v1/proposals/" + target.ID + "/adoptions", wantStatus: 200, wantBody: []string{`"total":1`}},
			{name: "BothHistoriesRecordIt", method: http.MethodGet, target: "/api/v1/proposals/" + target.ID + "/history", headers: f.as(editor),
				wantStatus: 200, wantBody: []string{`"action":"merged_from"`}},
		})
	})
}

func testutilAdopt(t *testing.T, f *fixture, id, code string) {
	t.Helper()
	if _, _, err := f.svc.RecordAdoption(context.Background(), f.principals[editor], id, code, domain.AdoptionInput{Status: domain.AdoptionAdopted}); err != nil {
		t.Fatal(err)
	}
}

// importCSV is a valid import of two proposals.
const importCSV = "external_key;title;summary;policy_area;measure_type;municipality_code;budget_year;savings_1;savings_2\n" +
	"kl-1;Fælles indkøb af bleer;Kommunerne køber ind sammen.;Ældre og sundhed;indkoeb;851;2024;1.234.567;2.000.000\n" +
	"kl-2;Energistyring i skoler;Automatisk styring af varme.;skole;energi;101;2025;100.000;\n"

// post sends a raw body with a content type.
func (f *fixture) post(target, contentType string, body []byte, role string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	for k, v := range f.as(role) {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	return rec
}

func importReport(t *testing.T, rec *httptest.ResponseRecorder, wantStatus int) (rep struct {
	DryRun    bool `json:"dry_run"`
	Imported  bool
	Created   int
	Updated   int
	Unchanged int
	Failed    int
	Rows      []struct {
		Row    int
		Result string
		Errors []struct{ Pointer, Detail string }
	}
}) {
	t.Helper()
	if rec.Code != wantStatus {
		t.Fatalf("status=%d, want %d; body: %s", rec.Code, wantStatus, rec.Body)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestImport(t *testing.T) {
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db, api.Options{})
		data := []byte(importCSV)

		rep := importReport(t, f.post("/api/v1/imports?dry_run=true", "text/csv", data, editor), 200)
		if !rep.DryRun || rep.Created != 2 || rep.Imported {
			t.Errorf("dry run: %+v", rep)
		}
		if page, _ := f.svc.ListProposals(context.Background(), domain.System, domain.ProposalFilter{Statuses: []domain.Status{domain.StatusDraft, domain.StatusPublished}}); page.Total != 0 {
			t.Errorf("dry run stored %d proposals", page.Total)
		}
		rep = importReport(t, f.post("/api/v1/imports?publish=true", "text/csv; charset=utf-8", data, editor), 200)
		if rep.Created != 2 || !rep.Imported {
			t.Errorf("import: %+v", rep)
		}
		rep = importReport(t, f.post("/api/v1/imports?publish=true", "text/csv", data, editor), 200)
		if rep.Unchanged != 2 || rep.Created+rep.Updated != 0 {
			t.Errorf("second import: %+v", rep)
		}

		bad := importCSV + "kl-1;Dublet;S;skole;andet;999;2025;-5;x\n"
		rec := f.post("/api/v1/imports", "text/csv", []byte(bad), editor)
		checkProblem(t, rec, 422)
		rep = importReport(t, rec, 422)
		if rep.Failed != 1 || rep.Imported || rep.Rows[0].Result != "skipped" || len(rep.Rows[2].Errors) != 4 {
			t.Errorf("refused import: %+v", rep)
		}
		rep = importReport(t, f.post("/api/v1/imports?skip_invalid=true", "text/csv", []byte(bad), editor), 200)
		if rep.Failed != 1 || rep.Unchanged != 2 || !rep.Imported {
			t.Errorf("skip invalid: %+v", rep)
		}

		oversized := make([]byte, transfer.MaxImportBytes+1)
		for name, tc := range map[string]struct {
			contentType string
			body        []byte
			role        string
			status      int
			want        string
		}{
			"StaffForbidden":   {"text/csv", data, staffOwn, 403, `"code":"forbidden"`},
			"PublicMustLogIn":  {"text/csv", data, public, 401, `"code":"unauthenticated"`},
			"EmptyFile":        {"text/csv", nil, editor, 400, `Filen er tom.`},
			"PDF":              {"application/pdf", []byte("%PDF-1.7 ..."), editor, 400, `hverken CSV, XLSX eller JSON Lines`},
			"UnknownColumn":    {"text/csv", []byte("external_key;farve\nk;rød\n"), editor, 400, `"pointer":"/columns/2"`},
			"BadQuery":         {"text/csv", data, editor, 400, `"pointer":"/dry_run"`},
			"TooLarge":         {"text/csv", oversized, editor, 413, `"code":"payload_too_large"`},
			"JSONLinesBadLine": {"application/x-ndjson", []byte(`{"external_key":"j","farve":1}`), editor, 422, `"pointer":"/farve"`},
		} {
			t.Run(name, func(t *testing.T) {
				target := "/api/v1/imports"
				if name == "BadQuery" {
					target += "?dry_run=måske"
				}
				rec := f.post(target, tc.contentType, tc.body, tc.role)
				checkProblem(t, rec, tc.status)
				if !strings.Contains(rec.Body.String(), tc.want) {
					t.Errorf("body lacks %s: %s", tc.want, rec.Body)
				}
			})
		}
	})
}

func TestExport(t *testing.T) {
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db, api.Options{})
		importReport(t, f.post("/api/v1/imports?publish=true", "text/csv", []byte(importCSV), editor), 200)
		testutil.MustCreateProposal(t, f.svc, domain.System, testutil.ValidProposalInput()) // a draft is never exported

		rec := f.do(http.MethodGet, "/api/v1/export?format=csv&sort=per_resident", "", nil)
		if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/csv") ||
			!strings.Contains(rec.Header().Get("Content-Disposition"), `attachment; filename="idebank-eksport-`) {
			t.Fatalf("csv export: %d %v", rec.Code, rec.Header())
		}
		lines := strings.Split(strings.TrimSpace(rec.Body.String()), "\n")
		if len(lines) != 3 || !strings.Contains(lines[1], "Fælles indkøb af bleer") || !strings.Contains(lines[1], ";Aalborg;") {
			t.Errorf("csv lines: %q", lines)
		}
		rep := importReport(t, f.post("/api/v1/imports", "text/csv", rec.Body.Bytes(), editor), 200)
		if rep.Unchanged != 2 {
			t.Errorf("re-import of the export: %+v", rep)
		}

		rec = f.do(http.MethodGet, "/api/v1/export?format=xlsx&policy_area=skole", "", nil)
		if rec.Code != 200 || rec.Header().Get("Content-Type") != transfer.ContentTypeXLSX {
			t.Fatalf("xlsx export: %d %v", rec.Code, rec.Header())
		}
		rows, _, err := transfer.Read("", rec.Body.Bytes())
		if err != nil || len(rows) != 1 || rows[0].Input.ExternalKey != "kl-2" {
			t.Errorf("xlsx rows: %+v (%v)", rows, err)
		}
		f.run(t, []scenario{
			{name: "UnknownFormat", method: http.MethodGet, target: "/api/v1/export?format=pdf", wantStatus: 400, wantBody: []string{`"pointer":"/format"`}},
			{name: "BadFilter", method: http.MethodGet, target: "/api/v1/export?policy_area=ukendt", wantStatus: 400, wantBody: []string{`"pointer":"/policy_area"`}},
		})
	})
}
