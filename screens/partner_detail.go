package screens

import (
	"context"
	"errors"
	"net/url"

	"channeldesk/app/format"
	"channeldesk/app/tier"

	"channeldesk/app/onboarding"
	"channeldesk/data"
	"channeldesk/screens/widgets"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// partnerDetail shows one partner: profile form, contacts and timeline.
type partnerDetail struct {
	partnerDeps

	partner *data.Partner // nil when nothing is open; ID 0 while creating

	title     *widget.Label
	statusBtn *widget.Button
	sendBtn   *widget.Button // Send to partner… (kit_send.go)
	tabs      *container.AppTabs
	empty     fyne.CanvasObject
	body      *fyne.Container

	profile  *profileForm
	contacts *contactsTab
	timeline *timelineTab
	plan     *planTab
	onboard  *onboardingTab
	certs    *certificationsTab
	tier     *partnerTierTab
	deals    *partnerDealsTab
	mdf      *mdfTab
}

// partnerDeps is what the partner detail and its tabs are given: the
// store, the window and its language, a runner, the current settings, and
// the few things they trigger elsewhere.
type partnerDeps struct {
	store    *data.Store
	win      fyne.Window
	lang     format.Lang
	run      runner
	settings func() data.Settings // read when used: the settings screen may change them
	openURL  func(*url.URL) error

	reloadList   func()                                                // refreshes the partner list after a change
	sendKits     func(ids []int64, title string)                       // "Send to partner…" (kit_send.go)
	confirmTier  func(e tier.Evaluation, headText string, done func()) // moves a partner to its qualified tier
	newDealTable func() *dealTable                                     // the Deals tab's table (deals.go)
	showError    func(err error, saveAs func())                        // a failure, with "Save as…" when the file is in use (errors.go)
}

// loc shows dates and money in the window's language and the current
// program currency.
func (p partnerDeps) loc() locale { return locale{lang: p.lang, currency: p.settings().Currency} }

// fileOpen asks for a file to read.
func (p partnerDeps) fileOpen(cb func(fyne.URIReadCloser, error)) fileChooser {
	return fileOpen(p.win, cb)
}

// fileSave asks for a file to write.
func (p partnerDeps) fileSave(cb func(fyne.URIWriteCloser, error)) fileChooser {
	return fileSave(p.win, cb)
}

func newPartnerDetail(deps partnerDeps) *partnerDetail {
	return &partnerDetail{partnerDeps: deps}
}

// partnerDeps wires the partner detail to this window; reloadList
// refreshes the partner list.
func (u *UI) partnerDeps(reloadList func()) partnerDeps {
	return partnerDeps{store: u.Store, win: u.Win, lang: u.Lang, run: u.background,
		settings: func() data.Settings { return u.Settings }, openURL: u.App.OpenURL,
		reloadList: reloadList, sendKits: u.kitFlow().askSendKits, confirmTier: u.confirmTier,
		newDealTable: func() *dealTable { return newDealTable(u) }, showError: u.showError}
}

func (d *partnerDetail) buildUI() fyne.CanvasObject {
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.Truncation = fyne.TextTruncateEllipsis
	d.statusBtn = &widget.Button{Icon: theme.MediaSkipNextIcon(), OnTapped: d.onChangeStatus}
	d.profile = newProfileForm(d)
	d.contacts = newContactsTab(d)
	d.timeline = newTimelineTab(d)
	d.plan = newPlanTab(d)
	d.onboard, d.certs = newOnboardingTab(d), newCertificationsTab(d)
	d.tier, d.deals = newPartnerTierTab(d), newPartnerDealsTab(d)
	d.mdf = newMDFTab(d)
	d.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("tab.profile"), container.NewScroll(d.profile.buildUI())),
		container.NewTabItem(lang.L("tab.contacts"), container.NewScroll(d.contacts.buildUI())),
		container.NewTabItem(lang.L("onboard.tab_certs"), container.NewScroll(d.certs.buildUI())),
		container.NewTabItem(lang.L("onboard.tab"), container.NewScroll(d.onboard.buildUI())),
		container.NewTabItem(lang.L("tiers.tab"), container.NewScroll(d.tier.buildUI())),
		container.NewTabItem(lang.L("deals.tab"), container.NewScroll(d.deals.buildUI())),
		container.NewTabItem(lang.L("tab.mdf"), container.NewScroll(d.mdf.buildUI())),
		container.NewTabItem(lang.L("plans.tab"), container.NewScroll(d.plan.buildUI())),
		container.NewTabItem(lang.L("tab.timeline"), container.NewScroll(d.timeline.buildUI())),
	)
	// Nine tabs side by side, or a tab's widest content, would squeeze the
	// partner list: tabs stand on the left and each tab scrolls.
	d.tabs.SetTabLocation(container.TabLocationLeading)
	d.empty = container.NewCenter(widget.NewLabel(lang.L("partners.none_selected")))
	d.sendBtn = &widget.Button{Text: lang.L("kit.send"), Icon: theme.MailSendIcon(), Importance: widget.LowImportance,
		OnTapped: func() {
			d.sendKits([]int64{d.partner.ID}, lang.L("kit.send_title", map[string]any{"Name": d.partner.Name}))
		}}
	// The partner's name on its own line; its status and "Send to partner…"
	// below, so that neither squeezes the name nor widens the panel.
	header := container.NewVBox(d.title, container.NewBorder(nil, nil, d.sendBtn, d.statusBtn))
	d.body = container.NewStack(d.empty)
	d.body.Objects = []fyne.CanvasObject{d.empty, container.NewBorder(header, nil, nil, nil, d.tabs)}
	d.showEmpty(true)
	return d.body
}

