package api_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/api"
	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
)

// syncBuffer is a log sink safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestErrorStatuses(t *testing.T) {
	logs := &syncBuffer{}
	f := newFixture(t, testutil.NewSQLite(t), api.Options{
		Logger: slog.New(slog.NewJSONHandler(logs, nil)),
		Ready:  func(context.Context) error { return errors.New("søgeindekset genopbygges") },
	})
	e := f.srv.Echo()
	e.GET("/test/panic", func(echo.Context) error { panic("SELECT secret FROM /var/lib/idebank") })
	e.GET("/test/error", func(echo.Context) error {
		return fmt.Errorf("store: query /var/lib/idebank: %w", errors.New("pq: syntax"))
	})
	e.GET("/test/rate", func(echo.Context) error { return fmt.Errorf("domain: login: %w", domain.ErrRateLimited) })
	e.GET("/test/echo-rate", func(echo.Context) error { return echo.ErrTooManyRequests })
	e.POST("/test/media", func(echo.Context) error { return echo.ErrUnsupportedMediaType })
	e.POST("/test/conflict", func(echo.Context) error { return fmt.Errorf("store: external key: %w", domain.ErrConflict) })
	secret := []string{"SELECT", "/var/lib", "pq:", "panic", "goroutine"}

	f.run(t, []scenario{
		{name: "400MalformedJSON", method: http.MethodPost, target: "/api/v1/proposals", body: `{`, headers: f.as(editor),
			wantStatus: 400, wantBody: []string{`"code":"validation_failed"`}},
		{name: "401InvalidToken", method: http.MethodGet, target: "/api/v1/municipalities", headers: map[string]string{"Authorization": "Bearer ib_nope"},
			wantStatus: 401, wantBody: []string{`"code":"unauthenticated"`}, wantHeader: map[string]string{"WWW-Authenticate": `Bearer realm="idebank"`}},
		{name: "403StaffOfOtherMunicipality", method: http.MethodPost, target: "/api/v1/proposals", body: proposalJSON, headers: f.as(staffOther),
			wantStatus: 403, wantBody: []string{`"code":"forbidden"`, `"title":"Ingen adgang"`}},
		{name: "404UnknownRoute", method: http.MethodGet, target: "/api/v1/nothing-here",
			wantStatus: 404, wantBody: []string{`"code":"not_found"`}},
		{name: "404UnknownProposal", method: http.MethodGet, target: "/api/v1/proposals/0190a1b2-0000-7000-8000-000000000000",
			wantStatus: 404, wantBody: []string{`"code":"not_found"`}},
		{name: "404UnknownMunicipality", method: http.MethodGet, target: "/api/v1/municipalities/999",
			wantStatus: 404, wantBody: []string{`"code":"not_found"`}},
		{name: "405WrongMethod", method: http.MethodPut, target: "/api/v1/municipalities",
			wantStatus: 405, wantBody: []string{`"code":"method_not_allowed"`}, wantHeader: map[string]string{"Allow": "OPTIONS, GET"}},
		{name: "409Conflict", method: http.MethodPost, target: "/test/conflict",
			wantStatus: 409, wantBody: []string{`"code":"conflict"`}},
		{name: "413BodyOverOneMiB", method: http.MethodPost, target: "/api/v1/proposals", body: `"` + strings.Repeat("x", api.MaxBodyBytes-1) + `"`, headers: f.as(editor),
			wantStatus: 413, wantBody: []string{`"code":"payload_too_large"`}},
		{name: "415EchoUnsupportedMediaType", method: http.MethodPost, target: "/test/media",
			wantStatus: 415, wantBody: []string{`"code":"unsupported_media_type"`}},
		{name: "428NoIfMatch", method: http.MethodDelete, target: "/api/v1/proposals/x", headers: f.as(editor),
			wantStatus: 428, wantBody: []string{`"code":"precondition_required"`}},
		{name: "429DomainRateLimit", method: http.MethodGet, target: "/test/rate",
			wantStatus: 429, wantBody: []string{`"code":"rate_limited"`}},
		{name: "429EchoRateLimit", method: http.MethodGet, target: "/test/echo-rate",
			wantStatus: 429, wantBody: []string{`"code":"rate_limited"`}},
		{name: "500PanicGeneric", method: http.MethodGet, target: "/test/panic", headers: map[string]string{"X-Request-ID": "req-panic"},
			wantStatus: 500, wantBody: []string{`"code":"internal"`}, denyBody: secret},
		{name: "500ErrorGeneric", method: http.MethodGet, target: "/test/error", headers: map[string]string{"X-Request-ID": "req-error"},
			wantStatus: 500, wantBody: []string{`"code":"internal"`}, denyBody: secret},
		{name: "503NotReadyWithReason", method: http.MethodGet, target: "/readyz",
			wantStatus: 503, wantBody: []string{`"code":"not_ready"`, "søgeindekset genopbygges"}},
	})

	t.Run("InternalErrorsLoggedOnceWithRequestID", func(t *testing.T) {
		for _, id := range []string{"req-panic", "req-error"} {
			var lines []string
			for _, l := range strings.Split(logs.String(), "\n") {
				if strings.Contains(l, `"request_id":"`+id+`"`) && strings.Contains(l, `"msg":"internal error"`) {
					lines = append(lines, l)
				}
			}
			if len(lines) != 1 {
				t.Errorf("request %s: %d internal-error log lines, want 1:\n%s", id, len(lines), logs)
			}
		}
		if !strings.Contains(logs.String(), `"msg":"request","request_id":"req-panic","method":"GET","uri":"/test/panic","status":500`) {
			t.Errorf("no access log line for the panic:\n%s", logs)
		}
	})
}

