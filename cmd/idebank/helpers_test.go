package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/idebank/idebank/internal/demo"
	"github.com/idebank/idebank/internal/testutil"
)

// newBackend returns the environment of a fresh installation on SQLite in
// a temporary data directory.
func newBackend(tb testing.TB) testEnv {
	return testEnv{"IDEBANK_DATA_DIR": tb.TempDir(), "IDEBANK_LOG_LEVEL": "warn"}
}

// forEachBackend runs fn on a fresh SQLite installation and on a fresh
// PostgreSQL schema (skipped without IDEBANK_TEST_DATABASE_URL, failing
// when CI=true).
func forEachBackend(t *testing.T, fn func(t *testing.T, env testEnv)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, newBackend(t)) })
	t.Run("postgres", func(t *testing.T) {
		fn(t, newBackend(t).with("DATABASE_URL", testutil.NewPostgresURL(t)))
	})
}

// demoEmails returns the demo users' emails.
func demoEmails() []string {
	emails := make([]string, len(demo.Users))
	for i, u := range demo.Users {
		emails[i] = u.Email
	}
	return emails
}

// syncBuffer is a bytes.Buffer that run's goroutine may write while the
// test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// testEnv is the environment a test runs idebank with; getenv reads it.
type testEnv map[string]string

func (e testEnv) getenv(name string) string { return e[name] }

// with returns a copy of e with name set to value.
func (e testEnv) with(name, value string) testEnv {
	c := testEnv{name: value}
	for k, v := range e {
		if k != name {
			c[k] = v
		}
	}
	return c
}

// runningServer is an idebank serve started by run in the background.
type runningServer struct {
	URL    string
	Stdout *syncBuffer
	cancel context.CancelFunc
	done   chan error
}

var listeningRE = regexp.MustCompile(`Idébank kører på (http://\S+)`)

// MustRunMain starts run with args and env, waits until it prints its
// address and answers /healthz, and stops it when the test ends.
func MustRunMain(tb testing.TB, env testEnv, args ...string) *runningServer {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &runningServer{Stdout: &syncBuffer{}, cancel: cancel, done: make(chan error, 1)}
	stderr := &syncBuffer{}
	go func() { s.done <- run(ctx, args, env.getenv, s.Stdout, stderr) }()
	tb.Cleanup(func() {
		if s.cancel != nil {
			s.Stop(tb)
		}
		if tb.Failed() {
			tb.Logf("stdout:\n%s\nstderr:\n%s", s.Stdout, stderr)
		}
	})

	deadline := time.Now().Add(60 * time.Second)
	for s.URL == "" {
		if m := listeningRE.FindStringSubmatch(s.Stdout.String()); m != nil {
			s.URL = m[1]
			break
		}
		select {
		case err := <-s.done:
			s.cancel = nil
			tb.Fatalf("run returned before listening: %v\nstderr:\n%s", err, stderr)
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			tb.Fatalf("server did not start within a minute\nstderr:\n%s", stderr)
		}
	}
	for {
		if resp, err := http.Get(s.URL + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s
			}
		}
		if time.Now().After(deadline) {
			tb.Fatalf("/healthz did not answer 200 within a minute")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Stop cancels run's context, as SIGTERM does, and requires a clean return.
func (s *runningServer) Stop(tb testing.TB) {
	tb.Helper()
	s.cancel()
	s.cancel = nil
	select {
	case err := <-s.done:
		if err != nil {
			tb.Fatalf("run after shutdown: %v", err)
		}
	case <-time.After(30 * time.Second):
		tb.Fatalf("run did not return within 30s of shutdown")
	}
}

// MustRunCommand runs a sub-command to completion and returns its output.
func MustRunCommand(tb testing.TB, env testEnv, args ...string) string {
	tb.Helper()
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), args, env.getenv, &stdout, &stderr); err != nil {
		tb.Fatalf("idebank %s: %v\nstderr:\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

// do sends a request with an optional bearer token and JSON body and
// returns the status and body.
func (s *runningServer) do(tb testing.TB, method, path, token string, body any) (int, []byte) {
	tb.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			tb.Fatal(err)
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.URL+path, r)
	if err != nil {
		tb.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp.StatusCode, b
}

// total GETs a list endpoint and returns its "total".
func (s *runningServer) total(tb testing.TB, path string) int {
	tb.Helper()
	status, body := s.do(tb, http.MethodGet, path, "", nil)
	if status != http.StatusOK {
		tb.Fatalf("GET %s: status=%d, want 200; body %s", path, status, body)
	}
	var list struct {
		Total int `json:"total"`
	}
	if err := json.Unmarshal(body, &list); err != nil {
		tb.Fatalf("GET %s: %v", path, err)
	}
	return list.Total
}

// waitReady polls /readyz until it answers 200: at first start the search
// index is built in the background and /readyz says degraded meanwhile.
func (s *runningServer) waitReady(tb testing.TB) {
	tb.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		status, body := s.do(tb, http.MethodGet, "/readyz", "", nil)
		if status == http.StatusOK {
			return
		}
		if status != http.StatusServiceUnavailable || time.Now().After(deadline) {
			tb.Fatalf("GET /readyz: status=%d, want 200 within 60s; body %s", status, body)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
