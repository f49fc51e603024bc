package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"

	"fyne.io/fyne/v2/lang"

	"channeldesk/data"
)

// The steps every import command shares (partners, contacts, leads): open
// the database, work under a context Ctrl+C cancels, print the preview,
// then either say that a dry run wrote nothing or write it all in one
// transaction.

// existingDB is the path of the database (--db or the default) an import
// adds to; it must exist already, noDBKey says so otherwise.
func existingDB(db, noDBKey string) (string, error) {
	path, err := dbPath(db)
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(path); err != nil {
		return "", data.Invalid("db", noDBKey, map[string]any{"Path": path})
	}
	return path, nil
}

// withStore opens the database at path and runs fn with a context that
// Ctrl+C cancels (an import stopped half-way changes nothing).
func withStore(path string, fn func(ctx context.Context, s *data.Store) error) error {
	s, err := data.Open(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer s.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return fn(ctx, s)
}

// applyUnlessDry ends an import whose preview is printed: a dry run says
// it wrote nothing; otherwise apply writes.
func applyUnlessDry(stdout io.Writer, dry bool, apply func() error) error {
	if dry {
		fmt.Fprintln(stdout, lang.L("recruit.import_dry_run"))
		return nil
	}
	return apply()
}
