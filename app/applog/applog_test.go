package applog_test

import (
	"errors"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"channeldesk/app/applog"
)

// The log never grows past MaxSize and keeps Keep older files.
func TestRotationCapsTheLog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "logs", "channeldesk.log")
	f, err := applog.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	line := []byte(strings.Repeat("x", 999) + "\n")
	for range 5 * applog.MaxSize / len(line) {
		if _, err := f.Write(line); err != nil {
			t.Fatal(err)
		}
	}
	files, _ := filepath.Glob(path + "*")
	if len(files) != applog.Keep+1 {
		t.Errorf("%d files: %v", len(files), files)
	}
	for _, p := range files {
		if st, _ := os.Stat(p); st.Size() > applog.MaxSize {
			t.Errorf("%s is %d bytes", p, st.Size())
		}
	}
}

// An entry has the time, the version, the operation and the full error;
// the file is in the per-user data folder.
func TestStartWritesEntries(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	old := log.Writer()
	defer log.SetOutput(old)
	path, err := applog.Start("", "1.2.3", nil)
	if err != nil {
		t.Fatal(err)
	}
	if applog.Path() != path || !strings.HasSuffix(path, filepath.Join("ChannelDesk", "logs", "channeldesk.log")) {
		t.Errorf("log at %s (Path %s)", path, applog.Path())
	}
	applog.Error("export report", errors.New("disk I/O error"))
	b, _ := os.ReadFile(path)
	if s := string(b); !strings.Contains(s, "channeldesk 1.2.3: export report: disk I/O error") || !strings.HasPrefix(s, "20") {
		t.Errorf("entry %q", s)
	}
}
