package main

import (
	"errors"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"channeldesk/app/applog"
	"channeldesk/internal/testfs"
)

// The command line says what the window says: the cause and the file, on
// one line, exit 1; the database and the folder are as they were.
func TestCLIFileFailures(t *testing.T) {
	t.Setenv("LANGUAGE", "en")
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errOut := runCLI("demo", "--db", db, "--partners", "20", "--seed", "2"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	before := countPartners(t, db)
	full := testfs.Small(t, "1m")
	testfs.Fill(t, full, 8<<10)
	ro := testfs.Small(t, "1m")
	testfs.ReadOnly(t, ro)
	cases := map[string]struct {
		args []string
		want string
		dir  string
	}{
		"ReportOnFullDisk":   {[]string{"export", "report", "--out", filepath.Join(full, "report.xlsx")}, filepath.Join(full, "report.xlsx") + " is full (", full},
		"PlansOnFullDisk":    {[]string{"export", "plan", "--all", "--out", filepath.Join(full, "plans")}, "is full (", full},
		"BackupOnFullDisk":   {[]string{"backup", "--out", filepath.Join(full, "copy.db")}, filepath.Join(full, "copy.db") + " is full (", full},
		"ReportToReadOnly":   {[]string{"export", "report", "--out", filepath.Join(ro, "report.xlsx")}, "may not write in the folder " + ro, ro},
		"PlanIntoGoneFolder": {[]string{"export", "plan", "--partner", "1", "--out", filepath.Join(t.TempDir(), "usb", "plan.pdf")}, "can no longer be reached", ""},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			code, _, errOut := runCLI(append(c.args, "--db", db)...)
			if code != 1 || !strings.Contains(errOut, c.want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("exit %d, stderr %q; want 1 and one line with %q", code, errOut, c.want)
			}
			if c.dir != "" {
				ents, _ := os.ReadDir(c.dir)
				for _, e := range ents {
					if e.Name() != "filler" {
						t.Errorf("left behind: %s", e.Name())
					}
				}
			}
		})
	}
	if n := countPartners(t, db); n != before {
		t.Errorf("partners %d → %d", before, n)
	}
}

// An internal error on the command line names the log file that holds
// the details, and the log holds the operation and the full error.
func TestCLIInternalErrorNamesTheLog(t *testing.T) {
	t.Setenv("LANGUAGE", "en")
	old := log.Writer()
	t.Cleanup(func() { log.SetOutput(old) })
	path, err := applog.Start(filepath.Join(t.TempDir(), "channeldesk.log"), version, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := failureText("export", errors.New("unexpected EOF in page 7"))
	if !strings.Contains(got, path) {
		t.Errorf("%q does not name the log %s", got, path)
	}
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), "command export: unexpected EOF in page 7") {
		t.Errorf("log holds %q", b)
	}
}
