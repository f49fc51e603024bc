package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/deals"
	"channeldesk/data"
)

// dealForm is the open create/edit dialog; tests reach it through the table.
type dealForm struct {
	partner                          *partnerPicker
	customer, taxID, domain, product *textEntry
	amount                           *moneyEntry
	registered, expected             *dateEntry
	msg                              *widget.Label
	dlg                              *dialog.CustomDialog
}

func errLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

// edit opens the deal form (ID 0: a new registration).
func (t *dealTable) edit(d data.Deal) {
	f := &dealForm{
		customer: newText(&widget.Entry{Text: d.Customer}), taxID: newText(&widget.Entry{Text: d.CustomerTaxID}),
		domain: newText(&widget.Entry{Text: d.CustomerDomain}), product: newText(&widget.Entry{Text: d.Product}),
		amount: newMoneyEntry(t.ui, "amount"), registered: newDateEntry(t.ui, "registered_on"),
		expected: newDateEntry(t.ui, "expected_close_on"), msg: errLabel(),
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
	f.partner = newPartnerPicker(t.partners, selected)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.partner"), f.partner.box),
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
	save := &widget.Button{Text: lang.L("action.save"), Importance: widget.HighImportance, OnTapped: func() { t.onSave(d, f) }}
	cancel := &widget.Button{Text: lang.L("action.cancel"), OnTapped: func() { f.dlg.Hide() }}
	f.dlg = dialog.NewCustomWithoutButtons(title, container.NewVBox(form, f.msg), t.ui.Win)
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, save})
	f.dlg.Resize(fyne.NewSize(520, 480))
	t.form = f
	showForm(f.dlg, t.ui.Win)
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

func (t *dealTable) onSave(orig data.Deal, f *dealForm) {
	d := orig
	err := f.read(t, &d)
	if err == nil {
		err = deals.SaveDeal(context.Background(), t.ui.Store, &d)
	}
	if err != nil {
		f.msg.SetText(errorText(err))
		return
	}
	f.dlg.Hide()
	t.changed()
}

// move asks for the date (and a reason where one is needed) of a step.
func (t *dealTable) move(d data.Deal, to data.DealState) {
	date := newDateEntry(t.ui, "date")
	date.SetValue(t.ui.Store.Today())
	reason := newText(&widget.Entry{MultiLine: true})
	reason.SetMinRowsVisible(2)
	msg := errLabel()
	items := []*widget.FormItem{widget.NewFormItem(lang.L("field.date"), date)}
	if to == data.DealRejected || to == data.DealLost {
		items = append(items, widget.NewFormItem(lang.L("field.reason"), reason))
	}
	var dlg *dialog.CustomDialog
	ok := &widget.Button{Text: lang.L("deals.action." + string(to)), Importance: widget.HighImportance, OnTapped: func() {
		on, err := date.Value()
		if err != nil {
			msg.SetText(errorText(err))
			return
		}
		err = t.ui.Store.MoveDeal(context.Background(), d.ID, data.DealMove{To: to, On: on, Reason: reason.Text,
			Author: t.ui.Settings.ManagerName})
		if err != nil {
			msg.SetText(errorText(err))
			return
		}
		dlg.Hide()
		t.changed()
	}}
	cancel := &widget.Button{Text: lang.L("action.cancel"), OnTapped: func() { dlg.Hide() }}
	head := widget.NewLabel(d.Customer + " · " + d.PartnerName)
	dlg = dialog.NewCustomWithoutButtons(lang.L("deals.action."+string(to)), container.NewVBox(head, widget.NewForm(items...), msg), t.ui.Win)
	dlg.SetButtons([]fyne.CanvasObject{cancel, ok})
	dlg.Resize(fyne.NewSize(440, 260))
	showForm(dlg, t.ui.Win)
}

// resolve lets the manager decide which registration keeps the customer.
func (t *dealTable) resolve(d data.Deal) {
	c := d.Conflict
	earlierIsThis := !c.Earlier
	choices := []data.ConflictResolution{data.KeepEarlier, data.KeepLater, data.KeepBoth}
	labels := []string{lang.L("deals.keep_earlier"), lang.L("deals.keep_later"), lang.L("deals.keep_both")}
	sel := widget.NewRadioGroup(labels, nil)
	note := newText(&widget.Entry{MultiLine: true, PlaceHolder: lang.L("deals.resolve_hint")})
	note.SetMinRowsVisible(2)
	msg := errLabel()
	var dlg *dialog.CustomDialog
	ok := &widget.Button{Text: lang.L("deals.resolve"), Importance: widget.HighImportance, OnTapped: func() {
		i := sel.Selected
		idx := -1
		for k, l := range labels {
			if l == i {
				idx = k
			}
		}
		if idx < 0 {
			msg.SetText(errorText(data.Invalid("resolution", "err.required", nil)))
			return
		}
		if err := t.ui.Store.ResolveConflict(context.Background(), c.ID, choices[idx], note.Text); err != nil {
			msg.SetText(errorText(err))
			return
		}
		dlg.Hide()
		t.changed()
	}}
	cancel := &widget.Button{Text: lang.L("action.cancel"), OnTapped: func() { dlg.Hide() }}
	who := lang.L("deals.conflict_summary", map[string]any{"Customer": d.Customer, "Earlier": pickName(earlierIsThis, d.PartnerName, c.OtherPartner),
		"Later": pickName(earlierIsThis, c.OtherPartner, d.PartnerName)})
	head := widget.NewLabel(who)
	head.Wrapping = fyne.TextWrapWord
	dlg = dialog.NewCustomWithoutButtons(lang.L("deals.resolve"), container.NewVBox(head, sel, note, msg), t.ui.Win)
	dlg.SetButtons([]fyne.CanvasObject{cancel, ok})
	dlg.Resize(fyne.NewSize(480, 340))
	t.resolveSel, t.resolveNote = sel, note
	showForm(dlg, t.ui.Win)
}

func pickName(first bool, a, b string) string {
	if first {
		return a
	}
	return b
}
