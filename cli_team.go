package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"

	"channeldesk/app/team"
	"channeldesk/data"
)

// runTeam is `channeldesk team init|join|members|remove|upgrade`.
func runTeam(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errUsage
	}
	switch args[0] {
	case "init":
		return runTeamInit(args[1:], stdout, stderr)
	case "join":
		return runTeamJoin(args[1:], stdout, stderr)
	case "members":
		return runTeamMembers(args[1:], stdout, stderr)
	case "remove":
		return runTeamRemove(args[1:], stdout, stderr)
	case "upgrade":
		return runTeamUpgrade(args[1:], stdout, stderr)
	case "trim":
		return runTeamTrim(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "channeldesk team: unknown command %q\n", args[0])
	return errUsage
}

// teamCtx is cancelled by Ctrl+C: a sync stopped half-way changes nothing.
func teamCtx() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

// passwordFlag adds --password-stdin: the password is the first line of
// standard input (never a flag, which other users could see in ps).
func passwordFlag(fs *flag.FlagSet) func() (string, error) {
	fromStdin := fs.Bool("password-stdin", false, "read the server password from the first line of standard input")
	return func() (string, error) {
		if !*fromStdin {
			return "", nil
		}
		line, err := bufio.NewReader(os.Stdin).ReadString('\n')
		if err != nil && line == "" {
			return "", fmt.Errorf("reading the password from standard input: %w", err)
		}
		return strings.TrimRight(line, "\r\n"), nil
	}
}

// withTeam reads the password a team command was given (or asks for it),
// opens the team's local database and runs fn on it under a context that
// Ctrl+C cancels.
func withTeam(db string, pw func() (string, error), fn func(ctx context.Context, s *data.Store, password string) error) error {
	password, err := pw()
	if err != nil {
		return err
	}
	s, err := openForTeam(db)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx, cancel := teamCtx()
	defer cancel()
	return fn(ctx, s, password)
}

func openForTeam(db string) (*data.Store, error) {
	path, err := dbPath(db)
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(path); errors.Is(err, os.ErrNotExist) || err == nil && st.Size() == 0 {
		return nil, &data.Error{Code: data.ENOTFOUND, Key: "err.rel_no_database", Args: map[string]any{"Path": path}}
	}
	return data.Open(path)
}

func runTeamInit(args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("team init", stderr)
	url := fs.String("url", "", "the team's PostgreSQL server: postgres://USER@HOST:PORT/DB?sslmode=verify-full")
	name := fs.String("name", "", "your name in the team (shown as the author of your changes)")
	pw := passwordFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if *url == "" || strings.TrimSpace(*name) == "" {
		fmt.Fprintln(stderr, "channeldesk team init: --url and --name are required")
		return errUsage
	}
	return withTeam(*db, pw, func(ctx context.Context, s *data.Store, password string) error {
		note, err := team.Init(ctx, s, *url, *name, password)
		if err != nil {
			return err
		}
		self, _ := s.TeamSelf(ctx)
		fmt.Fprintf(stdout, "team created on %s; %s is member 1 with %s\n", self.URL, self.Name, s.Path())
		if note != "" {
			fmt.Fprintln(stdout, "note:", note)
		}
		return nil
	})
}

func runTeamJoin(args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("team join", stderr)
	url := fs.String("url", "", "the team's PostgreSQL server: postgres://USER@HOST:PORT/DB?sslmode=verify-full")
	name := fs.String("name", "", "your name in the team (shown as the author of your changes)")
	pw := passwordFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if *url == "" || strings.TrimSpace(*name) == "" || *db == "" {
		fmt.Fprintln(stderr, "channeldesk team join: --url, --name and --db (a new file) are required")
		return errUsage
	}
	password, err := pw()
	if err != nil {
		return err
	}
	ctx, cancel := teamCtx()
	defer cancel()
	if err := team.Join(ctx, *db, *url, *name, password, nil); err != nil {
		return err
	}
	s, err := data.Open(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	self, _ := s.TeamSelf(ctx)
	fmt.Fprintf(stdout, "joined the team on %s as member %d (%s): %s\n", self.URL, self.MemberNo, self.Name, s.Path())
	return nil
}

func runTeamMembers(args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("team members", stderr)
	pw := passwordFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	return withTeam(*db, pw, func(ctx context.Context, s *data.Store, password string) error {
		ms, err := team.Members(ctx, s, password)
		if err != nil {
			return err
		}
		for _, m := range ms {
			state, last := "active", "never synced"
			if !m.Active {
				state = "removed"
			}
			if m.LastSync != nil {
				last = "last sync " + m.LastSync.UTC().Format("2006-01-02 15:04 UTC")
			}
			fmt.Fprintf(stdout, "%2d  %-24s login %-16s %-8s %s\n", m.No, m.Name, m.Login, state, last)
		}
		return nil
	})
}

func runTeamRemove(args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("team remove", stderr)
	pw := passwordFlag(fs)
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(stderr, "channeldesk team remove NAME [--db PATH]")
		return errUsage
	}
	name := args[0]
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	return withTeam(*db, pw, func(ctx context.Context, s *data.Store, password string) error {
		r, err := team.Remove(ctx, s, name, password)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s is no longer in the team: the server refuses their syncs\n", name)
		if !r.Revoked && !r.Shared {
			fmt.Fprintf(stderr, "warning: the PostgreSQL login %s keeps the team's role %s, so it can still read the team's data (%s).\n"+
				"Ask the server's administrator to run: REVOKE %s FROM %s;\n", r.Login, r.Role, r.Why, r.Role, r.Login)
		}
		return nil
	})
}