func TestRequestDeadlineReachesService(t *testing.T) {
	f := newFixture(t, testutil.NewSQLite(t), api.Options{RequestTimeout: time.Nanosecond})
	f.run(t, []scenario{
		{name: "Anonymous", method: http.MethodGet, target: "/api/v1/municipalities",
			wantStatus: 503, wantBody: []string{`"code":"timeout"`}},
		{name: "Authenticated", method: http.MethodGet, target: "/api/v1/proposals", headers: f.as(editor),
			wantStatus: 503, wantBody: []string{`"code":"timeout"`}},
	})
}

func TestHealth(t *testing.T) {
	f := newFixture(t, testutil.NewSQLite(t), api.Options{})
	f.run(t, []scenario{
		{name: "Healthz", method: http.MethodGet, target: "/healthz", wantStatus: 200, wantBody: []string{`"status":"ok"`}},
		{name: "ReadyzWithoutCheck", method: http.MethodGet, target: "/readyz", wantStatus: 200, wantBody: []string{`"status":"ready"`}},
		{name: "RequestIDEchoed", method: http.MethodGet, target: "/healthz", headers: map[string]string{"X-Request-ID": "abc"},
			wantStatus: 200, wantHeader: map[string]string{"X-Request-ID": "abc", "Content-Type": "application/json; charset=utf-8"}},
	})
}

func TestBodyLimitWithoutContentLength(t *testing.T) {
	f := newFixture(t, testutil.NewSQLite(t), api.Options{})
	body := `{"title":"` + strings.Repeat("x", api.MaxBodyBytes) + `"}`
	req := httptest.NewRequest(http.MethodPost, "/api/v1/proposals", io.MultiReader(strings.NewReader(body)))
	req.ContentLength = -1 // streamed: only reading finds the size
	req.Header.Set("Authorization", "Bearer "+f.tokens[editor])
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	if p := checkProblem(t, rec, http.StatusRequestEntityTooLarge); p.Code != "payload_too_large" {
		t.Errorf("code=%s, want payload_too_large", p.Code)
	}
}
