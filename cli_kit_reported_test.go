package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"channeldesk/app/kit"
	"channeldesk/data"
)

// A partner whose figures are due returns its kit with 0 typed for every
// figure it owes: `import kit` stores the zeros as reported, and the next
// `export kit --due` leaves that partner out (and keeps the others).
func TestImportedZeroLeavesExportKitDue(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	run1 := runOn(t, db)
	run1(0, "demo", "--partners", "30", "--seed", "3")

	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	q, due, err := kit.FiguresDue(ctx, s)
	if err != nil {
		s.Close()
		t.Fatal(err)
	}
	if len(due) < 2 {
		s.Close()
		t.Fatalf("the demo data has %d partners with figures due, want 2 or more: this test proves nothing", len(due))
	}
	partner, err := s.Partner(ctx, due[0])
	if err != nil {
		s.Close()
		t.Fatal(err)
	}
	plan, err := s.PlanFor(ctx, partner.ID, q.Year)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	owed := map[string]bool{} // row tags of the objectives whose figure is missing
	for _, o := range plan.Objectives {
		if !o.Measure.Computed() && o.Targets[q.Q-1] > 0 && !o.HasActual(q.Q-1) {
			owed[fmt.Sprintf("P:%d", o.ID)] = true
		}
	}
	if len(owed) == 0 {
		t.Fatalf("%s is due for %s but owes no figure", partner.Name, q.Label())
	}

	one := filepath.Join(dir, "kit.xlsx")
	run1(0, "export", "kit", "--partner", fmt.Sprint(partner.ID), "--out", one, "--lang", "en")
	f, err := excelize.OpenFile(one)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Plan actuals")
	col := 8 + q.Q - 1 // the actual of the quarter due, after the objective and its four targets
	for i, r := range rows {
		if len(r) > 0 && owed[r[0]] {
			ref, _ := excelize.CoordinatesToCellName(col, i+1)
			if v, _ := f.GetCellValue("Plan actuals", ref); v != "" {
				t.Errorf("the kit shows %q for %s's %s, which nobody reported; want an empty cell", v, r[0], q.Label())
			}
			f.SetCellInt("Plan actuals", ref, 0)
			delete(owed, r[0])
		}
	}
	if len(owed) > 0 {
		t.Fatalf("objectives %v have no row on the kit's plan sheet", owed)
	}
	if err := f.SaveAs(one); err != nil {
		t.Fatal(err)
	}
	f.Close()

	if out := run1(0, "import", "kit", one); !strings.Contains(out, "stored") || strings.Contains(out, "refused:") {
		t.Fatalf("import of the kit with zeros said:\n%s", out)
	}
	out := run1(0, "export", "kit", "--due", "--out", filepath.Join(dir, "due"), "--lang", "en")
	files, _ := filepath.Glob(filepath.Join(dir, "due", "*.xlsx"))
	if len(files) != len(due)-1 {
		t.Errorf("export kit --due wrote %d kits (%q), want %d: every partner due but %s", len(files), out, len(due)-1, partner.Name)
	}
	if _, err := os.Stat(filepath.Join(dir, "due", kit.FileName(partner.Name, "en"))); err == nil {
		t.Errorf("%s reported 0 for %s and still got a kit from export kit --due", partner.Name, q.Label())
	}
}
