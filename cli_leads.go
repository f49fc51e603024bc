package main

import (
	"context"
	"fmt"
	"io"

	"channeldesk/app/format"
	"channeldesk/app/lead"
	"channeldesk/assets"
	"channeldesk/data"

	"fyne.io/fyne/v2/lang"
)

// runLeads is `channeldesk leads route [--event NAME] [--dry-run] [--db
// PATH]`: every lead waiting for a partner (of one event if asked) is
// offered to its top suggestion, in one transaction, and each is printed
// with the partner and the reasons; --dry-run only prints.
func runLeads(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "route" {
		fmt.Fprintln(stderr, "channeldesk leads: say what to do: leads route [--event NAME] [--dry-run]")
		return errUsage
	}
	fs, db := newFlags("leads route", stderr)
	event := fs.String("event", "", "only the leads of this event")
	dry := fs.Bool("dry-run", false, "print the routing and write nothing")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	path, err := existingDB(*db, "leads.err_no_db")
	if err != nil {
		return err
	}
	return withStore(path, func(ctx context.Context, s *data.Store) error {
		st, err := s.Settings(ctx)
		if err != nil {
			return err
		}
		out, err := lead.RouteBatch(ctx, s, lead.BatchOptions{Event: *event, DryRun: *dry, Author: st.ManagerName})
		if err != nil {
			return err
		}
		for _, line := range lead.RoutedLines(out, format.Lang(assets.Language(st.UILang))) {
			fmt.Fprintln(stdout, line)
		}
		routed := 0
		for _, rt := range out {
			if rt.Suggestion != nil {
				routed++
			}
		}
		key := "leads.route_done"
		if *dry {
			key = "leads.route_dry"
		}
		fmt.Fprintln(stdout, lang.L(key, map[string]any{"Routed": routed, "Count": len(out)}))
		return nil
	})
}
