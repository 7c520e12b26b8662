package api_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/idebank/idebank/api"
	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

// comparisonData publishes five proposals for budget year 2025 (2024
// populations) and returns their IDs by municipality:
//
//	825 Læsø            879.500 kr. /  1.759 = 500,00 kr./indb.
//	563 Fanø          1.007.134     /  3.357 = 300,01 (30.001 øre)
//	741 Samsø           369.400     /  3.694 = 100,00
//	250 Frederikssund   900.000     / 46.358 =  19,41 (300.000 kr. the first year)
//	253 Greve        52.157.000     / 52.157 = 1.000,00, lowers the service level
func comparisonData(t *testing.T, svc *domain.Service) map[string]string {
	t.Helper()
	ids := map[string]string{}
	add := func(code string, full int64, reduces bool) {
		in := testutil.ValidProposalInput()
		in.MunicipalityCode, in.ReducesService = code, reduces
		if code != testutil.FrederikssundCode {
			in.Contact = nil
			in.Savings = []domain.Saving{{Year: 2025, AmountDKK: full}}
		}
		ids[code] = testutil.MustCreatePublished(t, svc, in).ID
	}
	add("825", 879500, false)
	add("563", 1007134, false)
	add("741", 369400, false)
	add("250", 900000, false)
	add("253", 52157000, true)
	return ids
}

// itemCodes returns the municipality codes of a ranking's or potential's
// items, in order.
func itemCodes(t *testing.T, f *fixture, target string) []string {
	t.Helper()
	rec := f.do(http.MethodGet, target, "", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status=%d: %s", rec.Code, rec.Body)
	}
	var r struct {
		Items []struct {
			Code         string `json:"code"`
			Municipality struct {
				Code string `json:"code"`
			} `json:"municipality"`
		} `json:"items"`
	}
	decode(t, rec, &r)
	out := make([]string, len(r.Items))
	for i, it := range r.Items {
		out[i] = it.Code + it.Municipality.Code
	}
	return out
}

// smallTowns is four municipalities under 20.000 residents, for the
// hand-computed potential.
const smallTowns = "municipality=825&municipality=563&municipality=741&municipality=492"

