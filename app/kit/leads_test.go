package kit_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"channeldesk/app/format"
	"channeldesk/app/kit"
	"channeldesk/data"
)

const shLeads = "Leads for you"

// offerLeads offers partner A five leads: four on 14 Aug (last day 21
// Aug) and one on 12 Aug (last day 19 Aug), and partner B one.
func offerLeads(t testing.TB, w *world) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	ids := map[string]int64{}
	for _, x := range []struct {
		company, on string
		partner     int64
	}{
		{"Kazan Steel", "2026-08-14", w.a}, {"Volga Foods", "2026-08-14", w.a}, {"Ural Glass", "2026-08-14", w.a},
		{"Maybe Ltd", "2026-08-14", w.a}, {"Late Mill", "2026-08-12", w.a}, {"Beta Only Customer", "2026-08-14", w.b},
	} {
		l := &data.Lead{Company: x.company, City: "Kazan", Region: "Tatarstan", Country: "Russia", Product: "Desk",
			EstAmount: 12_000_00, Currency: "USD", ContactName: "Rustam " + x.company, ContactEmail: "r@" + strings.ToLower(x.company[:4]) + ".example",
			NotesShareable: "Wants 50 seats", NotesInternal: "INTERNAL margin talk", Source: data.LeadFromWebsite}
		if err := w.s.CreateLead(ctx, l); err != nil {
			t.Fatal(err)
		}
		if err := w.s.OfferLead(ctx, l.ID, x.partner, 7, data.LeadMove{On: x.on}); err != nil {
			t.Fatal(err)
		}
		ids[x.company] = l.ID
	}
	return ids
}

// TestKitLeadsForYou: A's kit lists the leads offered to it with only
// their shareable fields and a drop-down answer; the returned kit accepts
// and declines through the Leads tab's rules (a decline needs its
// reason, an answer in the other language is understood, an offer that
// expired meanwhile is named so), the preview changes nothing and a
// second import changes nothing either.
func TestKitLeadsForYou(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	ids := offerLeads(t, w)
	path := exportA(t, w)
	txt := xlsxText(t, path)
	for _, want := range []string{shLeads, "Kazan Steel", "Wants 50 seats", "Kazan, Tatarstan, Russia", "$12,000", "Accept", "Decline"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the kit lacks %q", want)
		}
	}
	for _, leak := range []string{"INTERNAL margin talk", "Beta Only Customer"} {
		if strings.Contains(txt, leak) {
			t.Errorf("the kit shows %q", leak)
		}
	}
	p := openKit(t, path)
	dvs, _ := p.f.GetDataValidations(shLeads)
	list := false
	for _, dv := range dvs {
		list = list || dv.Type == "list" && strings.Contains(dv.Formula1, "_kit")
	}
	if !list {
		t.Errorf("the answer column has no drop-down list: %+v", dvs)
	}
	const answer = 10 // column J: after the seven shown columns from C
	tag := func(name string) string { return fmt.Sprint("L:", ids[name]) }
	p.fill(shLeads, p.next(shLeads, tag("Kazan Steel")), answer, "Accept")
	p.fill(shLeads, p.next(shLeads, tag("Volga Foods")), answer, "Decline")
	p.fill(shLeads, p.next(shLeads, tag("Ural Glass")), answer, "Отклонить", "Too far from us")
	p.fill(shLeads, p.next(shLeads, tag("Maybe Ltd")), answer, "Maybe")
	p.fill(shLeads, p.next(shLeads, tag("Late Mill")), answer, "Accept")
	filled := filepath.Join(t.TempDir(), "filled.xlsx")
	p.save(filled)

	// the partner answers on 20 Aug: Late Mill's last day (19 Aug) is past
	w.s.Now = func() time.Time { return time.Date(2026, 8, 20, 10, 0, 0, 0, time.UTC) }
	want := map[string]string{"Kazan Steel": "", "Volga Foods": "err.reason_required", "Ural Glass": "",
		"Maybe Ltd": "err.kit_lead_decision", "Late Mill": "err.leads_offer_expired"}
	state := func(name string) data.LeadState {
		l, err := w.s.Lead(ctx, ids[name])
		if err != nil {
			t.Fatal(err)
		}
		return l.State
	}
	pv, err := importFile(t, w.s, filled, kit.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkItems(t, pv, want)
	if state("Kazan Steel") != data.LeadOffered || state("Ural Glass") != data.LeadOffered {
		t.Fatal("the preview changed the leads")
	}
	for _, it := range pv.Items {
		if strings.HasPrefix(it.Summary, "Kazan") && it.Kind != kit.RowLeadAccept ||
			strings.HasPrefix(it.Summary, "Ural") && it.Kind != kit.RowLeadDecline {
			t.Errorf("row %q is a %q", it.Summary, it.Kind)
		}
	}
	if _, err := importFile(t, w.s, filled, kit.ImportOptions{Commit: true}); err != nil {
		t.Fatal(err)
	}
	if state("Kazan Steel") != data.LeadAccepted || state("Ural Glass") != data.LeadDeclined || state("Volga Foods") != data.LeadOffered {
		t.Errorf("after import: Kazan %s, Ural %s, Volga %s", state("Kazan Steel"), state("Ural Glass"), state("Volga Foods"))
	}
	if l, _ := w.s.Lead(ctx, ids["Ural Glass"]); l.Reason != "Too far from us" {
		t.Errorf("decline reason %q", l.Reason)
	}
	before := counts(t, w.s)
	pv, err = importFile(t, w.s, filled, kit.ImportOptions{Commit: true})
	if err != nil {
		t.Fatal(err)
	}
	if after := counts(t, w.s); after != before {
		t.Errorf("a second import changed the database:\n%s\n%s", before, after)
	}
	for _, it := range pv.Items {
		if !it.Done {
			t.Errorf("second import: row %q not marked as done", it.Summary)
		}
	}
}

