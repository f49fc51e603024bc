package format

import "testing"

func TestFormatMoney(t *testing.T) {
	tests := map[string]struct {
		minor    int64
		currency string
		lang     Lang
		want     string
	}{
		"EuroEnglish":    {123456, "EUR", EN, "€1,234.56"},
		"RoubleRussian":  {120000000, "RUB", RU, "1\u00a0200\u00a0000\u00a0₽"},
		"RoubleEnglish":  {150, "RUB", EN, "1.50\u00a0₽"},
		"NegativeDollar": {-99, "USD", EN, "-$0.99"},
		"UnknownCode":    {100, "CHF", RU, "1\u00a0CHF"},
		"Yen":            {1500, "JPY", EN, "1,500\u00a0JPY"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := FormatMoney(tt.minor, tt.currency, tt.lang); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in   string
		lang Lang
		want int64
		ok   bool
	}{
		{"1 234,56", RU, 123456, true},
		{"1234.56", RU, 123456, true},
		{"1,234.56", EN, 123456, true},
		{"1.234,56", EN, 123456, true},
		{"1,234", EN, 123400, true},
		{"1,5", RU, 150, true},
		{"1,5", EN, 150, true},
		{"€1,000", EN, 100000, true},
		{"1\u00a0200\u00a0000 ₽", RU, 120000000, true},
		{"-5", EN, -500, true},
		{"12.345", EN, 0, false},
		{"abc", EN, 0, false},
		{"", EN, 0, false},
		{"1..2", EN, 0, false},
	}
	for _, tt := range tests {
		got, err := ParseMoney(tt.in, "EUR", tt.lang)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseMoney(%q, %s) = %d, %v; want %d ok=%v", tt.in, tt.lang, got, err, tt.want, tt.ok)
		}
	}
}

func TestFormatDate(t *testing.T) {
	if got := FormatDate("2026-11-27", RU); got != "27.11.2026" {
		t.Errorf("ru: %q", got)
	}
	if got := FormatDate("2026-01-05", EN); got != "5 Jan 2026" {
		t.Errorf("en: %q", got)
	}
	if got := FormatDate("garbage", EN); got != "garbage" {
		t.Errorf("garbage: %q", got)
	}
}

func TestParseCount(t *testing.T) {
	tests := []struct {
		in   string
		lang Lang
		want int64
		ok   bool
	}{
		{"1234", EN, 1234, true},
		{" 1 234 ", RU, 1234, true},
		{"1\u00a0234\u00a0567", RU, 1234567, true},
		{"1,234", EN, 1234, true},
		{"-12", EN, -12, true},
		{"1,234", RU, 0, false}, // a decimal comma in Russian
		{"1.5", EN, 0, false},
		{"12,5", RU, 0, false},
		{"", EN, 0, false},
		{"ten", EN, 0, false},
		{"1,23", EN, 0, false},
		{"9999999999999999", EN, 0, false},
	}
	for _, tt := range tests {
		got, err := ParseCount(tt.in, tt.lang)
		if tt.ok && (err != nil || got != tt.want) {
			t.Errorf("ParseCount(%q, %s) = %d, %v; want %d", tt.in, tt.lang, got, err, tt.want)
		}
		if !tt.ok && err == nil {
			t.Errorf("ParseCount(%q, %s) = %d; want an error", tt.in, tt.lang, got)
		}
	}
}
