package report

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"channeldesk/app/errtext"
	"channeldesk/assets"
	"channeldesk/data"
	"channeldesk/internal/testfs"
)

// onlyFiller fails when dir holds anything but the filler: a partial
// export or a temporary file left behind.
func onlyFiller(t *testing.T, dir string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if e.Name() != "filler" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// The workbook onto a full disk: the message names the file and the
// cause, in both languages; nothing is left behind.
func TestReportOnFullDisk(t *testing.T) {
	s := openStore(t, 60, 2000)
	dir := testfs.Small(t, "1m")
	testfs.Fill(t, dir, 8<<10)
	path := filepath.Join(dir, "report.xlsx")
	err := Write(context.Background(), s, path, Options{Today: today})
	if fe, ok := data.AsFileError(err); !ok || fe.Cause != data.CauseDiskFull || fe.Path != path {
		t.Fatalf("error %v, want a full disk naming %s", err, path)
	}
	for lang, want := range map[string]string{"en": path + " is full (", "ru": path + ", заполнен (свободно "} {
		assets.LoadTranslations(lang)
		if got := errtext.Text(err); !strings.Contains(got, want) {
			t.Errorf("%s: %q lacks %q", lang, got, want)
		}
	}
	assets.LoadTranslations("en")
	onlyFiller(t, dir)
}

// A read-only folder: the message names the folder and says why.
func TestReportIntoReadOnlyFolder(t *testing.T) {
	s := openStore(t, 5, 20)
	dir := testfs.Small(t, "1m")
	testfs.ReadOnly(t, dir)
	err := Write(context.Background(), s, filepath.Join(dir, "report.xlsx"), Options{Today: today})
	if fe, ok := data.AsFileError(err); !ok || fe.Cause != data.CauseReadOnly || fe.Dir != dir {
		t.Fatalf("error %v, want read-only naming %s", err, dir)
	}
	assets.LoadTranslations("en")
	if got := errtext.Text(err); !strings.Contains(got, "may not write in the folder "+dir) {
		t.Errorf("message %q", got)
	}
}
