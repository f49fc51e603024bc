package importer_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"channeldesk/app/errtext"
	"channeldesk/app/importer"
	"channeldesk/assets"
	"channeldesk/data"
	"channeldesk/internal/testfs"
)

// A 20,000-row import onto a nearly full disk: the message names the
// database and the cause; not one partner is added, and after space is
// freed the database opens with what it had.
func TestImportOnFullDisk(t *testing.T) {
	var csv strings.Builder
	csv.WriteString("Name,Website\n")
	for i := range 20000 {
		fmt.Fprintf(&csv, "Imported Partner %05d,https://p%05d.example.com\n", i, i)
	}
	file := filepath.Join(t.TempDir(), "partners.csv")
	if err := os.WriteFile(file, []byte(csv.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := testfs.Small(t, "4m")
	path := filepath.Join(dir, "channeldesk.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for i := range 3 {
		if err := s.CreatePartner(ctx, &data.Partner{Name: fmt.Sprintf("Kept %d", i), Type: data.TypeReseller, Status: data.StatusActive}); err != nil {
			t.Fatal(err)
		}
	}
	tab, err := importer.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	p, err := importer.Plan(ctx, s, tab, importer.DetectMapping(tab.Header), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	testfs.Fill(t, dir, 64<<10)
	_, err = importer.Apply(ctx, s, p, "test", nil)
	if fe, ok := data.AsFileError(err); !ok || fe.Cause != data.CauseDiskFull || fe.Path != path {
		t.Fatalf("error %v, want a full disk naming %s", err, path)
	}
	assets.LoadTranslations("en")
	if got := errtext.Text(err); !strings.Contains(got, path+" is full") || !strings.Contains(got, "Nothing was changed") {
		t.Errorf("message %q", got)
	}
	if rows, _ := s.PartnerRows(ctx); len(rows) != 3 {
		t.Errorf("%d partners after the failed import, want 3", len(rows))
	}
	s.Close()
	os.Remove(filepath.Join(dir, "filler"))
	again, err := data.Open(path)
	if err != nil {
		t.Fatalf("reopening: %v", err)
	}
	defer again.Close()
	if rows, _ := again.PartnerRows(ctx); len(rows) != 3 {
		t.Errorf("%d partners after reopening, want 3", len(rows))
	}
}

// An import file on a drive that went away names its folder.
func TestImportFileFolderGone(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "usb")
	_, err := importer.ReadFile(filepath.Join(dir, "partners.xlsx"))
	if fe, ok := data.AsFileError(err); !ok || fe.Cause != data.CauseFolderGone || fe.Dir != dir {
		t.Fatalf("error %v, want the folder %s gone", err, dir)
	}
}
