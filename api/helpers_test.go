package api_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/idebank/idebank/api"
	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

// The roles of the fixture's callers.
const (
	public     = "public"
	staffOwn   = "staff-own"   // staff of Frederikssund, the proposals' municipality
	staffOther = "staff-other" // staff of København
	editor     = "editor"
	admin      = "admin"
)

var roles = []string{public, staffOwn, staffOther, editor, admin}

// fixture is an API server on a real database with one caller per role.
type fixture struct {
	svc        *domain.Service
	srv        *api.Server
	tokens     map[string]string
	principals map[string]domain.Principal
}

func newFixture(t *testing.T, db *store.DB, o api.Options) *fixture {
	t.Helper()
	svc, _ := testutil.NewService(t, db)
	f := &fixture{
		svc:        svc,
		srv:        api.NewServer(svc, o),
		tokens:     map[string]string{},
		principals: map[string]domain.Principal{public: domain.Public},
	}
	for role, u := range map[string]struct {
		role domain.Role
		code string
	}{
		staffOwn:   {domain.RoleStaff, testutil.FrederikssundCode},
		staffOther: {domain.RoleStaff, "101"},
		editor:     {domain.RoleEditor, ""},
		admin:      {domain.RoleAdmin, ""},
	} {
		user, p := testutil.MustCreateUser(t, svc, u.role, u.code)
		tok, err := svc.CreateToken(context.Background(), domain.System, user.Email, "test")
		if err != nil {
			t.Fatalf("create token: %v", err)
		}
		f.tokens[role], f.principals[role] = tok, p
	}
	return f
}

// as returns the headers that authenticate a request as role.
func (f *fixture) as(role string, more ...string) map[string]string {
	h := map[string]string{}
	if tok := f.tokens[role]; tok != "" {
		h["Authorization"] = "Bearer " + tok
	}
	for i := 0; i+1 < len(more); i += 2 {
		h[more[i]] = more[i+1]
	}
	return h
}

// do sends one request through the server's router.
func (f *fixture) do(method, target, body string, headers map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	return rec
}

// scenario is one HTTP exchange and what the answer must contain.
type scenario struct {
	name       string
	method     string
	target     string
	body       string
	headers    map[string]string
	wantStatus int
	wantBody   []string // substrings of the body
	denyBody   []string // substrings the body must not contain
	wantHeader map[string]string
}

func (f *fixture) run(t *testing.T, scenarios []scenario) {
	t.Helper()
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			rec := f.do(sc.method, sc.target, sc.body, sc.headers)
			body := rec.Body.String()
			if rec.Code != sc.wantStatus {
				t.Fatalf("status=%d, want %d; body: %s", rec.Code, sc.wantStatus, body)
			}
			for _, want := range sc.wantBody {
				if !strings.Contains(body, want) {
					t.Errorf("body lacks %s; body: %s", want, body)
				}
			}
			for _, deny := range sc.denyBody {
				if strings.Contains(body, deny) {
					t.Errorf("body contains %s; body: %s", deny, body)
				}
			}
			for k, v := range sc.wantHeader {
				if got := rec.Header().Get(k); got != v {
					t.Errorf("header %s=%q, want %q", k, got, v)
				}
			}
			if sc.wantStatus >= 400 {
				checkProblem(t, rec, sc.wantStatus)
			}
		})
	}
}

// problemBody is an RFC 9457 answer as the API writes it.
type problemBody struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
	Code   string `json:"code"`
	Errors []struct {
		Pointer string `json:"pointer"`
		Detail  string `json:"detail"`
	} `json:"errors"`
}

// checkProblem asserts that rec is a complete problem+json answer with status.
func checkProblem(t *testing.T, rec *httptest.ResponseRecorder, status int) problemBody {
	t.Helper()
	if rec.Code != status {
		t.Errorf("status=%d, want %d", rec.Code, status)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("Content-Type=%q, want application/problem+json", ct)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(rec.Body.Bytes(), &raw); err != nil {
		t.Fatalf("problem body is not JSON: %v; body: %s", err, rec.Body)
	}
	for _, k := range []string{"type", "title", "status", "detail", "code", "errors"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("problem lacks %q; body: %s", k, rec.Body)
		}
	}
	var p problemBody
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
		t.Fatalf("decode problem: %v", err)
	}
	if p.Status != status || p.Code == "" || p.Title == "" || p.Detail == "" || !strings.HasSuffix(p.Type, p.Code) {
		t.Errorf("problem = %+v, want status %d with type, code, title and detail", p, status)
	}
	return p
}

// decode reads a JSON answer into v.
func decode(t *testing.T, rec *httptest.ResponseRecorder, v any) {
	t.Helper()
	if err := json.NewDecoder(rec.Body).Decode(v); err != nil && err != io.EOF {
		t.Fatalf("decode %s: %v", rec.Body, err)
	}
}

// proposalJSON is a valid create body for Frederikssund, budget year 2025.
const proposalJSON = `{
	"title": "Digital visitation på ældreområdet",
	"summary": "Visitationen sker digitalt.",
	"description": "Borgerne søger digitalt.",
	"policy_area": "aeldre-og-sundhed",
	"measure_type": "digitalisering",
	"municipality_code": "250",
	"budget_year": 2025,
	"savings": [{"year": 2025, "amount_dkk": 300000}, {"year": 2026, "amount_dkk": 900000}],
	"investment_dkk": 250000,
	"evidence_level": "decided",
	"tags": ["Velfærdsteknologi"],
	"contact": {"role": "Økonomiafdelingen", "email": "oekonomi@frederikssund.dk"}
}`

// withField returns proposalJSON with one more top-level member.
func withField(member string) string {
	return strings.Replace(proposalJSON, "{", "{"+member+",", 1)
}