func TestComparisonAPI(t *testing.T) {
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db, api.Options{})
		ids := comparisonData(t, f.svc)
		cacheable := map[string]string{"Cache-Control": "public, max-age=60"}
		f.run(t, []scenario{
			{
				// 19,41 × 659.350 = 12.797.983,5 → 12.797.984 kr.;
				// 300.000 × 12.797.984 / 900.000 = 4.265.994,67 → 4.265.995 kr.
				name: "estimate scales to København", method: http.MethodGet,
				target:     "/api/v1/proposals/" + ids["250"] + "/estimate?municipality=101",
				wantStatus: http.StatusOK, wantHeader: cacheable,
				wantBody: []string{`"proposal_id":"` + ids["250"] + `"`, `"municipality":{"code":"101","name":"København"`,
					`"per_resident_dkk":19.41`, `"population":659350`, `"population_year":2024`,
					`"estimated_dkk":12797984`, `"profile":[{"year":2025,"amount_dkk":4265995},{"year":2026,"amount_dkk":12797984}]`,
					`"basis":"per_resident_scaling"`, `"note":"Skøn:`},
			},
			{name: "estimate for unknown municipality", method: http.MethodGet,
				target:     "/api/v1/proposals/" + ids["250"] + "/estimate?municipality=999",
				wantStatus: http.StatusNotFound, wantBody: []string{`"code":"not_found"`}},
			{name: "estimate without municipality", method: http.MethodGet,
				target:     "/api/v1/proposals/" + ids["250"] + "/estimate",
				wantStatus: http.StatusBadRequest, wantBody: []string{`"code":"validation_failed"`, `"pointer":"/municipality"`}},
			{name: "estimate of unknown proposal", method: http.MethodGet,
				target:     "/api/v1/proposals/nope/estimate?municipality=101",
				wantStatus: http.StatusNotFound, wantBody: []string{`"code":"not_found"`}},
			{name: "proposal ranking", method: http.MethodGet, target: "/api/v1/rankings/proposals",
				wantStatus: http.StatusOK, wantHeader: cacheable,
				wantBody: []string{`"rank":1`, `"per_resident_dkk":500`, `"population_year":2024`, `"population_years":[2024]`},
				denyBody: []string{`"reduces_service":true`}},
			{name: "proposal ranking within a size band", method: http.MethodGet,
				target:     "/api/v1/rankings/proposals?peer=band&municipality=825",
				wantStatus: http.StatusOK, wantBody: []string{`"peer_group":{"kind":"band","label":"Under 20.000 indbyggere"`}},
			{name: "proposal ranking with nothing found", method: http.MethodGet, target: "/api/v1/rankings/proposals?policy_area=skole",
				wantStatus: http.StatusOK, wantBody: []string{`"items":[]`, `"population_year":null`}},
			{name: "proposal ranking limit too high", method: http.MethodGet, target: "/api/v1/rankings/proposals?limit=101",
				wantStatus: http.StatusBadRequest, wantBody: []string{`"pointer":"/limit"`}},
			{name: "proposal ranking malformed switch", method: http.MethodGet,
				target:     "/api/v1/rankings/proposals?include_reduces_service=ja",
				wantStatus: http.StatusBadRequest, wantBody: []string{`"pointer":"/include_reduces_service"`, "true eller false"}},
			{name: "peer without municipality", method: http.MethodGet, target: "/api/v1/rankings/proposals?peer=region",
				wantStatus: http.StatusBadRequest, wantBody: []string{`"pointer":"/municipality"`}},
			{name: "municipality ranking for a budget year", method: http.MethodGet,
				target: "/api/v1/rankings/municipalities?budget_year=2025", wantStatus: http.StatusOK, wantHeader: cacheable,
				wantBody: []string{`{"rank":1,"code":"253","name":"Greve","region":"Region Sjælland","population":52157,"population_year":2024,"proposal_count":1,"sum_per_resident_dkk":1000,"total_dkk":52157000}`,
					`"budget_year":2025`, `"population_year":2024`}},
			{name: "municipality ranking of another budget year", method: http.MethodGet,
				target:     "/api/v1/rankings/municipalities?budget_year=2024",
				wantStatus: http.StatusOK, wantBody: []string{`"rank":1,"code":"101"`, `"proposal_count":0`}, denyBody: []string{`"proposal_count":1`}},
			{name: "municipality ranking within a size band", method: http.MethodGet,
				target:     "/api/v1/rankings/municipalities?peer=band&municipality=825",
				wantStatus: http.StatusOK, wantBody: []string{`"size":9`, `"budget_year":null`}},
			{name: "municipality ranking with malformed year", method: http.MethodGet,
				target:     "/api/v1/rankings/municipalities?budget_year=næste",
				wantStatus: http.StatusBadRequest, wantBody: []string{`"pointer":"/budget_year"`}},
			{
				// Hand-computed (see comparisonData): the top 2 of the four are Læsø
				// (50.000 øre) and Fanø (30.001 øre): benchmark 40.000,5 → 40.001 øre.
				// Samsø: (40.001 − 10.000) × 3.694 / 100 = 1.108.236,94 → 1.108.237 kr.
				// Ærø:    40.001 × 5.960 / 100            = 2.384.059,6  → 2.384.060 kr.
				// Total 3.492.297 kr.
				name: "potential on the hand-computed example", method: http.MethodGet,
				target: "/api/v1/analysis/potential?top=2&" + smallTowns, wantStatus: http.StatusOK, wantHeader: cacheable,
				wantBody: []string{`"top":2`, `"benchmark_per_resident_dkk":400.01`, `"total_dkk":3492297`, `DI's metode`,
					`"code":"492","name":"Ærø","region":"Region Syddanmark","population":5960,"population_year":2024,"proposal_count":0,"sum_per_resident_dkk":0,"total_dkk":0,"in_top":false,"potential_dkk":2384060`,
					`"code":"741","name":"Samsø","region":"Region Midtjylland","population":3694,"population_year":2024,"proposal_count":1,"sum_per_resident_dkk":100,"total_dkk":369400,"in_top":false,"potential_dkk":1108237`,
					`"in_top":true,"potential_dkk":0`},
			},
			{name: "potential within a size band", method: http.MethodGet,
				target:     "/api/v1/analysis/potential?top=2&peer=band&municipality=825",
				wantStatus: http.StatusOK, wantBody: []string{`"benchmark_per_resident_dkk":400.01`, `"kind":"band"`, `"size":9`, `"potential_dkk":1108237`}},
			{name: "potential needs someone below the top", method: http.MethodGet,
				target:     "/api/v1/analysis/potential?top=4&" + smallTowns,
				wantStatus: http.StatusBadRequest, wantBody: []string{`"pointer":"/top"`}},
			{name: "potential for an unknown municipality", method: http.MethodGet,
				target: "/api/v1/analysis/potential?peer=region&municipality=999", wantStatus: http.StatusNotFound},
			{name: "peer groups", method: http.MethodGet, target: "/api/v1/peer-groups/825",
				wantStatus: http.StatusOK, wantHeader: cacheable,
				wantBody: []string{`"municipality":{"code":"825","name":"Læsø"`, `"kind":"band","label":"Under 20.000 indbyggere"`,
					`"kind":"region","label":"Region Nordjylland"`, `"kind":"similar","label":"Læsø og de 10 kommuner nærmest i indbyggertal"`}},
			{name: "municipality profile with its ranks", method: http.MethodGet, target: "/api/v1/municipalities/825",
				wantStatus: http.StatusOK, wantHeader: cacheable,
				wantBody: []string{`"published_count":1`, `"sum_per_resident_dkk":500`, `"national_rank":{"label":"Hele landet","rank":2,"of":98}`,
					`"peer_ranks":[{"kind":"band","label":"Under 20.000 indbyggere","rank":1,"of":9},{"kind":"region","label":"Region Nordjylland","rank":1,"of":11}`}},
			{name: "peer groups of unknown municipality", method: http.MethodGet, target: "/api/v1/peer-groups/999",
				wantStatus: http.StatusNotFound},
		})

		t.Run("order", func(t *testing.T) {
			tests := []struct {
				target string
				want   []string // the first codes
				count  int
			}{
				{"/api/v1/rankings/proposals", []string{"825", "563", "741", "250"}, 4},
				{"/api/v1/rankings/proposals?include_reduces_service=true&limit=2", []string{"253", "825"}, 2},
				{"/api/v1/rankings/proposals?peer=band&municipality=825", []string{"825", "563", "741"}, 3},
				{"/api/v1/rankings/municipalities?budget_year=2025", []string{"253", "825", "563", "741", "250", "101"}, 98},
				{"/api/v1/rankings/municipalities?peer=band&municipality=825", []string{"825", "563", "741", "155", "187"}, 9},
				{"/api/v1/analysis/potential?top=2&" + smallTowns, []string{"492", "741", "825", "563"}, 4},
				{"/api/v1/analysis/potential?top=2&peer=band&municipality=825", nil, 9},
			}
			for _, tt := range tests {
				got := itemCodes(t, f, tt.target)
				if len(got) != tt.count || !slices.Equal(got[:len(tt.want)], tt.want) {
					t.Errorf("%s: codes=%v, want %d starting %v", tt.target, got, tt.count, tt.want)
				}
			}
		})
	})
}

func TestComparisonAPI_NotModified(t *testing.T) {
	f := newFixture(t, testutil.NewSQLite(t), api.Options{})
	ids := comparisonData(t, f.svc)
	for _, target := range []string{
		"/api/v1/proposals/" + ids["250"] + "/estimate?municipality=101",
		"/api/v1/rankings/proposals",
		"/api/v1/rankings/municipalities",
		"/api/v1/analysis/potential",
		"/api/v1/peer-groups/250",
		"/api/v1/municipalities/250",
	} {
		rec := f.do(http.MethodGet, target, "", nil)
		etag := rec.Header().Get("ETag")
		if rec.Code != http.StatusOK || etag == "" {
			t.Fatalf("%s: status=%d ETag=%q", target, rec.Code, etag)
		}
		f.run(t, []scenario{
			{name: target + " revalidated", method: http.MethodGet, target: target,
				headers: map[string]string{"If-None-Match": `"other", W/` + etag}, wantStatus: http.StatusNotModified,
				wantHeader: map[string]string{"ETag": etag, "Cache-Control": "public, max-age=60"}},
			{name: target + " changed", method: http.MethodGet, target: target,
				headers: map[string]string{"If-None-Match": `"other"`}, wantStatus: http.StatusOK},
		})
	}
}
