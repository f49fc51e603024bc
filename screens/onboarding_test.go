package screens

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/onboarding"
	"channeldesk/data"
)

// visibleChecks lists the check boxes drawn in the window, top to bottom.
func visibleChecks(u *UI) []*widget.Check {
	var out []*widget.Check
	walkVisible([]fyne.CanvasObject{u.Win.Content()}, func(o fyne.CanvasObject) bool {
		if c, ok := o.(*widget.Check); ok {
			out = append(out, c)
		}
		return false
	})
	return out
}

// tapCheck clicks the middle of a check box, where a person would.
func tapCheck(c *widget.Check) {
	test.TapAt(c, fyne.NewPos(c.MinSize().Width/2, c.Size().Height/2))
}

// openOnboardingPartner makes a reseller in onboarding and opens its
// checklist tab, with the clock on start + days.
func openOnboardingPartner(t *testing.T, days int) (*UI, *data.Partner, *onboardingTab) {
	t.Helper()
	u := newTestUI(t, 0, "en")
	start := time.Date(2026, 1, 31, 9, 0, 0, 0, time.UTC)
	u.Store.Now = func() time.Time { return start.AddDate(0, 0, days) }
	ctx := context.Background()
	p := &data.Partner{Name: "Северная Интеграция", Type: data.TypeReseller, Status: data.StatusVetting, Products: []string{"Analytics"}}
	if err := u.Store.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	u.partners.reload()
	u.Wait()
	u.partners.open(p.ID)
	u.Wait()
	d := u.partners.detail
	d.showTab(lang.L("onboard.tab"))
	u.Win.Resize(fyne.NewSize(1280, 900))
	return u, p, d.onboard
}

func TestTickingATaskMovesTheProgress(t *testing.T) {
	u, p, o := openOnboardingPartner(t, 0)
	if o.checklist != nil || !o.empty.Visible() {
		t.Fatal("a checklist before onboarding started")
	}
	test.Tap(findButton(t, u, "Start onboarding"))
	u.Wait()
	if o.checklist == nil || o.checklist.StartedOn != "2026-01-31" {
		t.Fatalf("checklist after start: %+v", o.checklist)
	}
	before := o.progress
	if before.RequiredDone != 0 || o.bar.Value != 0 || !strings.HasPrefix(o.summary.Text, "Required done: 0 of ") {
		t.Fatalf("fresh: %+v, bar %v, summary %q", before, o.bar.Value, o.summary.Text)
	}
	checks := visibleChecks(u)
	if len(checks) == 0 {
		t.Fatal("no task check boxes shown")
	}
	tapCheck(checks[0]) // the first task is the agreement, which is required
	u.Wait()
	if o.progress.RequiredDone != 1 || o.bar.Value <= 0 || !strings.HasPrefix(o.summary.Text, "Required done: 1 of ") {
		t.Errorf("after one tick: %+v, bar %v, summary %q", o.progress, o.bar.Value, o.summary.Text)
	}
	cl, _ := u.Store.Checklist(context.Background(), p.ID)
	if cl.Tasks[0].State != data.TaskDone || cl.Tasks[0].DoneOn != "2026-01-31" {
		t.Errorf("stored task %+v", cl.Tasks[0])
	}
	tapCheck(visibleChecks(u)[0]) // unticking takes it back
	u.Wait()
	if o.progress.RequiredDone != 0 {
		t.Errorf("after unticking: %d done", o.progress.RequiredDone)
	}
}

func TestOverdueTasksAreFlagged(t *testing.T) {
	ctx := context.Background()
	u, p, o := openOnboardingPartner(t, 29) // 1 March: tasks due by 28 Feb are late
	if _, err := onboarding.Start(ctx, u.Store, p.ID, time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	o.load(p.ID)
	u.Wait()
	want := 0
	for _, task := range o.checklist.Tasks {
		if task.DueOn < "2026-03-01" {
			want++
		}
	}
	if want == 0 || o.progress.Overdue != want || !strings.Contains(o.summary.Text, "Overdue: ") {
		t.Fatalf("overdue %d, want %d; summary %q", o.progress.Overdue, want, o.summary.Text)
	}
	info := taskInfo(u.locale(), o.checklist.Tasks[0], "2026-03-01")
	if !strings.HasPrefix(info, "Overdue: was due 7 Feb 2026, days late: 22") {
		t.Errorf("first task shows %q", info)
	}
	s := u.newOnboardingScreen()
	s.buildUI()
	u.Wait()
	if len(s.rows) != 0 {
		t.Fatalf("a vetting partner is in the overview: %+v", s.rows)
	}
	u.Store.ChangeStatus(ctx, p.ID, data.StatusOnboarding, "", "")
	s.reload()
	u.Wait()
	if len(s.rows) != 1 || s.rows[0].Progress.Overdue != want || s.count.Text != "Partners in onboarding: 1" {
		t.Errorf("overview rows %+v, count %q", s.rows, s.count.Text)
	}
}

func TestFinishedOnboardingSuggestsActive(t *testing.T) {
	ctx := context.Background()
	u, p, o := openOnboardingPartner(t, 100)
	u.Store.ChangeStatus(ctx, p.ID, data.StatusOnboarding, "", "")
	cl, _ := onboarding.Start(ctx, u.Store, p.ID, time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC))
	for _, task := range cl.Tasks[1:] {
		if task.Required {
			onboarding.SetTaskState(ctx, u.Store, task.ID, data.TaskChange{State: data.TaskDone, On: "2026-03-01", By: "me"})
		}
	}
	u.partners.open(p.ID)
	u.Wait()
	if o.suggestion.Visible() {
		t.Fatal("move to active suggested with a required task open")
	}
	o.onTick(cl.Tasks[0].ID, true)
	u.Wait()
	if !o.suggestion.Visible() || o.progress.Percent() != 100 {
		t.Fatalf("all done: suggestion visible %v, progress %+v", o.suggestion.Visible(), o.progress)
	}
	test.Tap(findButton(t, u, "Move to active"))
	u.Wait()
	if got, _ := u.Store.Partner(ctx, p.ID); got.Status != data.StatusActive {
		t.Errorf("status %s after moving to active", got.Status)
	}
}

