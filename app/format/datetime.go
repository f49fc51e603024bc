package format

import "time"

// FormatDateTime shows an instant in local time the way lang writes a
// date, with the time of day: "27 Nov 2026 14:05" or "27.11.2026 14:05".
func FormatDateTime(t time.Time, lang Lang) string {
	t = t.Local()
	return FormatDate(t.Format(DateLayout), lang) + " " + t.Format("15:04")
}
