package main

import (
	"context"
	"fmt"
)

// runMigrate brings the database schema and reference data up to date.
func runMigrate(ctx context.Context, cl *cli, args []string) (err error) {
	fs := cl.flagSet("migrate")
	if err := cl.parse(fs, args, false); err != nil {
		return err
	}
	a, err := openApp(ctx, cl.cfg, newLogger(cl.cfg, cl.stderr))
	if err != nil {
		return err
	}
	defer closeInto(&err, a)
	fmt.Fprintf(cl.stdout, "Databasen (%s) er opdateret.\n", a.db.Dialect())
	return nil
}
