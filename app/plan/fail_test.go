package plan_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"channeldesk/app/errtext"
	"channeldesk/app/plan"
	"channeldesk/assets"
	"channeldesk/data"
	"channeldesk/internal/testfs"
)

// batchStore holds n active partners with a plan each.
func batchStore(t *testing.T, n int) *data.Store {
	t.Helper()
	s := openStore(t)
	fixture(t, s, 3)
	for i := range n {
		if err := s.CreatePartner(context.Background(), &data.Partner{Name: fmt.Sprintf("Partner %02d", i), Type: data.TypeReseller, Status: data.StatusActive}); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// The folder removed halfway through "export all" (a USB stick pulled
// out): the message names the folder and the cause; no file is placed.
func TestExportAllFolderRemovedHalfway(t *testing.T) {
	s := batchStore(t, 8)
	parent := t.TempDir()
	dir := filepath.Join(parent, "plans")
	_, err := plan.ExportAll(context.Background(), s, dir, plan.Options{Today: today}, func(done, total int) {
		if done == total/2 {
			os.RemoveAll(dir)
		}
	})
	fe, ok := data.AsFileError(err)
	if !ok || fe.Cause != data.CauseFolderGone || fe.Dir != dir {
		t.Fatalf("error %v, want the folder %s gone", err, dir)
	}
	assets.LoadTranslations("en")
	if got := errtext.Text(err); !strings.Contains(got, "The folder "+dir+" can no longer be reached") {
		t.Errorf("message %q", got)
	}
	if ents, _ := os.ReadDir(parent); len(ents) != 0 {
		t.Errorf("left behind: %v", ents)
	}
}

// A full disk halfway through: nothing placed, nothing left, the message
// names a plan file and the cause; the database is as it was.
func TestExportAllOnFullDisk(t *testing.T) {
	s := batchStore(t, 12)
	dir := testfs.Small(t, "1m")
	one, err := plan.RenderBytes(context.Background(), s, 1, plan.Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	testfs.Fill(t, dir, int64(len(one))*4) // room for a few plans, not all
	before, _ := s.PartnerRows(context.Background())
	paths, err := plan.ExportAll(context.Background(), s, dir, plan.Options{Today: today}, nil)
	fe, ok := data.AsFileError(err)
	if !ok || fe.Cause != data.CauseDiskFull || fe.Dir != dir || !strings.HasSuffix(fe.Path, ".pdf") {
		t.Fatalf("error %v, want a full disk naming a plan in %s", err, dir)
	}
	assets.LoadTranslations("ru")
	defer assets.LoadTranslations("en")
	if got := errtext.Text(err); !strings.Contains(got, fe.Path+", заполнен") {
		t.Errorf("message %q", got)
	}
	ents, _ := os.ReadDir(dir)
	if len(paths) != 0 || len(ents) != 1 {
		t.Errorf("placed %v; folder holds %d entries, want only the filler", paths, len(ents))
	}
	after, _ := s.PartnerRows(context.Background())
	if len(after) != len(before) {
		t.Errorf("partners %d → %d", len(before), len(after))
	}
}
