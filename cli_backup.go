package main

import (
	"channeldesk/app/files"
	"context"
	"fmt"
	"io"
)

// runBackup writes a consistent copy of the database to --out, which must
// not exist.
func runBackup(args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("backup", stderr)
	out := fs.String("out", "", "the backup file to write (must not exist)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		fmt.Fprintln(stderr, "channeldesk backup: --out FILE is required")
		return errUsage
	}
	s, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := files.BackupFile(context.Background(), s, *out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backup of %s written to %s\n", s.Path(), *out)
	return nil
}
