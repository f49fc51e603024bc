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
