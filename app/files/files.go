package files

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"channeldesk/data"
)

// ExportMode is the permission of every exported document (reports,
// plans): readable by colleagues when the folder is copied to a shared
// drive.
const ExportMode os.FileMode = 0o644

// WriteFileAtomic writes a file through write into a temporary file in
// the same folder, syncs it and renames it over path, so that readers see
// either the old file or the complete new one, never a part. On any error
// nothing is left behind, and a refusal of the system (a full disk, the
// file open in Excel, a folder gone) comes back as a *data.FileError. It is
// the one file writer of every export; exports use perm ExportMode.
func WriteFileAtomic(path string, perm os.FileMode, write func(io.Writer) error) error {
	return data.FileFailure(path, writeFileAtomic(path, perm, write))
}

func writeFileAtomic(path string, perm os.FileMode, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return data.ReplaceFile(tmp.Name(), path)
}

// MaxFileNameBytes bounds names from SafeFileName (file systems allow 255;
// room is left for an extension and a counter).
const MaxFileNameBytes = 120

// windowsReserved are device names Windows will not use as file names,
// with or without an extension.
var windowsReserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true}

func init() {
	for _, d := range "123456789¹²³" {
		windowsReserved["COM"+string(d)] = true
		windowsReserved["LPT"+string(d)] = true
	}
}

// SafeFileName turns text from a partner (its name) into one file name
// component that stays inside the chosen folder on every system: no path
// separators or "..", no control or format characters (a right-to-left
// override would disguise "gpj.exe" as "exe.jpg"), no characters Windows
// refuses, no reserved device names, no trailing dots or spaces, at most
// MaxFileNameBytes bytes. An empty result becomes "_".
func SafeFileName(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsSpace(r):
			b.WriteRune(' ')
		case r == utf8.RuneError, unicode.IsControl(r), unicode.Is(unicode.Cf, r), strings.ContainsRune(`/\:*?"<>|`, r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	s := strings.Join(strings.Fields(b.String()), " ")
	s = truncateBytes(s, MaxFileNameBytes)
	s = strings.TrimRight(strings.TrimLeft(s, ". "), ". ")
	if s == "" {
		return "_"
	}
	stem, _, _ := strings.Cut(s, ".")
	if windowsReserved[strings.ToUpper(strings.TrimRight(stem, " "))] {
		s = "_" + s
	}
	return s
}

func truncateBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// FormulaStart reports whether a spreadsheet would read text as a formula
// (it starts with = + - @, or a tab or carriage return that hides one).
func FormulaStart(text string) bool {
	return text != "" && strings.ContainsRune("=+-@\t\r", rune(text[0]))
}

// SafeCell returns user text for a CSV cell: text that would start a
// formula gets a leading apostrophe, so a spreadsheet opening the CSV keeps
// it as text (the OWASP rule for CSV injection). In XLSX workbooks write
// user text as a string cell (excelize SetCellStr or a string value in a
// StreamWriter row), never with SetCellFormula or as a value the library
// may interpret; a string cell is never evaluated, so the apostrophe is not
// needed there. Write numbers as numbers, not through SafeCell.
func SafeCell(text string) string {
	if FormulaStart(text) {
		return "'" + text
	}
	return text
}
