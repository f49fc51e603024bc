package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestExportAndImportKitCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	run1 := runOn(t, db)
	run1(0, "demo", "--partners", "20", "--seed", "2")
	run1(2, "export", "kit", "--all", "--partner", "1", "--out", dir)
	run1(2, "export", "kit", "--type", "wizard", "--out", dir)
	run1(1, "export", "kit", "--tier", "No such tier", "--out", dir)
	if out := run1(0, "export", "kit", "--all", "--out", filepath.Join(dir, "kits")); !strings.Contains(out, "kits: ") {
		t.Errorf("export --all said %q", out)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "kits", "*.xlsx")); len(files) < 5 {
		t.Errorf("%d kits written", len(files))
	}
	one := filepath.Join(dir, "one.xlsx")
	run1(0, "export", "kit", "--partner", "1", "--out", one, "--lang", "en")

	f, err := excelize.OpenFile(one)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStr("Deal registrations", "C4", "Command Line Customer")
	f.SetCellStr("Deal registrations", "G4", "1 500")
	f.SetCellStr("Deal registrations", "C5", "Wrong Amount Ltd")
	f.SetCellStr("Deal registrations", "G5", "lots")
	f.SaveAs(one)
	f.Close()

	out := run1(0, "import", "kit", one, "--dry-run")
	if !strings.Contains(out, "Command Line Customer") || !strings.Contains(out, "would be accepted") ||
		!strings.Contains(out, "refused:") || !strings.Contains(out, "nothing stored") {
		t.Errorf("dry run said:\n%s", out)
	}
	out = run1(0, "import", "kit", one)
	if !strings.Contains(out, "1 accepted, 1 refused; stored") {
		t.Errorf("import said:\n%s", out)
	}
	if out = run1(0, "import", "kit", one); !strings.Contains(out, "already imported") || !strings.Contains(out, "0 accepted") {
		t.Errorf("second import said:\n%s", out)
	}
	bogus := filepath.Join(dir, "bogus.xlsx")
	os.WriteFile(bogus, []byte("not a workbook"), 0o644)
	run1(1, "import", "kit", bogus)
	run1(2, "import", "kit")
}
