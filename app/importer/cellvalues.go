package importer

import (
	"channeldesk/app/format"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// DateOrder is how a column writes day and month in dates like 03/04/2026.
type DateOrder int

// Date orders.
const (
	OrderUnknown DateOrder = iota // nothing says: read as day first
	OrderDMY                      // 15/03/2026, 15.03.2026
	OrderMDY                      // 3/15/2026 (US)
)

// DateColumn is what all the values of a column say about its dates.
type DateColumn struct {
	Order DateOrder
	// Ambiguous: slashed dates where every value could be D/M or M/D; the
	// user is asked.
	Ambiguous bool
	Bad       int // values that are no date in any order
}

// DetectDates reads every value of a date column and decides its order:
// a first number over 12 means day first, a second one over 12 month first.
func DetectDates(values []string) DateColumn {
	var dc DateColumn
	dmy, mdy, slashed := false, false, false
	for _, v := range values {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		a, b, _, kind := dateParts(v)
		if kind != slashDate {
			if _, ok := ReadDate(v, OrderDMY); !ok {
				dc.Bad++
			}
			continue
		}
		slashed = true
		dmy = dmy || a > 12
		mdy = mdy || b > 12
		if a > 12 && b > 12 {
			dc.Bad++
		}
	}
	switch {
	case dmy && !mdy:
		dc.Order = OrderDMY
	case mdy && !dmy:
		dc.Order = OrderMDY
	case slashed && !dmy && !mdy:
		dc.Ambiguous = true
	}
	return dc
}

// ReadDate reads a date cell: ISO with or without a time ("2026-03-14
// 10:22", "2026-03-14T10:22:00Z"), dotted day first ("12.03.2026
// 10:15:00"), slashed in the column's order ("3/15/2026"), English month
// names ("Mar 15, 2026") and Excel serial numbers. The result is ISO.
func ReadDate(s string, order DateOrder) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 40 {
		return "", false
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil {
		if n > 20000 && n < 80000 {
			return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n)).Format(format.DateLayout), true
		}
		return "", false
	}
	if a, b, y, kind := dateParts(s); kind != notDate {
		d, m := a, b
		if kind == slashDate && order == OrderMDY {
			d, m = b, a
		}
		return isoDate(y, m, d)
	}
	for _, layout := range []string{"Jan 2, 2006", "January 2, 2006", "2 Jan 2006", "2 January 2006", "02-Jan-2006",
		"2-Jan-2006", "Jan 2 2006", "Monday, January 2, 2006"} {
		if t, err := time.Parse(layout, datePart(s, true)); err == nil {
			return t.Format(format.DateLayout), true
		}
	}
	return "", false
}

// datePart cuts a trailing time off a date; named keeps the spaces of
// "Mar 15, 2026 10:22" dates.
func datePart(s string, named bool) string {
	if i := strings.IndexAny(s, "T"); i == 10 && !named {
		return s[:i]
	}
	f := strings.Fields(s)
	for len(f) > 1 && isTime(strings.Join(f[len(f)-1:], "")) {
		f = f[:len(f)-1]
	}
	if !named && len(f) > 1 {
		return ""
	}
	return strings.Join(f, " ")
}

// isTime reports whether s is a time of day ("10:22", "10:15:00", "PM",
// "10:22:00Z", "+03:00").
func isTime(s string) bool {
	u := strings.ToUpper(s)
	if u == "AM" || u == "PM" || u == "UTC" || u == "GMT" {
		return true
	}
	if !strings.Contains(s, ":") {
		return false
	}
	for _, r := range u {
		if !unicode.IsDigit(r) && !strings.ContainsRune(":.+-ZAPM", r) {
			return false
		}
	}
	return true
}

// dateKind is how a numeric date is written.
type dateKind int

const (
	notDate   dateKind = iota
	fixedDate          // ISO year first, or dotted day first: the order is known
	slashDate          // a/b/yyyy or a-b-yyyy: day or month first
)

