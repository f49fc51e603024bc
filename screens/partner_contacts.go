package screens

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// contactsTab lists a partner's people and edits them in a form that
// stays open, with the input kept, until the contact saves.
type contactsTab struct {
	d        *partnerDetail
	all      []data.Contact // with the people who left, last
	contacts []data.Contact // what the list shows
	list     *widget.List
	addBtn   *widget.Button
	showLeft *widget.Check // show the people the partner said left, greyed

	// the open contact form, for tests
	form *contactForm
}

type contactForm struct {
	name, role, email, phone *widgets.TextEntry
	primary                  *widget.Check
	msg                      *widget.Label
	save                     *widget.Button
	dlg                      *dialog.CustomDialog
}

func newContactsTab(d *partnerDetail) *contactsTab { return &contactsTab{d: d} }

func (c *contactsTab) buildUI() fyne.CanvasObject {
	c.list = &widget.List{
		Length: func() int { return len(c.contacts) },
		CreateItem: func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("Name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			return container.NewVBox(name, widget.NewLabel("role · e-mail · phone"))
		},
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			ct := c.contacts[id]
			box := o.(*fyne.Container)
			name := ct.Name
			if ct.Primary {
				name += " · " + lang.L("contact.primary")
			}
			detail := joinNonEmpty(" · ", ct.Role, ct.Email, ct.Phone)
			importance := widget.MediumImportance
			if ct.Left() {
				name = lang.L("contact.left_name", map[string]any{"Name": ct.Name, "Date": c.d.loc().date(ct.LeftOn)})
				importance = widget.LowImportance
			}
			for i, text := range []string{name, detail} {
				l := box.Objects[i].(*widget.Label)
				l.Importance = importance
				l.SetText(text)
				l.Refresh()
			}
		},
		OnSelected: func(id widget.ListItemID) {
			c.list.UnselectAll()
			ct := c.contacts[id]
			c.edit(&ct)
		},
	}
	c.addBtn = &widget.Button{Text: lang.L("contact.add"), Icon: theme.ContentAddIcon(), OnTapped: func() {
		if c.d.partner != nil && c.d.partner.ID != 0 {
			c.edit(&data.Contact{PartnerID: c.d.partner.ID, Primary: len(data.CurrentContacts(c.all)) == 0})
		}
	}}
	c.showLeft = widget.NewCheck(lang.L("contact.show_left", map[string]any{"Count": 0}), func(bool) { c.set(c.all) })
	c.showLeft.Hide()
	return container.NewBorder(container.NewHBox(c.addBtn, c.showLeft), nil, nil, nil, c.list)
}

func (c *contactsTab) set(cs []data.Contact) {
	c.all = cs
	c.contacts = cs
	if left := len(cs) - len(data.CurrentContacts(cs)); left > 0 {
		c.showLeft.Text = lang.L("contact.show_left", map[string]any{"Count": left})
		c.showLeft.Show()
		c.showLeft.Refresh()
		if !c.showLeft.Checked {
			c.contacts = data.CurrentContacts(cs)
		}
	} else {
		c.showLeft.Hide()
	}
	c.list.Refresh()
	if c.d.partner == nil || c.d.partner.ID == 0 {
		c.addBtn.Disable()
	} else {
		c.addBtn.Enable()
	}
}

// edit opens the contact form for ct (ID 0 for a new contact).
func (c *contactsTab) edit(ct *data.Contact) {
	f := &contactForm{
		name: widgets.NewText(&widget.Entry{Text: ct.Name}), role: widgets.NewText(&widget.Entry{Text: ct.Role}),
		email: widgets.NewText(&widget.Entry{Text: ct.Email}), phone: widgets.NewText(&widget.Entry{Text: ct.Phone}),
		primary: widget.NewCheck(lang.L("contact.primary"), nil), msg: widgets.NewErrorLine(),
	}
	f.primary.Checked = ct.Primary
	f.email.Validator = func(s string) error {
		if s = strings.TrimSpace(s); s != "" && !data.ValidEmail(s) {
			return errors.New(errorText(data.Invalid("email", "err.email", map[string]any{"Value": s})))
		}
		return nil
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("field.contact_name"), f.name),
		widget.NewFormItem(lang.L("field.role"), f.role),
		widget.NewFormItem(lang.L("field.email"), f.email),
		widget.NewFormItem(lang.L("field.phone"), f.phone),
		widget.NewFormItem("", f.primary),
	}
	title := lang.L("contact.edit")
	if ct.ID == 0 {
		title = lang.L("contact.add")
	}
	fd := &widgets.FormDialog{Title: title, Items: items, Msg: f.msg, Size: fyne.NewSize(480, 340),
		OnSave: func() error { return c.onSave(ct, f) }, OnDone: func() { c.d.saved(c.d.partner.ID) }}
	if ct.ID != 0 {
		fd.Delete = func() error { return c.d.store.DeleteContact(context.Background(), ct.ID) }
		fd.AskHead, fd.Ask = lang.L("contact.delete_title"), lang.L("contact.delete_confirm", map[string]any{"Name": ct.Name})
	}
	c.form = f
	fd.Show(c.d.win)
	f.dlg, f.save = fd.Dialog, fd.SaveBtn
}

func (c *contactsTab) onSave(orig *data.Contact, f *contactForm) error {
	ct := *orig
	ct.Name, ct.Role, ct.Email, ct.Phone, ct.Primary = f.name.Text, f.role.Text, f.email.Text, f.phone.Text, f.primary.Checked
	f.name.SetValidationError(nil)
	f.email.SetValidationError(nil)
	err := c.d.store.SaveContact(context.Background(), &ct)
	switch errorField(err) { // "" for no error and for internal ones
	case "email":
		f.email.SetValidationError(errors.New(errorText(err)))
	case "contact_name":
		f.name.SetValidationError(errors.New(errorText(err)))
	}
	return err
}

func joinNonEmpty(sep string, parts ...string) string {
	out := ""
	for _, p := range parts {
		if p == "" {
			continue
		}
		if out != "" {
			out += sep
		}
		out += p
	}
	return out
}
