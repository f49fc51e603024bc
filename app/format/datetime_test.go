package format

import (
	"testing"
	"time"
)

// An instant shows in local time, its date the locale's way.
func TestFormatDateTime(t *testing.T) {
	at := time.Date(2026, 11, 27, 14, 5, 0, 0, time.Local)
	if got := FormatDateTime(at, RU); got != "27.11.2026 14:05" {
		t.Errorf("ru: %q", got)
	}
	if got := FormatDateTime(at, EN); got != "27 Nov 2026 14:05" {
		t.Errorf("en: %q", got)
	}
	if got := FormatDateTime(at.UTC(), RU); got != "27.11.2026 14:05" {
		t.Errorf("an instant in UTC is not shown in local time: %q", got)
	}
}