// dateParts splits a numeric date (any time after it cut off): for a
// fixed date a is the day and b the month; for a slashed one a and b are
// as written.
func dateParts(s string) (a, b, y int, kind dateKind) {
	d := datePart(s, false)
	sep := strings.IndexAny(d, "/.-")
	if d == "" || sep < 0 {
		return 0, 0, 0, notDate
	}
	parts := strings.Split(strings.TrimSuffix(d, d[sep:sep+1]), d[sep:sep+1])
	if len(parts) != 3 {
		return 0, 0, 0, notDate
	}
	n := make([]int, 3)
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || len(p) == 0 || len(p) > 4 || v < 0 {
			return 0, 0, 0, notDate
		}
		n[i] = v
	}
	switch {
	case len(parts[0]) == 4:
		return n[2], n[1], n[0], fixedDate
	case len(parts[2]) == 4 || len(parts[2]) == 2:
		y = n[2]
		if len(parts[2]) == 2 {
			y += 2000
		}
		if d[sep] == '.' { // dots are day first wherever they are written
			return n[0], n[1], y, fixedDate
		}
		return n[0], n[1], y, slashDate
	}
	return 0, 0, 0, notDate
}

func isoDate(y, m, d int) (string, bool) {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false
	}
	return t.Format(format.DateLayout), true
}

// currencyMarks are the symbols and words amounts carry, by ISO code.
var currencyMarks = map[string]string{"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "руб": "RUB",
	"р": "RUB", "¥": "JPY", "₸": "KZT", "₴": "UAH", "CHF": "CHF", "Fr": "CHF"}

// ReadAmount reads an amount as CRMs and spreadsheets write it — "1 234,56",
// "1,234.56", "1.234,56", "USD 125,000.00", "$125,000", "125 000 ₽",
// "(1,234.00)" — into minor units of currency (the program's currency,
// whose minor digits count). cur is the currency the cell names ("" when
// it names none); a caller flags one other than the program's.
func ReadAmount(s, currency string) (minor int64, cur string, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) > 60 {
		return 0, "", false
	}
	neg := strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")")
	if neg {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	num, cur := splitCurrency(s)
	if strings.HasPrefix(num, "-") {
		neg, num = !neg, num[1:]
	}
	intPart, frac, ok := splitNumber(num)
	digits := format.MinorDigits(currency)
	if !ok || len(frac) > digits || len(intPart) > 15 {
		return 0, cur, false
	}
	v, err := strconv.ParseInt(intPart+frac+strings.Repeat("0", digits-len(frac)), 10, 64)
	if err != nil {
		return 0, cur, false
	}
	if neg {
		v = -v
	}
	return v, cur, true
}

// splitCurrency takes a currency code or symbol off either end of s.
func splitCurrency(s string) (num, cur string) {
	start := strings.IndexFunc(s, func(r rune) bool { return unicode.IsDigit(r) || r == '-' })
	if start < 0 {
		return s, ""
	}
	end := strings.LastIndexFunc(s, unicode.IsDigit) + 1
	if end <= start {
		return "", "" // a minus without digits
	}
	mark := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s[:start]+" "+s[end:]), "."))
	num = s[start:end]
	if mark == "" {
		return num, ""
	}
	if c, ok := currencyMarks[mark]; ok {
		return num, c
	}
	if c, ok := currencyMarks[strings.ToLower(mark)]; ok {
		return num, c
	}
	if len(mark) == 3 && strings.ToUpper(mark) == mark && strings.IndexFunc(mark, func(r rune) bool { return r < 'A' || r > 'Z' }) < 0 {
		return num, mark
	}
	return "", mark // words around the number: not an amount
}

// splitNumber splits digits with group separators (space, no-break
// space, apostrophe, comma or dot) and one decimal mark (the last comma
// or dot when followed by one or two digits, or a lone comma).
func splitNumber(s string) (intPart, frac string, ok bool) {
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "'", "").Replace(s)
	if s == "" {
		return "", "", false
	}
	last := strings.LastIndexAny(s, ",.")
	if last >= 0 {
		after := s[last+1:]
		lone := strings.Count(s, s[last:last+1]) == 1 && !strings.ContainsAny(s[:last], ",.")
		if len(after) <= 2 || (lone && s[last] == ',' && len(after) != 3) {
			intPart, frac = s[:last], after
		} else {
			intPart = s
		}
	} else {
		intPart = s
	}
	intPart = strings.NewReplacer(",", "", ".", "").Replace(intPart)
	if intPart == "" {
		intPart = "0"
	}
	return intPart, frac, allDigits(intPart) && allDigits(frac)
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
