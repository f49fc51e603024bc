package plan_test

import (
	"channeldesk/app/format"
	"channeldesk/app/plan"
	"channeldesk/data"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPlanShowsThePartnersLeadFigures: a partner offered leads sees its
// own counts in its plan; the leak test covers that nothing else of the
// leads shows.
func TestPlanShowsThePartnersLeadFigures(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed (make deps installs poppler-utils)")
	}
	ctx := context.Background()
	s := openStore(t)
	p := &data.Partner{Name: "Kazan IT", Type: data.TypeReseller, Status: data.StatusActive}
	if err := s.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"Kazan Steel", "Volga Foods"} {
		l := &data.Lead{Company: name, EventName: "Expo"}
		if err := s.CreateLead(ctx, l); err != nil {
			t.Fatal(err)
		}
		if err := s.OfferLead(ctx, l.ID, p.ID, 7, data.LeadMove{On: "2026-11-20"}); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if err := s.AcceptLead(ctx, l.ID, data.LeadMove{On: "2026-11-21"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	doc, err := plan.Load(ctx, s, p.ID, plan.Options{Lang: format.EN, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Leads.Offered != 2 || doc.Leads.Accepted != 1 {
		t.Fatalf("lead figures %+v", doc.Leads)
	}
	path := filepath.Join(t.TempDir(), "plan.pdf")
	if err := plan.ExportFile(ctx, s, p.ID, path, plan.Options{Lang: format.EN, Today: today}); err != nil {
		t.Fatal(err)
	}
	txt := pdfPlainText(t, path)
	if !strings.Contains(txt, "Leads from the vendor") || !strings.Contains(txt, "Leads offered") {
		t.Errorf("the plan lacks the lead figures:\n%s", txt)
	}
	if strings.Contains(txt, "Kazan Steel") {
		t.Error("the plan names a lead's company: figures only")
	}
}

// TestPlanTierProgressShowsTheLeadAcceptanceRate: a tier requiring a lead
// acceptance rate shows the partner's own rate over the last 12 months,
// and a partner with no decided offer sees that it meets it for lack of
// offers rather than a 0 %.
func TestPlanTierProgressShowsTheLeadAcceptanceRate(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	gold := &data.Tier{Rank: 1, NameEN: "Gold", NameRU: "Золото", Color: "#D4A62A",
		Requirements: []data.Requirement{{Kind: data.ReqLeadAcceptance, Threshold: 60}}}
	if err := s.SaveTier(ctx, gold); err != nil {
		t.Fatal(err)
	}
	p := &data.Partner{Name: "Kazan IT", Type: data.TypeReseller, Status: data.StatusActive}
	if err := s.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	row := func() plan.ProgressRow {
		doc, err := plan.Load(ctx, s, p.ID, plan.Options{Lang: format.EN, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Tier.Progress) != 1 {
			t.Fatalf("progress %+v", doc.Tier.Progress)
		}
		return doc.Tier.Progress[0]
	}
	if r := row(); !r.NoData || r.Gap != 0 || !r.Percent {
		t.Errorf("no offers yet: %+v, want no data, met", r)
	}
	for i, name := range []string{"Kazan Steel", "Volga Foods", "Ural Glass"} {
		l := &data.Lead{Company: name, EventName: "Expo"}
		if err := s.CreateLead(ctx, l); err != nil {
			t.Fatal(err)
		}
		if err := s.OfferLead(ctx, l.ID, p.ID, 7, data.LeadMove{On: "2026-08-01"}); err != nil {
			t.Fatal(err)
		}
		m := data.LeadMove{On: "2026-08-02", Reason: "no capacity"}
		var err error
		if i == 0 {
			err = s.AcceptLead(ctx, l.ID, m)
		} else {
			err = s.DeclineLead(ctx, l.ID, m)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if r := row(); r.NoData || r.Actual != 33 || r.Target != 60 || r.Gap != 27 {
		t.Errorf("1 of 3 accepted: %+v, want 33 of 60, 27 short", r)
	}
}
