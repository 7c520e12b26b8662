package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/idebank/idebank/api"
	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

// loginBody is the body of POST /api/v1/session for email and password.
func loginBody(email, password string) string {
	return `{"email":"` + email + `","password":"` + password + `"}`
}

// login logs role in through the API and returns the Cookie header of its
// session and the session's CSRF token.
func (f *fixture) login(t *testing.T, role string) (cookie, csrf string) {
	t.Helper()
	rec := f.do(http.MethodPost, "/api/v1/session", loginBody(f.principals[role].Email, testutil.DefaultPassword), nil)
	if rec.Code != http.StatusCreated {
		t.Fatalf("login status=%d; body: %s", rec.Code, rec.Body)
	}
	var got struct {
		CSRFToken string `json:"csrf_token"`
	}
	decode(t, rec, &got)
	cks := rec.Result().Cookies()
	if len(cks) != 1 || got.CSRFToken == "" {
		t.Fatalf("login set cookies %v and csrf_token %q, want one cookie and a token", cks, got.CSRFToken)
	}
	return cks[0].Name + "=" + cks[0].Value, got.CSRFToken
}

func TestSessionLoginSetsTheWebCookie(t *testing.T) {
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db, api.Options{})
		staff := f.principals[staffOwn]
		tests := []struct {
			name       string
			target     string
			wantName   string
			wantSecure bool
		}{
			{"plain HTTP", "/api/v1/session", "idebank_session", false},
			{"TLS", "https://idebank.example/api/v1/session", "__Host-idebank_session", true},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				rec := f.do(http.MethodPost, tt.target, loginBody(staff.Email, testutil.DefaultPassword), nil)
				if rec.Code != http.StatusCreated {
					t.Fatalf("status=%d; body: %s", rec.Code, rec.Body)
				}
				for _, want := range []string{`"email":"` + staff.Email + `"`, `"role":"staff"`, `"municipality_code":"250"`, `"expires_at":`, `"csrf_token":"`} {
					if !strings.Contains(rec.Body.String(), want) {
						t.Errorf("body lacks %s; body: %s", want, rec.Body)
					}
				}
				if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
					t.Errorf("Cache-Control=%q, want no-store", cc)
				}
				cks := rec.Result().Cookies()
				if len(cks) != 1 {
					t.Fatalf("cookies=%v, want the session cookie", cks)
				}
				ck := cks[0]
				if ck.Name != tt.wantName || ck.Value == "" || ck.Path != "/" || !ck.HttpOnly ||
					ck.SameSite != http.SameSiteLaxMode || ck.Secure != tt.wantSecure || ck.MaxAge != int(domain.SessionTTL.Seconds()) {
					t.Errorf("cookie=%+v, want %s, HttpOnly, SameSite=Lax, Path=/, Secure=%v, lasting the session", ck, tt.wantName, tt.wantSecure)
				}
			})
		}
	})
}

func TestSessionLoginRefusals(t *testing.T) {
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db, api.Options{})
		email := f.principals[staffOther].Email
		wrong := scenario{
			name: "wrong password", method: http.MethodPost, target: "/api/v1/session",
			body: loginBody(email, "forkert-adgangskode"), wantStatus: http.StatusUnauthorized,
			wantBody: []string{`"code":"unauthenticated"`, "E-mailadressen eller adgangskoden er forkert."},
		}
		scenarios := []scenario{
			{name: "unknown email", method: http.MethodPost, target: "/api/v1/session",
				body: loginBody("ingen@example.dk", testutil.DefaultPassword), wantStatus: http.StatusUnauthorized,
				wantBody: []string{`"code":"unauthenticated"`}},
			{name: "missing password", method: http.MethodPost, target: "/api/v1/session",
				body: `{"email":"` + email + `"}`, wantStatus: http.StatusBadRequest,
				wantBody: []string{`"code":"validation_failed"`, `"pointer":"/password"`}},
			{name: "unknown field", method: http.MethodPost, target: "/api/v1/session",
				body: `{"email":"` + email + `","password":"x","remember":true}`, wantStatus: http.StatusBadRequest,
				wantBody: []string{`"code":"unknown_field"`, `"pointer":"/remember"`}},
		}
		for range domain.MaxLoginFailures {
			scenarios = append(scenarios, wrong)
		}
		scenarios = append(scenarios, scenario{
			name: "right password after too many failures", method: http.MethodPost, target: "/api/v1/session",
			body: loginBody(email, testutil.DefaultPassword), wantStatus: http.StatusTooManyRequests,
			wantBody: []string{`"code":"rate_limited"`},
		})
		f.run(t, scenarios)
	})
}

