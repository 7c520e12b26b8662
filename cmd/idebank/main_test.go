package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

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

var demoSeededRE = regexp.MustCompile(`Demodata indlæst: (\d+) forslag`)

func TestRun_ServeSeedsDemoOnceAndShutsDownGracefully(t *testing.T) {
	forEachBackend(t, func(t *testing.T, env testEnv) {
		s := MustRunMain(t, env, "--addr", "127.0.0.1:0")
		m := demoSeededRE.FindStringSubmatch(s.Stdout.String())
		if m == nil {
			t.Fatalf("stdout lacks %q:\n%s", demoSeededRE, s.Stdout)
		}
		if n, _ := strconv.Atoi(m[1]); n < 60 {
			t.Errorf("demo proposals=%d, want at least 60", n)
		}
		for _, email := range demoEmails() {
			if !strings.Contains(s.Stdout.String(), email+" / ") {
				t.Errorf("stdout lacks the demo login %s:\n%s", email, s.Stdout)
			}
		}
		if got, want := s.total(t, "/api/v1/municipalities"), 98; got != want {
			t.Errorf("municipalities=%d, want %d", got, want)
		}
		published := s.total(t, "/api/v1/proposals")
		if published == 0 {
			t.Error("no published demo proposals")
		}
		if out := MustRunCommand(t, env, "healthcheck", "--url", s.URL+"/healthz"); out != "ok\n" {
			t.Errorf("healthcheck printed %q, want ok", out)
		}
		status, body := s.do(t, http.MethodGet, "/", "", nil)
		if status != http.StatusOK || !bytes.Contains(body, []byte(`lang="da"`)) || !bytes.Contains(body, []byte("98")) {
			t.Errorf("GET /: status=%d, body %.300s", status, body)
		}
		s.Stop(t)

		again := MustRunMain(t, env, "--addr=127.0.0.1:0")
		if demoSeededRE.MatchString(again.Stdout.String()) {
			t.Errorf("second start seeded again:\n%s", again.Stdout)
		}
		if !strings.Contains(again.Stdout.String(), "Demologins") {
			t.Errorf("second start lacks the demo logins:\n%s", again.Stdout)
		}
		if got := again.total(t, "/api/v1/proposals"); got != published {
			t.Errorf("published after restart=%d, want %d", got, published)
		}
	})
}

func TestRun_DemoDisabledLeavesDatabaseEmpty(t *testing.T) {
	for name, disable := range map[string]func(testEnv) (testEnv, []string){
		"Env":  func(e testEnv) (testEnv, []string) { return e.with("IDEBANK_DEMO", "false"), nil },
		"Flag": func(e testEnv) (testEnv, []string) { return e, []string{"--demo=false"} },
	} {
		t.Run(name, func(t *testing.T) {
			env, args := disable(newBackend(t))
			s := MustRunMain(t, env, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
			if out := s.Stdout.String(); strings.Contains(out, "Demodata") || strings.Contains(out, "Demologins") {
				t.Errorf("stdout mentions demo data:\n%s", out)
			}
			if got := s.total(t, "/api/v1/proposals"); got != 0 {
				t.Errorf("proposals=%d, want 0", got)
			}
			if got, want := s.total(t, "/api/v1/municipalities"), 98; got != want {
				t.Errorf("municipalities=%d, want %d", got, want)
			}
			var stderr bytes.Buffer
			err := run(context.Background(), []string{"token", "create", "--email", demoEmails()[0]}, env.getenv, io.Discard, &stderr)
			if err == nil {
				t.Error("token create for a demo user succeeded, want: no such user")
			}
		})
	}
}

func TestRun_TokenFromCommandLineAuthenticatesAgainstRunningServer(t *testing.T) {
	forEachBackend(t, func(t *testing.T, env testEnv) {
		env = env.with("IDEBANK_DEMO", "false")
		s := MustRunMain(t, env, "--addr", "127.0.0.1:0")

		// The commands run while the server holds the same database open.
		out := MustRunCommand(t, env, "user", "create", "--email", "Budget@Frederikssund.dk", "--role", "staff", "--municipality", "250")
		if !regexp.MustCompile(`(?m)^Adgangskode: \S{20,}$`).MatchString(out) {
			t.Errorf("user create did not print a generated password:\n%s", out)
		}
		out = MustRunCommand(t, env, "token", "create", "--email", "budget@frederikssund.dk", "--name", "test")
		lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		token := lines[len(lines)-1]
		if !regexp.MustCompile(`^ib_[A-Za-z0-9_-]{40,}$`).MatchString(token) {
			t.Fatalf("last line %q is not a token alone; output:\n%s", token, out)
		}

		proposal := map[string]any{
			"title":             "Digital postomdeling i borgerservice",
			"summary":           "Fysiske breve erstattes af Digital Post.",
			"description":       "Kommunen sender breve digitalt.",
			"policy_area":       "administration",
			"measure_type":      "digitalisering",
			"municipality_code": "250",
			"budget_year":       2025,
			"savings":           []map[string]int{{"year": 2025, "amount_dkk": 300000}, {"year": 2026, "amount_dkk": 900000}},
			"investment_dkk":    250000,
			"reduces_service":   false,
			"evidence_level":    "decided",
			"tags":              []string{"digital post"},
		}
		if status, body := s.do(t, http.MethodPost, "/api/v1/proposals", "", proposal); status != http.StatusUnauthorized {
			t.Errorf("POST without token: status=%d, want 401; body %s", status, body)
		}
		if status, body := s.do(t, http.MethodPost, "/api/v1/proposals", token, proposal); status != http.StatusCreated {
			t.Errorf("POST with token: status=%d, want 201; body %s", status, body)
		}
	})
}

func TestRun_UserCreateRefusesBadInput(t *testing.T) {
	env := newBackend(t)
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"StaffWithoutMunicipality", []string{"--email", "a@b.dk", "--role", "staff"}, "kommunekode"},
		{"UnknownRole", []string{"--email", "a@b.dk", "--role", "chef"}, "Rollen"},
		{"ShortPassword", []string{"--email", "a@b.dk", "--role", "editor", "--password", "kort"}, "mindst 10 tegn"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := run(context.Background(), append([]string{"user", "create"}, tt.args...), env.getenv, io.Discard, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err=%v, want one containing %q", err, tt.want)
			}
		})
	}
	t.Run("DuplicateEmail", func(t *testing.T) {
		MustRunCommand(t, env, "user", "create", "--email", "dup@kl.dk", "--role", "editor")
		err := run(context.Background(), []string{"user", "create", "--email", "dup@kl.dk", "--role", "editor"}, env.getenv, io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "allerede i brug") {
			t.Errorf("err=%v, want the email to be in use", err)
		}
	})
}

