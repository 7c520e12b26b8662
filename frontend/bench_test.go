package frontend_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/idebank/idebank/internal/demo"
)

// BenchmarkPages measures the server time of each page on the demo data,
// from request to rendered HTML, without the network:
//
//	go test -run '^$' -bench Pages ./frontend
func BenchmarkPages(b *testing.B) {
	a := newTestApp(b, true)
	pr := a.firstPublished(b)
	editor := sessionCookie(b, a, editorEmail)
	pages := []struct {
		name, path string
		cookie     *http.Cookie
	}{
		{"Forside", "/", nil},
		{"Soegning", "/soeg", nil},
		{"SoegningMedOrd", "/soeg?q=velf%C3%A6rdsteknologi&policy_area=aeldre-og-sundhed", nil},
		{"Forslag", "/forslag/" + pr.ID, nil},
		{"ForslagMedSkoen", "/forslag/" + pr.ID + "?kommune=851", nil},
		{"Kommuner", "/kommuner", nil},
		{"Kommune", "/kommuner/250", nil},
		{"Sammenlign", "/sammenlign", nil},
		{"SammenlignGruppe", "/sammenlign?kommune=250&peer=band", nil},
		{"LogInd", "/log-ind", nil},
		{"Redaktion", "/redaktion", editor},
		{"RedigerForslag", "/forslag/" + pr.ID + "/rediger", editor},
		{"Historik", "/forslag/" + pr.ID + "/historik", editor},
		{"Dubletter", "/forslag/" + pr.ID + "/dubletter", editor},
	}
	for _, p := range pages {
		b.Run(p.name, func(b *testing.B) {
			var size int
			for b.Loop() {
				req := httptest.NewRequest(http.MethodGet, p.path, nil)
				if p.cookie != nil {
					req.AddCookie(p.cookie)
				}
				rec := httptest.NewRecorder()
				a.handler.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: status %d", p.path, rec.Code)
				}
				size = rec.Body.Len()
			}
			b.ReportMetric(float64(size)/1024, "KB/page")
		})
	}
}

// sessionCookie logs in as email and returns the session cookie.
func sessionCookie(tb testing.TB, a *testApp, email string) *http.Cookie {
	tb.Helper()
	br := a.browser(tb)
	res := br.post("/log-ind", "/log-ind", url.Values{"email": {email}, "password": {demo.Password}})
	for _, ck := range (&http.Response{Header: res.Header}).Cookies() {
		if ck.Name == "idebank_session" && !strings.HasPrefix(ck.Value, "\"") && ck.Value != "" {
			return ck
		}
	}
	tb.Fatalf("no session cookie after logging in as %s", email)
	return nil
}
