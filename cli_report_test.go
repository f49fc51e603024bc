package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"channeldesk/app/demo"
	"channeldesk/data"
)

func TestExportReportCommand(t *testing.T) {
	dir, db := cliDB(t, func(s *data.Store) {
		if err := demo.FillVolume(context.Background(), s, demo.Volume{Partners: 12, Deals: 40, Today: time.Now()}); err != nil {
			t.Fatal(err)
		}
	})
	out := filepath.Join(dir, "r.xlsx")
	tests := map[string]struct {
		args []string
		code int
	}{
		"ok":             {[]string{"export", "report", "--db", db, "--out", out, "--lang", "ru", "--period", "2026"}, 0},
		"no out":         {[]string{"export", "report", "--db", db}, 2},
		"not xlsx":       {[]string{"export", "report", "--db", db, "--out", filepath.Join(dir, "r.csv")}, 2},
		"bad period":     {[]string{"export", "report", "--db", db, "--out", filepath.Join(dir, "x.xlsx"), "--period", "soon"}, 1},
		"missing db":     {[]string{"export", "report", "--db", filepath.Join(dir, "none.db"), "--out", filepath.Join(dir, "y.xlsx")}, 1},
		"unknown export": {[]string{"export", "nothing"}, 2},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tc.args, &stdout, &stderr); code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tc.code, stderr.String())
			}
			if tc.code == 1 && strings.Count(strings.TrimSpace(stderr.String()), "\n") != 0 {
				t.Errorf("failure is not one line: %q", stderr.String())
			}
		})
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if f.GetSheetList()[0] != "Сводка" {
		t.Errorf("sheets %q", f.GetSheetList())
	}
	for _, p := range []string{"x.xlsx", "y.xlsx", "none.db"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
			t.Errorf("%s was created by a failed command", p)
		}
	}
}
