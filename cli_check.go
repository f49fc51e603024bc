package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"channeldesk/app/check"
	"channeldesk/data"
)

// runCheck checks the database: SQLite's integrity and foreign keys, then
// every registered invariant. It prints the findings and fails when there
// are any.
func runCheck(args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("check", stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	s, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	found, err := check.RunChecks(context.Background(), s)
	if err != nil {
		return err
	}
	for _, f := range found {
		fmt.Fprintln(stdout, f)
	}
	if len(found) > 0 {
		return &data.Error{Code: data.EINVALID, Key: "err.rel_check_findings", Args: map[string]any{"Count": len(found), "Path": s.Path()}}
	}
	fmt.Fprintf(stdout, "%s: ok (%d checks)\n", s.Path(), len(check.Checks())+2)
	return nil
}

// openExisting opens the database of --db (or the default one) read-only
// for a command that must neither create nor change it; it works while the
// GUI has the database open.
func openExisting(flagValue string) (*data.Store, error) {
	path, err := dbPath(flagValue)
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(path); errors.Is(err, os.ErrNotExist) || err == nil && st.Size() == 0 {
		return nil, &data.Error{Code: data.ENOTFOUND, Key: "err.rel_no_database", Args: map[string]any{"Path": path}}
	}
	return data.OpenReadOnly(path)
}
