// Command channeldesk runs a partner program offline: the GUI by default,
// or one command-line task for automation.
package main

import (
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	fyneapp "fyne.io/fyne/v2/app"

	"channeldesk/app/demo"
	"channeldesk/app/files"
	"channeldesk/assets"
	_ "channeldesk/assets/clocale" // before fyne.io: see the package doc
	"channeldesk/data"
	"channeldesk/screens"
)

//go:embed FyneApp.toml
var fyneAppTOML string

// version is read from FyneApp.toml, the one place it is written.
var version = func() string {
	m := regexp.MustCompile(`(?m)^Version\s*=\s*"([^"]+)"`).FindStringSubmatch(fyneAppTOML)
	if m == nil {
		return "dev"
	}
	return m[1]
}()

const usage = `usage:
  channeldesk [--db PATH]                                  open the GUI
  channeldesk FILE.csv|FILE.xlsx                           open the GUI with FILE in the partner import preview
  channeldesk demo --db PATH [--partners N] [--seed S]      fill an empty database with demo data
        [--deals N] [--mdf N] [--plans N] [--tasks N]     counts (default in proportion to --partners)
  channeldesk import partners FILE [--dry-run] [--skip-invalid] [--map SRC=FIELD,...] [--db PATH]
        [--values COLUMN:VALUE=OURS|default|skip,...] [--dates dmy|mdy] [--profile NAME] [--save-profile NAME]
        [--keep-ours FIELD,...] [--default-type TYPE|none]                        import partners from CSV, XLSX or an HTML .xls
  channeldesk import deals FILE [--dry-run] [--stages STAGE=STATE,...] [--save-profile NAME] [--db PATH]
                                                           import deals from CSV or XLSX, all or none
  channeldesk import contacts FILE [--dry-run] [--db PATH] import contacts, linked to partners by ID, ИНН, name or domain
  channeldesk import kit FILE [--dry-run] [--db PATH]      a partner kit sent back: valid rows in, the rest refused with reasons
  channeldesk import leads FILE [--event NAME --event-date DATE] [--dry-run] [--profile NAME] [--db PATH]
                                                           end-customer leads (e.g. a badge-scanner export), all or none
  channeldesk leads route [--event NAME] [--dry-run] [--db PATH]
                                                           offer each lead waiting for a partner to its best match, with reasons
  channeldesk export report --out FILE.xlsx [--period 2026|2026-Q3|FROM..TO] [--lang en|ru] [--db PATH]
                                                           write the Excel report
  channeldesk export plan (--partner ID|NAME | --all) --out FILE.pdf|DIR [--lang ru|en] [--year Y] [--db PATH]
                                                           the partner plan PDF; --all: one file per active partner
  channeldesk export kit (--partner ID|NAME | --all | --tier T | --type T | --due) --out FILE.xlsx|DIR [--lang ru|en]
        [--mail [--with-plan]] [--db PATH]                  --mail: an e-mail draft (.eml) per partner beside its kit
                                                           the partner kit workbook(s) partners fill in and send back
                                                           --due: the partners whose last closed quarter's figures are missing
  channeldesk export application --out FILE.xlsx [--lang en|ru] [--db PATH]
                                                           a blank partner application; import it back with import kit
  channeldesk backup --out FILE [--db PATH]                write a consistent copy of the database
  channeldesk check [--db PATH]                            integrity and invariants; exit 1 with the findings
  channeldesk version                                      print the version
  channeldesk team init --url URL --name NAME [--db PATH]  start a team on an empty PostgreSQL database with this file
  channeldesk team join --url URL --name NAME --db PATH    a new file from the team's data; you become a member
  channeldesk team members|upgrade|remove NAME [--db PATH] who is in the team; move the server to this version; remove someone
  channeldesk team trim [--db PATH]                        delete from the server's log what every member has pulled
  channeldesk sync [--db PATH] [--password-stdin]          send your changes, get the others'; prints new conflicts
  channeldesk conflicts [--all] [--db PATH]                list open conflicts
  channeldesk conflicts resolve ID (--theirs|--mine|--value V) [--db PATH]
`

// errUsage marks a bad command line: exit status 2.
var errUsage = errors.New("usage")