func TestSessionCookieActsAsTheUserWithCSRF(t *testing.T) {
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db, api.Options{})
		draft := testutil.MustCreateProposal(t, f.svc, f.principals[staffOwn], testutil.ValidProposalInput())
		cookie, csrf := f.login(t, staffOwn)
		withCookie := func(more ...string) map[string]string {
			return f.as(public, append([]string{"Cookie", cookie}, more...)...)
		}
		withCSRF := withCookie("X-CSRF-Token", csrf)
		drafts := "/api/v1/proposals?status=draft"
		f.run(t, []scenario{
			{name: "cookie reads own draft", method: http.MethodGet, target: "/api/v1/proposals/" + draft.ID,
				headers: withCookie(), wantStatus: http.StatusOK, wantBody: []string{`"status":"draft"`}},
			{name: "without cookie the draft is hidden", method: http.MethodGet, target: "/api/v1/proposals/" + draft.ID,
				wantStatus: http.StatusNotFound},
			{name: "write without CSRF token is refused", method: http.MethodPost, target: "/api/v1/proposals",
				body: proposalJSON, headers: withCookie(), wantStatus: http.StatusForbidden,
				wantBody: []string{`"code":"forbidden"`, "X-CSRF-Token"}},
			{name: "write with a wrong CSRF token is refused", method: http.MethodPost, target: "/api/v1/proposals",
				body: proposalJSON, headers: withCookie("X-CSRF-Token", "forkert"), wantStatus: http.StatusForbidden,
				wantBody: []string{`"code":"forbidden"`}},
			{name: "refused writes created nothing", method: http.MethodGet, target: drafts,
				headers: withCookie(), wantStatus: http.StatusOK, wantBody: []string{`"total":1`}},
			{name: "write with CSRF token", method: http.MethodPost, target: "/api/v1/proposals",
				body: proposalJSON, headers: withCSRF, wantStatus: http.StatusCreated},
			{name: "the write created a draft", method: http.MethodGet, target: drafts,
				headers: withCookie(), wantStatus: http.StatusOK, wantBody: []string{`"total":2`}},
			{name: "bearer token needs no CSRF token", method: http.MethodPost, target: "/api/v1/proposals",
				body: proposalJSON, headers: f.as(staffOwn), wantStatus: http.StatusCreated},
			{name: "logging in again needs no CSRF token", method: http.MethodPost, target: "/api/v1/session",
				body: loginBody(f.principals[staffOwn].Email, testutil.DefaultPassword), headers: withCookie(),
				wantStatus: http.StatusCreated},
			{name: "logout without CSRF token is refused", method: http.MethodDelete, target: "/api/v1/session",
				headers: withCookie(), wantStatus: http.StatusForbidden},
			{name: "logout", method: http.MethodDelete, target: "/api/v1/session",
				headers: withCSRF, wantStatus: http.StatusNoContent},
			{name: "after logout the cookie reads as public", method: http.MethodGet, target: "/api/v1/proposals/" + draft.ID,
				headers: withCookie(), wantStatus: http.StatusNotFound},
			{name: "after logout the cookie cannot write", method: http.MethodPost, target: "/api/v1/proposals",
				body: proposalJSON, headers: withCSRF, wantStatus: http.StatusUnauthorized},
			{name: "logout again is harmless", method: http.MethodDelete, target: "/api/v1/session",
				headers: withCSRF, wantStatus: http.StatusNoContent},
		})
	})
}

func TestSessionLogoutDeletesTheCookie(t *testing.T) {
	f := newFixture(t, testutil.NewSQLite(t), api.Options{})
	cookie, csrf := f.login(t, editor)
	rec := f.do(http.MethodDelete, "/api/v1/session", "", map[string]string{"Cookie": cookie, "X-CSRF-Token": csrf})
	if rec.Code != http.StatusNoContent {
		t.Fatalf("status=%d; body: %s", rec.Code, rec.Body)
	}
	cks := rec.Result().Cookies()
	if len(cks) != 1 || cks[0].Name != "idebank_session" || cks[0].MaxAge >= 0 || cks[0].Value != "" {
		t.Errorf("cookies=%v, want the session cookie expired", cks)
	}
}

func TestTokenCreate(t *testing.T) {
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db, api.Options{})
		draft := testutil.MustCreateProposal(t, f.svc, f.principals[staffOwn], testutil.ValidProposalInput())
		cookie, csrf := f.login(t, staffOwn)
		withCSRF := map[string]string{"Cookie": cookie, "X-CSRF-Token": csrf}
		f.run(t, []scenario{
			{name: "public gets 401", method: http.MethodPost, target: "/api/v1/tokens",
				body: `{"name":"script"}`, wantStatus: http.StatusUnauthorized, wantBody: []string{`"code":"unauthenticated"`}},
			{name: "cookie without CSRF token is refused", method: http.MethodPost, target: "/api/v1/tokens",
				body: `{"name":"script"}`, headers: map[string]string{"Cookie": cookie}, wantStatus: http.StatusForbidden},
			{name: "name over 100 characters", method: http.MethodPost, target: "/api/v1/tokens",
				body: `{"name":"` + strings.Repeat("æ", 101) + `"}`, headers: withCSRF, wantStatus: http.StatusBadRequest,
				wantBody: []string{`"pointer":"/name"`, "Navnet må højst være 100 tegn."}},
			{name: "unknown field", method: http.MethodPost, target: "/api/v1/tokens",
				body: `{"navn":"script"}`, headers: withCSRF, wantStatus: http.StatusBadRequest,
				wantBody: []string{`"code":"unknown_field"`}},
			{name: "bearer user may create a token without a name", method: http.MethodPost, target: "/api/v1/tokens",
				body: `{}`, headers: f.as(editor), wantStatus: http.StatusCreated, wantBody: []string{`"token":"ib_`, `"name":""`}},
		})

		rec := f.do(http.MethodPost, "/api/v1/tokens", `{"name":"Budgetscript"}`, withCSRF)
		if rec.Code != http.StatusCreated {
			t.Fatalf("create token: status=%d; body: %s", rec.Code, rec.Body)
		}
		if cc := rec.Header().Get("Cache-Control"); cc != "no-store" {
			t.Errorf("Cache-Control=%q, want no-store", cc)
		}
		var tok struct{ Token, Name string }
		decode(t, rec, &tok)
		if !strings.HasPrefix(tok.Token, domain.TokenPrefix) || tok.Name != "Budgetscript" {
			t.Fatalf("token answer = %+v, want an ib_ token named Budgetscript", tok)
		}
		rec = f.do(http.MethodGet, "/api/v1/proposals/"+draft.ID, "", map[string]string{"Authorization": "Bearer " + tok.Token})
		if rec.Code != http.StatusOK {
			t.Errorf("new token reading own draft: status=%d, want 200; body: %s", rec.Code, rec.Body)
		}
	})
}
