package screens

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"channeldesk/app/importer"
	"channeldesk/app/recruit"
	"channeldesk/data"
)

func pressEnter(e *captureEntry) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

func TestQuickCaptureEnterSavesAndClears(t *testing.T) {
	u := newTestUI(t, 0, "en")
	u.show("nav.recruitment")
	u.Wait()
	test.Tap(findButton(t, u, "Quick capture"))
	f := u.capture
	test.Type(f.company, "Orbita Soft")
	test.Type(f.contact, "Ivan Petrov")
	test.Type(f.email, "ivan@orbita.example")
	f.event.SetText("CeBIT")
	f.eventDate.SetText("2026-11-20")
	pressEnter(f.email)
	u.Wait()
	rows, _ := u.Store.PartnerRows(context.Background())
	if len(rows) != 1 || rows[0].Name != "Orbita Soft" || rows[0].Status != data.StatusProspect {
		t.Fatalf("stored %+v", rows)
	}
	if f.company.Text != "" || f.contact.Text != "" || f.email.Text != "" {
		t.Errorf("form not cleared: %q %q %q", f.company.Text, f.contact.Text, f.email.Text)
	}
	if f.event.Text != "CeBIT" || f.eventDate.Text != "2026-11-20" {
		t.Errorf("event not kept for the next visitor: %q %q", f.event.Text, f.eventDate.Text)
	}
	if u.Win.Canvas().Focused() != f.company {
		t.Error("focus is not back on the company")
	}
	if !strings.Contains(f.msg.Text, "Orbita Soft") {
		t.Errorf("message %q", f.msg.Text)
	}
	if got := u.recruit.rows; len(got) != 1 || got[0].EventName != "CeBIT" {
		t.Errorf("recruitment list %+v", got)
	}
}

func TestQuickCaptureRemembersEventAndEscCloses(t *testing.T) {
	u := newTestUI(t, 0, "en")
	u.ShowQuickCapture()
	test.Type(u.capture.company, "Orbita Soft")
	u.capture.event.SetText("CeBIT")
	pressEnter(u.capture.company)
	u.Wait()
	u.capture.close()
	u.ShowQuickCapture()
	if u.capture.event.Text != "CeBIT" {
		t.Errorf("event not remembered: %q", u.capture.event.Text)
	}
	u.capture.company.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.capture.dlg.MinSize().IsZero() || len(u.Win.Canvas().Overlays().List()) != 0 {
		t.Error("Esc did not close the form")
	}
	// A visitor typed in but not saved is not lost to one Esc; F1 shows
	// the shortcuts over the form and Esc closes them first.
	u.ShowQuickCapture()
	test.Type(u.capture.email, "anna@northwind.example")
	u.capture.email.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	if text := topOverlayText(u); !strings.Contains(text, "Ctrl+F") {
		t.Fatalf("F1 in the capture form: top says %q", text)
	}
	u.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	u.capture.email.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if text := topOverlayText(u); !strings.Contains(text, "Discard what you typed?") {
		t.Fatalf("Esc with a visitor typed in did not ask; top says %q", text)
	}
	test.Tap(overlayButton(t, u, "Keep editing"))
	if u.capture.email.Text != "anna@northwind.example" || len(u.Win.Canvas().Overlays().List()) != 1 {
		t.Errorf("keep editing lost the form: %q, %d overlays", u.capture.email.Text, len(u.Win.Canvas().Overlays().List()))
	}
}

func TestQuickCaptureWarnsOfDuplicates(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ctx := context.Background()
	existing, err := recruit.CaptureProspect(ctx, u.Store, recruit.Capture{Company: "ООО «Орбита Софт»", Email: "petrov@orbita.example"})
	if err != nil {
		t.Fatal(err)
	}
	u.ShowQuickCapture()
	f := u.capture
	test.Type(f.company, "Орбита софт")
	pressEnter(f.company)
	u.Wait()
	if !f.dupBox.Visible() || !strings.Contains(f.dupText.Text, "ООО «Орбита Софт»") {
		t.Fatalf("no duplicate warning: %q", f.dupText.Text)
	}
	if rows, _ := u.Store.PartnerRows(ctx); len(rows) != 1 {
		t.Fatalf("saved before the user chose: %d partners", len(rows))
	}
	test.Tap(findButton(t, u, "Save anyway"))
	u.Wait()
	if rows, _ := u.Store.PartnerRows(ctx); len(rows) != 2 || f.company.Text != "" || f.dupBox.Visible() {
		t.Errorf("save anyway: %d partners, company %q", len(rows), f.company.Text)
	}
	// same e-mail domain, other name: open the existing partner instead
	test.Type(f.company, "Completely Different")
	test.Type(f.email, "sales@orbita.example")
	pressEnter(f.email)
	u.Wait()
	if !f.dupBox.Visible() {
		t.Fatal("no warning for the same e-mail domain")
	}
	test.Tap(findButton(t, u, "Open existing"))
	u.Wait()
	if u.current != "nav.partners" || u.partners.detail.partner == nil || u.partners.detail.partner.ID != existing.ID {
		t.Errorf("existing partner not opened (screen %q)", u.current)
	}
	if rows, _ := u.Store.PartnerRows(ctx); len(rows) != 2 {
		t.Errorf("open existing stored a partner: %d", len(rows))
	}
}

