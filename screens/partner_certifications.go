package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/fiscal"
	"channeldesk/app/onboarding"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// certificationsTab lists the certifications of a partner's contacts,
// with how many people are certified today, and edits them.
type certificationsTab struct {
	d        *partnerDetail
	certs    []data.Certification
	contacts []data.Contact
	count    *widget.Label
	list     *widget.List
	addBtn   *widget.Button
}

func newCertificationsTab(d *partnerDetail) *certificationsTab { return &certificationsTab{d: d} }

func (c *certificationsTab) buildUI() fyne.CanvasObject {
	c.count = widget.NewLabel("")
	c.list = &widget.List{
		Length: func() int { return len(c.certs) },
		CreateItem: func() fyne.CanvasObject {
			return container.NewVBox(widget.NewLabelWithStyle("Name · cert", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), widget.NewLabel("dates"))
		},
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			ct := c.certs[id]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(joinNonEmpty(" · ", ct.ContactName, ct.Name, ct.Level))
			l := box.Objects[1].(*widget.Label)
			text, imp := certStatus(c.d.loc(), ct, fiscal.ISODate(c.d.store.Now()))
			l.Importance = imp
			l.SetText(text)
		},
		OnSelected: func(id widget.ListItemID) {
			c.list.UnselectAll()
			ct := c.certs[id]
			c.edit(&ct)
		},
	}
	c.addBtn = &widget.Button{Text: lang.L("onboard.cert_add"), Icon: theme.ContentAddIcon(), OnTapped: func() {
		if len(c.contacts) > 0 {
			c.edit(&data.Certification{ContactID: c.contacts[0].ID, EarnedOn: fiscal.ISODate(c.d.store.Now())})
		}
	}}
	return container.NewBorder(container.NewHBox(c.addBtn, c.count), nil, nil, nil, c.list)
}

// certStatus says when a certification was earned and whether it is
// valid, expiring within the window, or expired, on today.
func certStatus(u locale, ct data.Certification, today string) (string, widget.Importance) {
	earned := lang.L("onboard.cert_earned", map[string]any{"Date": u.date(ct.EarnedOn)})
	switch {
	case ct.ExpiresOn == "":
		return earned + " · " + lang.L("onboard.cert_no_expiry"), widget.MediumImportance
	case !ct.ValidOn(today) && ct.ExpiresOn < today:
		return earned + " · " + lang.L("onboard.cert_expired", map[string]any{"Date": u.date(ct.ExpiresOn)}), widget.DangerImportance
	case fiscal.DaysBetween(today, ct.ExpiresOn) <= onboarding.ExpiryWindowDays:
		return earned + " · " + lang.L("onboard.cert_expires", map[string]any{"Date": u.date(ct.ExpiresOn)}), widget.WarningImportance
	}
	return earned + " · " + lang.L("onboard.cert_valid_until", map[string]any{"Date": u.date(ct.ExpiresOn)}), widget.MediumImportance
}

// set shows the certifications of the open partner's contacts.
func (c *certificationsTab) set(p *data.Partner, contacts []data.Contact) {
	c.certs, c.contacts = nil, contacts
	c.list.Refresh()
	c.count.SetText("")
	if len(contacts) == 0 || p == nil || p.ID == 0 {
		c.addBtn.Disable()
	} else {
		c.addBtn.Enable()
	}
	if p == nil || p.ID == 0 {
		return
	}
	var certs []data.Certification
	var n int
	var err error
	ctx, today := context.Background(), fiscal.ISODate(c.d.store.Now())
	c.d.run(func() {
		if certs, err = c.d.store.Certifications(ctx, p.ID); err == nil {
			n, err = c.d.store.CertifiedPeople(ctx, p.ID, today)
		}
	}, func() {
		if err != nil {
			c.count.SetText(errorText(err))
			return
		}
		c.certs = certs
		c.count.SetText(lang.L("onboard.certified_people", map[string]any{"Count": n}))
		c.list.Refresh()
	})
}

// edit opens the certification form; it stays open with the input kept
// until the certification saves.
func (c *certificationsTab) edit(ct *data.Certification) {
	names := make([]string, len(c.contacts))
	sel := 0
	for i, p := range c.contacts {
		names[i] = p.Name
		if p.ID == ct.ContactID {
			sel = i
		}
	}
	who := newSelect(names, nil)
	who.SetSelectedIndex(sel)
	name, level := widgets.NewText(&widget.Entry{Text: ct.Name}), widgets.NewText(&widget.Entry{Text: ct.Level})
	earned, expires := c.d.loc().dateEntry(c.d.store, "earned_on"), c.d.loc().dateEntry(c.d.store, "expires_on")
	earned.SetValue(ct.EarnedOn)
	expires.SetValue(ct.ExpiresOn)
	expires.Optional, expires.PlaceHolder = true, lang.L("onboard.expiry_hint")
	save := func() error {
		out := *ct
		out.ContactID = c.contacts[max(0, who.SelectedIndex())].ID
		out.Name, out.Level = name.Text, level.Text
		var err error
		if out.EarnedOn, err = earned.Value(); err == nil {
			out.ExpiresOn, err = expires.Value()
		}
		if err == nil {
			err = c.d.store.SaveCertification(context.Background(), &out)
		}
		return err
	}
	var del func() error
	if ct.ID != 0 {
		del = func() error { return c.d.store.DeleteCertification(context.Background(), ct.ID) }
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("field.contact_name"), who),
		widget.NewFormItem(lang.L("field.cert_name"), name),
		widget.NewFormItem(lang.L("field.cert_level"), level),
		widget.NewFormItem(lang.L("field.earned_on"), earned),
		widget.NewFormItem(lang.L("field.expires_on"), expires),
	}
	(&widgets.FormDialog{Title: lang.L("onboard.cert_title"), Items: items, Size: fyne.NewSize(480, 360), OnSave: save, Delete: del,
		OnDone: func() { c.set(c.d.partner, c.contacts) }}).Show(c.d.win)
}
