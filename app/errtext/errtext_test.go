package errtext_test

import (
	"errors"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"channeldesk/app/errtext"
	"channeldesk/assets"
	"channeldesk/data"
)

func load(t *testing.T, language string) {
	t.Helper()
	if err := assets.LoadTranslations(language); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { assets.LoadTranslations("en") })
}

// Each cause names the file or folder and the way out, in both languages.
func TestFileErrorTexts(t *testing.T) {
	cases := []struct {
		fe       data.FileError
		en, ru   []string
		internal bool
	}{
		{data.FileError{Cause: data.CauseDiskFull, Path: "/home/a/channeldesk.db", Dir: "/home/a", Free: 12 << 20},
			[]string{"/home/a/channeldesk.db is full (12 MB free)", "Nothing was changed", "Free some space"},
			[]string{"/home/a/channeldesk.db", "свободно 12 МБ", "Освободите место"}, false},
		{data.FileError{Cause: data.CauseDiskFull, Path: "/m/r.xlsx", Dir: "/m", Free: -1},
			[]string{"/m/r.xlsx is full.", "Free some space"}, []string{"/m/r.xlsx", "заполнен."}, false},
		{data.FileError{Cause: data.CauseInUse, Path: "/home/a/report.xlsx", Dir: "/home/a"},
			[]string{"Close «report.xlsx» in Excel (or choose another name) and try again"},
			[]string{"Закройте «report.xlsx» в Excel"}, false},
		{data.FileError{Cause: data.CauseInUse, Path: "/p/plan.pdf", Dir: "/p"},
			[]string{"Close «plan.pdf» in the program", "another name"}, []string{"Закройте «plan.pdf»"}, false},
		{data.FileError{Cause: data.CauseFolderGone, Path: "/media/usb/plans/a.pdf", Dir: "/media/usb/plans"},
			[]string{"/media/usb/plans can no longer be reached", "Reconnect"}, []string{"/media/usb/plans больше недоступна"}, false},
		{data.FileError{Cause: data.CauseReadOnly, Path: "/ro/x.pdf", Dir: "/ro"},
			[]string{"may not write in the folder /ro", "read-only"}, []string{"не может записывать в папку /ro"}, false},
	}
	for _, c := range cases {
		err := error(&c.fe)
		for _, l := range []struct {
			lang string
			want []string
		}{{"en", c.en}, {"ru", c.ru}} {
			load(t, l.lang)
			got := errtext.Text(err)
			for _, w := range l.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s %s: %q lacks %q", l.lang, c.fe.Cause, got, w)
				}
			}
		}
		if errtext.Internal(err) {
			t.Errorf("%s counted as internal", c.fe.Cause)
		}
	}
}

func TestInternalAndInvalid(t *testing.T) {
	load(t, "en")
	if !errtext.Internal(errors.New("boom")) || errtext.Internal(data.NotFound("partner")) || errtext.Internal(nil) {
		t.Error("Internal misjudges a plain error, a typed one or nil")
	}
	if got := errtext.Text(data.Invalid("name", "err.required", nil)); !strings.HasPrefix(got, "Name: ") {
		t.Errorf("invalid input text %q does not name the field", got)
	}
}

func TestSize(t *testing.T) {
	load(t, "ru")
	for n, want := range map[int64]string{640 << 10: "640 КБ", 12 << 20: "12 МБ", 3<<30 + 1<<29: "3,5 ГБ", 20 << 30: "20 ГБ"} {
		if got := errtext.Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}

// A full disk reported by the system is classified and explained.
func TestSystemErrorIsClassified(t *testing.T) {
	load(t, "en")
	err := data.FileFailure(t.TempDir()+"/r.xlsx", &osPathError{syscall.ENOSPC})
	if got := errtext.Text(err); !strings.Contains(got, "r.xlsx is full") {
		t.Errorf("ENOSPC explained as %q", got)
	}
}

type osPathError struct{ errno syscall.Errno }

func (e *osPathError) Error() string { return "write: " + e.errno.Error() }
func (e *osPathError) Unwrap() error { return e.errno }

// The command line uses these texts: the package must not pull in a
// window toolkit driver (only Fyne's lang, which draws nothing).
func TestNoGUIDependency(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "fyne.io/") && dep != "fyne.io/fyne/v2" && dep != "fyne.io/fyne/v2/lang" ||
			strings.Contains(dep, "go-gl") || dep == "channeldesk/screens" {
			t.Errorf("errtext depends on %s", dep)
		}
	}
}
