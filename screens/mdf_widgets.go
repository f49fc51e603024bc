package screens

import (
	"fmt"
	"strconv"
	"strings"

	"channeldesk/app/mdf"
	"channeldesk/data"
	"channeldesk/screens/widgets"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// showForm shows a form dialog over win (see widgets.FormDialog) whose
// confirm button runs ok.
func showForm(win fyne.Window, title, confirm string, items []*widget.FormItem, ok func() error) {
	(&widgets.FormDialog{Title: title, Confirm: confirm, Items: items, OnSave: ok, Size: fyne.NewSize(520, 200)}).Show(win)
}

// askMDFReason asks for a reason and runs ok with it.
func askMDFReason(u *UI, title, confirm string, ok func(reason string) error) {
	askReason(u.Win, title, confirm, ok)
}

// askReason asks for a reason over win and runs ok with it.
func askReason(win fyne.Window, title, confirm string, ok func(reason string) error) {
	reason := widgets.NewText(&widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord})
	reason.SetMinRowsVisible(3)
	showForm(win, title, confirm, []*widget.FormItem{widget.NewFormItem(fieldLabel("reason"), reason)},
		func() error { return ok(reason.Text) })
}

// parseMDFInt reads a whole number typed into a field; "" is 0.
func parseMDFInt(field, text string) (int64, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0, nil
	}
	v, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		return 0, widgets.InputError{Msg: fieldLabel(field) + ": " + lang.L("err.mdf_number")}
	}
	return v, nil
}

func (u *UI) money(minor int64) string { return u.locale().money(minor) }

func activityLabel(a data.MDFActivity) string { return lang.L("mdf.activity." + string(a)) }

func requestStateLabel(s data.MDFRequestState) string { return lang.L("mdf.request." + string(s)) }

func claimStateLabel(s data.MDFClaimState) string { return lang.L("mdf.claim." + string(s)) }

func entryKindLabel(k data.MDFEntryKind) string { return lang.L("mdf.entry." + string(k)) }

func bucketLabel(b string) string { return lang.L("mdf.bucket." + b) }

// balanceText is a balance breakdown on one line.
func (l locale) balanceText(b mdf.Balance) string {
	return lang.L("mdf.balance_line", map[string]any{"Allocated": l.money(b.Allocated), "Pending": l.money(b.Pending),
		"Approved": l.money(b.ApprovedUnpaid), "Paid": l.money(b.Paid), "Available": l.money(b.Available())})
}

// fundPeriod names a fund's period: "FY2026 Q1" or "FY2026".
func fundPeriod(f data.MDFFund) string {
	if f.PeriodKind == "quarter" {
		return fmt.Sprintf("FY%d Q%d", f.FiscalYear, f.Quarter)
	}
	return fmt.Sprintf("FY%d", f.FiscalYear)
}

// activityLabels are every activity kind in the interface language.
func activityLabels(as []data.MDFActivity) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = activityLabel(a)
	}
	return out
}
