package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"fyne.io/fyne/v2/lang"

	"channeldesk/app/importer"
	"channeldesk/data"
)

// runImportContacts is `channeldesk import contacts FILE [--dry-run]
// [--db PATH]`: contacts linked to stored partners by the company's
// record ID, ИНН, name or e-mail domain; those whose company is not found
// are listed and left out (exit 0: they are a finding, not a failure).
// One transaction.
func runImportContacts(args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("import contacts", stderr)
	dry := fs.Bool("dry-run", false, "print the preview and write nothing")
	_, tab, err := readOneFile(fs, args, map[string]bool{"db": true}, "contacts", stderr)
	if err != nil {
		return err
	}
	path, err := existingDB(*db, "imports.err_contacts_no_db")
	if err != nil {
		return err
	}
	return withStore(path, func(ctx context.Context, s *data.Store) error {
		p, err := importer.PlanContacts(ctx, s, tab, importer.Options{})
		if err != nil {
			return err
		}
		printContactPreview(stdout, p)
		return applyUnlessDry(stdout, *dry, func() error {
			n, updated, err := importer.ApplyContactsCounted(ctx, s, p)
			if err != nil {
				return err
			}
			fmt.Fprintln(stdout, lang.L("imports.contacts_done", map[string]any{"Count": n}))
			if updated > 0 {
				fmt.Fprintln(stdout, lang.L("imports.done_updated", map[string]any{"Updated": updated}))
			}
			return nil
		})
	})
}

// readOneFile parses an import command's flags and reads its one FILE.
func readOneFile(fs *flag.FlagSet, args []string, withValue map[string]bool, what string, stderr io.Writer) (string, *importer.Table, error) {
	flags, files := splitArgs(args, withValue)
	if err := parse(fs, flags); err != nil {
		return "", nil, err
	}
	if len(files) != 1 {
		fmt.Fprintf(stderr, "channeldesk import %s: give exactly one FILE\n", what)
		return "", nil, errUsage
	}
	tab, err := importer.ReadFile(files[0])
	return files[0], tab, err
}

func printContactPreview(w io.Writer, p *importer.ContactPreview) {
	fmt.Fprintln(w, lang.L("imports.contacts_counts", map[string]any{"Created": p.Created, "Existing": p.Existing,
		"Unmatched": p.Unmatched, "Rejected": p.Rejected}))
	if p.Updated > 0 {
		fmt.Fprintln(w, lang.L("imports.counts_updated", map[string]any{"Updated": p.Updated}))
	}
	for _, line := range importer.ContactLines(p) {
		fmt.Fprintln(w, "  "+line)
	}
}
