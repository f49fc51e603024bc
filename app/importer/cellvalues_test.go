package importer_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"channeldesk/app/importer"
)

func TestReadDateInEveryUsualForm(t *testing.T) {
	cases := []struct {
		in    string
		order importer.DateOrder
		want  string
	}{
		{"2026-03-14 10:22", importer.OrderUnknown, "2026-03-14"},
		{"2026-03-14T10:22:00Z", importer.OrderMDY, "2026-03-14"},
		{"12.03.2026 10:15:00", importer.OrderMDY, "2026-03-12"},
		{"3/15/2026", importer.OrderMDY, "2026-03-15"},
		{"3/15/2026 10:22 AM", importer.OrderMDY, "2026-03-15"},
		{"15/03/2026", importer.OrderDMY, "2026-03-15"},
		{"04/03/2026", importer.OrderMDY, "2026-04-03"},
		{"04/03/2026", importer.OrderDMY, "2026-03-04"},
		{"Mar 15, 2026", importer.OrderUnknown, "2026-03-15"},
		{"46096", importer.OrderUnknown, "2026-03-15"},
		{"12.03.26", importer.OrderUnknown, "2026-03-12"},
	}
	for _, c := range cases {
		if got, ok := importer.ReadDate(c.in, c.order); !ok || got != c.want {
			t.Errorf("ReadDate(%q, %d) = %q %v, want %q", c.in, c.order, got, ok, c.want)
		}
	}
	for _, bad := range []string{"31/02/2026", "3/15/2026", "next week", "2026-13-01", "12.03.2026 later"} {
		if got, ok := importer.ReadDate(bad, importer.OrderDMY); ok {
			t.Errorf("ReadDate(%q) = %q, want no date", bad, got)
		}
	}
}

func TestDetectDatesDecidesTheOrderFromAllValues(t *testing.T) {
	us := importer.DetectDates([]string{"3/4/2026", "", "3/15/2026", "12/1/2026"})
	if us.Order != importer.OrderMDY || us.Ambiguous || us.Bad != 0 {
		t.Errorf("US column: %+v", us)
	}
	eu := importer.DetectDates([]string{"03/04/2026", "25/12/2026"})
	if eu.Order != importer.OrderDMY || eu.Ambiguous {
		t.Errorf("day-first column: %+v", eu)
	}
	amb := importer.DetectDates([]string{"03/04/2026", "05/06/2026", "2026-01-02"})
	if !amb.Ambiguous || amb.Order != importer.OrderUnknown {
		t.Errorf("ambiguous column: %+v, want asked", amb)
	}
	if dotted := importer.DetectDates([]string{"12.03.2026 10:15:00", "01.02.2026"}); dotted.Ambiguous || dotted.Bad != 0 {
		t.Errorf("dotted dates are day first: %+v", dotted)
	}
}

func TestReadAmountInEveryUsualForm(t *testing.T) {
	cases := []struct {
		in   string
		want int64
		cur  string
	}{
		{"1 234,56", 123456, ""}, {"1,234.56", 123456, ""}, {"1.234,56", 123456, ""},
		{"USD 125,000.00", 12500000, "USD"}, {"$125,000", 12500000, "USD"}, {"125 000 ₽", 12500000, "RUB"},
		{"125000 руб.", 12500000, "RUB"}, {"(1,234.00)", -123400, ""}, {"1234", 123400, ""}, {"1,5", 150, ""},
		{"1\u00a0234\u00a0567,8", 123456780, ""}, {"EUR 99", 9900, "EUR"},
	}
	for _, c := range cases {
		got, cur, ok := importer.ReadAmount(c.in, "RUB")
		if !ok || got != c.want || cur != c.cur {
			t.Errorf("ReadAmount(%q) = %d %q %v, want %d %q", c.in, got, cur, ok, c.want, c.cur)
		}
	}
	for _, bad := range []string{"", "about 100", "12.345.6,7,8x", "1.2.3e5"} {
		if got, _, ok := importer.ReadAmount(bad, "RUB"); ok {
			t.Errorf("ReadAmount(%q) = %d, want refused", bad, got)
		}
	}
}

func FuzzReadDate(f *testing.F) {
	for _, s := range []string{"2026-03-14 10:22", "12.03.2026 10:15:00", "3/15/2026", "Mar 15, 2026", "46096", "1/1/99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, o := range []importer.DateOrder{importer.OrderUnknown, importer.OrderDMY, importer.OrderMDY} {
			iso, ok := importer.ReadDate(s, o)
			if !ok {
				continue
			}
			if again, ok2 := importer.ReadDate(iso, o); !ok2 || again != iso || len(iso) != 10 {
				t.Fatalf("ReadDate(%q) = %q, which reads back as %q %v", s, iso, again, ok2)
			}
		}
		importer.DetectDates([]string{s, s + " 10:00"})
	})
}

func FuzzReadAmount(f *testing.F) {
	for _, s := range []string{"1 234,56", "1,234.56", "USD 125,000.00", "(1,234.00)", "125 000 ₽", "-5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, _, ok := importer.ReadAmount(s, "USD")
		if !ok {
			return
		}
		// a plain rendering of the value reads back as the same value
		neg, abs := "", v
		if v < 0 {
			neg, abs = "-", -v
		}
		plain := neg + strconv.FormatInt(abs/100, 10) + "." + strings.TrimPrefix(strconv.FormatInt(100+abs%100, 10), "1")
		if back, _, ok := importer.ReadAmount(plain, "USD"); !ok || back != v {
			t.Fatalf("ReadAmount(%q) = %d; %q reads back as %d %v", s, v, plain, back, ok)
		}
	})
}

func FuzzReadHTML(f *testing.F) {
	f.Add([]byte("<table><tr><th>Name</th><th>ИНН</th></tr><tr><td>A<br>B</td><td colspan=2>1</td></tr></table>"))
	f.Add([]byte("<html><meta charset=windows-1251><table><tr><td>\xcf\xf0\xe8</td></tr></table>"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		tab, err := importer.ReadHTML(bytes.NewReader(raw))
		if err != nil {
			return
		}
		if tab.Header == nil || len(tab.Rows) != len(tab.RowNums) {
			t.Fatalf("header %v, %d rows, %d numbers", tab.Header, len(tab.Rows), len(tab.RowNums))
		}
	})
}

func TestAmbiguousEventDatesAreAskedFor(t *testing.T) {
	s := openStore(t)
	text := "Company name,Event,Event date\nA,Expo,03/04/2026\nB,Expo,05/06/2026\n"
	p := planText(t, s, text, importer.Options{})
	if len(p.Dates) != 1 || !p.Dates[0].Ambiguous || p.Rows[0].Source.EventDate != "2026-04-03" {
		t.Fatalf("dates %+v, first read as %q; want asked and day first", p.Dates, p.Rows[0].Source.EventDate)
	}
	p = planText(t, s, text, importer.Options{DateOrder: importer.OrderMDY})
	if p.Rows[0].Source.EventDate != "2026-03-04" {
		t.Errorf("month first asked: %q", p.Rows[0].Source.EventDate)
	}
	us := planText(t, s, "Company name,Event,Event date\nA,Expo,3/15/2026\nB,Expo,03/04/2026\n", importer.Options{})
	if us.Dates[0].Ambiguous || us.Rows[1].Source.EventDate != "2026-03-04" || us.Rejected != 0 {
		t.Errorf("a US column: %+v, second %q", us.Dates, us.Rows[1].Source.EventDate)
	}
}
