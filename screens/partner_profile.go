package screens

import (
	"context"
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/importer"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// profileForm edits a partner's profile. A failed save leaves every field
// as typed and marks the one at fault.
type profileForm struct {
	d *partnerDetail

	name, legal, country, region, city, website *widgets.TextEntry
	verticals, capabilities, products, tags     *widgets.TextEntry
	manager                                     *widgets.TextEntry
	inn, kpp, address                           *widgets.TextEntry
	innItem                                     *widget.FormItem
	typeSel, statusSel, docLang                 *widget.Select
	statusItem                                  *widget.FormItem
	form                                        *widget.Form
	msg                                         *widget.Label
	deleteBtn, offboardBtn                      *widget.Button
}

var docLangs = []string{"en", "ru"}

func newProfileForm(d *partnerDetail) *profileForm { return &profileForm{d: d} }

func (f *profileForm) buildUI() fyne.CanvasObject {
	entry := func() *widgets.TextEntry { return widgets.NewText(&widget.Entry{}) }
	f.name, f.legal, f.country, f.region, f.city, f.website = entry(), entry(), entry(), entry(), entry(), entry()
	f.verticals, f.capabilities, f.products, f.tags, f.manager = entry(), entry(), entry(), entry(), entry()
	f.inn, f.kpp, f.address = entry(), entry(), entry()
	f.innItem = widget.NewFormItem(lang.L("field.inn"), f.inn)
	for _, e := range []*widgets.TextEntry{f.verticals, f.capabilities, f.products, f.tags} {
		e.PlaceHolder = lang.L("hint.comma_list")
	}
	types := make([]string, len(profileTypes))
	for i, t := range profileTypes {
		types[i] = typeLabel(t)
	}
	f.typeSel = newSelect(types, nil)
	statuses := make([]string, len(data.Statuses))
	for i, s := range data.Statuses {
		statuses[i] = statusLabel(s)
	}
	f.statusSel = newSelect(statuses, nil)
	f.docLang = newSelect([]string{lang.L("lang.en"), lang.L("lang.ru")}, nil)
	f.statusItem = widget.NewFormItem(lang.L("field.status"), f.statusSel)
	f.form = widget.NewForm(
		widget.NewFormItem(lang.L("field.name"), f.name),
		widget.NewFormItem(lang.L("field.legal_name"), f.legal),
		widget.NewFormItem(lang.L("field.type"), f.typeSel),
		f.statusItem,
		widget.NewFormItem(lang.L("field.country"), f.country),
		widget.NewFormItem(lang.L("field.region"), f.region),
		widget.NewFormItem(lang.L("field.city"), f.city),
		widget.NewFormItem(lang.L("field.website"), f.website),
		widget.NewFormItem(lang.L("field.verticals"), f.verticals),
		widget.NewFormItem(lang.L("field.capabilities"), f.capabilities),
		widget.NewFormItem(lang.L("field.products"), f.products),
		widget.NewFormItem(lang.L("field.tags"), f.tags),
		widget.NewFormItem(lang.L("field.doc_lang"), f.docLang),
		widget.NewFormItem(lang.L("field.account_manager"), f.manager),
		f.innItem,
		widget.NewFormItem(lang.L("field.kpp"), f.kpp),
		widget.NewFormItem(lang.L("field.address"), f.address),
	)
	f.msg = widget.NewLabel("")
	f.msg.Importance = widget.DangerImportance
	f.msg.Wrapping = fyne.TextWrapWord
	f.msg.Hide()
	save := &widget.Button{Text: lang.L("action.save"), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: f.onSave}
	f.offboardBtn = &widget.Button{Text: lang.L("partners.offboard"), Icon: theme.CancelIcon(), OnTapped: f.onOffboard}
	f.deleteBtn = &widget.Button{Text: lang.L("action.delete"), Icon: theme.DeleteIcon(), Importance: widget.DangerImportance, OnTapped: f.onDelete}
	buttons := widgets.NewRow(save, f.offboardBtn, f.deleteBtn)
	return container.NewBorder(nil, container.NewVBox(f.msg, buttons), nil, nil, container.NewVScroll(f.form))
}

// set fills the form from p; the status is chosen only when creating.
func (f *profileForm) set(p *data.Partner) {
	f.name.SetText(p.Name)
	f.legal.SetText(p.LegalName)
	f.country.SetText(p.Country)
	f.region.SetText(p.Region)
	f.city.SetText(p.City)
	f.website.SetText(p.Website)
	f.verticals.SetText(data.JoinList(p.Verticals))
	f.capabilities.SetText(data.JoinList(p.Capabilities))
	f.products.SetText(data.JoinList(p.Products))
	f.tags.SetText(data.JoinList(p.Tags))
	f.manager.SetText(p.AccountManager)
	f.inn.SetText(p.INN)
	f.kpp.SetText(p.KPP)
	f.address.SetText(p.Address)
	f.markINN(p.INN)
	f.typeSel.SetSelectedIndex(slices.Index(profileTypes, p.Type))
	f.statusSel.SetSelectedIndex(slices.Index(data.Statuses, p.Status))
	f.docLang.SetSelectedIndex(max(0, slices.Index(docLangs, p.DocLang)))
	creating := p.ID == 0
	if creating {
		f.statusSel.Enable()
		f.deleteBtn.Hide()
		f.offboardBtn.Hide()
	} else {
		f.statusSel.Disable()
		f.deleteBtn.Show()
		f.offboardBtn.Show()
	}
	f.clearErrors()
}

// read builds a partner from what is typed, on top of the open one.
func (f *profileForm) read() *data.Partner {
	p := *f.d.partner
	p.Name, p.LegalName, p.Country, p.Region = f.name.Text, f.legal.Text, f.country.Text, f.region.Text
	p.City, p.Website, p.AccountManager = f.city.Text, f.website.Text, f.manager.Text
	p.INN, p.KPP, p.Address = strings.TrimSpace(f.inn.Text), strings.TrimSpace(f.kpp.Text), strings.TrimSpace(f.address.Text)
	p.Verticals, p.Capabilities = data.SplitList(f.verticals.Text), data.SplitList(f.capabilities.Text)
	p.Products, p.Tags = data.SplitList(f.products.Text), data.SplitList(f.tags.Text)
	if i := f.typeSel.SelectedIndex(); i >= 0 {
		p.Type = profileTypes[i]
	}
	if i := f.statusSel.SelectedIndex(); i >= 0 && p.ID == 0 {
		p.Status = data.Statuses[i]
	}
	p.DocLang = docLangs[max(0, f.docLang.SelectedIndex())]
	return &p
}

func (f *profileForm) entryFor(field string) *widgets.TextEntry {
	return map[string]*widgets.TextEntry{"name": f.name, "legal_name": f.legal, "country": f.country, "region": f.region,
		"city": f.city, "website": f.website, "account_manager": f.manager, "inn": f.inn, "kpp": f.kpp,
		"address": f.address}[field]
}

// markINN notes under the ИНН field when its checksum fails: it is kept
// as written (an import never refuses it) but the manager should check it.
func (f *profileForm) markINN(inn string) {
	f.innItem.HintText = ""
	if inn != "" && !importer.ValidINN(inn) {
		f.innItem.HintText = lang.L("imports.inn_checksum_mark")
	}
	f.form.Refresh()
}

// hasText reports whether any text field of the form holds something: a
// new partner with something typed in is not left without asking.
func (f *profileForm) hasText() bool {
	for _, e := range []*widgets.TextEntry{f.name, f.legal, f.country, f.region, f.city, f.website, f.manager,
		f.verticals, f.capabilities, f.products, f.tags, f.inn, f.kpp, f.address} {
		if strings.TrimSpace(e.Text) != "" {
			return true
		}
	}
	return false
}

func (f *profileForm) clearErrors() {
	f.msg.Hide()
	for _, e := range []*widgets.TextEntry{f.name, f.legal, f.country, f.region, f.city, f.website, f.manager} {
		e.SetValidationError(nil)
	}
}

// showError marks the field at fault and says why, keeping the input.
func (f *profileForm) showError(err error) {
	text := errorText(err)
	if e := f.entryFor(errorField(err)); e != nil {
		e.SetValidationError(errors.New(text))
		f.d.win.Canvas().Focus(e)
	}
	f.msg.SetText(text)
	f.msg.Show()
}

func (f *profileForm) onSave() {
	if f.d.partner == nil {
		return
	}
	f.clearErrors()
	p := f.read()
	ctx := context.Background()
	var err error
	if p.ID == 0 {
		err = f.d.store.CreatePartner(ctx, p)
	} else {
		err = f.d.store.UpdatePartner(ctx, p)
	}
	if err != nil {
		f.showError(err)
		return
	}
	f.d.saved(p.ID)
}

func (f *profileForm) onDelete() {
	p := f.d.partner
	if p == nil || p.ID == 0 {
		return
	}
	dialog.ShowConfirm(lang.L("partners.delete_title"), lang.L("partners.delete_confirm", map[string]any{"Name": p.Name}),
		func(ok bool) {
			if !ok {
				return
			}
			if err := f.d.store.DeletePartner(context.Background(), p.ID); err != nil {
				f.showError(err)
				return
			}
			f.d.saved(0)
		}, f.d.win)
}

// onOffboard archives a partner: the offboarded status, with a reason.
func (f *profileForm) onOffboard() {
	p := f.d.partner
	if p == nil || p.ID == 0 {
		return
	}
	reason := widgets.NewText(&widget.Entry{PlaceHolder: lang.L("status.reason_hint")})
	save := func() error {
		return f.d.store.ChangeStatus(context.Background(), p.ID, data.StatusOffboarded, reason.Text, f.d.settings().ManagerName)
	}
	(&widgets.FormDialog{Title: lang.L("partners.offboard_title", map[string]any{"Name": p.Name}), Confirm: lang.L("partners.offboard"),
		Items: []*widget.FormItem{widget.NewFormItem(lang.L("field.reason"), reason)},
		Size:  fyne.NewSize(460, 220), OnSave: save, OnDone: func() { f.d.saved(p.ID) }}).Show(f.d.win)
}

// profileTypes are the types a profile offers: ours, then "—" (none),
// which an import may have left.
var profileTypes = append(slices.Clone(data.PartnerTypes), data.TypeNone)