func main() {
	startLog(os.Args[1:])
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status: 0 done,
// 1 failed (one line on stderr, nothing changed), 2 bad usage.
func run(args []string, stdout, stderr io.Writer) int {
	_ = assets.LoadTranslations(assets.Language(""))
	cmd, rest := "", args
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, rest = args[0], args[1:]
	}
	importFile, openWith := openWithFile(args)
	if openWith {
		cmd, rest = "", nil
	}
	var err error
	switch cmd {
	case "":
		err = runGUI(rest, importFile, stderr)
	case "version":
		if len(rest) > 0 {
			err = errUsage
		} else {
			fmt.Fprintf(stdout, "channeldesk %s (schema %d)\n", version, data.SchemaVersion())
		}
	case "demo":
		err = runDemo(rest, stdout, stderr)
	case "export":
		err = runExport(rest, stdout, stderr)
	case "import":
		if len(rest) > 0 && rest[0] == "deals" {
			err = runImportDeals(rest[1:], stdout, stderr)
		} else if len(rest) > 0 && rest[0] == "leads" {
			err = runImportLeads(rest[1:], stdout, stderr)
		} else if len(rest) > 0 && rest[0] == "kit" {
			err = runImportKit(rest[1:], stdout, stderr)
		} else {
			err = runImport(rest, stdout, stderr)
		}
	case "leads":
		err = runLeads(rest, stdout, stderr)
	case "backup":
		err = runBackup(rest, stdout, stderr)
	case "check":
		err = runCheck(rest, stdout, stderr)
	case "team":
		err = runTeam(rest, stdout, stderr)
	case "sync":
		err = runSync(rest, stdout, stderr)
	case "conflicts":
		err = runConflicts(rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "channeldesk: unknown command %q\n", cmd)
		err = errUsage
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage) || errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stderr, usage)
		return 2
	default:
		fmt.Fprintf(stderr, "channeldesk: %s\n", failureText(cmd, err))
		return 1
	}
}

// newFlags makes a flag set that reports bad usage instead of exiting.
func newFlags(name string, stderr io.Writer) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "database file (default: the per-user data folder)")
	return fs, db
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "channeldesk: unexpected argument %q\n", fs.Arg(0))
		return errUsage
	}
	return nil
}

func dbPath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	return files.DefaultDBPath()
}

func runDemo(args []string, stdout, stderr io.Writer) error {
	fs, db := newFlags("demo", stderr)
	partners := fs.Int("partners", 150, "how many partners")
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same data")
	opt := demo.DemoOptions{Seed: 1}
	fs.IntVar(&opt.Deals, "deals", 0, "how many deals (default 20 per partner)")
	fs.IntVar(&opt.MDFRequests, "mdf", 0, "how many MDF requests (default 4 per partner)")
	fs.IntVar(&opt.Plans, "plans", 0, "how many business plans (default 1 per partner)")
	fs.IntVar(&opt.Tasks, "tasks", 0, "how many onboarding tasks (default 12 per partner)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *db == "" || *partners <= 0 || opt.Deals < 0 || opt.MDFRequests < 0 || opt.Plans < 0 || opt.Tasks < 0 {
		fmt.Fprintln(stderr, "channeldesk demo: --db PATH and a positive --partners are required")
		return errUsage
	}
	_, statErr := os.Stat(*db)
	created := errors.Is(statErr, os.ErrNotExist)
	s, err := data.Open(*db)
	if err != nil {
		return err
	}
	start := time.Now()
	opt.Partners, opt.Seed = *partners, *seed
	err = demo.Demo(context.Background(), s, opt)
	s.Close()
	if err != nil {
		if created {
			removeDB(*db)
		}
		return err
	}
	fmt.Fprintf(stdout, "demo data: %d partners in %s (%.1fs)\n", *partners, *db, time.Since(start).Seconds())
	return nil
}

// removeDB deletes a database file this run created, with its WAL files.
func removeDB(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}

// processStart is when the program started, for CHANNELDESK_TRACE.
var processStart = time.Now()

func runGUI(args []string, importFile string, stderr io.Writer) error {
	fs, db := newFlags("channeldesk", stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	path, err := dbPath(*db)
	if err != nil {
		return err
	}
	_, statErr := os.Stat(path)
	firstRun := errors.Is(statErr, os.ErrNotExist)
	// A desktop app idles most of the time: collect garbage sooner and keep
	// the resident size of a large program under 200 MB (about 10 MB less
	// on dataset L, measured with make bench-app).
	debug.SetGCPercent(50)
	a := fyneapp.NewWithID("com.channeldesk.app")
	a.SetIcon(screens.Icon)
	s, err := data.Open(path)
	if err != nil {
		// Started from a desktop icon nobody reads stderr: say it in a window.
		screens.ShowOpenError(a, path, err)
		return fmt.Errorf("%s: %w", path, err)
	}
	ui := screens.New(a, s)
	defer func() { ui.Store.Close() }() // File → Open may have switched it
	ui.Version, ui.OpenStore = version, data.Open
	if firstRun {
		ui.ShowWelcome()
	}
	ui.EnableFileDrop()
	if importFile != "" {
		ui.ImportFile(importFile)
	}
	if os.Getenv("CHANNELDESK_TRACE") == "1" {
		ui.TraceStartup(processStart)
	}
	ui.Win.ShowAndRun()
	return nil
}
