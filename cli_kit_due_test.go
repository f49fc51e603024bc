package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"channeldesk/app/kit"
	"channeldesk/data"
)

// `export kit --due` writes a kit for each partner whose figures for the
// last closed quarter are missing — the same partners kit.FiguresDue
// names — and no other; it is one selection among the others.
func TestExportKitDue(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	run1 := runOn(t, db)
	run1(0, "demo", "--partners", "30", "--seed", "3")
	run1(2, "export", "kit", "--due", "--all", "--out", dir)

	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := kit.Partners(context.Background(), s, kit.Selection{Due: true})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) == 0 {
		t.Fatal("the demo data has no partner with figures due: this test proves nothing")
	}
	out := run1(0, "export", "kit", "--due", "--out", filepath.Join(dir, "due"), "--lang", "en")
	files, _ := filepath.Glob(filepath.Join(dir, "due", "*.xlsx"))
	if len(files) != len(ps) || !strings.Contains(out, "kits: ") {
		t.Fatalf("export kit --due wrote %d kits (%q), want one for each of the %d partners due", len(files), out, len(ps))
	}
	for _, p := range ps {
		if _, err := os.Stat(filepath.Join(dir, "due", kit.FileName(p.Name, "en"))); err != nil {
			t.Errorf("no kit for %s, whose figures are due: %v", p.Name, err)
		}
	}
}
