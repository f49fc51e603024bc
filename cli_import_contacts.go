package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"

	"fyne.io/fyne/v2/lang"

	"channeldesk/app/importer"
	"channeldesk/data"
	"channeldesk/screens"
)

// runImportContacts is `channeldesk import contacts FILE [--dry-run]
// [--db PATH]`: contacts linked to stored partners by the company's
// record ID, ИНН, name or e-mail domain; those whose company is not found
// are listed and left out. One transaction; exit 1 when some were
// rejected or unmatched and nothing else could be imported.
func runImportContacts(args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("import contacts", stderr)
	dry := fs.Bool("dry-run", false, "print the preview and write nothing")
	flags, files := splitArgs(args, map[string]bool{"db": true})
	if err := parse(fs, flags); err != nil {
		return err
	}
	if len(files) != 1 {
		fmt.Fprintln(stderr, "channeldesk import contacts: give exactly one FILE")
		return errUsage
	}
	tab, err := importer.ReadFile(files[0])
	if err != nil {
		return err
	}
	path, err := dbPath(*db)
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); err != nil {
		return data.Invalid("db", "imports.err_contacts_no_db", map[string]any{"Path": path})
	}
	s, err := data.Open(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer s.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	p, err := importer.PlanContacts(ctx, s, tab, importer.Options{})
	if err != nil {
		return err
	}
	printContactPreview(stdout, p)
	if *dry {
		fmt.Fprintln(stdout, lang.L("recruit.import_dry_run"))
		return nil
	}
	n, err := importer.ApplyContacts(ctx, s, p)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, lang.L("imports.contacts_done", map[string]any{"Count": n}))
	return nil
}

func printContactPreview(w io.Writer, p *importer.ContactPreview) {
	fmt.Fprintln(w, lang.L("imports.contacts_counts", map[string]any{"Created": p.Created, "Existing": p.Existing,
		"Unmatched": p.Unmatched, "Rejected": p.Rejected}))
	for _, line := range screens.ContactRowLines(p) {
		fmt.Fprintln(w, "  "+line)
	}
}
