package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// usageError is a command line that could not be understood. The usage
// text has been printed when it is returned.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// usagef returns a usageError with a formatted message.
func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// cli is the state one run shares with its sub-command: the configuration
// (flags write into it) and where output goes.
type cli struct {
	cfg    Config
	stdout io.Writer
	stderr io.Writer
}

// command is one sub-command. name is what the user types, e.g. "user create".
type command struct {
	name    string
	args    string // argument synopsis for the usage text
	summary string
	run     func(ctx context.Context, cl *cli, args []string) error
}

// commands lists every sub-command; the first is the default.
func commands() []command {
	return []command{
		{"serve", "[flags]", "start the web server (default)", runServe},
		{"migrate", "[flags]", "create or update the database schema and reference data", runMigrate},
		{"user create", "--email E --role R [--municipality CODE] [--password P]", "create a user (prints a generated password when none is given)", runUserCreate},
		{"token create", "--email E [--name N]", "create an API token for a user; the token is printed alone on the last line", runTokenCreate},
		{"reindex", "[flags]", "rebuild the search index from the database (with the server stopped)", runReindex},
		{"import", "FILE [--dry-run] [--publish] [--skip-invalid]", "import proposals from a CSV, XLSX or JSON Lines file (see docs/import-template.csv)", runImport},
		{"export", "[filters] [--format csv|xlsx] [--out FILE]", "export the published proposals matching search filters", runExport},
		{"healthcheck", "[--url URL]", "check that a running server answers /healthz (for container health checks)", runHealthcheck},
		{"bench search", "[--size N] [--dir DIR] [--rebuild] [--cpuprofile FILE]", "measure search alone on a generated corpus kept in DIR between runs (SQLite, no PostgreSQL)", runBenchSearch},
		{"bench", "--size N --postgres URL [--out DIR]", "run the benchmark suite on a generated corpus, side by side with PostgreSQL full-text search", runBench},
	}
}

// findCommand returns the command args start with and the args after its
// name. It returns the default command for no args and nil for "help".
func findCommand(args []string) (*command, []string, error) {
	all := commands()
	if len(args) == 0 {
		return &all[0], nil, nil
	}
	if args[0] == "help" {
		return nil, nil, nil
	}
	for i := range all {
		words := strings.Fields(all[i].name)
		if len(args) >= len(words) && strings.Join(args[:len(words)], " ") == all[i].name {
			return &all[i], args[len(words):], nil
		}
	}
	return nil, nil, usagef("unknown command %q", strings.Join(args, " "))
}

// flagSet returns a flag set for the named command holding the
// configuration flags; the command adds its own.
func (cl *cli) flagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(strings.TrimSpace("idebank "+name), flag.ContinueOnError)
	fs.SetOutput(cl.stderr)
	cl.cfg.register(fs)
	fs.Usage = func() { cl.usage(fs) }
	return fs
}

// parse parses a command's args into fs and checks the resulting
// configuration. Unless allowArgs, arguments left after the flags are an
// error.
func (cl *cli) parse(fs *flag.FlagSet, args []string, allowArgs bool) error {
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !allowArgs && fs.NArg() > 0 {
		cl.usage(fs)
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	return cl.cfg.validate()
}

// parseFlags parses args into fs; a malformed flag is a usageError (fs has
// printed the usage), -h is flag.ErrHelp.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &usageError{msg: err.Error()}
	}
	return nil
}

// usage prints the command overview and, when fs is given, its flags.
func (cl *cli) usage(fs *flag.FlagSet) {
	w := cl.stderr
	fmt.Fprintln(w, "Usage: idebank [command] [flags]")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-13s %s\n  %-13s   %s\n", c.name, c.args, "", c.summary)
	}
	fmt.Fprintln(w, "\nFlags override the environment variables IDEBANK_ADDR, IDEBANK_DATA_DIR,")
	fmt.Fprintln(w, "DATABASE_URL, IDEBANK_DEMO, IDEBANK_LOG_LEVEL, IDEBANK_LOG_FORMAT and")
	fmt.Fprintln(w, "IDEBANK_REQUEST_TIMEOUT. Run \"idebank COMMAND -h\" for a command's flags.")
	if fs != nil {
		fmt.Fprintf(w, "\nFlags of %s:\n", fs.Name())
		fs.PrintDefaults()
	}
}