func TestCertificationsTabCountsValidPeople(t *testing.T) {
	ctx := context.Background()
	u, p, _ := openOnboardingPartner(t, 0) // today 31 Jan 2026
	c := &data.Contact{PartnerID: p.ID, Name: "Анна Смирнова"}
	u.Store.SaveContact(ctx, c)
	u.Store.SaveCertification(ctx, &data.Certification{ContactID: c.ID, Name: "Core Sales", EarnedOn: "2025-01-01", ExpiresOn: "2026-01-31"})
	u.partners.open(p.ID)
	u.Wait()
	ct := u.partners.detail.certs
	if len(ct.certs) != 1 || ct.count.Text != "Certified people today: 1" {
		t.Errorf("on its expiry day: %d certs, %q", len(ct.certs), ct.count.Text)
	}
	u.Store.Now = func() time.Time { return time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC) }
	u.partners.open(p.ID)
	u.Wait()
	if ct.count.Text != "Certified people today: 0" {
		t.Errorf("the day after expiry: %q", ct.count.Text)
	}
}

func TestTemplateEditorSavesAnEditedTemplate(t *testing.T) {
	u := newTestUI(t, 0, "en")
	e := newTemplateEditor(u)
	e.show()
	if len(e.tasks) < 10 || e.status.Text != "Shipped default template" {
		t.Fatalf("reseller default: %d tasks, %q", len(e.tasks), e.status.Text)
	}
	n := len(e.tasks)
	e.list.Select(0)
	e.deleteTask()
	test.Tap(findButton(t, u, "Save"))
	tpl, _ := u.Store.OnboardingTemplate(context.Background(), data.TypeReseller)
	if tpl == nil || tpl.TaskCount() != n-1 || e.status.Text != "Edited template" {
		t.Fatalf("saved template %v, status %q", tpl, e.status.Text)
	}
	test.Tap(findButton(t, u, "Reset to default"))
	if len(e.tasks) != n {
		t.Errorf("after reset %d tasks, want %d", len(e.tasks), n)
	}
}

func TestMovingToOnboardingStartsTheChecklist(t *testing.T) {
	u, p, o := openOnboardingPartner(t, 0) // a vetting reseller selling Analytics
	u.partners.detail.onChangeStatus()
	var sel *widget.Select
	for _, ov := range u.Win.Canvas().Overlays().List() {
		sel = findSelect(ov)
	}
	if sel == nil {
		t.Fatal("no status choice in the dialog")
	}
	sel.SetSelected("Onboarding")
	test.Tap(findButton(t, u, "Change status"))
	u.Wait()
	cl, _ := u.Store.Checklist(context.Background(), p.ID)
	if cl == nil || cl.StartedOn != "2026-01-31" || cl.TemplateName != "Reseller onboarding" {
		t.Fatalf("checklist after the move: %+v", cl)
	}
	var analytics, security bool
	for _, task := range cl.Tasks {
		analytics = analytics || task.Product == "Analytics"
		security = security || task.Product == "Security"
	}
	if !analytics || security {
		t.Errorf("product filter: Analytics task %v, Security task %v", analytics, security)
	}
	if o.checklist == nil || len(o.checklist.Tasks) != len(cl.Tasks) {
		t.Errorf("the tab does not show the new checklist")
	}
}

func findSelect(o fyne.CanvasObject) *widget.Select {
	switch w := o.(type) {
	case *widget.Select:
		return w
	case *fyne.Container:
		for _, c := range w.Objects {
			if s := findSelect(c); s != nil {
				return s
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			if s := findSelect(c); s != nil {
				return s
			}
		}
	}
	return nil
}