// showTab brings the tab with the given title to the front.
func (d *partnerDetail) showTab(title string) {
	for _, it := range d.tabs.Items {
		if it.Text == title {
			d.tabs.Select(it)
			return
		}
	}
}

func (d *partnerDetail) showEmpty(empty bool) {
	if empty {
		d.body.Objects[0].Show()
		d.body.Objects[1].Hide()
	} else {
		d.body.Objects[0].Hide()
		d.body.Objects[1].Show()
	}
}

// load reads a partner with its contacts and timeline off the UI goroutine.
func (d *partnerDetail) load(id int64) {
	var p *data.Partner
	var cs []data.Contact
	var evs []data.Event
	var err error
	ctx := context.Background()
	d.run(func() {
		if p, err = d.store.Partner(ctx, id); err != nil {
			return
		}
		if cs, err = d.store.Contacts(ctx, id); err != nil {
			return
		}
		evs, err = d.store.Events(ctx, id)
	}, func() {
		if err != nil {
			dialog.ShowError(errors.New(errorText(err)), d.win)
			return
		}
		d.show(p, cs, evs)
	})
}

func (d *partnerDetail) show(p *data.Partner, cs []data.Contact, evs []data.Event) {
	d.partner = p
	d.title.SetText(p.Name)
	d.statusBtn.SetText(statusLabel(p.Status))
	d.statusBtn.Show()
	d.sendBtn.Show()
	d.profile.set(p)
	d.contacts.set(cs)
	d.timeline.set(evs)
	d.plan.set(p)
	d.onboard.set(p)
	d.certs.set(p, cs)
	d.tier.set(p)
	d.deals.set(p)
	d.mdf.set(p.ID)
	d.showEmpty(false)
}

// newPartner opens an empty profile form to create a partner.
func (d *partnerDetail) newPartner() {
	p := &data.Partner{Type: data.TypeReseller, Status: data.StatusProspect, DocLang: string(d.lang)}
	d.partner = p
	d.title.SetText(lang.L("partners.new_title"))
	d.statusBtn.Hide()
	d.sendBtn.Hide()
	d.profile.set(p)
	d.contacts.set(nil)
	d.timeline.set(nil)
	d.plan.set(nil)
	d.onboard.set(p)
	d.certs.set(p, nil)
	d.tier.set(p)
	d.deals.set(p)
	d.mdf.set(0)
	d.tabs.SelectIndex(0)
	d.showEmpty(false)
	d.win.Canvas().Focus(d.profile.name)
}

// saved refreshes the list and the detail after a change.
func (d *partnerDetail) saved(id int64) {
	d.reloadList()
	if id != 0 {
		d.load(id)
	} else {
		d.partner = nil
		d.showEmpty(true)
	}
}

func (d *partnerDetail) onChangeStatus() {
	if d.partner == nil || d.partner.ID == 0 {
		return
	}
	next := d.partner.Status.NextStatuses()
	labels := make([]string, len(next))
	for i, s := range next {
		labels[i] = statusLabel(s)
	}
	sel := newSelect(labels, nil)
	reason := widgets.NewText(&widget.Entry{MultiLine: true, PlaceHolder: lang.L("status.reason_hint")})
	reason.SetMinRowsVisible(3)
	save := func() error {
		if sel.SelectedIndex() < 0 {
			return widgets.InputError{Msg: fieldLabel("status") + ": " + lang.L("err.required")}
		}
		// entering onboarding starts the partner's checklist in the same transaction
		return onboarding.ChangePartnerStatus(context.Background(), d.store, d.partner.ID, next[sel.SelectedIndex()], reason.Text,
			d.settings().ManagerName, d.store.Now())
	}
	(&widgets.FormDialog{Title: lang.L("status.title"), Confirm: lang.L("status.change"),
		Head:  widget.NewLabel(lang.L("status.from", map[string]any{"Status": statusLabel(d.partner.Status)})),
		Items: []*widget.FormItem{widget.NewFormItem(lang.L("status.to"), sel), widget.NewFormItem(lang.L("field.reason"), reason)},
		Size:  fyne.NewSize(460, 320), OnSave: save, OnDone: func() { d.saved(d.partner.ID) }}).Show(d.win)
}
