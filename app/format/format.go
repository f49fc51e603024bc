package format

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Lang is a language the program speaks: "en" or "ru".
type Lang string

// Languages of the interface and of partner documents.
const (
	EN Lang = "en"
	RU Lang = "ru"
)

// currencySymbols are shown instead of the ISO code where everyone knows them.
var currencySymbols = map[string]string{"RUB": "₽", "EUR": "€", "USD": "$", "GBP": "£", "KZT": "₸", "CNY": "¥", "INR": "₹"}

// zeroDecimal currencies have no minor unit.
var zeroDecimal = map[string]bool{"JPY": true, "KRW": true, "CLP": true, "ISK": true, "VND": true}

// MinorDigits is how many decimal digits a currency's minor unit has.
func MinorDigits(currency string) int {
	if zeroDecimal[strings.ToUpper(currency)] {
		return 0
	}
	return 2
}

// FormatNumber groups an integer's digits the way the language does:
// "1,234,567" in English, "1 234 567" (no-break spaces) in Russian.
func FormatNumber(n int64, lang Lang) string {
	sep := ","
	if lang == RU {
		sep = "\u00a0"
	}
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// FormatMoney formats minor units of currency for lang: "€1,234.56" or
// "1 234,56 ₽". Whole amounts drop the zero minor part.
func FormatMoney(minor int64, currency string, lang Lang) string {
	digits := MinorDigits(currency)
	neg := minor < 0
	if neg {
		minor = -minor
	}
	unit := int64(1)
	for range digits {
		unit *= 10
	}
	s := FormatNumber(minor/unit, lang)
	if frac := minor % unit; frac != 0 {
		dec := "."
		if lang == RU {
			dec = ","
		}
		s += dec + fmt.Sprintf("%0*d", digits, frac)
	}
	if neg {
		s = "-" + s
	}
	sym, ok := currencySymbols[strings.ToUpper(currency)]
	if !ok {
		return s + "\u00a0" + strings.ToUpper(currency)
	}
	if lang == EN && currency != "RUB" {
		if neg {
			return "-" + sym + s[1:]
		}
		return sym + s
	}
	return s + "\u00a0" + sym
}

// ErrMoney is returned for text that is not an amount of money.
var ErrMoney = errors.New("not an amount")

// ParseMoney reads an amount typed by a person into minor units. It accepts
// "1 234,56", "1234.56", "1,234.56", "1.234,56" and a currency sign; a
// lone comma is a decimal comma in Russian and a thousands separator in
// English when three digits follow it.
func ParseMoney(s, currency string, lang Lang) (int64, error) {
	s = strings.TrimSpace(s)
	for _, sym := range currencySymbols {
		s = strings.ReplaceAll(s, sym, "")
	}
	s = strings.TrimSpace(strings.TrimSuffix(strings.ToUpper(s), strings.ToUpper(currency)))
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "'", "").Replace(s)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return 0, ErrMoney
	}
	intPart, frac := splitDecimal(s, lang)
	digits := MinorDigits(currency)
	if len(frac) > digits || !allDigits(intPart) || !allDigits(frac) || intPart == "" && frac == "" {
		return 0, ErrMoney
	}
	frac += strings.Repeat("0", digits-len(frac))
	v, err := strconv.ParseInt(intPart+frac, 10, 64)
	if err != nil || len(intPart) > 15 {
		return 0, ErrMoney
	}
	if neg {
		v = -v
	}
	return v, nil
}

// ErrCount is returned for text that is not a whole number.
var ErrCount = errors.New("not a whole number")

// ParseCount reads a whole number typed by a person: "1234", "1 234",
// and "1,234" in English, where the comma groups thousands.
func ParseCount(s string, lang Lang) (int64, error) {
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "'", "").Replace(strings.TrimSpace(s))
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac := splitDecimal(s, lang)
	if frac != "" || intPart == "" || !allDigits(intPart) || len(intPart) > 15 {
		return 0, ErrCount
	}
	v, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil {
		return 0, ErrCount
	}
	if neg {
		v = -v
	}
	return v, nil
}

func splitDecimal(s string, lang Lang) (string, string) {
	lastDot, lastComma := strings.LastIndex(s, "."), strings.LastIndex(s, ",")
	dec := -1
	switch {
	case lastDot >= 0 && lastComma >= 0:
		dec = max(lastDot, lastComma)
	case lastDot >= 0 && strings.Count(s, ".") == 1:
		dec = lastDot
	case lastComma >= 0 && strings.Count(s, ",") == 1 && (lang == RU || len(s)-lastComma-1 != 3):
		dec = lastComma
	}
	intPart, frac := s, ""
	if dec >= 0 {
		intPart, frac = s[:dec], s[dec+1:]
	}
	return ungroup(intPart), frac
}

// ungroup removes thousands separators, returning "x" (not digits) when
// the groups are not of three digits.
func ungroup(s string) string {
	groups := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '.' })
	if len(groups) > 1 || strings.ContainsAny(s, ",.") {
		for i, g := range groups {
			if (i > 0 && len(g) != 3) || g == "" || len(groups) < 2 {
				return "x"
			}
		}
		if strings.Count(s, ",")+strings.Count(s, ".") != len(groups)-1 {
			return "x"
		}
	}
	return strings.Join(groups, "")
}

func allDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// DateLayout is how calendar dates are stored: ISO YYYY-MM-DD.
const DateLayout = "2006-01-02"

var monthsRU = [...]string{"янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"}

// FormatDate shows an ISO date or an RFC 3339 instant the way lang writes
// dates: "27 Nov 2026" or "27.11.2026". Unparseable text comes back as is.
func FormatDate(s string, lang Lang) string {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		t, err = time.Parse(time.RFC3339, s)
		if err != nil {
			return s
		}
		t = t.Local()
	}
	if lang == RU {
		return t.Format("02.01.2006")
	}
	return t.Format("2 Jan 2006")
}

// FormatDateLong is FormatDate with the month written out in Russian
// ("27 ноя 2026"), for headings.
func FormatDateLong(t time.Time, lang Lang) string {
	if lang == RU {
		return fmt.Sprintf("%d %s %d", t.Day(), monthsRU[t.Month()-1], t.Year())
	}
	return t.Format("2 Jan 2006")
}

// ParseDate reads a date typed by a person: ISO, "27.11.2026", "27/11/2026".
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{DateLayout, "02.01.2006", "2.1.2006", "02/01/2006", "2/1/2006", "02.01.06"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date: %q", s)
}

func PickLang(lang Lang, en, ru string) string {
	if lang == RU && ru != "" {
		return ru
	}
	return en
}
