package report

import (
	"channeldesk/app/format"
	"strings"

	"github.com/xuri/excelize/v2"
)

// styles are the cell formats the sheets share.
type styles struct {
	header, text, id, integer, number, money, date, pct int
	totalLabel, totalInt, totalMoney                    int
	title, kpiLabel                                     int
	overdue, atRisk                                     *int // conditional formats
}

// moneyFormat is an Excel number format for the program currency: "€"#,##0.00
// in English, #,##0.00 "₽" in Russian and for codes without a sign.
func moneyFormat(currency string, lang format.Lang) string {
	num := "#,##0"
	if d := format.MinorDigits(currency); d > 0 {
		num += "." + strings.Repeat("0", d)
	}
	sym := strings.ReplaceAll(format.CurrencySymbol(currency), `"`, "")
	if lang == format.EN && len([]rune(sym)) == 1 && strings.ToUpper(currency) != "RUB" {
		return `"` + sym + `"` + num
	}
	return num + ` "` + sym + `"`
}

func dateFormat(lang format.Lang) string {
	if lang == format.RU {
		return "dd.mm.yyyy"
	}
	return "d mmm yyyy"
}

func (b *Book) makeStyles() error {
	money := moneyFormat(b.Settings.Currency, b.Opt.Lang)
	date := dateFormat(b.Opt.Lang)
	bold := &excelize.Font{Bold: true}
	top := []excelize.Border{{Type: "top", Color: "000000", Style: 1}}
	defs := []struct {
		dst *int
		s   excelize.Style
	}{
		{&b.styles.header, excelize.Style{Font: bold, Alignment: &excelize.Alignment{WrapText: false}}},
		{&b.styles.text, excelize.Style{NumFmt: 49}}, // "@": text
		{&b.styles.id, excelize.Style{NumFmt: 1}},
		{&b.styles.integer, excelize.Style{NumFmt: 3}},
		{&b.styles.number, excelize.Style{CustomNumFmt: strPtr("#,##0.##")}},
		{&b.styles.money, excelize.Style{CustomNumFmt: &money}},
		{&b.styles.date, excelize.Style{CustomNumFmt: &date}},
		{&b.styles.pct, excelize.Style{NumFmt: 9}},
		{&b.styles.totalLabel, excelize.Style{Font: bold, Border: top}},
		{&b.styles.totalInt, excelize.Style{Font: bold, Border: top, NumFmt: 3}},
		{&b.styles.totalMoney, excelize.Style{Font: bold, Border: top, CustomNumFmt: &money}},
		{&b.styles.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}}},
		{&b.styles.kpiLabel, excelize.Style{Font: &excelize.Font{Color: "555555"}}},
	}
	for _, d := range defs {
		id, err := b.F.NewStyle(&d.s)
		if err != nil {
			return err
		}
		*d.dst = id
	}
	overdue, err := b.F.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "9C0006"},
		Fill: excelize.Fill{Type: "pattern", Color: []string{"FFC7CE"}, Pattern: 1}})
	if err != nil {
		return err
	}
	risk, err := b.F.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: "9C5700"},
		Fill: excelize.Fill{Type: "pattern", Color: []string{"FFEB9C"}, Pattern: 1}})
	b.styles.overdue, b.styles.atRisk = &overdue, &risk
	return err
}

func strPtr(s string) *string { return &s }
