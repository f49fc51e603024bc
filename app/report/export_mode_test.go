package report

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"channeldesk/app/files"
	"channeldesk/app/plan"
	"channeldesk/data"
)

// Every export — the workbook, one plan, the plans of all partners — is
// 0644 (temporary files start 0600), so colleagues can open a copied folder, and a
// partner's plan file is named by the one rule, files.SafeFileName.
func TestEveryExportIs0644AndNamedByOneRule(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, 6, 20)
	odd := data.Partner{Name: `CON: "Орбита"/Софт`, Type: data.TypeReseller, Status: data.StatusActive}
	if err := s.CreatePartner(ctx, &odd); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	_, book := writeReport(t, s, Options{})
	one := filepath.Join(dir, "one.pdf")
	if err := plan.ExportFile(ctx, s, odd.ID, one, plan.Options{Today: today}); err != nil {
		t.Fatal(err)
	}
	all, err := plan.ExportAll(ctx, s, filepath.Join(dir, "plans"), plan.Options{Today: today}, nil)
	if err != nil || len(all) == 0 {
		t.Fatalf("ExportAll: %v files, %v", len(all), err)
	}
	for _, p := range append([]string{book, one}, all...) {
		st, err := os.Stat(p)
		if err != nil || st.Mode().Perm() != files.ExportMode {
			t.Errorf("%s: mode %v (%v), want %v", filepath.Base(p), st.Mode().Perm(), err, files.ExportMode)
		}
	}
	want := filepath.Join(dir, "plans", files.SafeFileName(odd.Name)+".pdf")
	if _, err := os.Stat(want); err != nil {
		t.Errorf("plan of %q not at %s: %v", odd.Name, want, err)
	}
}
