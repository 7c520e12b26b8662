package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

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
		s.waitReady(t)
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
	for _, tt := range []struct {
		args      []string
		wantUsage bool // exit code 2 with the usage text, else exit code 1
	}{
		{[]string{"frobnicate"}, true},
		{[]string{"--no-such-flag"}, true},
		{[]string{"serve", "--no-such-flag"}, true},
		{[]string{"migrate", "extra"}, true},
		{[]string{"user"}, true},
		{[]string{"user", "create", "--role", "editor"}, true},
		{[]string{"token", "create"}, true},
		{[]string{"--request-timeout", "soon"}, true},
		{[]string{"--log-level", "loud"}, false},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			var stderr bytes.Buffer
			err := run(context.Background(), tt.args, env.getenv, io.Discard, &stderr)
			if err == nil {
				t.Fatal("run succeeded, want an error")
			}
			want := 1
			if tt.wantUsage {
				want = 2
			}
			if got := exitCode(err); got != want {
				t.Errorf("exit code %d for %v, want %d", got, err, want)
			}
			if got := strings.Contains(stderr.String(), "Usage: idebank"); got != tt.wantUsage {
				t.Errorf("usage printed=%v, want %v; stderr:\n%s", got, tt.wantUsage, stderr.String())
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
