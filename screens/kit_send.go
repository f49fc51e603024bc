package screens

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/fiscal"
	"channeldesk/app/format"
	"channeldesk/app/kit"
	"channeldesk/screens/widgets"
)

// outboxDir is where "Send to partner…" writes one partner's kit and
// e-mail draft without asking: the Outbox folder beside the database,
// one folder per day.
func (f *kitFlow) outboxDir() string {
	return filepath.Join(filepath.Dir(f.store.Path()), "Outbox", fiscal.ISODate(f.store.Now()))
}

// askSendKits is "Send to partner…" on a partner or a selection: a kit
// per partner with an e-mail draft that carries it (and the plan PDF if
// asked). One partner's draft is written to the outbox and opens in the
// mail client at once; a batch goes to a folder the user picks. With
// mail unchecked only the kits are written.
func (f *kitFlow) askSendKits(ids []int64, title string) {
	if len(ids) == 0 {
		return
	}
	docLang := widget.NewSelect([]string{lang.L("kit.lang.partner"), "English", "Русский"}, nil)
	docLang.SetSelectedIndex(0)
	mail := widget.NewCheck(lang.L("kit.mail.write"), nil)
	withPlan := widget.NewCheck(lang.L("kit.mail.with_plan"), nil)
	mail.OnChanged = func(on bool) {
		if on {
			withPlan.Enable()
		} else {
			withPlan.SetChecked(false)
			withPlan.Disable()
		}
	}
	mail.SetChecked(true)
	confirm := lang.L("kit.choose_folder")
	if len(ids) == 1 {
		confirm = lang.L("kit.send.make")
	}
	(&widgets.FormDialog{Title: title, Confirm: confirm, Size: fyne.NewSize(560, 0), Items: []*widget.FormItem{
		widget.NewFormItem(lang.L("field.doc_lang"), docLang), widget.NewFormItem("", mail), widget.NewFormItem("", withPlan)},
		OnSave: func() error {
			f.sendKits(ids, docLang.SelectedIndex(), mail.Checked, withPlan.Checked)
			return nil
		}}).Show(f.win)
}

// sendKits writes the kits (and drafts) as askSendKits was answered.
func (f *kitFlow) sendKits(ids []int64, docLang int, mail, withPlan bool) {
	opt := kit.Options{Lang: []format.Lang{"", format.EN, format.RU}[max(0, docLang)], Mail: mail, PlanPDF: mail && withPlan}
	sel := kit.Selection{PartnerIDs: ids}
	if len(ids) == 1 {
		f.exportKits(sel, f.outboxDir(), opt)
		return
	}
	f.askFolder(func(dir fyne.ListableURI, err error) {
		if err == nil && dir != nil {
			f.exportKits(sel, dir.Path(), opt)
		}
	})
}
