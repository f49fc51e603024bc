package files_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"channeldesk/app/errtext"
	"channeldesk/app/files"
	"channeldesk/assets"
	"channeldesk/data"
	"channeldesk/internal/testfs/fullstore"
)

// The day's automatic backup on a full disk: the error says so (naming
// the backup), no partial backup is left, and the database is unchanged.
func TestDailyBackupOnFullDisk(t *testing.T) {
	s, _ := fullstore.Open(t)
	before, _ := s.PartnerRows(context.Background())
	_, err := files.DailyBackup(s)
	fe, ok := data.AsFileError(err)
	if !ok || fe.Cause != data.CauseDiskFull || !strings.HasPrefix(fe.Path, data.BackupDir(s.Path())) {
		t.Fatalf("error %v, want a full disk naming a backup", err)
	}
	if list, _ := files.ListBackups(s.Path()); len(list) != 0 {
		t.Errorf("partial backup left: %v", list)
	}
	after, _ := s.PartnerRows(context.Background())
	if len(after) != len(before) {
		t.Errorf("partners %d → %d", len(before), len(after))
	}
	assets.LoadTranslations("en")
	if got := errtext.Text(err); !strings.Contains(got, " is full (") {
		t.Errorf("message %q", got)
	}
}

// A backup by hand onto a full disk names the file asked for.
func TestBackupFileOnFullDisk(t *testing.T) {
	s, dir := fullstore.Open(t)
	out := filepath.Join(dir, "copy.db")
	err := files.BackupFile(context.Background(), s, out)
	if fe, ok := data.AsFileError(err); !ok || fe.Cause != data.CauseDiskFull || fe.Path != out {
		t.Fatalf("error %v, want a full disk naming %s", err, out)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if e.Name() == "copy.db" || strings.HasPrefix(e.Name(), ".channeldesk-backup") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
