package main

import (
	"flag"
	"io"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestConfig_FlagsOverrideEnvOverrideDefaults(t *testing.T) {
	for _, tt := range []struct {
		name string
		env  testEnv
		args []string
		want func(*Config)
	}{
		{"Defaults", nil, nil, func(*Config) {}},
		{"Env", testEnv{
			"IDEBANK_ADDR": "127.0.0.1:9000", "IDEBANK_DATA_DIR": "/var/lib/idebank",
			"DATABASE_URL": "postgres://x@db/idebank", "IDEBANK_DEMO": "false",
			"IDEBANK_LOG_LEVEL": "debug", "IDEBANK_LOG_FORMAT": "json", "IDEBANK_REQUEST_TIMEOUT": "3s",
		}, nil, func(c *Config) {
			c.Addr, c.DataDir, c.DatabaseURL, c.Demo = "127.0.0.1:9000", "/var/lib/idebank", "postgres://x@db/idebank", false
			c.LogLevel, c.LogFormat, c.RequestTimeout = "debug", "json", 3*time.Second
		}},
		{"FlagBeatsEnv", testEnv{"IDEBANK_ADDR": ":9000", "IDEBANK_DEMO": "false"},
			[]string{"--addr", ":7000", "--demo", "--request-timeout", "1m"}, func(c *Config) {
				c.Addr, c.RequestTimeout = ":7000", time.Minute
			}},
		{"EmptyEnvKeepsDefault", testEnv{"IDEBANK_ADDR": ""}, nil, func(*Config) {}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := defaultConfig()
			if err := got.applyEnv(tt.env.getenv); err != nil {
				t.Fatal(err)
			}
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			got.register(fs)
			if err := fs.Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			want := defaultConfig()
			tt.want(&want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("config (-want +got):\n%s", diff)
			}
			if err := got.validate(); err != nil {
				t.Errorf("validate: %v", err)
			}
		})
	}
}

func TestConfig_RefusesBadValues(t *testing.T) {
	for name, env := range map[string]testEnv{
		"Demo":      {"IDEBANK_DEMO": "maybe"},
		"Timeout":   {"IDEBANK_REQUEST_TIMEOUT": "soon"},
		"LogLevel":  {"IDEBANK_LOG_LEVEL": "loud"},
		"LogFormat": {"IDEBANK_LOG_FORMAT": "xml"},
		"ZeroTime":  {"IDEBANK_REQUEST_TIMEOUT": "0s"},
	} {
		t.Run(name, func(t *testing.T) {
			if err := run(t.Context(), []string{"migrate"}, env.getenv, io.Discard, io.Discard); err == nil {
				t.Error("run succeeded, want a configuration error")
			}
		})
	}
}
