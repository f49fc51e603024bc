package widgets

import (
	"strings"
	"testing"
	"time"

	"channeldesk/app/format"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// typeAndLeave types into a focusable entry in the window, then moves
// the focus away as Tab would.
func typeAndLeave(u *testUI, e fyne.Focusable, text string) {
	u.Win.Canvas().Focus(e)
	test.Type(e, text)
	u.Win.Canvas().FocusNext()
}

type entryCase struct {
	lang, input string
	want        int64  // value when valid
	shown       string // text after the focus leaves
	err         string // message when invalid
}

func TestMoneyEntry(t *testing.T) {
	cases := map[string]entryCase{
		"en plain":             {"en", "1234.56", 123456, "€1,234.56", ""},
		"en grouped":           {"en", "1,234.56", 123456, "€1,234.56", ""},
		"en thousands comma":   {"en", "1,234", 123400, "€1,234", ""},
		"en russian style":     {"en", "1 234,56", 123456, "€1,234.56", ""},
		"en with sign":         {"en", "€99", 9900, "€99", ""},
		"en garbage":           {"en", "abc", 0, "abc", `Amount: "abc" is not an amount of money`},
		"en too many decimals": {"en", "12.345", 0, "12.345", `Amount: "12.345" is not an amount of money`},
		"en negative":          {"en", "-5", 0, "-5", "Amount: the amount cannot be negative"},
		"en empty":             {"en", "", 0, "", "Amount: required"},
		"ru grouped":           {"ru", "1 234,56", 123456, "1\u00a0234,56\u00a0₽", ""},
		"ru dot":               {"ru", "1234.56", 123456, "1\u00a0234,56\u00a0₽", ""},
		"ru english style":     {"ru", "1,234.56", 123456, "1\u00a0234,56\u00a0₽", ""},
		"ru decimal comma":     {"ru", "12,5", 1250, "12,50\u00a0₽", ""},
		"ru garbage":           {"ru", "сто", 0, "сто", "Сумма: «сто» — не денежная сумма"},
		"ru two commas":        {"ru", "1,2,3", 0, "1,2,3", "Сумма: «1,2,3» — не денежная сумма"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			u := newTestUI(t, c.lang)
			u.Settings.Currency = map[string]string{"en": "EUR", "ru": "RUB"}[c.lang]
			e := NewMoneyEntry("amount", u.Settings.Currency, u.Lang)
			u.Win.SetContent(container.NewVBox(e, widget.NewEntry()))
			typeAndLeave(u, e, c.input)
			got, err := e.Value()
			checkEntry(t, e.Text, got, err, e.Validate(), c)
		})
	}
}

func checkEntry(t *testing.T, text string, got int64, err, shownErr error, c entryCase) {
	t.Helper()
	if c.err == "" {
		if err != nil || got != c.want {
			t.Errorf("%q: got %d, %v; want %d", c.input, got, err, c.want)
		}
	} else {
		if err == nil {
			t.Fatalf("%q: accepted as %d, want %q", c.input, got, c.err)
		}
		if ErrorText(err) != c.err || shownErr == nil || shownErr.Error() != c.err {
			t.Errorf("%q: message %q (entry shows %v), want %q", c.input, ErrorText(err), shownErr, c.err)
		}
	}
	if text != c.shown {
		t.Errorf("%q: entry shows %q after leaving it, want %q", c.input, text, c.shown)
	}
}

func TestMoneyEntrySetValue(t *testing.T) {
	u := newTestUI(t, "ru")
	u.Settings.Currency = "RUB"
	e := NewMoneyEntry("amount", u.Settings.Currency, u.Lang)
	e.SetValue(150000000)
	if e.Text != "1\u00a0500\u00a0000\u00a0₽" {
		t.Errorf("shows %q", e.Text)
	}
	if v, err := e.Value(); err != nil || v != 150000000 {
		t.Errorf("reads back %d, %v", v, err)
	}
}

func TestDateEntry(t *testing.T) {
	cases := map[string]struct {
		lang, input, want, shown, err string
	}{
		"en iso":          {"en", "2026-11-27", "2026-11-27", "27 Nov 2026", ""},
		"en dotted":       {"en", "5.3.2027", "2027-03-05", "5 Mar 2027", ""},
		"en as shown":     {"en", "27 Nov 2026", "2026-11-27", "27 Nov 2026", ""},
		"en no such day":  {"en", "31.02.2026", "", "31.02.2026", `Date: "31.02.2026" is not a date; write it like 27 Nov 2026 or pick it in the calendar`},
		"en word":         {"en", "tomorrow", "", "tomorrow", `Date: "tomorrow" is not a date; write it like 27 Nov 2026 or pick it in the calendar`},
		"en empty":        {"en", "", "", "", "Date: required"},
		"ru dotted":       {"ru", "27.11.2026", "2026-11-27", "27.11.2026", ""},
		"ru short dotted": {"ru", "1.2.2027", "2027-02-01", "01.02.2027", ""},
		"ru slashes":      {"ru", "27/11/2026", "2026-11-27", "27.11.2026", ""},
		"ru iso":          {"ru", "2026-12-31", "2026-12-31", "31.12.2026", ""},
		"ru garbage":      {"ru", "32.13.2026", "", "32.13.2026", "Дата: «32.13.2026» — не дата; напишите, например, 27.11.2026 или выберите в календаре"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			u := newTestUI(t, c.lang)
			e := NewDateEntry("date", u.Lang, u.now)
			u.Win.SetContent(container.NewVBox(e, widget.NewEntry()))
			typeAndLeave(u, e, c.input)
			got, err := e.Value()
			if c.err == "" && (err != nil || got != c.want) {
				t.Errorf("%q: got %q, %v; want %q", c.input, got, err, c.want)
			}
			if c.err != "" && (err == nil || ErrorText(err) != c.err) {
				t.Errorf("%q: got %q, error %v; want %q", c.input, got, err, c.err)
			}
			if e.Text != c.shown {
				t.Errorf("%q: shows %q, want %q", c.input, e.Text, c.shown)
			}
		})
	}
}

