package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"channeldesk/app/format"
	"channeldesk/app/kit"
)

// The mail template is edited per language in Settings: an unknown
// placeholder is refused naming it, the preview fills the text for a
// partner, the saved text is what the next draft in that language uses,
// and the built-in text comes back on request.
func TestMailTemplateEditor(t *testing.T) {
	u := newTestUI(t, 6, "en")
	m := newMailSettings(u.Store, u.Lang, u.background)
	test.NewWindow(m.buildUI())
	if m.lang.Selected != "English" || !strings.Contains(m.subject.Text, "{program}") {
		t.Fatalf("starts on %q with subject %q", m.lang.Selected, m.subject.Text)
	}
	m.lang.SetSelectedIndex(1) // Русский
	if !strings.Contains(m.body.Text, "{partner}") || strings.Contains(m.body.Text, "attached is") {
		t.Fatalf("Russian body %q", m.body.Text)
	}
	m.subject.SetText("Комплект для {parner}")
	m.onSave()
	if !strings.Contains(m.msg.Text, "{parner}") || !strings.Contains(m.msg.Text, "{partner}") {
		t.Fatalf("a typo in a placeholder gave %q", m.msg.Text)
	}
	m.subject.SetText("Комплект для {partner} до {due}")
	m.showPreview()
	u.Wait()
	if pv := m.preview.Text; strings.Contains(pv, "{partner}") || !strings.Contains(pv, "Комплект для ") {
		t.Errorf("preview %q", pv)
	}
	m.onSave()
	if m.msg.Text != "Template saved." {
		t.Fatalf("save said %q", m.msg.Text)
	}
	ctx := context.Background()
	rows := u.partners.rows
	d, err := kit.NewDraft(ctx, u.Store, rows[0].ID, kit.MailOptions{Lang: format.RU})
	if err != nil || !strings.HasPrefix(d.Subject, "Комплект для "+rows[0].Name+" до ") {
		t.Errorf("a Russian draft's subject %q (%v)", d.Subject, err)
	}
	if d, _ := kit.NewDraft(ctx, u.Store, rows[0].ID, kit.MailOptions{Lang: format.EN}); strings.HasPrefix(d.Subject, "Комплект") {
		t.Errorf("the English draft took the Russian template: %q", d.Subject)
	}
	m.onReset()
	if d, _ := kit.NewDraft(ctx, u.Store, rows[0].ID, kit.MailOptions{Lang: format.RU}); strings.HasPrefix(d.Subject, "Комплект для ") {
		t.Errorf("after reset the draft still says %q", d.Subject)
	}
}
