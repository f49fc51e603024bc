package screens

import (
	"context"
	"strings"

	"channeldesk/app/format"
	"channeldesk/app/recruit"
	"channeldesk/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// leadCaptureForm is quick capture's second mode: an end customer who
// wants to buy, typed in at the booth from the keyboard alone (Enter
// saves, Tab moves on, Esc closes, F2 switches back to a partner
// prospect). The event stays for the next visitor, shared with the
// prospect mode.
type leadCaptureForm struct {
	capture

	company, taxOrSite, contact, email, phone, place, product, size *captureEntry
}

// ShowLeadCapture opens quick capture in its customer-lead mode.
func (u *UI) ShowLeadCapture() {
	f := u.newLeadCaptureForm()
	f.show(lang.L("leads.capture_title"), f.buildUI(), 620)
	u.leadCapture = f
}

func newLeadCaptureForm(deps captureDeps) *leadCaptureForm {
	f := &leadCaptureForm{capture: capture{captureDeps: deps}}
	f.save = f.onSave
	return f
}

// newLeadCaptureForm builds the customer-lead mode of quick capture for
// this window: a saved lead reloads the Leads tab when it is built.
func (u *UI) newLeadCaptureForm() *leadCaptureForm {
	var reload func()
	if u.leads != nil {
		reload = u.leads.reload
	}
	return newLeadCaptureForm(u.captureDeps(true, reload))
}

// toggleCapture switches quick capture between its two modes.
func (u *UI) toggleCapture(fromLead bool) {
	if fromLead {
		if u.leadCapture != nil {
			u.leadCapture.close()
		}
		u.ShowQuickCapture()
		return
	}
	if u.capture != nil {
		u.capture.close()
	}
	u.ShowLeadCapture()
}

func (f *leadCaptureForm) buildUI() fyne.CanvasObject {
	f.company, f.taxOrSite = f.entry("leads.capture_company"), f.entry("leads.capture_tax_or_site")
	f.contact, f.email, f.phone = f.entry("recruit.capture_contact"), f.entry("recruit.capture_email"), f.entry("recruit.capture_phone")
	f.place, f.product, f.size = f.entry("leads.capture_place"), f.entry("leads.capture_product"), f.entry("leads.capture_size")
	f.visitor = []*captureEntry{f.company, f.taxOrSite, f.contact, f.email, f.phone, f.place, f.product, f.size}
	f.buildEvent()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.company"), container.NewGridWithColumns(2, f.company, f.taxOrSite)),
		widget.NewFormItem(lang.L("field.contact_name"), f.contact),
		widget.NewFormItem(lang.L("field.email"), container.NewGridWithColumns(2, f.email, f.phone)),
		widget.NewFormItem(lang.L("leads.field.place"), f.place),
		widget.NewFormItem(lang.L("leads.field.product"), container.NewGridWithColumns(2, f.product, f.size)),
		f.eventItem(),
	)
	return f.layout(form, lang.L("leads.capture_save"), lang.L("leads.capture_hint"),
		&widget.Button{Text: lang.L("recruit.save_anyway"), Importance: widget.WarningImportance, OnTapped: f.onSaveAnyway})
}

// lead reads the form: "ИНН or website" is an ИНН when it is all digits;
// the place reads "city, region, country" from the right, so "Russia"
// alone is a country and "Kazan, Tatarstan, Russia" all three.
func (f *leadCaptureForm) lead() (*data.Lead, error) {
	l := &data.Lead{Company: f.company.Text, ContactName: f.contact.Text, ContactEmail: f.email.Text,
		ContactPhone: f.phone.Text, Product: f.product.Text, EventName: f.event.Text, Currency: f.settings().Currency,
		CreatedBy: f.settings().ManagerName}
	l.CompanyKey = format.NormalizeCompany(l.Company)
	if v := strings.TrimSpace(f.taxOrSite.Text); v != "" && strings.Trim(v, "0123456789 ") == "" {
		l.TaxID = strings.ReplaceAll(v, " ", "")
	} else {
		l.Website = v
	}
	parts := strings.Split(f.place.Text, ",")
	for i, dst := range []*string{&l.Country, &l.Region, &l.City} {
		if k := len(parts) - 1 - i; k >= 0 {
			*dst = strings.TrimSpace(parts[k])
		}
	}
	if s := strings.TrimSpace(f.size.Text); s != "" {
		n, err := format.ParseMoney(s, f.settings().Currency, f.lang)
		if err != nil {
			return nil, data.Invalid("est_amount", "imports.err_leads_amount", map[string]any{"Value": s})
		}
		l.EstAmount = n
	}
	day, err := f.eventDate.Value()
	if err != nil {
		return nil, err
	}
	l.Source = data.LeadFromWebsite
	if strings.TrimSpace(l.EventName) != "" {
		l.Source, l.EventDate = data.LeadFromEvent, day
	}
	return l, l.Validate()
}

// onSave warns first of a stored lead or a partner's registered customer
// that looks like the same company.
func (f *leadCaptureForm) onSave() {
	if f.busy {
		return
	}
	l, err := f.lead()
	if err != nil {
		f.fail(err)
		return
	}
	f.busy = true
	var dups []data.LeadMatch
	f.run(func() {
		dups, err = f.store.LeadDuplicates(context.Background(), l)
	}, func() {
		f.busy = false
		switch {
		case err != nil:
			f.fail(err)
		case len(dups) > 0:
			f.duplicate(leadDuplicateText(dups[0]))
		default:
			f.create(l)
		}
	})
}

// leadDuplicateText says what a new lead seems to repeat.
func leadDuplicateText(m data.LeadMatch) string {
	if m.LeadID > 0 {
		if m.PartnerName == "" {
			return lang.L("leads.duplicate_lead", map[string]any{"Name": m.Company, "State": leadStateLabel(data.LeadState(m.State))})
		}
		return lang.L("leads.duplicate_lead_partner", map[string]any{"Name": m.Company,
			"State": leadStateLabel(data.LeadState(m.State)), "Partner": m.PartnerName})
	}
	return lang.L("leads.duplicate_customer", map[string]any{"Name": m.Company, "Partner": m.PartnerName,
		"State": dealStateLabel(data.DealState(m.State))})
}

func (f *leadCaptureForm) onSaveAnyway() {
	l, err := f.lead()
	if err != nil {
		f.fail(err)
		return
	}
	f.create(l)
}

func (f *leadCaptureForm) create(l *data.Lead) {
	f.busy = true
	var err error
	f.run(func() {
		ctx := context.Background()
		if err = f.store.CreateLead(ctx, l); err != nil || l.EventName == "" {
			return
		}
		if err = f.store.SetSetting(ctx, recruit.SettingLastEvent, l.EventName); err == nil {
			err = f.store.SetSetting(ctx, recruit.SettingLastEventDate, l.EventDate)
		}
	}, func() {
		f.busy = false
		if err != nil {
			f.fail(err)
			return
		}
		f.stored(func(n int) string {
			return lang.L("leads.capture_saved", map[string]any{"Name": l.Company, "Count": n})
		})
	})
}
