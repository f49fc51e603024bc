package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportPlanCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	var out, errb bytes.Buffer
	if code := run([]string{"demo", "--db", db, "--partners", "30", "--seed", "2"}, &out, &errb); code != 0 {
		t.Fatalf("demo: %d %s", code, errb.String())
	}
	tests := map[string]struct {
		args  []string
		code  int
		files int // PDFs expected under the output folder
	}{
		"OnePartnerByID":     {[]string{"export", "plan", "--partner", "1", "--out", "one.pdf", "--lang", "ru"}, 0, 1},
		"AllActivePartners":  {[]string{"export", "plan", "--all", "--out", "all"}, 0, -1},
		"UnknownPartner":     {[]string{"export", "plan", "--partner", "Nobody Ltd", "--out", "x.pdf"}, 1, 0},
		"BothPartnerAndAll":  {[]string{"export", "plan", "--all", "--partner", "1", "--out", "x"}, 2, 0},
		"BadLanguage":        {[]string{"export", "plan", "--partner", "1", "--out", "x.pdf", "--lang", "de"}, 2, 0},
		"NotAPlanExport":     {[]string{"export", "nonsense"}, 2, 0},
		"MissingDatabaseDir": {[]string{"export", "plan", "--partner", "1", "--out", "x.pdf", "--db", filepath.Join(dir, "none", "x.db")}, 1, 0},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			work := t.TempDir()
			args := append([]string{}, tc.args...)
			for i, a := range args {
				if i > 0 && args[i-1] == "--out" {
					args[i] = filepath.Join(work, a)
				}
			}
			if !strings.Contains(strings.Join(args, " "), "--db") {
				args = append(args, "--db", db)
			}
			var out, errb bytes.Buffer
			code := run(args, &out, &errb)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tc.code, errb.String())
			}
			var pdfs []string
			filepath.Walk(work, func(p string, info os.FileInfo, err error) error {
				if err == nil && strings.HasSuffix(p, ".pdf") {
					pdfs = append(pdfs, p)
				}
				return nil
			})
			if tc.files >= 0 && len(pdfs) != tc.files || tc.files < 0 && len(pdfs) < 5 {
				t.Errorf("%d PDFs written: %v", len(pdfs), pdfs)
			}
			if code == 1 && strings.Count(strings.TrimSpace(errb.String()), "\n") != 0 {
				t.Errorf("failure message is not one line: %q", errb.String())
			}
		})
	}
}
