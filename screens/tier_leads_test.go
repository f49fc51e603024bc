package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"channeldesk/data"
)

// Given the shipped program, when the manager asks Silver for a lead
// acceptance rate of at least 60 %, then a fraction of a percent is
// refused and 60 % is stored as the requirement; the partner card of a
// partner with no decided offer says it counts as met for lack of offers,
// and the what-if counts extra accepted offers.
func TestTierEditorLeadAcceptanceRate(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ts := newTiersScreen(u)
	u.Win.SetContent(ts.buildUI())
	u.Win.Resize(fyne.NewSize(1280, 800))
	u.Wait()
	ed := ts.editor
	ed.edit(&ts.overview.Program.Tiers[1]) // Silver
	f := ed.form
	f.reqs[data.ReqLeadAcceptance].SetText("60,5")
	test.Tap(overlayButton(t, u, "Save"))
	if !strings.Contains(f.msg.Text, "whole percentage") {
		t.Errorf("60.5 %% not refused: msg %q", f.msg.Text)
	}
	f.reqs[data.ReqLeadAcceptance].SetText("60 %")
	test.Tap(overlayButton(t, u, "Save"))
	u.Wait()
	tiers, _ := u.Store.Tiers(context.Background())
	var req *data.Requirement
	for i, r := range tiers[1].Requirements {
		if r.Kind == data.ReqLeadAcceptance {
			req = &tiers[1].Requirements[i]
		}
	}
	if req == nil || req.Threshold != 60 {
		t.Fatalf("stored Silver %+v", tiers[1])
	}
	if line := ed.line(&tiers[1]); !strings.Contains(line, "Lead acceptance rate, 12 months 60\u00a0%+") {
		t.Errorf("the program list line %q does not show the rate", line)
	}

	ctx := context.Background()
	p := &data.Partner{Name: "Orbit Soft", Type: data.TypeReseller, Status: data.StatusActive}
	u.Store.CreatePartner(ctx, p)
	u.partners.reload()
	u.Wait()
	u.partners.open(p.ID)
	u.Wait()
	card := u.partners.detail.tier
	if txt := labelTexts(card.progress); !strings.Contains(txt, "Lead acceptance rate, 12 months: no lead offer decided in the last 12 months – counts as met") {
		t.Errorf("the card does not say why the rate counts as met:\n%s", txt)
	}
	// one declined offer: 0 %, 60 points short; two more accepted: 2 of 3 = 66 %
	l := &data.Lead{Company: "Acme Steel", Source: data.LeadFromWebsite}
	u.Store.CreateLead(ctx, l)
	today := u.Store.Today()
	u.Store.OfferLead(ctx, l.ID, p.ID, 7, data.LeadMove{On: today})
	if err := u.Store.DeclineLead(ctx, l.ID, data.LeadMove{On: today, Reason: "too far"}); err != nil {
		t.Fatal(err)
	}
	u.partners.open(p.ID)
	u.Wait()
	if txt := labelTexts(card.progress); !strings.Contains(txt, "0\u00a0% / 60\u00a0% · accept more lead offers: the rate is 60\u00a0% short") {
		t.Errorf("one declined offer:\n%s", txt)
	}
	card.extraLeads.SetText("2")
	card.onWhatIf()
	if strings.Contains(card.whatIfResult.Text, "lead offers") {
		t.Errorf("two more accepted offers still miss the rate: %q", card.whatIfResult.Text)
	}
}

func labelTexts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}
