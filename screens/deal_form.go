package screens

import (
	"context"

	"channeldesk/app/deals"
	"channeldesk/data"
	"channeldesk/screens/widgets"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// dealForm is the open create/edit dialog; tests reach it through the table.
type dealForm struct {
	partner                          *widgets.PartnerPicker
	customer, taxID, domain, product *widgets.TextEntry
	amount                           *widgets.MoneyEntry
	registered, expected             *widgets.DateEntry
	msg                              *widget.Label
	dlg                              *dialog.CustomDialog
}

// edit opens the deal form (ID 0: a new registration).
func (t *dealTable) edit(d data.Deal) {
	f := &dealForm{
		customer: widgets.NewText(&widget.Entry{Text: d.Customer}), taxID: widgets.NewText(&widget.Entry{Text: d.CustomerTaxID}),
		domain: widgets.NewText(&widget.Entry{Text: d.CustomerDomain}), product: widgets.NewText(&widget.Entry{Text: d.Product}),
		amount: t.loc().moneyEntry("amount"), registered: t.loc().dateEntry(t.store, "registered_on"),
		expected: t.loc().dateEntry(t.store, "expected_close_on"), msg: widgets.NewErrorLine(),
	}
	f.expected.Optional = true
	f.registered.SetValue(d.RegisteredOn)
	f.expected.SetValue(d.ExpectedCloseOn)
	if d.ID != 0 || d.Amount != 0 {
		f.amount.SetValue(d.Amount)
	}
	selected := d.PartnerID
	if selected == 0 {
		selected = t.filter.PartnerID
	}
	f.partner = widgets.NewPartnerPicker(t.partners, selected)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.partner"), f.partner.Box),
		widget.NewFormItem(lang.L("field.customer"), f.customer),
		widget.NewFormItem(lang.L("field.customer_tax_id"), f.taxID),
		widget.NewFormItem(lang.L("field.customer_domain"), f.domain),
		widget.NewFormItem(lang.L("deals.col.product"), f.product),
		widget.NewFormItem(lang.L("field.amount"), f.amount),
		widget.NewFormItem(lang.L("field.registered_on"), f.registered),
		widget.NewFormItem(lang.L("field.expected_close_on"), f.expected),
	)
	title := lang.L("deals.edit")
	if d.ID == 0 {
		title = lang.L("deals.new")
	}
	t.form = f
	fd := &widgets.FormDialog{Title: title, Body: form, Msg: f.msg, Size: fyne.NewSize(520, 480),
		OnSave: func() error { return t.onSave(d, f) }, OnDone: t.changed}
	f.dlg = fd.Show(t.win).Dialog
}

// read copies the form into d; a bad amount or date names its field.
func (f *dealForm) read(t *dealTable, d *data.Deal) error {
	if d.PartnerID = f.partner.ID(); d.PartnerID == 0 {
		return data.Invalid("partner", "err.deals_pick_partner", nil)
	}
	d.Customer, d.CustomerTaxID, d.CustomerDomain, d.Product = f.customer.Text, f.taxID.Text, f.domain.Text, f.product.Text
	var err error
	if d.Amount, err = f.amount.Value(); err != nil {
		return err
	}
	if d.RegisteredOn, err = f.registered.Value(); err != nil {
		return err
	}
	d.ExpectedCloseOn, err = f.expected.Value()
	return err
}

func (t *dealTable) onSave(orig data.Deal, f *dealForm) error {
	d := orig
	if err := f.read(t, &d); err != nil {
		return err
	}
	return deals.SaveDeal(context.Background(), t.store, &d)
}

// move asks for the date (and a reason where one is needed) of a step.
func (t *dealTable) move(d data.Deal, to data.DealState) {
	date := t.loc().dateEntry(t.store, "date")
	date.SetValue(t.store.Today())
	reason := widgets.NewText(&widget.Entry{MultiLine: true})
	reason.SetMinRowsVisible(2)
	items := []*widget.FormItem{widget.NewFormItem(lang.L("field.date"), date)}
	if to == data.DealRejected || to == data.DealLost {
		items = append(items, widget.NewFormItem(lang.L("field.reason"), reason))
	}
	save := func() error {
		on, err := date.Value()
		if err != nil {
			return err
		}
		return t.store.MoveDeal(context.Background(), d.ID, data.DealMove{To: to, On: on, Reason: reason.Text,
			Author: t.settings().ManagerName})
	}
	(&widgets.FormDialog{Title: lang.L("deals.action." + string(to)), Confirm: lang.L("deals.action." + string(to)),
		Head: widget.NewLabel(d.Customer + " · " + d.PartnerName), Items: items,
		Size: fyne.NewSize(440, 260), OnSave: save, OnDone: t.changed}).Show(t.win)
}

// resolve lets the manager decide which registration keeps the customer.
func (t *dealTable) resolve(d data.Deal) {
	c := d.Conflict
	earlierIsThis := !c.Earlier
	choices := []data.ConflictResolution{data.KeepEarlier, data.KeepLater, data.KeepBoth}
	labels := []string{lang.L("deals.keep_earlier"), lang.L("deals.keep_later"), lang.L("deals.keep_both")}
	sel := widget.NewRadioGroup(labels, nil)
	note := widgets.NewText(&widget.Entry{MultiLine: true, PlaceHolder: lang.L("deals.resolve_hint")})
	note.SetMinRowsVisible(2)
	save := func() error {
		idx := -1
		for k, l := range labels {
			if l == sel.Selected {
				idx = k
			}
		}
		if idx < 0 {
			return data.Invalid("resolution", "err.required", nil)
		}
		return t.store.ResolveConflict(context.Background(), c.ID, choices[idx], note.Text)
	}
	who := lang.L("deals.conflict_summary", map[string]any{"Customer": d.Customer, "Earlier": pickName(earlierIsThis, d.PartnerName, c.OtherPartner),
		"Later": pickName(earlierIsThis, c.OtherPartner, d.PartnerName)})
	head := widget.NewLabel(who)
	head.Wrapping = fyne.TextWrapWord
	t.resolveSel, t.resolveNote = sel, note
	(&widgets.FormDialog{Title: lang.L("deals.resolve"), Confirm: lang.L("deals.resolve"), Head: head, Body: container.NewVBox(sel, note),
		Size: fyne.NewSize(480, 340), OnSave: save, OnDone: t.changed}).Show(t.win)
}

func pickName(first bool, a, b string) string {
	if first {
		return a
	}
	return b
}
