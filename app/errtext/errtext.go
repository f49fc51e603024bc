// Package errtext says what went wrong in words a person can act on, in
// the interface language, for the window and the command line alike. It
// draws nothing: its texts come through Fyne's lang package, which needs
// neither a display nor a graphics driver.
package errtext

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/lang"

	"channeldesk/data"
)

// Text says what went wrong: the field and the reason for invalid input;
// the cause, the file and the way out when the system refused a file; a
// short line for anything unexpected (see Internal), whose full error the
// caller logs.
func Text(err error) string {
	if fe, ok := data.AsFileError(err); ok {
		return File(fe)
	}
	e, ok := data.AsError(err)
	if !ok {
		return lang.L("err.internal")
	}
	msg := lang.L(e.Key, args(e.Args))
	if e.Field != "" {
		return FieldLabel(e.Field) + ": " + msg
	}
	return msg
}

// WithLog is Text, naming the log file for an internal error when the
// log is kept (logPath not empty).
func WithLog(err error, logPath string) string {
	if Internal(err) && logPath != "" {
		return lang.L("errors.internal_log", map[string]any{"Path": logPath})
	}
	return Text(err)
}

// Internal reports whether err is one a person can do nothing about
// (neither bad input nor a file problem): the case for the log's path and
// a "Copy details" button.
func Internal(err error) bool {
	if _, ok := data.AsFileError(err); ok {
		return false
	}
	_, ok := data.AsError(err)
	return err != nil && !ok
}

// args translates the arguments that name statuses and kinds of records.
func args(in map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range in {
		out[k] = v
	}
	for _, k := range []string{"From", "To"} {
		if v, ok := out[k].(string); ok {
			out[k] = lang.L("status." + v)
		}
	}
	if v, ok := out["What"].(string); ok {
		out["What"] = lang.L("what." + v)
	}
	return out
}

// FieldLabel is the name of an input, as errors name it.
func FieldLabel(field string) string { return lang.L("field." + field) }

// File says why the system refused a file and what to do about it.
func File(fe *data.FileError) string {
	a := map[string]any{"Path": fe.Path, "Name": filepath.Base(fe.Path), "Dir": fe.Dir}
	key := "errors." + string(fe.Cause)
	switch {
	case fe.Cause == data.CauseDiskFull && fe.Free >= 0:
		a["Free"] = Size(fe.Free)
	case fe.Cause == data.CauseDiskFull:
		key = "errors.disk_full_unknown"
	case fe.Cause == data.CauseInUse && spreadsheet(fe.Path):
		key = "errors.in_use_excel"
	}
	return lang.L(key, a)
}

// spreadsheet reports whether Excel is the program likely to hold path.
func spreadsheet(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xls", ".xlsm", ".csv":
		return true
	}
	return false
}

// Size writes a byte count the way a file manager does: 640 KB, 12 MB, 3.2 GB.
func Size(n int64) string {
	const kb, mb, gb = 1 << 10, 1 << 20, 1 << 30
	switch {
	case n >= 10*gb:
		return lang.L("errors.size_gb", map[string]any{"N": fmt.Sprint(n / gb)})
	case n >= gb:
		return lang.L("errors.size_gb", map[string]any{"N": decimal(float64(n) / gb)})
	case n >= mb:
		return lang.L("errors.size_mb", map[string]any{"N": fmt.Sprint(n / mb)})
	default:
		return lang.L("errors.size_kb", map[string]any{"N": fmt.Sprint(n / kb)})
	}
}

// decimal writes x with one decimal in the interface language's style.
func decimal(x float64) string {
	s := fmt.Sprintf("%.1f", x)
	return strings.Replace(s, ".", lang.L("errors.decimal_point"), 1)
}
