package format_test

import (
	"channeldesk/app/format"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseMoney: whatever a person types, ParseMoney neither panics nor
// returns a value together with an error, and what it accepts formats and
// parses back to the same amount.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1 234,56", "1234.56", "1,234.56", "1.234,56", "€1,234.56", "-5", "12,345", "0.5", "", "-", ",", "1,2,3", "99999999999999999999", "1\u00a0000 ₽", "'1'000.50"} {
		f.Add(s, "EUR", "en")
		f.Add(s, "RUB", "ru")
	}
	f.Add("1000", "JPY", "en")
	f.Fuzz(func(t *testing.T, s, currency, lang string) {
		l := format.Lang(lang)
		v, err := format.ParseMoney(s, currency, l)
		if err != nil {
			if v != 0 {
				t.Fatalf("ParseMoney(%q) = %d with error %v", s, v, err)
			}
			return
		}
		if currency != "EUR" && currency != "RUB" && currency != "JPY" {
			return // a made-up currency code may appear inside the formatted text
		}
		out := format.FormatMoney(v, currency, l)
		back, err := format.ParseMoney(out, currency, l)
		if err != nil || back != v {
			t.Fatalf("ParseMoney(%q)=%d; FormatMoney=%q parses back to %d, %v", s, v, out, back, err)
		}
	})
}

// FuzzParseDate: ParseDate never panics, and a date it accepts is a real
// calendar date that round-trips through the stored ISO form.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-27", "27.11.2026", "27/11/2026", "1.2.2026", "27.11.26", "2026-02-30", "", " 2026-01-01 ", "31.12.9999", "0000-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := format.ParseDate(s)
		if err != nil {
			if !utf8.ValidString(err.Error()) && utf8.ValidString(s) {
				t.Fatalf("error text is not UTF-8: %q", err.Error())
			}
			return
		}
		iso := d.Format(format.DateLayout)
		back, err := format.ParseDate(iso)
		if err != nil || !back.Equal(d) {
			t.Fatalf("ParseDate(%q) = %s, which parses back to %v, %v", s, iso, back, err)
		}
		if strings.TrimSpace(s) == "" {
			t.Fatalf("an empty input parsed as %s", iso)
		}
	})
}