// TestKitMailListsTheOpenOffers: the e-mail draft of a partner with open
// offers lists each (company, city, product, last day) before the
// greeting, in either template language; a partner without any gets the
// template unchanged.
func TestKitMailListsTheOpenOffers(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	offerLeads(t, w)
	for l, want := range map[format.Lang]string{
		format.EN: "– Kazan Steel, Kazan, Tatarstan – Desk – answer by ",
		format.RU: "– Kazan Steel, Kazan, Tatarstan – Desk – ответить до ",
	} {
		d, err := kit.NewDraft(ctx, w.s, w.a, kit.MailOptions{Lang: l})
		if err != nil {
			t.Fatal(err)
		}
		i, j := strings.Index(d.Body, want), strings.LastIndex(d.Body, "\n\n")
		if i < 0 || i > j {
			t.Errorf("%s draft does not list the offer before the greeting:\n%s", l, d.Body)
		}
		if strings.Contains(d.Body, "Beta Only Customer") || strings.Contains(d.Body, "INTERNAL") {
			t.Errorf("%s draft shows another partner's lead or an internal note:\n%s", l, d.Body)
		}
		if n := strings.Count(d.Body, "\n– "); n != 5 {
			t.Errorf("%s draft lists %d offers, want 5", l, n)
		}
	}
	d, err := kit.NewDraft(ctx, w.s, w.b, kit.MailOptions{Lang: format.EN})
	if err != nil || !strings.Contains(d.Body, "Beta Only Customer") {
		t.Errorf("B's draft: %v\n%s", err, d.Body)
	}
	exec1(t, w.s, `DELETE FROM leads`)
	d, _ = kit.NewDraft(ctx, w.s, w.a, kit.MailOptions{Lang: format.EN})
	if strings.Contains(d.Body, "Customer leads offered") {
		t.Errorf("a partner without offers gets a lead list:\n%s", d.Body)
	}
}

// TestMailTemplateTakesTheLeadsPlaceholder: a manager's template may place
// the offers with {leads} (it is a known placeholder, not refused as a
// typo); the preview and the draft put the partner's open offers there,
// and a partner without offers gets nothing in its place.
func TestMailTemplateTakesTheLeadsPlaceholder(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	offerLeads(t, w)
	m := &kit.MailTemplate{Subject: "{program}: kit for {partner}", Body: "Hello {partner},\n\nYour leads:\n{leads}\n\nRegards, {manager}"}
	if err := kit.SaveMailTemplate(ctx, w.s, format.EN, m); err != nil {
		t.Fatalf("a template using {leads} is refused: %v", err)
	}
	p, err := kit.PreviewMail(ctx, w.s, w.a, format.EN, *m)
	if err != nil {
		t.Fatal(err)
	}
	if !inOrder(p.Body, "Your leads:", "– Kazan Steel", "Regards") || strings.Contains(p.Body, "{leads}") {
		t.Errorf("the preview does not put the offers where {leads} is:\n%s", p.Body)
	}
	d, err := kit.NewDraft(ctx, w.s, w.a, kit.MailOptions{Lang: format.EN})
	if err != nil {
		t.Fatal(err)
	}
	if !inOrder(d.Body, "Your leads:", "– Kazan Steel", "Regards, Olga") || strings.Contains(d.Body, "{leads}") {
		t.Errorf("the draft does not put the offers where {leads} is:\n%s", d.Body)
	}
	exec1(t, w.s, `DELETE FROM leads`)
	d, _ = kit.NewDraft(ctx, w.s, w.a, kit.MailOptions{Lang: format.EN})
	if strings.Contains(d.Body, "{leads}") || strings.Contains(d.Body, "Kazan Steel") {
		t.Errorf("a partner without offers keeps the placeholder or a lead:\n%s", d.Body)
	}
}

// inOrder reports whether every part is in s, each after the one before.
func inOrder(s string, parts ...string) bool {
	at := 0
	for _, p := range parts {
		i := strings.Index(s[at:], p)
		if i < 0 {
			return false
		}
		at += i + len(p)
	}
	return true
}
