package kit

import "github.com/xuri/excelize/v2"

// styles are the cell styles of a kit. Input cells are unlocked and
// highlighted; everything else is locked by the sheet protection.
type styles struct {
	title, hint, header, text, money, date                  int
	inText, inMoney, inCount, inDate, inChoice, label, bold int
}

const inputFill = "FFF2CC"

func newStyles(f *excelize.File, minorDigits int) (styles, error) {
	moneyFmt := "#,##0"
	if minorDigits > 0 {
		moneyFmt += ".00"
	}
	dateFmt, countFmt := "yyyy-mm-dd", "0"
	border := []excelize.Border{{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1}}
	in := func(numFmt int, custom *string) *excelize.Style {
		return &excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{inputFill}}, Border: border,
			Protection: &excelize.Protection{Locked: false}, NumFmt: numFmt, CustomNumFmt: custom}
	}
	var st styles
	defs := []struct {
		id *int
		s  *excelize.Style
	}{
		{&st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&st.hint, &excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959"}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&st.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}}},
		{&st.text, &excelize.Style{Border: border, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&st.money, &excelize.Style{Border: border, CustomNumFmt: &moneyFmt}},
		{&st.date, &excelize.Style{Border: border, CustomNumFmt: &dateFmt}},
		{&st.inText, in(49, nil)},
		{&st.inMoney, in(0, &moneyFmt)},
		{&st.inCount, in(0, &countFmt)},
		{&st.inDate, in(0, &dateFmt)},
		{&st.inChoice, in(0, nil)},
		{&st.label, &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&st.bold, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}}},
	}
	for _, d := range defs {
		if d.s.Protection == nil {
			d.s.Protection = &excelize.Protection{Locked: true}
		}
		id, err := f.NewStyle(d.s)
		if err != nil {
			return st, err
		}
		*d.id = id
	}
	return st, nil
}
