package files_test

import (
	"channeldesk/app/files"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSafeFileName(t *testing.T) {
	cases := map[string]string{
		"Acme Ltd":             "Acme Ltd",
		"../../etc/passwd":     "_.._etc_passwd",
		"..":                   "_",
		"":                     "_",
		"   ":                  "_",
		`a/b\c:d*e?f"g<h>i|j`:  "a_b_c_d_e_f_g_h_i_j",
		"CON":                  "_CON",
		"con.pdf":              "_con.pdf",
		"Lpt9":                 "_Lpt9",
		"COM1 .txt":            "_COM1 .txt",
		"Console":              "Console",
		"name. . ":             "name",
		"tab\there\x00nul\x1b": "tab here_nul_",
		"ООО «Ромашка»":        "ООО «Ромашка»",
		"line\nbreak":          "line break",
		".hidden":              "hidden",
	}
	for in, want := range cases {
		if got := files.SafeFileName(in); got != want {
			t.Errorf("SafeFileName(%q) = %q, want %q", in, got, want)
		}
	}
	long := files.SafeFileName(strings.Repeat("Я", 200))
	if len(long) > files.MaxFileNameBytes || !utf8.ValidString(long) {
		t.Errorf("long name: %d bytes, valid UTF-8 %v", len(long), utf8.ValidString(long))
	}
}

// Whatever a partner is called, the file stays in the chosen folder.
func TestSafeFileNameStaysInFolder(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"../x", "..\\x", "/abs", "a/../../b", "C:\\Windows", "~", ".", "..."} {
		p := filepath.Join(dir, files.SafeFileName(name))
		if filepath.Dir(p) != dir {
			t.Errorf("%q escapes to %s", name, p)
		}
	}
}

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
		"+7 495 000":               "'+7 495 000",
		"-2+3":                     "'-2+3",
		"@SUM(A1)":                 "'@SUM(A1)",
		"\t=1":                     "'\t=1",
		"Acme = good":              "Acme = good",
		"":                         "",
	} {
		if got := files.SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.csv")
	if err := files.WriteFileAtomic(path, 0o644, func(w io.Writer) error { _, err := io.WriteString(w, "v1"); return err }); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := files.WriteFileAtomic(path, 0o644, func(w io.Writer) error {
		io.WriteString(w, "partial")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "v1" {
		t.Errorf("a failed write changed the file: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if runtime.GOOS != "windows" {
		st, _ := os.Stat(path)
		if st.Mode().Perm() != 0o644 {
			t.Errorf("mode %v, want 0644", st.Mode().Perm())
		}
	}
}

// FuzzSafeFileName: no partner name yields a path that leaves its folder,
// a reserved or hidden name, or a name too long for the file system.
func FuzzSafeFileName(f *testing.F) {
	for _, s := range []string{"Acme", "../x", "CON", "com1.txt", "a/b", "..", " . ", "ООО «Ромашка»", "\x00", "name\u202e.exe", "LPT¹"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := files.SafeFileName(name)
		if msg := unsafeName(got); msg != "" {
			t.Fatalf("SafeFileName(%q) = %q: %s", name, got, msg)
		}
		if files.SafeFileName(got) != got {
			t.Fatalf("not stable: %q → %q → %q", name, got, files.SafeFileName(got))
		}
	})
}

// unsafeName says what is wrong with a file name, or "".
func unsafeName(got string) string {
	switch {
	case got == "" || got == "." || got == "..":
		return "empty or a dot name"
	case strings.ContainsAny(got, `/\:*?"<>|`):
		return "a separator or a character Windows refuses"
	case len(got) > files.MaxFileNameBytes+1 || !utf8.ValidString(got):
		return "too long or not UTF-8"
	case strings.HasSuffix(got, ".") || strings.HasSuffix(got, " ") || strings.HasPrefix(got, "."):
		return "leading dot or trailing dot or space"
	case strings.IndexFunc(got, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }) >= 0:
		return "a control or format character"
	}
	stem, _, _ := strings.Cut(got, ".")
	switch strings.ToUpper(strings.TrimSpace(stem)) {
	case "CON", "PRN", "AUX", "NUL", "COM1", "LPT1", "COM9", "LPT9":
		return "reserved on Windows"
	}
	return ""
}