func TestRecruitmentStagesScorecardAndDecisions(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ctx := context.Background()
	a, _ := recruit.CaptureProspect(ctx, u.Store, recruit.Capture{Company: "Alpha", Event: "CeBIT", EventDate: "2026-11-20"})
	b, _ := recruit.CaptureProspect(ctx, u.Store, recruit.Capture{Company: "Beta"})
	u.show("nav.recruitment")
	u.Wait()
	s := u.recruit
	if s.stageBtns[0].Text != "Prospect: 2" || s.stageBtns[3].Text != "Approved: 0" {
		t.Fatalf("stage buttons %q %q", s.stageBtns[0].Text, s.stageBtns[3].Text)
	}
	s.eventSel.SetSelected("CeBIT")
	if len(s.rows) != 1 || s.rows[0].ID != a.ID || s.stageBtns[0].Text != "Prospect: 1" {
		t.Fatalf("event filter: %+v, %q", s.rows, s.stageBtns[0].Text)
	}
	s.list.Select(0)
	u.Wait()
	c := s.card
	c.marks[0].SetSelectedIndex(5)
	c.marks[1].SetSelectedIndex(1)
	if c.total.Text != "Fit score: 57 of 100" {
		t.Errorf("live total %q", c.total.Text)
	}
	test.Tap(findButton(t, u, "Save"))
	u.Wait()
	if sc, _ := u.Store.Scores(ctx, a.ID); len(sc) != 2 {
		t.Errorf("scores stored: %+v", sc)
	}
	test.Tap(findButton(t, u, "Approve"))
	u.Wait()
	if p, _ := u.Store.Partner(ctx, a.ID); p.Status != data.StatusOnboarding {
		t.Errorf("approved partner is %s", p.Status)
	}
	if s.stageBtns[3].Text != "Approved: 1" {
		t.Errorf("approved count %q", s.stageBtns[3].Text)
	}
	s.eventSel.SetSelectedIndex(0)
	s.setStage(data.StatusProspect)
	s.list.Select(0)
	u.Wait()
	test.Tap(findButton(t, u, "Decline"))
	u.Wait()
	if c.msg.Text != "Reason: say why: a reason is required for this change" {
		t.Errorf("decline without reason: %q", c.msg.Text)
	}
	test.Type(c.reason, "no presence in our regions")
	test.Tap(findButton(t, u, "Decline"))
	u.Wait()
	if p, _ := u.Store.Partner(ctx, b.ID); p.Status != data.StatusDeclined {
		t.Errorf("declined partner is %s", p.Status)
	}
}

func TestImportPreviewThenImport(t *testing.T) {
	u := newTestUI(t, 0, "en")
	u.show("nav.recruitment")
	u.Wait()
	f := &importFlow{importDeps: u.importDeps(), onDone: u.recruit.reload}
	file, err := os.Open(filepath.Join("..", "app", "importer", "testdata", "bad.csv"))
	if err != nil {
		t.Fatal(err)
	}
	f.open("bad.csv", file)
	u.Wait()
	if f.summary.Text != "New: 4, merged: 2, rejected: 4\nLeft out by the value mapping: 0; imported with warnings: 2" {
		t.Fatalf("summary %q", f.summary.Text)
	}
	// two unknown values (franchise, sleeping), four rejected rows, two merges
	if len(f.lines) != 8 || f.lines[3] != `row 4, column «contact_email»: "bob@@badmail" is not a valid e-mail address` {
		t.Errorf("lines %q", f.lines)
	}
	if rows, _ := u.Store.PartnerRows(context.Background()); len(rows) != 0 {
		t.Fatal("the preview wrote partners")
	}
	// map the notes column away: the preview follows
	f.columns.selects[6].SetSelectedIndex(0)
	u.Wait()
	if f.mapping[6] != "" {
		t.Errorf("mapping %v", f.mapping)
	}
	test.Tap(f.importB)
	u.Wait()
	if rows, _ := u.Store.PartnerRows(context.Background()); len(rows) != 4 {
		t.Errorf("%d partners after import, want 4", len(rows))
	}
	if f.msg.Text != "Imported. New: 4, merged: 2, skipped: 4" {
		t.Errorf("message %q", f.msg.Text)
	}
	if u.recruit.stageBtns[0].Text != "Prospect: 4" {
		t.Errorf("recruitment not reloaded: %q", u.recruit.stageBtns[0].Text)
	}
}

