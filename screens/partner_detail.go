package screens

import (
	"context"
	"errors"

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
	ui   *UI
	list *partnersScreen

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

func newPartnerDetail(u *UI, list *partnersScreen) *partnerDetail {
	return &partnerDetail{ui: u, list: list}
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
			d.ui.askSendKits([]int64{d.partner.ID}, lang.L("kit.send_title", map[string]any{"Name": d.partner.Name}))
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
	d.ui.background(func() {
		if p, err = d.ui.Store.Partner(ctx, id); err != nil {
			return
		}
		if cs, err = d.ui.Store.Contacts(ctx, id); err != nil {
			return
		}
		evs, err = d.ui.Store.Events(ctx, id)
	}, func() {
		if err != nil {
			dialog.ShowError(errors.New(errorText(err)), d.ui.Win)
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
	p := &data.Partner{Type: data.TypeReseller, Status: data.StatusProspect, DocLang: string(d.ui.Lang)}
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
	d.ui.Win.Canvas().Focus(d.profile.name)
}

// saved refreshes the list and the detail after a change.
func (d *partnerDetail) saved(id int64) {
	d.list.reload()
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
		return onboarding.ChangePartnerStatus(context.Background(), d.ui.Store, d.partner.ID, next[sel.SelectedIndex()], reason.Text,
			d.ui.Settings.ManagerName, d.ui.Store.Now())
	}
	(&widgets.FormDialog{Title: lang.L("status.title"), Confirm: lang.L("status.change"),
		Head:  widget.NewLabel(lang.L("status.from", map[string]any{"Status": statusLabel(d.partner.Status)})),
		Items: []*widget.FormItem{widget.NewFormItem(lang.L("status.to"), sel), widget.NewFormItem(lang.L("field.reason"), reason)},
		Size:  fyne.NewSize(460, 320), OnSave: save, OnDone: func() { d.saved(d.partner.ID) }}).Show(d.ui.Win)
}
