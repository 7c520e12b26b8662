package frontend_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/idebank/idebank/api"
	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/frontend"
	"github.com/idebank/idebank/internal/demo"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/search"
	"github.com/idebank/idebank/store"
)

// testApp is the whole application (API and web pages) on a temporary
// SQLite database with its search index, served by an httptest server.
type testApp struct {
	URL     string
	handler http.Handler
	svc     *domain.Service
	db      *store.DB
	ix      *search.Index
	idx     *search.Indexer
}

// newTestApp starts the application, with the demo data when seed is true.
func newTestApp(tb testing.TB, seed bool) *testApp {
	tb.Helper()
	ctx := context.Background()
	db := testutil.NewSQLite(tb)
	svc, _ := testutil.NewService(tb, db)
	ix, err := search.Open(tb.TempDir(), search.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = ix.Close() })
	svc.Searcher = ix
	if seed {
		if _, err := demo.Seed(ctx, svc); err != nil {
			tb.Fatal(err)
		}
	}
	if err := ix.Rebuild(ctx, db, nil); err != nil {
		tb.Fatal(err)
	}
	a := &testApp{svc: svc, db: db, ix: ix, idx: search.NewIndexer(ix, db, search.IndexerOptions{Interval: 20 * time.Millisecond})}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { _ = a.idx.Run(runCtx); close(done) }()
	tb.Cleanup(func() { cancel(); <-done })

	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := api.NewServer(svc, api.Options{Logger: log})
	frontend.Register(srv.Echo(), svc, frontend.Options{Logger: log})
	hs := httptest.NewServer(srv)
	tb.Cleanup(hs.Close)
	a.URL, a.handler = hs.URL, srv
	return a
}

// browser is an HTTP client with a cookie jar that does not follow
// redirects, so tests see them.
type browser struct {
	tb  testing.TB
	app *testApp
	c   *http.Client
}

func (a *testApp) browser(tb testing.TB) *browser {
	jar, err := cookiejar.New(nil)
	if err != nil {
		tb.Fatal(err)
	}
	return &browser{tb: tb, app: a, c: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// response is a fetched page.
type response struct {
	Status   int
	Body     string
	Location string
	Header   http.Header
}

func (b *browser) do(req *http.Request) response {
	b.tb.Helper()
	res, err := b.c.Do(req)
	if err != nil {
		b.tb.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		b.tb.Fatal(err)
	}
	return response{Status: res.StatusCode, Body: string(body), Location: res.Header.Get("Location"), Header: res.Header}
}

// get fetches path.
func (b *browser) get(path string) response {
	b.tb.Helper()
	req, err := http.NewRequest(http.MethodGet, b.app.URL+path, nil)
	if err != nil {
		b.tb.Fatal(err)
	}
	return b.do(req)
}

// csrfRe finds the CSRF token in a page's forms.
var csrfRe = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// post submits form to path with the CSRF token of the page at from.
func (b *browser) post(from, path string, form url.Values) response {
	b.tb.Helper()
	page := b.get(from)
	m := csrfRe.FindStringSubmatch(page.Body)
	if m == nil {
		b.tb.Fatalf("no CSRF token on %s (status %d)", from, page.Status)
	}
	form.Set("csrf", m[1])
	return b.postRaw(path, form)
}

// postRaw submits form as it is.
func (b *browser) postRaw(path string, form url.Values) response {
	b.tb.Helper()
	req, err := http.NewRequest(http.MethodPost, b.app.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		b.tb.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

// login logs in as email with the demo password.
func (b *browser) login(email string) {
	b.tb.Helper()
	res := b.post("/log-ind", "/log-ind", url.Values{"email": {email}, "password": {demo.Password}})
	if res.Status != http.StatusSeeOther {
		b.tb.Fatalf("login as %s: status %d, want 303", email, res.Status)
	}
}

// Demo users.
const (
	editorEmail = "redaktoer@demo.idebank.dk"
	staffEmail  = "frederikssund@demo.idebank.dk"
)

// firstPublished returns a published demo proposal.
func (a *testApp) firstPublished(tb testing.TB) *domain.Proposal {
	tb.Helper()
	page, err := a.svc.ListProposals(context.Background(), domain.Public, domain.ProposalFilter{PerPage: 1, Sort: domain.SortPerResident})
	if err != nil || len(page.Items) == 0 {
		tb.Fatalf("no published proposal: %v", err)
	}
	return page.Items[0]
}

// wantContains fails unless body contains every string of want.
func wantContains(tb testing.TB, body string, want ...string) {
	tb.Helper()
	for _, w := range want {
		if !strings.Contains(body, w) {
			tb.Errorf("page does not contain %q", w)
		}
	}
}
