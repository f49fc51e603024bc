package screens

import (
	"context"
	"fmt"
	"strings"

	"channeldesk/app/mdf"
	"channeldesk/data"
	"channeldesk/screens/widgets"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// mdfLedgerView lists ledger movements, filtered by fund, kind, partner
// name and date range.
type mdfLedgerView struct {
	store *data.Store
	loc   locale
	run   runner
	rows  []mdf.LedgerRow
	shown []mdf.LedgerRow
	funds []data.MDFFund

	fund    *widget.Select
	kind    *widget.Select
	partner *widgets.TextEntry
	from    *widgets.DateEntry
	to      *widgets.DateEntry
	count   *widget.Label
	table   *widget.Table
}

func newMDFLedgerView(store *data.Store, loc locale, run runner) *mdfLedgerView {
	return &mdfLedgerView{store: store, loc: loc, run: run}
}

var mdfLedgerColumns = []string{"mdf.col.date", "mdf.col.partner", "mdf.col.fund", "mdf.col.kind", "mdf.col.bucket",
	"mdf.col.amount", "mdf.col.ref", "mdf.col.reason"}

func (v *mdfLedgerView) buildUI() fyne.CanvasObject {
	v.fund = newSelect(nil, func(string) { v.reload() })
	kinds := []string{lang.L("mdf.all_kinds")}
	for _, k := range data.MDFEntryKinds {
		kinds = append(kinds, entryKindLabel(k))
	}
	v.kind = newSelect(kinds, func(string) { v.reload() })
	v.partner = widgets.NewText(&widget.Entry{PlaceHolder: lang.L("mdf.col.partner"), OnChanged: func(string) { v.apply() }})
	v.from = v.loc.filterDate(v.store, lang.L("mdf.from"), v.reload)
	v.to = v.loc.filterDate(v.store, lang.L("mdf.to"), v.reload)
	v.count = widget.NewLabel("")
	v.table = widget.NewTable(func() (int, int) { return len(v.shown), len(mdfLedgerColumns) },
		func() fyne.CanvasObject { return widget.NewLabel("reservation · 1 234 567,00 ₽") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(v.cell(v.shown[id.Row], id.Col))
		})
	v.table.ShowHeaderRow = true
	v.table.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(lang.L(mdfLedgerColumns[id.Col]))
		}
	}
	for i, w := range []float32{100, 220, 160, 120, 130, 140, 100, 260} {
		v.table.SetColumnWidth(i, w)
	}
	filters := container.NewHBox(v.fund, v.kind, container.NewGridWrap(fyne.NewSize(200, 36), v.partner),
		container.NewGridWrap(fyne.NewSize(160, 36), v.from), container.NewGridWrap(fyne.NewSize(160, 36), v.to), v.count)
	return container.NewBorder(filters, nil, nil, nil, v.table)
}

func (v *mdfLedgerView) cell(r mdf.LedgerRow, col int) string {
	switch col {
	case 0:
		return v.loc.date(r.OnDate)
	case 1:
		return r.PartnerName
	case 2:
		return r.FundName
	case 3:
		return entryKindLabel(r.Kind)
	case 4:
		return bucketLabel(r.Bucket)
	case 5:
		return v.loc.money(r.Amount)
	case 6:
		return ledgerRef(r.MDFEntry)
	}
	return r.Reason
}

// ledgerRef names the request, claim or payment an entry belongs to.
func ledgerRef(e data.MDFEntry) string {
	var parts []string
	if e.RequestID != 0 {
		parts = append(parts, fmt.Sprintf("R%d", e.RequestID))
	}
	if e.ClaimID != 0 {
		parts = append(parts, fmt.Sprintf("C%d", e.ClaimID))
	}
	if e.PaymentID != 0 {
		parts = append(parts, fmt.Sprintf("P%d", e.PaymentID))
	}
	return strings.Join(parts, " ")
}

// filter is what the filter widgets say.
func (v *mdfLedgerView) filter() mdf.LedgerFilter {
	var f mdf.LedgerFilter
	if i := v.fund.SelectedIndex(); i > 0 && i <= len(v.funds) {
		f.FundID = v.funds[i-1].ID
	}
	if i := v.kind.SelectedIndex(); i > 0 {
		f.Kind = data.MDFEntryKinds[i-1]
	}
	f.From, f.To = v.from.FilterValue(), v.to.FilterValue()
	return f
}

