package screens

import (
	"channeldesk/app/demo"
	"channeldesk/app/metrics"
	"channeldesk/data"
	"context"
	"strings"
	"testing"
)

// With the demo (plans, onboarding checklists), the Today list holds
// overdue onboarding tasks and plan check-ins, each naming its partner,
// and the plan tile compares this quarter's won revenue with the plans.
func TestDashboardTodayHasTasksAndCheckIns(t *testing.T) {
	u := newDashUI(t, "en", func(ctx context.Context, s *data.Store) error {
		if err := demo.Demo(ctx, s, demo.DemoOptions{Partners: 80, Seed: 5, Today: s.Now()}); err != nil {
			return err
		}
		// The demo leaves few tasks overdue; make sure one is, whatever the day.
		_, err := s.DB().ExecContext(ctx, `UPDATE onboarding_tasks SET due_on = date('now', '-3 days') WHERE id = (
			SELECT t.id FROM onboarding_tasks t JOIN onboarding_checklists c ON c.id = t.checklist_id JOIN partners p ON p.id = c.partner_id
			WHERE t.state = 'pending' AND c.completed_on = '' AND p.status = 'onboarding' ORDER BY t.id LIMIT 1)`)
		return err
	})
	d := u.dashboard
	kinds := map[metrics.TodayKind]int{}
	for _, it := range d.today {
		kinds[it.Kind] += it.N
		if it.Kind == metrics.TodayTaskDue && !strings.Contains(d.todayText(it), it.Text) {
			t.Errorf("task line %q does not name the task %q", d.todayText(it), it.Text)
		}
	}
	overdue := count(t, u.Store, `SELECT count(*) FROM onboarding_tasks t JOIN onboarding_checklists c ON c.id = t.checklist_id
		JOIN partners p ON p.id = c.partner_id WHERE t.state IN ('pending','waiting','blocked') AND t.due_on <> ''
		AND t.due_on < date('now') AND c.completed_on = '' AND p.status NOT IN ('offboarded','declined')`)
	if overdue == 0 || kinds[metrics.TodayTaskDue] != min(overdue, 200) {
		t.Errorf("Today lists %d overdue tasks, the database has %d", kinds[metrics.TodayTaskDue], overdue)
	}
	if kinds[metrics.TodayCheckIn] == 0 {
		t.Errorf("no plan check-in on Today: %v", kinds)
	}
	if v := d.vsPlan.value.Text; v == "…" || v == "" {
		t.Errorf("won vs plan tile not filled: %q / %q", v, d.vsPlan.note.Text)
	}
	for i, it := range d.today {
		if it.Kind == metrics.TodayCheckIn {
			selectTodayEntry(d, i)
			u.Wait()
			if u.partners.selected != it.PartnerID {
				t.Errorf("check-in item opened partner %d, want %d", u.partners.selected, it.PartnerID)
			}
			break
		}
	}
}