func runTeamTrim(args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("team trim", stderr)
	pw := passwordFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	return withTeam(*db, pw, func(ctx context.Context, s *data.Store, password string) error {
		n, err := team.Trim(ctx, s, password)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d changes every member has already pulled were deleted from the server's log\n", n)
		return nil
	})
}

func runTeamUpgrade(args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("team upgrade", stderr)
	backedUp := fs.Bool("server-backed-up", false, "confirm that the server has a fresh backup (pg_dump)")
	pw := passwordFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if !*backedUp {
		fmt.Fprintln(stderr, "channeldesk team upgrade: back up the server first (pg_dump -Fc -n channeldesk DB > team.dump), then add --server-backed-up")
		return errUsage
	}
	return withTeam(*db, pw, func(ctx context.Context, s *data.Store, password string) error {
		if err := team.Upgrade(ctx, s, password); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "the team's server is now at schema %d\n", data.SchemaVersion())
		return nil
	})
}

// runSync is `channeldesk sync`.
func runSync(args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("sync", stderr)
	pw := passwordFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	return withTeam(*db, pw, func(ctx context.Context, s *data.Store, password string) error {
		res, err := team.Sync(ctx, s, team.Options{Password: password})
		if err != nil {
			if ctx.Err() == nil {
				s.SetTeamError(context.Background(), err.Error())
			}
			return err
		}
		fmt.Fprintf(stdout, "synced: %d records from the team, %d sent, %d new conflicts\n", res.Pulled, res.Pushed, len(res.Conflicts))
		open, err := s.TeamConflicts(ctx, false)
		if err != nil {
			return err
		}
		for _, c := range open {
			fmt.Fprintln(stdout, conflictLine(c))
		}
		return nil
	})
}

// runConflicts is `channeldesk conflicts [--all]` and `conflicts resolve ID`.
func runConflicts(args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "resolve" {
		return runConflictResolve(args[1:], stdout, stderr)
	}
	fs, db := newFlags("conflicts", stderr)
	all := fs.Bool("all", false, "also the resolved ones")
	if err := parse(fs, args); err != nil {
		return err
	}
	s, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	cs, err := s.TeamConflicts(context.Background(), *all)
	if err != nil {
		return err
	}
	if len(cs) == 0 {
		fmt.Fprintln(stdout, "no open conflicts")
	}
	for _, c := range cs {
		fmt.Fprintln(stdout, conflictLine(c))
	}
	return nil
}

func runConflictResolve(args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("conflicts resolve", stderr)
	theirs := fs.Bool("theirs", false, "keep the value the team has")
	mine := fs.Bool("mine", false, "keep the other value")
	value := fs.String("value", "", "type a new value instead")
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(stderr, "channeldesk conflicts resolve ID (--theirs | --mine | --value V) [--db PATH]")
		return errUsage
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil {
		fmt.Fprintf(stderr, "channeldesk conflicts resolve: %q is not a conflict number\n", args[0])
		return errUsage
	}
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	set := 0
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "theirs" || f.Name == "mine" || f.Name == "value" {
			set++
		}
	})
	if set != 1 {
		fmt.Fprintln(stderr, "channeldesk conflicts resolve: give exactly one of --theirs, --mine, --value")
		return errUsage
	}
	s, err := openForTeam(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	c, err := s.TeamConflict(ctx, id)
	if err != nil {
		return err
	}
	by := ""
	if self, _ := s.TeamSelf(ctx); self != nil {
		by = self.Name
	}
	res, v := "theirs", any(nil)
	switch {
	case *mine:
		res = "mine"
	case !*theirs:
		res, v = "new", team.TypedValue(c, *value)
	}
	if err := s.ResolveTeamConflict(ctx, id, res, v, by); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "conflict %d resolved (%s); the next sync tells the team\n", id, res)
	return nil
}

func conflictLine(c data.TeamConflict) string {
	show := func(v any) string {
		if v == nil {
			return "(deleted)"
		}
		b, _ := json.Marshal(v)
		if len(b) > 60 {
			return string(b[:57]) + "..."
		}
		return string(b)
	}
	state := "open"
	if c.Resolution != "" {
		state = "resolved: " + c.Resolution + " by " + c.ResolvedBy
	}
	line := fmt.Sprintf("#%d %s %s %s [%s] kept %s (%s %s), other %s (%s %s), was %s — %s",
		c.ID, c.Table, c.Key, c.Field, c.Reason, show(c.Kept), c.KeptBy, c.KeptAt, show(c.Other), c.OtherBy, c.OtherAt, show(c.Base), state)
	if c.Detail != "" {
		line += " — " + c.Detail
	}
	return line
}
