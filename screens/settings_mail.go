package screens

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/format"
	"channeldesk/app/kit"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// mailSettings edits the subject and text of the e-mail drafts that carry
// the partner kits, per language, with a preview filled for a partner.
type mailSettings struct {
	store         *data.Store
	uiLang        format.Lang // the template shown first
	run           runner
	lang          *widget.Select
	subject, body *widgets.TextEntry
	msg           *widget.Label
	preview       *widget.Label
}

// mailLangs are the template languages, in the order of the selector.
var mailLangs = []format.Lang{format.EN, format.RU}

func newMailSettings(store *data.Store, l format.Lang, run runner) *mailSettings {
	return &mailSettings{store: store, uiLang: l, run: run}
}

func (m *mailSettings) buildUI() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("kit.tmpl.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel(lang.L("kit.tmpl.hint"))
	hint.Wrapping = fyne.TextWrapWord
	m.subject = widgets.NewText(&widget.Entry{})
	m.body = widgets.NewText(&widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord})
	m.body.SetMinRowsVisible(8)
	m.msg = &widget.Label{Wrapping: fyne.TextWrapWord}
	m.preview = &widget.Label{Wrapping: fyne.TextWrapWord}
	m.lang = newSelect([]string{lang.L("lang.en"), lang.L("lang.ru")}, func(string) { m.load() })
	form := widget.NewForm(widget.NewFormItem(lang.L("kit.tmpl.lang"), m.lang),
		widget.NewFormItem(lang.L("field.mail_subject"), m.subject), widget.NewFormItem(lang.L("field.mail_body"), m.body))
	save := &widget.Button{Text: lang.L("action.save"), Icon: theme.DocumentSaveIcon(), OnTapped: m.onSave}
	show := &widget.Button{Text: lang.L("kit.tmpl.preview"), Icon: theme.VisibilityIcon(), OnTapped: m.showPreview}
	reset := &widget.Button{Text: lang.L("kit.tmpl.reset"), Importance: widget.LowImportance, OnTapped: m.onReset}
	if m.uiLang == format.RU {
		m.lang.SetSelectedIndex(1)
	} else {
		m.lang.SetSelectedIndex(0)
	}
	return container.NewVBox(widget.NewSeparator(), title, hint, form, container.NewHBox(save, show, reset), m.msg, m.preview)
}

func (m *mailSettings) current() format.Lang { return mailLangs[max(0, m.lang.SelectedIndex())] }

// load shows the template of the language chosen.
func (m *mailSettings) load() {
	t, err := kit.MailTemplateFor(context.Background(), m.store, m.current())
	m.msg.SetText("")
	m.preview.SetText("")
	if err != nil {
		m.say(err)
		return
	}
	m.subject.SetText(t.Subject)
	m.body.SetText(t.Body)
}

func (m *mailSettings) entered() kit.MailTemplate {
	return kit.MailTemplate{Subject: m.subject.Text, Body: m.body.Text}
}

func (m *mailSettings) say(err error) {
	m.msg.Importance = widget.DangerImportance
	m.msg.SetText(errorText(err))
	for field, e := range map[string]*widgets.TextEntry{"mail_subject": m.subject, "mail_body": m.body} {
		if errorField(err) == field {
			e.SetValidationError(errors.New(errorText(err)))
		} else {
			e.SetValidationError(nil)
		}
	}
}

func (m *mailSettings) ok(key string) {
	m.subject.SetValidationError(nil)
	m.body.SetValidationError(nil)
	m.msg.Importance = widget.SuccessImportance
	m.msg.SetText(lang.L(key))
}

func (m *mailSettings) onSave() {
	t := m.entered()
	if err := kit.SaveMailTemplate(context.Background(), m.store, m.current(), &t); err != nil {
		m.say(err)
		return
	}
	m.ok("kit.tmpl.saved")
}

func (m *mailSettings) onReset() {
	if err := kit.SaveMailTemplate(context.Background(), m.store, m.current(), nil); err != nil {
		m.say(err)
		return
	}
	m.load()
	m.ok("kit.tmpl.reset_done")
}

// showPreview fills the template as typed (saved or not) for the first
// active partner, off the UI goroutine.
func (m *mailSettings) showPreview() {
	t := m.entered()
	if err := t.Validate(); err != nil {
		m.say(err)
		return
	}
	l := m.current()
	var pv kit.MailPreview
	var err error
	m.run(func() {
		pv, err = kit.PreviewMail(context.Background(), m.store, 0, l, t)
	}, func() {
		if err != nil {
			m.say(err)
			return
		}
		m.msg.SetText("")
		m.preview.SetText(lang.L("kit.tmpl.preview_of", map[string]any{"Partner": pv.Partner}) + "\n\n" + pv.Subject + "\n\n" + pv.Body)
	})
}
