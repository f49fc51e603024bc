package screens

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"channeldesk/app/plan"
	"channeldesk/data"
)

// openPlan opens the partner of an agreed demo plan on its Plan tab.
func openPlan(t *testing.T, u *UI) *planTab {
	t.Helper()
	var partnerID int64
	err := u.Store.DB().QueryRow(`SELECT partner_id FROM plans WHERE status = 'agreed' ORDER BY id LIMIT 1`).Scan(&partnerID)
	if err != nil {
		t.Fatal(err)
	}
	u.partners.detail.load(partnerID)
	u.Wait()
	pt := u.partners.detail.plan
	if pt.plan == nil {
		t.Fatal("the plan tab shows no plan for a partner that has one")
	}
	return pt
}

func TestPlanTabEditingAgreedPlanOpensNextRevision(t *testing.T) {
	u := newTestUI(t, 40, "en")
	pt := openPlan(t, u)
	if !strings.HasPrefix(pt.status.Text, "Agreed on") || pt.table.Length != nil && func() bool { r, _ := pt.table.Length(); return r == 0 }() {
		t.Fatalf("status %q, objectives %d", pt.status.Text, len(pt.att.Objectives))
	}
	rev := pt.plan.Revision
	test.Tap(pt.editBtn)
	e := pt.editor
	if e == nil || len(e.rows) != len(pt.plan.Objectives) {
		t.Fatal("editor did not open with the plan's objectives")
	}
	e.rows[1].targets[3].SetText("9")
	test.Tap(e.saveBtn)
	u.Wait()
	if pt.plan.Status != data.PlanDraft || pt.plan.Revision != rev+1 || pt.plan.Objectives[1].Targets[3] != 9 {
		t.Fatalf("after edit: %s rev %d (was %d), target %d", pt.plan.Status, pt.plan.Revision, rev, pt.plan.Objectives[1].Targets[3])
	}
	if !strings.HasPrefix(pt.status.Text, "Draft, revision") || pt.agreeBtn.Disabled() {
		t.Errorf("status %q, agree disabled %v", pt.status.Text, pt.agreeBtn.Disabled())
	}
	revs, _ := u.Store.PlanRevisions(context.Background(), pt.plan.ID)
	if len(revs) != rev || revs[len(revs)-1].Plan.Objectives[1].Targets[3] == 9 {
		t.Errorf("the agreed revision changed: %+v", revs)
	}
}

func TestPlanEditorKeepsTypingOnError(t *testing.T) {
	u := newTestUI(t, 40, "ru")
	pt := openPlan(t, u)
	test.Tap(pt.editBtn)
	pt.editor.rows[0].weight.SetText("0")
	test.Tap(pt.editor.saveBtn)
	if !strings.Contains(pt.editor.msg.Text, "Вес") || pt.editor.rows[0].weight.Text != "0" {
		t.Errorf("message %q, weight %q", pt.editor.msg.Text, pt.editor.rows[0].weight.Text)
	}
}

func TestPlanExportWritesPDF(t *testing.T) {
	u := newTestUI(t, 40, "en")
	pt := openPlan(t, u)
	path := filepath.Join(t.TempDir(), "plan.pdf")
	pt.exportTo(path)
	u.Wait()
	b, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("no PDF written: %v", err)
	}
}

func TestPlansOverviewShowsYear(t *testing.T) {
	u := newTestUI(t, 60, "ru")
	s := u.newPlansScreen()
	s.buildUI()
	u.Wait()
	var n int
	u.Store.DB().QueryRow(`SELECT count(*) FROM plans WHERE fiscal_year = ?`, s.year).Scan(&n)
	if n == 0 || len(s.rows) != n || !strings.HasPrefix(s.count.Text, "Планов: ") {
		t.Fatalf("overview rows %d of %d, count %q", len(s.rows), n, s.count.Text)
	}
	if got := s.cellText(cellAt(0)); got == "" {
		t.Error("first row has no partner name")
	}
	dir := t.TempDir()
	s.exportAll(dir)
	u.Wait()
	entries, _ := os.ReadDir(dir)
	if len(entries) == 0 {
		t.Error("batch export wrote nothing")
	}
}

func TestCheckInDialogRecordsInternalNoteKeptOutOfPDF(t *testing.T) {
	u := newTestUI(t, 40, "en")
	pt := openPlan(t, u)
	pt.editCheckIn(nil)
	f := pt.checkForm
	f.quarter.SetSelected("4")
	f.notes.SetText("INTERNAL-CHECKIN-NOTE")
	if f.shareable.Checked {
		t.Fatal("a new check-in is shareable by default")
	}
	test.Tap(f.save)
	u.Wait()
	var q4 *data.CheckIn
	for i := range pt.checkIns {
		if pt.checkIns[i].Quarter == 4 {
			q4 = &pt.checkIns[i]
		}
	}
	if q4 == nil || q4.Notes != "INTERNAL-CHECKIN-NOTE" || q4.Shareable {
		t.Fatalf("Q4 check-in not stored as an internal note: %+v (%s)", q4, f.msg.Text)
	}
	doc, err := plan.Load(context.Background(), u.Store, pt.partnerID, plan.Options{Year: pt.year})
	if err != nil || doc.Plan == nil {
		t.Fatalf("document: %v", err)
	}
	for _, c := range doc.Plan.CheckIns {
		if strings.Contains(c.Notes, "INTERNAL") {
			t.Errorf("the partner's document carries the internal note of Q%d", c.Quarter)
		}
	}
}

// Quarterly targets read money for revenue and whole numbers for counts
// in the user's locale; a bad one names the objective and quarter, keeps
// the text and saves nothing.
func TestPlanEditorTargetsFollowTheMeasure(t *testing.T) {
	u := newTestUI(t, 40, "ru")
	u.Settings.Currency = "RUB"
	pt := openPlan(t, u)
	test.Tap(pt.editBtn)
	e := pt.editor
	r := e.rows[0]
	revenue, customers := -1, -1
	for i, m := range data.Measures {
		switch m {
		case data.MeasureRevenue:
			revenue = i
		case data.MeasureNewCustomers:
			customers = i
		}
	}
	r.measure.SetSelectedIndex(revenue)
	r.title.SetText("Выручка")
	r.targets[0].SetText("")
	typeAndLeave(u, r.targets[0], "1 500 000,50")
	if r.targets[0].Text != "1\u00a0500\u00a0000,50\u00a0₽" {
		t.Errorf("revenue target shows %q after leaving it", r.targets[0].Text)
	}
	r.measure.SetSelectedIndex(customers)
	if r.targets[0].Validate() == nil {
		t.Error("an amount with kopecks accepted as a number of customers")
	}
	r.targets[0].SetText("1 200")
	r.targets[1].SetText("")
	r.targets[2].SetText("три")
	r.targets[3].SetText("")
	test.Tap(e.saveBtn)
	want := "Цель 1 (Выручка): План на 3 кв.: «три» — не целое число"
	if e.msg.Text != want || r.targets[2].Text != "три" {
		t.Fatalf("message %q, want %q; target keeps %q", e.msg.Text, want, r.targets[2].Text)
	}
	r.targets[2].SetText("3")
	test.Tap(e.saveBtn)
	u.Wait()
	got := pt.plan.Objectives[0]
	if got.Measure != data.MeasureNewCustomers || got.Targets[0] != 1200 || got.Targets[2] != 3 {
		t.Errorf("saved %s targets %v, want new customers 1200, _, 3", got.Measure, got.Targets)
	}
}
