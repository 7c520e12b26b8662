// Command idebank runs the inter-municipal idea bank: the HTTP API and web UI
// (serve, the default) and the maintenance sub-commands (migrate, user,
// token). Every sub-command works on the configured database whether or not
// a server is running.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "idebank:", err)
		os.Exit(exitCode(err))
	}
}

// run executes the sub-command named in args (serve when none is named) with
// the configuration from getenv and the flags in args. It returns when the
// command is done or, for serve, when ctx is cancelled and the server has
// shut down.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg := defaultConfig()
	if err := cfg.applyEnv(getenv); err != nil {
		return err
	}
	cl := &cli{cfg: cfg, stdout: stdout, stderr: stderr}
	global := cl.flagSet("")
	if err := parseFlags(global, args); err != nil {
		return ignoreHelp(err)
	}
	cmd, rest, err := findCommand(global.Args())
	if err != nil {
		cl.usage(nil)
		return err
	}
	if cmd == nil { // help
		cl.usage(nil)
		return nil
	}
	return ignoreHelp(cmd.run(ctx, cl, rest))
}

// ignoreHelp turns the -h "error" into success: the usage text was asked for
// and has been printed.
func ignoreHelp(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	return err
}

// exitCode is 2 for usage errors and 1 for every other failure.
func exitCode(err error) int {
	var ue *usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}