func (v *mdfLedgerView) reload() {
	if v.table == nil {
		return
	}
	f := v.filter()
	var rows []mdf.LedgerRow
	var funds []data.MDFFund
	var err error
	ctx := context.Background()
	v.run(func() {
		if funds, err = v.store.MDFFunds(ctx); err == nil {
			rows, err = mdf.Ledger(ctx, v.store, f)
		}
	}, func() {
		if err != nil {
			v.count.SetText(errorText(err))
			return
		}
		v.rows, v.funds = rows, funds
		v.fillFunds()
		v.apply()
	})
}

func (v *mdfLedgerView) fillFunds() {
	names := []string{lang.L("mdf.all_funds")}
	for _, f := range v.funds {
		names = append(names, f.Name)
	}
	sel := v.fund.SelectedIndex()
	v.fund.OnChanged = nil
	v.fund.SetOptions(names)
	if sel < 0 || sel >= len(names) {
		sel = 0
	}
	v.fund.SetSelectedIndex(sel)
	v.fund.OnChanged = func(string) { v.reload() }
	if v.kind.SelectedIndex() < 0 {
		v.kind.OnChanged = nil
		v.kind.SetSelectedIndex(0)
		v.kind.OnChanged = func(string) { v.reload() }
	}
}

// apply narrows the loaded rows to the partner name typed.
func (v *mdfLedgerView) apply() {
	q := strings.ToLower(strings.TrimSpace(v.partner.Text))
	v.shown = v.shown[:0]
	for _, r := range v.rows {
		if q == "" || strings.Contains(strings.ToLower(r.PartnerName), q) {
			v.shown = append(v.shown, r)
		}
	}
	v.count.SetText(lang.L("mdf.entries", map[string]any{"Count": len(v.shown)}))
	v.table.Refresh()
}

// mdfROIView is the return on MDF per activity or per partner.
type mdfROIView struct {
	store      *data.Store
	loc        locale
	run        runner
	activities []mdf.ROIRow
	partners   []mdf.ROIRow
	byPartner  *widget.Check
	table      *widget.Table
}

func newMDFROIView(store *data.Store, loc locale, run runner) *mdfROIView {
	return &mdfROIView{store: store, loc: loc, run: run}
}

var mdfROIColumns = []string{"mdf.col.partner", "mdf.col.activity", "mdf.col.paid", "mdf.col.revenue", "mdf.col.roi",
	"mdf.col.leads", "mdf.col.pipeline"}

func (v *mdfROIView) rows() []mdf.ROIRow {
	if v.byPartner != nil && v.byPartner.Checked {
		return v.partners
	}
	return v.activities
}

func (v *mdfROIView) buildUI() fyne.CanvasObject {
	v.byPartner = widget.NewCheck(lang.L("mdf.roi_by_partner"), func(bool) { v.table.Refresh() })
	v.table = widget.NewTable(func() (int, int) { return len(v.rows()), len(mdfROIColumns) },
		func() fyne.CanvasObject { return widget.NewLabel("Webinar · 1 234 567,00 ₽") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(v.cell(v.rows()[id.Row], id.Col))
		})
	v.table.ShowHeaderRow = true
	v.table.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(lang.L(mdfROIColumns[id.Col]))
		}
	}
	for i, w := range []float32{220, 300, 130, 140, 80, 110, 140} {
		v.table.SetColumnWidth(i, w)
	}
	return container.NewBorder(v.byPartner, nil, nil, nil, v.table)
}

func (v *mdfROIView) cell(r mdf.ROIRow, col int) string {
	switch col {
	case 0:
		return r.PartnerName
	case 1:
		if r.RequestID == 0 {
			return lang.L("mdf.all_activities")
		}
		return activityLabel(r.Activity) + " · " + r.Description
	case 2:
		return v.loc.money(r.Paid)
	case 3:
		return v.loc.money(r.Revenue)
	case 4:
		if r.Paid == 0 {
			return "—"
		}
		return fmt.Sprintf("%.1f×", r.ROI())
	case 5:
		return fmt.Sprintf("%d / %d", r.Leads, r.ExpectedLeads)
	}
	return v.loc.money(r.Pipeline)
}

func (v *mdfROIView) reload() {
	var acts, parts []mdf.ROIRow
	var err error
	v.run(func() { acts, parts, err = mdf.ROI(context.Background(), v.store) }, func() {
		if err == nil {
			v.activities, v.partners = acts, parts
			v.table.Refresh()
		}
	})
}