func TestRun_BadCommandLinePrintsUsage(t *testing.T) {
	env := testEnv{"IDEBANK_DATA_DIR": t.TempDir()}
	for _, args := range [][]string{
		{"frobnicate"},
		{"--no-such-flag"},
		{"serve", "--no-such-flag"},
		{"migrate", "extra"},
		{"user"},
		{"user", "create", "--role", "editor"},
		{"token", "create"},
		{"--log-level", "loud"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var stderr bytes.Buffer
			err := run(context.Background(), args, env.getenv, io.Discard, &stderr)
			if err == nil {
				t.Fatal("run succeeded, want an error")
			}
			if exitCode(err) == 2 && !strings.Contains(stderr.String(), "Usage: idebank") {
				t.Errorf("usage error without usage text; stderr:\n%s", stderr.String())
			}
			if exitCode(err) == 0 {
				t.Errorf("exit code 0 for %v", err)
			}
		})
	}
	t.Run("help", func(t *testing.T) {
		var stderr bytes.Buffer
		if err := run(context.Background(), []string{"help"}, env.getenv, io.Discard, &stderr); err != nil {
			t.Fatalf("help: %v", err)
		}
		for _, c := range commands() {
			if !strings.Contains(stderr.String(), c.name) {
				t.Errorf("usage lacks %q", c.name)
			}
		}
	})
}

func TestRun_MigrateIsIdempotent(t *testing.T) {
	forEachBackend(t, func(t *testing.T, env testEnv) {
		for i := range 2 {
			if out := MustRunCommand(t, env, "migrate"); !strings.Contains(out, "opdateret") {
				t.Errorf("run %d: output %q", i+1, out)
			}
		}
	})
}

func TestLocalURL(t *testing.T) {
	for _, tt := range []struct{ addr, want string }{
		{":8080", "http://127.0.0.1:8080"},
		{"0.0.0.0:80", "http://127.0.0.1:80"},
		{"[::]:8080", "http://127.0.0.1:8080"},
		{"127.0.0.1:9000", "http://127.0.0.1:9000"},
		{"localhost:8080", "http://localhost:8080"},
	} {
		if got, err := localURL(tt.addr); err != nil || got != tt.want {
			t.Errorf("localURL(%q)=%q, %v; want %q", tt.addr, got, err, tt.want)
		}
	}
	if _, err := localURL("8080"); err == nil {
		t.Error("localURL(\"8080\") succeeded, want an error")
	}
}
