package kit_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"channeldesk/app/format"
	"channeldesk/app/kit"
	"channeldesk/data"
)

// TestApplicationBecomesAnAppliedProspect: a blank form, filled in by an
// applicant, imports as an applied prospect from an inbound source with
// its contact and its answers; importing it again creates nothing.
func TestApplicationBecomesAnAppliedProspect(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	blank := filepath.Join(t.TempDir(), "application.xlsx")
	if err := kit.ExportApplication(ctx, s, blank, format.RU); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(blank)
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetName(0)
	rows, _ := f.GetRows(sheet)
	answer := map[string]string{"A:q_company": "ООО Северный Ветер", "A:q_tax_id": "7707083893", "A:q_type": "Системный интегратор",
		"A:q_verticals": "Ритейл, Банки", "A:q_team_size": "25", "A:q_why_us": "=нравится продукт", "A:q_contact_name": "Иван Петров",
		"A:q_email": "ivan@veter.example"}
	for i, r := range rows {
		if len(r) > 0 && answer[r[0]] != "" {
			ref, _ := excelize.CoordinatesToCellName(4, i+1)
			f.SetCellStr(sheet, ref, answer[r[0]])
		}
	}
	filled := filepath.Join(t.TempDir(), "filled.xlsx")
	f.SaveAs(filled)
	f.Close()

	pv, err := importFile(t, s, filled, kit.ImportOptions{Commit: true})
	if err != nil || len(pv.Items) != 1 || pv.Items[0].Err != nil {
		t.Fatalf("import: %v %+v", err, pv)
	}
	var id int64
	prs, _ := s.PartnerRows(ctx)
	for _, r := range prs {
		if r.Name == "ООО Северный Ветер" {
			id = r.ID
		}
	}
	p, err := s.Partner(ctx, id)
	if err != nil || p.Status != data.StatusApplied || p.Type != data.TypeIntegrator || p.DocLang != "ru" || len(p.Verticals) != 2 {
		t.Fatalf("applicant: %+v %v", p, err)
	}
	src, _ := s.ProspectSourceOf(ctx, id)
	if src == nil || src.Source != data.SourceInbound {
		t.Errorf("source %+v, want inbound", src)
	}
	ans, _ := s.ApplicationAnswers(ctx, id)
	got := map[string]string{}
	for _, a := range ans {
		got[a.Question] = a.Answer
	}
	if got["q_why_us"] != "=нравится продукт" || got["q_team_size"] != "25" || len(ans) < 15 {
		t.Errorf("answers: %v", got)
	}
	cs, _ := s.Contacts(ctx, id)
	if len(cs) != 1 || cs[0].Email != "ivan@veter.example" {
		t.Errorf("contact: %+v", cs)
	}
	before := counts(t, s)
	pv, err = importFile(t, s, filled, kit.ImportOptions{Commit: true})
	if err != nil || !pv.Items[0].Done || counts(t, s) != before {
		t.Errorf("second import of the same application: %v %+v", err, pv.Items)
	}
}