func TestDateEntryCalendarPick(t *testing.T) {
	u := newTestUI(t, "ru")
	e := NewDateEntry("date", u.Lang, u.now)
	var picked string
	e.OnPicked = func(iso string) { picked = iso }
	u.Win.SetContent(container.NewVBox(e))
	e.SetValue("2026-11-03")
	test.Tap(e.ActionItem.(*widget.Button))
	if u.Win.Canvas().Overlays().Top() == nil {
		t.Fatal("no calendar shown")
	}
	test.Tap(overlayButton(t, u, "15"))
	if picked != "2026-11-15" || e.Text != "15.11.2026" {
		t.Errorf("picked %q, entry shows %q; want 2026-11-15 shown as 15.11.2026", picked, e.Text)
	}
	if top := u.Win.Canvas().Overlays().Top(); top != nil && top.Visible() {
		t.Error("calendar still open after the pick")
	}
}

func TestPercentEntry(t *testing.T) {
	cases := map[string]struct {
		lang, input string
		want        int
		shown, err  string
	}{
		"en decimal":       {"en", "12.5", 1250, "12.5\u00a0%", ""},
		"en comma and pct": {"en", "12,5 %", 1250, "12.5\u00a0%", ""},
		"en whole":         {"en", "100", 10000, "100\u00a0%", ""},
		"en over 100":      {"en", "101", 0, "101", "Share: at most 100\u00a0%"},
		"en garbage":       {"en", "half", 0, "half", `Share: "half" is not a percentage`},
		"ru comma":         {"ru", "7,25", 725, "7,25\u00a0%", ""},
		"ru three places":  {"ru", "7,255", 0, "7,255", "Доля: «7,255» — не процент"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			u := newTestUI(t, c.lang)
			e := NewPercentEntry("share", u.Lang)
			u.Win.SetContent(container.NewVBox(e, widget.NewEntry()))
			typeAndLeave(u, e, c.input)
			got, err := e.Value()
			if c.err == "" && (err != nil || got != c.want) {
				t.Errorf("%q: got %d, %v; want %d", c.input, got, err, c.want)
			}
			if c.err != "" && (err == nil || ErrorText(err) != c.err) {
				t.Errorf("%q: got %d, error %v; want %q", c.input, got, err, c.err)
			}
			if e.Text != c.shown {
				t.Errorf("%q: shows %q, want %q", c.input, e.Text, c.shown)
			}
		})
	}
}

// The calendar speaks the user's language: month title and weekday
// headings in Russian, weeks from Monday, the chosen day and today
// marked, and the arrows turn the month.
func TestCalendarInRussian(t *testing.T) {
	newTestUI(t, "ru")
	day := func(s string) time.Time { d, _ := time.Parse(format.DateLayout, s); return d }
	var picked time.Time
	p := NewDatePicker(day("2026-11-03"), day("2026-11-27"), func(d time.Time) { picked = d })
	w := test.NewWindow(p)
	defer w.Close()
	if p.title.Text != "Ноябрь 2026" {
		t.Errorf("title %q, want Ноябрь 2026", p.title.Text)
	}
	var heads []string
	for _, o := range p.days.Objects[:7] {
		heads = append(heads, o.(*widget.Label).Text)
	}
	if got := strings.Join(heads, " "); got != "Пн Вт Ср Чт Пт Сб Вс" {
		t.Errorf("weekday headings %q", got)
	}
	// 1 November 2026 is a Sunday: six blanks, then the 1st.
	if b, ok := p.days.Objects[7+6].(*widget.Button); !ok || b.Text != "1" {
		t.Errorf("cell under Вс is %#v, want day 1", p.days.Objects[7+6])
	}
	marks := map[string]widget.Importance{}
	for _, o := range p.days.Objects {
		if b, ok := o.(*widget.Button); ok {
			marks[b.Text] = b.Importance
		}
	}
	if marks["3"] != widget.HighImportance || marks["27"] != widget.MediumImportance || marks["4"] != widget.LowImportance {
		t.Errorf("chosen day 3 %v, today 27 %v, day 4 %v; want high, medium, low", marks["3"], marks["27"], marks["4"])
	}
	roots := []fyne.CanvasObject{w.Canvas().Content()}
	test.Tap(buttonIn(roots, "Сегодня"))
	if !picked.Equal(day("2026-11-27")) {
		t.Errorf("Today picked %v", picked)
	}
	var next *widget.Button
	walkVisible(roots, func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Icon == theme.NavigateNextIcon() {
			next = b
		}
		return next != nil
	})
	test.Tap(next)
	if p.title.Text != "Декабрь 2026" {
		t.Errorf("after › title %q, want Декабрь 2026", p.title.Text)
	}
	test.Tap(buttonIn(roots, "31"))
	if !picked.Equal(day("2026-12-31")) {
		t.Errorf("picked %v, want 31 Dec 2026", picked)
	}
}

// The validator runs on every keystroke in a money entry.
func BenchmarkMoneyEntryValidate(b *testing.B) {
	test.NewTempApp(b)
	u := &testUI{Lang: "ru"}
	u.Settings.Currency = "RUB"
	e := NewMoneyEntry("amount", u.Settings.Currency, u.Lang)
	e.Text = "1 234 567,89"
	for b.Loop() {
		if e.Validate() != nil {
			b.Fatal("rejected")
		}
	}
}
