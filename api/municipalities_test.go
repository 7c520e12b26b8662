package api_test

import (
	"net/http"
	"testing"

	"github.com/idebank/idebank/api"
	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

func TestMunicipalities(t *testing.T) {
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db, api.Options{})
		testutil.MustCreatePublished(t, f.svc, testutil.ValidProposalInput())
		testutil.MustCreateProposal(t, f.svc, f.principals[staffOwn], testutil.ValidProposalInput()) // a draft counts for nothing
		f.run(t, []scenario{
			{name: "ListAll98ByCode", method: http.MethodGet, target: "/api/v1/municipalities", wantStatus: 200,
				wantBody: []string{`"total":98`, `{"items":[{"code":"101","name":"København","region":"Region Hovedstaden","population":`, `"population_year":2024`}},
			{name: "ProfileWithPublishedFigures", method: http.MethodGet, target: "/api/v1/municipalities/250", wantStatus: 200,
				wantBody: []string{`"code":"250","name":"Frederikssund"`, `"population":46358`, `"published_count":1`, `"sum_per_resident_dkk":19.41`}},
			{name: "UnknownCode", method: http.MethodGet, target: "/api/v1/municipalities/000", wantStatus: 404},
		})
	})
}

func TestProposalList(t *testing.T) {
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db, api.Options{})
		pub := testutil.MustCreatePublished(t, f.svc, testutil.ValidProposalInput())
		draft := testutil.MustCreateProposal(t, f.svc, f.principals[staffOwn], testutil.ValidProposalInput())
		other := testutil.ValidProposalInput()
		other.MunicipalityCode, other.BudgetYear = "101", 2024
		other.Savings = []domain.Saving{{Year: 2024, AmountDKK: 1000}}
		otherDraft := testutil.MustCreateProposal(t, f.svc, domain.System, other)
		f.run(t, []scenario{
			{name: "PublicSeesPublishedOnly", method: http.MethodGet, target: "/api/v1/proposals?status=draft&status=published", wantStatus: 200,
				wantBody: []string{`"total":1,"page":1,"per_page":20`, pub.ID}, denyBody: []string{draft.ID}},
			{name: "StaffSeeOwnDrafts", method: http.MethodGet, target: "/api/v1/proposals?status=draft", headers: f.as(staffOwn), wantStatus: 200,
				wantBody: []string{`"total":1`, draft.ID}, denyBody: []string{otherDraft.ID}},
			{name: "EditorsSeeAllDrafts", method: http.MethodGet, target: "/api/v1/proposals?status=draft&per_page=1&page=2", headers: f.as(editor), wantStatus: 200,
				wantBody: []string{`"total":2,"page":2,"per_page":1`}},
			{name: "FiltersRepeat", method: http.MethodGet, target: "/api/v1/proposals?status=draft&municipality=101&municipality=999&budget_year=2024", headers: f.as(editor), wantStatus: 200,
				wantBody: []string{`"total":1`, otherDraft.ID}},
			{name: "PerPageOver100", method: http.MethodGet, target: "/api/v1/proposals?per_page=101", wantStatus: 400,
				wantBody: []string{`"code":"validation_failed"`, `"pointer":"/per_page"`}},
			{name: "PageZero", method: http.MethodGet, target: "/api/v1/proposals?page=0", wantStatus: 400, wantBody: []string{`"pointer":"/page"`}},
			{name: "EveryBadParameterNamed", method: http.MethodGet, target: "/api/v1/proposals?page=x&budget_year=2025&budget_year=y&status=bogus", wantStatus: 400,
				wantBody: []string{`"pointer":"/page"`, `"pointer":"/budget_year"`, `"pointer":"/status/0"`}},
		})
	})
}
