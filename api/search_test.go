package api_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/idebank/idebank/api"
	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/search"
)

// withSearch gives f's service a real index in a temporary directory and
// returns a function that indexes the outbox.
func withSearch(t *testing.T, f *fixture, src domain.IndexSource) func() {
	t.Helper()
	ix, err := search.Open(t.TempDir(), search.Options{})
	if err != nil {
		t.Fatalf("open index: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	f.svc.Searcher = ix
	indexer := search.NewIndexer(ix, src, search.IndexerOptions{})
	return func() {
		t.Helper()
		if _, err := indexer.Drain(context.Background()); err != nil {
			t.Fatalf("index outbox: %v", err)
		}
	}
}

func TestSearch(t *testing.T) {
	db := testutil.NewSQLite(t)
	f := newFixture(t, db, api.Options{})
	drain := withSearch(t, f, db)
	route := testutil.ValidProposalInput()
	route.Title, route.Summary = "Optimerede hjemmeplejeruter", "Kørelister <b>planlægges</b> digitalt."
	route.Description = "Hjemmeplejen sparer køretid."
	routes := testutil.MustCreatePublished(t, f.svc, route)
	other := testutil.ValidProposalInput()
	other.Title, other.MunicipalityCode, other.PolicyArea = "Fælles indkøb af papir", "851", "indkoeb"
	other.Summary, other.Description, other.Tags = "Ét udbud for alle skoler.", "Papir købes samlet.", nil
	paper := testutil.MustCreatePublished(t, f.svc, other)
	draft := testutil.ValidProposalInput()
	draft.Title = "Hemmelig kladde om zyxwvut"
	testutil.MustCreateProposal(t, f.svc, f.principals[staffOwn], draft)
	drain()

	get := func(query string) string { return "/api/v1/search?" + query }
	f.run(t, []scenario{
		{name: "CompoundFound", method: http.MethodGet, target: get("q=" + url.QueryEscape("hjemmepleje ruter")), wantStatus: 200,
			wantBody: []string{`"total":1,"page":1,"per_page":20,"took_ms":`, `"query":{"q":"hjemmepleje ruter","corrected":null}`,
				`"id":"` + routes.ID + `"`, `"ref":"` + routes.Ref + `"`, `"per_resident_dkk":19.41`, `"full_effect_dkk":900000`,
				`"municipality":{"code":"250","name":"Frederikssund","region":"Region Hovedstaden"}`,
				`"title":["Optimerede \u003cmark\u003ehjemmeplejeruter\u003c/mark\u003e"]`},
			denyBody: []string{paper.ID}},
		{name: "TypoCorrected", method: http.MethodGet, target: get("q=hjemmeplejerutr"), wantStatus: 200,
			wantBody: []string{`"corrected":"hjemmeplejeruter"`, routes.ID}},
		{name: "FacetsWithLabels", method: http.MethodGet, target: get("municipality=851&municipality=250&policy_area=indkoeb"), wantStatus: 200,
			wantBody: []string{`"total":1`, paper.ID, `{"value":"indkoeb","label":"Indkøb","count":1}`, `{"value":"aeldre-og-sundhed","label":"Ældre og sundhed","count":1}`,
				`{"value":"851","label":"Aalborg","count":1}`, `"budget_year":[{"value":"2025","label":"2025","count":1}]`}},
		{name: "SortAndPaging", method: http.MethodGet, target: get("sort=savings&per_page=1&page=2"), wantStatus: 200,
			wantBody: []string{`"total":2,"page":2,"per_page":1`}},
		{name: "PerResidentInKroner", method: http.MethodGet, target: get("min_per_resident=19.41&max_per_resident=19.41"), wantStatus: 200,
			wantBody: []string{`"total":1`, routes.ID}},
		{name: "HTMLEscaped", method: http.MethodGet, target: get("q=planlægges"), wantStatus: 200,
			denyBody: []string{"<b>"}},
		{name: "DraftNeverFound", method: http.MethodGet, target: get("q=zyxwvut"), headers: f.as(staffOwn), wantStatus: 200,
			wantBody: []string{`"total":0,`, `"hits":[]`}},
		{name: "QuerySyntaxIsPlainText", method: http.MethodGet, target: get("q=" + url.QueryEscape("status:draft /.*/ *a* a~2")), wantStatus: 200,
			wantBody: []string{`"total":0`}},
		{name: "QueryTooLong", method: http.MethodGet, target: get("q=" + strings.Repeat("a", 501)), wantStatus: 400,
			wantBody: []string{`"code":"invalid_query"`, `"pointer":"/q"`}},
		{name: "MalformedParameters", method: http.MethodGet, target: get("budget_year=x&reduces_service=maybe&min_per_resident=-1&max_per_resident=NaN&page=0"), wantStatus: 400,
			wantBody: []string{`"code":"validation_failed"`, `"pointer":"/budget_year"`, `"pointer":"/reduces_service"`,
				`"pointer":"/min_per_resident"`, `"pointer":"/max_per_resident"`, `"pointer":"/page"`}},
		{name: "UnknownValues", method: http.MethodGet, target: get("sort=best&region=Jylland&policy_area=skoler&municipality=1&budget_year=1900"), wantStatus: 400,
			wantBody: []string{`"code":"validation_failed"`, `"pointer":"/sort"`, `"pointer":"/region"`, `"pointer":"/policy_area"`,
				`"pointer":"/municipality"`, `"pointer":"/budget_year"`}},
		{name: "PerPageOver100", method: http.MethodGet, target: get("per_page=101"), wantStatus: 400, wantBody: []string{`"pointer":"/per_page"`}},
		{name: "PageBeyondTheDepth", method: http.MethodGet, target: get("page=101&per_page=100"), wantStatus: 400, wantBody: []string{`"pointer":"/page"`}},
	})
}

func TestProposalSimilar(t *testing.T) {
	db := testutil.NewSQLite(t)
	f := newFixture(t, db, api.Options{})
	drain := withSearch(t, f, db)
	in := testutil.ValidProposalInput()
	a := testutil.MustCreatePublished(t, f.svc, in)
	in.Title = "Digital visitation af hjemmehjælp"
	b := testutil.MustCreatePublished(t, f.svc, in)
	d := testutil.MustCreateProposal(t, f.svc, f.principals[staffOwn], in)
	drain()
	f.run(t, []scenario{
		{name: "LikeButNotItself", method: http.MethodGet, target: "/api/v1/proposals/" + a.ID + "/similar", wantStatus: 200,
			wantBody: []string{`{"items":[{"id":"` + b.ID + `"`}, denyBody: []string{`"id":"` + a.ID + `"`, d.ID}},
		{name: "DraftHiddenFromPublic", method: http.MethodGet, target: "/api/v1/proposals/" + d.ID + "/similar", wantStatus: 404},
		{name: "DraftSeenByItsStaff", method: http.MethodGet, target: "/api/v1/proposals/" + d.ID + "/similar", headers: f.as(staffOwn), wantStatus: 200,
			wantBody: []string{`"items":[`}},
		{name: "Unknown", method: http.MethodGet, target: "/api/v1/proposals/nope/similar", wantStatus: 404},
	})
}

// recordingSearcher keeps the requests it gets and finds nothing.
type recordingSearcher struct{ reqs []domain.SearchRequest }

func (r *recordingSearcher) Search(_ context.Context, req domain.SearchRequest) (*domain.SearchResult, error) {
	r.reqs = append(r.reqs, req)
	return &domain.SearchResult{Q: req.Q, Facets: map[string][]domain.FacetCount{}}, nil
}

func (r *recordingSearcher) Similar(context.Context, string, int) ([]domain.SearchHit, error) {
	return nil, nil
}

func TestSearch_NoCacheHeaderAsksForAFreshSearch(t *testing.T) {
	f := newFixture(t, testutil.NewSQLite(t), api.Options{})
	rec := &recordingSearcher{}
	f.svc.Searcher = rec
	for _, header := range []string{"", "no-cache", "max-age=0, no-cache"} {
		req := httptest.NewRequest(http.MethodGet, "/api/v1/search?q=robot", nil)
		if header != "" {
			req.Header.Set("Cache-Control", header)
		}
		w := httptest.NewRecorder()
		f.srv.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			t.Fatalf("Cache-Control %q: status %d", header, w.Code)
		}
	}
	for i, want := range []bool{false, true, true} {
		if got := rec.reqs[i].Fresh; got != want {
			t.Errorf("request %d: Fresh %v, want %v", i, got, want)
		}
	}
}
