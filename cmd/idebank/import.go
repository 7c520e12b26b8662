package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/transfer"
)

// errImportRefused means failing rows stopped an import; the rows have been printed.
var errImportRefused = errors.New("import refused")

// runImport imports a CSV, XLSX or JSON Lines file of proposals as the
// system principal, in one transaction, printing progress and a report.
func runImport(ctx context.Context, cl *cli, args []string) (err error) {
	fs := cl.flagSet("import")
	var opt domain.ImportOptions
	fs.BoolVar(&opt.DryRun, "dry-run", false, "check the file and report, without saving anything")
	fs.BoolVar(&opt.Publish, "publish", false, "publish the proposals the import creates (else they are drafts)")
	fs.BoolVar(&opt.SkipInvalid, "skip-invalid", false, "import the valid rows even when other rows fail")
	files, err := parseWithArgs(cl, fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		cl.usage(fs)
		return usagef("import: name one file to import")
	}
	data, err := readImportFile(files[0])
	if err != nil {
		return err
	}
	start := time.Now()
	rows, format, err := transfer.Read(filepath.Ext(files[0]), data)
	if err != nil {
		return fmt.Errorf("import %s: %w", files[0], explain(err))
	}
	fmt.Fprintf(cl.stderr, "Læst %d rækker (%s) på %v\n", len(rows), format, time.Since(start).Round(time.Millisecond))
	a, err := openApp(ctx, cl.cfg, newLogger(cl.cfg, cl.stderr))
	if err != nil {
		return err
	}
	defer closeInto(&err, a)
	opt.Progress = func(done, total int) {
		fmt.Fprintf(cl.stderr, "\rKontrollerer række %d af %d …", done, total)
		if done == total {
			fmt.Fprintln(cl.stderr)
		}
	}
	rep, err := a.svc.Import(ctx, domain.System, rows, opt)
	if err != nil {
		return fmt.Errorf("import %s: %w", files[0], explain(err))
	}
	printImportReport(cl.stdout, rep, time.Since(start))
	if rep.Refused {
		return errImportRefused
	}
	return nil
}

// parseWithArgs parses flags that may come before or after the positional
// arguments (idebank import FILE --dry-run) and returns the positionals.
func parseWithArgs(cl *cli, fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := cl.parse(fs, args, true); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// readImportFile reads a file of at most transfer.MaxImportBytes.
func readImportFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, transfer.MaxImportBytes+1))
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", name, err)
	}
	if len(data) > transfer.MaxImportBytes {
		return nil, &userError{msg: fmt.Sprintf("filen %s er større end 50 MiB; del den op", name)}
	}
	return data, nil
}

// printImportReport prints the totals and every failing row.
func printImportReport(w io.Writer, rep *domain.ImportReport, took time.Duration) {
	for _, r := range rep.Rows {
		if r.Result != domain.ImportFailed {
			continue
		}
		msgs := make([]string, len(r.Errors))
		for i, e := range r.Errors {
			msgs[i] = strings.TrimSpace(e.Pointer + " " + e.Detail)
		}
		fmt.Fprintf(w, "Række %d (%s): %s\n", r.Row, r.ExternalKey, strings.Join(msgs, "; "))
	}
	switch {
	case rep.Refused:
		fmt.Fprintf(w, "Afvist: %d rækker har fejl, så intet er importeret. Ret dem, eller brug --skip-invalid.\n", rep.Failed)
	case rep.DryRun:
		fmt.Fprint(w, "Prøvekørsel, intet er gemt: ")
	default:
		fmt.Fprint(w, "Importeret: ")
	}
	if !rep.Refused {
		fmt.Fprintf(w, "%d oprettet, %d opdateret, %d uændret, %d med fejl (%v).\n",
			rep.Created, rep.Updated, rep.Unchanged, rep.Failed, took.Round(time.Millisecond))
	}
}
