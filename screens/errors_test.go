package screens

import (
	"errors"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/applog"
	"channeldesk/data"
	"channeldesk/internal/testfs/fullstore"
)

// overlayText is all the label text of the open dialogs.
func overlayText(u *UI) string {
	var b strings.Builder
	walkVisible(overlays(u), func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
		return false
	})
	return b.String()
}

// The disk is full at start: the window opens all the same and says,
// prominently, that today's backup was not made and why.
func TestStartupBackupOnFullDisk(t *testing.T) {
	a := test.NewTempApp(t)
	s, _ := fullstore.Open(t)
	u := New(a, s)
	u.Wait()
	got := overlayText(u)
	for _, want := range []string{"Today's backup was not made", "is full (", "Your data is safe"} {
		if !strings.Contains(got, want) {
			t.Errorf("start-up notice lacks %q:\n%s", want, got)
		}
	}
	if u.Win.Content() == nil {
		t.Error("the window did not open")
	}
}

// An internal error names the log file and copies its details; the form
// under it stays.
func TestInternalErrorDialog(t *testing.T) {
	u := newTestUI(t, 0, "en")
	old := log.Writer()
	t.Cleanup(func() { log.SetOutput(old) })
	logPath, err := applog.Start(filepath.Join(t.TempDir(), "channeldesk.log"), "test", nil)
	if err != nil {
		t.Fatal(err)
	}
	u.showError(errors.New("index out of range [3] with length 3"), nil)
	if got := overlayText(u); !strings.Contains(got, logPath) || !strings.Contains(got, "Nothing you typed is lost") {
		t.Errorf("dialog text %q lacks the log path", got)
	}
	test.Tap(overlayButton(t, u, "Copy details"))
	if c := u.App.Clipboard().Content(); !strings.Contains(c, "index out of range") || !strings.Contains(c, logPath) {
		t.Errorf("copied %q", c)
	}
	if b, _ := os.ReadFile(logPath); !strings.Contains(string(b), "index out of range") {
		t.Errorf("log holds %q", b)
	}
}

// A workbook open in Excel: the message says so and offers Save As.
func TestFileInUseOffersSaveAs(t *testing.T) {
	u := newTestUI(t, 0, "en")
	asked := false
	u.showError(&data.FileError{Cause: data.CauseInUse, Path: "/home/a/report.xlsx", Dir: "/home/a"}, func() { asked = true })
	if got := overlayText(u); !strings.Contains(got, "Close «report.xlsx» in Excel (or choose another name) and try again") {
		t.Errorf("dialog text %q", got)
	}
	test.Tap(overlayButton(t, u, "Save as…"))
	if !asked {
		t.Error("Save as did not ask for another name")
	}
}

// A bug in background work (a panic) leaves the window up: the user sees
// the internal-error dialog with the log path, the log holds the panic and
// its stack, and the work's own completion never runs on half a result.
func TestPanicInBackgroundWorkShowsTheInternalError(t *testing.T) {
	u := newTestUI(t, 0, "en")
	old := log.Writer()
	t.Cleanup(func() { log.SetOutput(old) })
	logPath, err := applog.Start(filepath.Join(t.TempDir(), "channeldesk.log"), "test", nil)
	if err != nil {
		t.Fatal(err)
	}
	runInline = false
	t.Cleanup(func() { runInline = true })
	done := false
	u.background(func() { panic("boom in the report") }, func() { done = true })
	u.Wait()
	if done {
		t.Error("the completion ran after the work panicked")
	}
	if got := overlayText(u); !strings.Contains(got, logPath) {
		t.Errorf("dialog text %q lacks the log path", got)
	}
	if b, _ := os.ReadFile(logPath); !strings.Contains(string(b), "boom in the report") || !strings.Contains(string(b), "goroutine") {
		t.Errorf("log holds %q, want the panic and its stack", b)
	}
}