func TestScorecardCriteriaInSettings(t *testing.T) {
	u := newTestUI(t, 0, "en")
	sc := newScorecardSettings(u.Store)
	u.Win.SetContent(sc.buildUI())
	if len(sc.rows) != 6 || sc.rows[0].en.Text != "Region coverage" {
		t.Fatalf("rows %d", len(sc.rows))
	}
	sc.rows[0].weight.SetText("abc")
	sc.onSave()
	if !strings.HasPrefix(sc.msg.Text, "Weight:") {
		t.Errorf("bad weight message %q", sc.msg.Text)
	}
	sc.rows[0].weight.SetText("40")
	test.Tap(findButton(t, u, "Add criterion"))
	last := sc.rows[len(sc.rows)-1]
	test.Type(last.en, "References")
	test.Type(last.ru, "Рекомендации")
	sc.onSave()
	got, _ := u.Store.Criteria(context.Background())
	if len(got) != 7 || got[0].Weight != 40 || got[6].NameRU != "Рекомендации" || sc.msg.Text != "Scorecard saved." {
		t.Errorf("criteria %+v, message %q", got, sc.msg.Text)
	}
}

func TestCancelledGUIImportWritesNothing(t *testing.T) {
	u := newTestUI(t, 0, "en")
	var b strings.Builder
	b.WriteString("name,city\n")
	for i := range 5000 {
		b.WriteString("Company " + strings.Repeat("x", i%7) + " " + string(rune('a'+i%26)) + strconv.Itoa(i) + ",Berlin\n")
	}
	f := &importFlow{importDeps: u.importDeps()}
	f.open("big.csv", readCloser{strings.NewReader(b.String())})
	u.Wait()
	if f.preview == nil || f.preview.Created != 5000 {
		t.Fatalf("preview %+v", f.preview)
	}
	f.afterProgress = f.onCancel // the user presses Cancel once progress shows
	test.Tap(f.importB)
	u.Wait()
	if f.msg.Text != "Import cancelled: nothing was written." {
		t.Errorf("message %q", f.msg.Text)
	}
	if rows, _ := u.Store.PartnerRows(context.Background()); len(rows) != 0 {
		t.Errorf("%d partners written by a cancelled import", len(rows))
	}
}

type readCloser struct{ *strings.Reader }

func (readCloser) Close() error { return nil }

func TestRecruitmentInRussian(t *testing.T) {
	u := newTestUI(t, 40, "ru")
	defer u.Store.SaveSettings(context.Background(), data.DefaultSettings())
	u.show("nav.recruitment")
	u.Wait()
	u.ShowQuickCapture()
	markup := test.RenderObjectToMarkup(u.Win.Content())
	for _, o := range u.Win.Canvas().Overlays().List() {
		markup += test.RenderObjectToMarkup(o)
	}
	for _, want := range []string{"Рекрутинг", "Быстрый ввод", "Потенциальный: ", "Компания"} {
		if !strings.Contains(markup, want) {
			t.Errorf("%q not on screen", want)
		}
	}
	if u.recruit.sourceSel.Selected != "Все источники" {
		t.Errorf("source filter %q", u.recruit.sourceSel.Selected)
	}
	if strings.Contains(markup, "recruit.") || strings.Contains(markup, "source.") {
		t.Error("an untranslated key is on screen")
	}
	assetsEnglish(t)
}

// The mapping dialog offers fields by their names in the user's language,
// never by the importer's internal names, and no two alike: the select
// finds the chosen field by its label.
func TestImportFieldsAreTranslated(t *testing.T) {
	for _, l := range []string{"en", "ru"} {
		newTestUI(t, 0, l)
		seen := map[string]importer.Field{}
		for _, f := range importer.Fields {
			got := fieldLabel(string(f))
			if got == "field."+string(f) || got == "" {
				t.Errorf("%s: field %s has no label", l, f)
			}
			if g, dup := seen[got]; dup {
				t.Errorf("%s: fields %s and %s are both labelled %q", l, g, f, got)
			}
			seen[got] = f
		}
	}
	if got := fieldLabel(string(importer.FContactFirst)); got != "Имя" {
		t.Errorf("ru label %q", got)
	}
}
