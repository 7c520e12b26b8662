package main

import (
	"flag"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"
)

// Config is the whole configuration of one run, built once by loadConfig:
// defaults, then environment variables, then command-line flags.
type Config struct {
	Addr           string        // IDEBANK_ADDR, --addr
	DataDir        string        // IDEBANK_DATA_DIR, --data-dir
	DatabaseURL    string        // DATABASE_URL, --database-url
	Demo           bool          // IDEBANK_DEMO, --demo
	LogLevel       string        // IDEBANK_LOG_LEVEL, --log-level
	LogFormat      string        // IDEBANK_LOG_FORMAT, --log-format
	RequestTimeout time.Duration // IDEBANK_REQUEST_TIMEOUT, --request-timeout
}

// defaultConfig returns the configuration used when nothing is set.
func defaultConfig() Config {
	return Config{
		Addr:           ":8080",
		DataDir:        "./data",
		Demo:           true,
		LogLevel:       "info",
		LogFormat:      "text",
		RequestTimeout: 10 * time.Second,
	}
}

// applyEnv overrides c with every variable getenv knows.
func (c *Config) applyEnv(getenv func(string) string) error {
	strs := map[string]*string{
		"IDEBANK_ADDR":       &c.Addr,
		"IDEBANK_DATA_DIR":   &c.DataDir,
		"DATABASE_URL":       &c.DatabaseURL,
		"IDEBANK_LOG_LEVEL":  &c.LogLevel,
		"IDEBANK_LOG_FORMAT": &c.LogFormat,
	}
	for name, dst := range strs {
		if v := getenv(name); v != "" {
			*dst = v
		}
	}
	if v := getenv("IDEBANK_DEMO"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("config: IDEBANK_DEMO=%q: %w", v, err)
		}
		c.Demo = b
	}
	if v := getenv("IDEBANK_REQUEST_TIMEOUT"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			return fmt.Errorf("config: IDEBANK_REQUEST_TIMEOUT=%q: %w", v, err)
		}
		c.RequestTimeout = d
	}
	return nil
}

// register binds c's fields to flags on fs, with c's current values as the
// defaults, so that parsing fs overrides only what is given.
func (c *Config) register(fs *flag.FlagSet) {
	fs.StringVar(&c.Addr, "addr", c.Addr, "address to listen on (`host:port`; :0 picks a free port)")
	fs.StringVar(&c.DataDir, "data-dir", c.DataDir, "`directory` for the SQLite database and the search index")
	fs.StringVar(&c.DatabaseURL, "database-url", c.DatabaseURL, "PostgreSQL `URL`; empty uses SQLite in the data directory")
	fs.BoolVar(&c.Demo, "demo", c.Demo, "load demo users and proposals into an empty database")
	fs.StringVar(&c.LogLevel, "log-level", c.LogLevel, "log `level`: debug, info, warn or error")
	fs.StringVar(&c.LogFormat, "log-format", c.LogFormat, "log `format`: text or json")
	fs.DurationVar(&c.RequestTimeout, "request-timeout", c.RequestTimeout, "deadline of each HTTP request (a `duration` such as 10s)")
}

// validate reports settings that cannot work.
func (c *Config) validate() error {
	if _, err := c.slogLevel(); err != nil {
		return err
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return fmt.Errorf("config: log format %q: want text or json", c.LogFormat)
	}
	if c.RequestTimeout <= 0 {
		return fmt.Errorf("config: request timeout %s: must be positive", c.RequestTimeout)
	}
	if c.DatabaseURL == "" && c.DataDir == "" {
		return fmt.Errorf("config: a data directory or a database URL is needed")
	}
	return nil
}

// slogLevel parses LogLevel.
func (c *Config) slogLevel() (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(strings.ToUpper(c.LogLevel))); err != nil {
		return 0, fmt.Errorf("config: log level %q: want debug, info, warn or error", c.LogLevel)
	}
	return l, nil
}
