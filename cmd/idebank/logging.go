package main

import (
	"io"
	"log/slog"
)

// newLogger returns the structured logger of cfg, writing to w.
func newLogger(cfg Config, w io.Writer) *slog.Logger {
	level, _ := cfg.slogLevel() // checked by Config.validate
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
