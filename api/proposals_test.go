package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/idebank/idebank/api"
	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

func TestProposalCreate(t *testing.T) {
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db, api.Options{})

		t.Run("ComputesPerResidentFromBudgetYearPopulation", func(t *testing.T) {
			rec := f.do(http.MethodPost, "/api/v1/proposals", proposalJSON, f.as(staffOwn))
			if rec.Code != http.StatusCreated {
				t.Fatalf("status=%d, want 201; body: %s", rec.Code, rec.Body)
			}
			var got struct {
				ID             string  `json:"id"`
				Status         string  `json:"status"`
				PerResidentDKK float64 `json:"per_resident_dkk"`
				PopulationUsed int64   `json:"population_used"`
				PopulationYear int     `json:"population_year"`
				FullEffectDKK  int64   `json:"full_effect_dkk"`
				PaybackYears   float64 `json:"payback_years"`
				Tags           []string
				Municipality   struct{ Code, Name, Region string }
			}
			loc, etag := rec.Header().Get("Location"), rec.Header().Get("ETag")
			decode(t, rec, &got)
			if got.PerResidentDKK != 19.41 || got.PopulationUsed != 46358 || got.PopulationYear != 2024 || got.FullEffectDKK != 900000 {
				t.Errorf("figures = %+v, want 19.41 kr. per resident of 46358 residents in 2024, full effect 900000", got)
			}
			if got.PaybackYears != 0.28 || got.Status != "draft" || got.Municipality.Name != "Frederikssund" || got.Municipality.Region != "Region Hovedstaden" {
				t.Errorf("proposal = %+v, want a draft of Frederikssund with payback 0.28", got)
			}
			if want := "/api/v1/proposals/" + got.ID; loc != want || etag != `"1"` {
				t.Errorf("Location=%q ETag=%s, want %q and \"1\"", loc, etag, want)
			}
			if rec := f.do(http.MethodGet, loc, "", f.as(staffOwn)); rec.Code != http.StatusOK || rec.Header().Get("ETag") != `"1"` {
				t.Errorf("GET Location: status=%d ETag=%s", rec.Code, rec.Header().Get("ETag"))
			}
		})

		f.run(t, []scenario{
			{name: "PublicMustAuthenticate", method: http.MethodPost, target: "/api/v1/proposals", body: proposalJSON,
				wantStatus: 401, wantBody: []string{`"code":"unauthenticated"`}, wantHeader: map[string]string{"WWW-Authenticate": `Bearer realm="idebank"`}},
			{name: "InvalidTokenIsUnauthenticated", method: http.MethodGet, target: "/api/v1/proposals", headers: map[string]string{"Authorization": "Bearer ib_wrong"},
				wantStatus: 401, wantBody: []string{`"code":"unauthenticated"`}},
			{name: "OtherSchemeIsUnauthenticated", method: http.MethodGet, target: "/api/v1/proposals", headers: map[string]string{"Authorization": "Basic dXNlcjpwdw=="},
				wantStatus: 401, wantBody: []string{`"code":"unauthenticated"`}},
			{name: "StaffOfAnotherMunicipalityForbidden", method: http.MethodPost, target: "/api/v1/proposals", body: proposalJSON, headers: f.as(staffOther),
				wantStatus: 403, wantBody: []string{`"code":"forbidden"`}},
			{name: "ServerFieldStatusRefused", method: http.MethodPost, target: "/api/v1/proposals", body: withField(`"status":"published"`), headers: f.as(editor),
				wantStatus: 400, wantBody: []string{`"code":"unknown_field"`, `"pointer":"/status"`}},
			{name: "ServerFieldInOtherCaseRefused", method: http.MethodPost, target: "/api/v1/proposals", body: withField(`"Per_Resident_DKK":1`), headers: f.as(editor),
				wantStatus: 400, wantBody: []string{`"code":"unknown_field"`, `"pointer":"/Per_Resident_DKK"`}},
			{name: "UpperCaseStatusRefused", method: http.MethodPost, target: "/api/v1/proposals", body: withField(`"STATUS":"published"`), headers: f.as(editor),
				wantStatus: 400, wantBody: []string{`"pointer":"/STATUS"`}},
			{name: "KnownFieldInOtherCaseRefused", method: http.MethodPost, target: "/api/v1/proposals", body: withField(`"Title":"Andet"`), headers: f.as(editor),
				wantStatus: 400, wantBody: []string{`"pointer":"/Title"`}},
			{name: "NestedUnknownFieldsEachNamed", method: http.MethodPost, target: "/api/v1/proposals", headers: f.as(editor),
				body:       strings.Replace(strings.Replace(proposalJSON, `"email":`, `"Email":"x@y.dk","email":`, 1), `"amount_dkk": 900000`, `"amount_dkk": 900000, "per_resident_dkk": 3`, 1),
				wantStatus: 400, wantBody: []string{`"code":"unknown_field"`, `"pointer":"/contact/Email"`, `"pointer":"/savings/1/per_resident_dkk"`}},
			{name: "MalformedJSON", method: http.MethodPost, target: "/api/v1/proposals", body: `{"title": `, headers: f.as(editor),
				wantStatus: 400, wantBody: []string{`"code":"validation_failed"`, `"pointer":""`}},
			{name: "TrailingData", method: http.MethodPost, target: "/api/v1/proposals", body: proposalJSON + "}", headers: f.as(editor),
				wantStatus: 400, wantBody: []string{`"code":"validation_failed"`, `"pointer":""`}},
			{name: "BodyNotAnObject", method: http.MethodPost, target: "/api/v1/proposals", body: `[1]`, headers: f.as(editor),
				wantStatus: 400, wantBody: []string{`"code":"validation_failed"`}},
			{name: "EveryFailingFieldReportedOnce", method: http.MethodPost, target: "/api/v1/proposals", headers: f.as(editor),
				body: `{"title":"Kort","policy_area":"ukendt","measure_type":"digitalisering","municipality_code":"250",
					"budget_year":"2025","savings":[{"year":2025,"amount_dkk":1},{"year":2026,"amount_dkk":"900000"},{"year":2030,"amount_dkk":-5}],
					"tags":[""],"contact":{"role":"Økonomi","email":"ikke en adresse"}}`,
				wantStatus: 400,
				wantBody: []string{`"code":"validation_failed"`, `{"pointer":"/budget_year","detail":"Skal være et helt tal."}`,
					`{"pointer":"/savings/1/amount_dkk","detail":"Skal være et helt tal."}`, `{"pointer":"/summary","detail":"Feltet skal udfyldes."}`,
					`"pointer":"/title"`, `"pointer":"/policy_area"`, `"pointer":"/savings/2/amount_dkk"`,
					`"pointer":"/tags/0"`, `"pointer":"/contact/email"`}},
			{name: "UnknownMunicipality", method: http.MethodPost, target: "/api/v1/proposals", body: strings.Replace(proposalJSON, `"250"`, `"999"`, 1), headers: f.as(editor),
				wantStatus: 400, wantBody: []string{`"pointer":"/municipality_code"`}},
		})

		t.Run("RefusedBodiesStoreNothing", func(t *testing.T) {
			page, err := f.svc.ListProposals(context.Background(), domain.System, domain.ProposalFilter{Statuses: []domain.Status{domain.StatusDraft}})
			if err != nil {
				t.Fatal(err)
			}
			if page.Total != 1 {
				t.Errorf("drafts = %d, want only the one created", page.Total)
			}
		})
	})
}

func TestProposalEveryPointerOnce(t *testing.T) {
	f := newFixture(t, testutil.NewSQLite(t), api.Options{})
	rec := f.do(http.MethodPost, "/api/v1/proposals", `{"title":"","summary":"","budget_year":"x","savings":"x"}`, f.as(editor))
	p := checkProblem(t, rec, http.StatusBadRequest)
	seen := map[string]bool{}
	for _, e := range p.Errors {
		if seen[e.Pointer] {
			t.Errorf("pointer %s reported twice: %+v", e.Pointer, p.Errors)
		}
		seen[e.Pointer] = true
	}
	for _, ptr := range []string{"/title", "/summary", "/policy_area", "/measure_type", "/municipality_code", "/budget_year", "/savings"} {
		if !seen[ptr] {
			t.Errorf("no problem for %s: %+v", ptr, p.Errors)
		}
	}
}
