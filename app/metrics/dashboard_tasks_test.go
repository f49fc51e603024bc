package metrics

import (
	"context"
	"testing"

	"channeldesk/data"
)

// checklistWith gives a new partner in onboarding a checklist started on
// start with the given tasks.
func checklistWith(t *testing.T, s *data.Store, name, start string, tasks ...data.OnboardingTask) int64 {
	t.Helper()
	ctx := context.Background()
	res, err := s.DB().Exec(`INSERT INTO partners (name, type, status, created_at, updated_at)
		VALUES (?, 'reseller', 'onboarding', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`, name)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	cl := &data.OnboardingChecklist{PartnerID: id, TemplateName: "Reseller", StartedOn: start, Tasks: tasks}
	err = s.WithTx(ctx, func(tx *data.Tx) error { return data.SaveChecklistTx(ctx, tx, cl) })
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func task(title, due string, state data.TaskState, doneOn string) data.OnboardingTask {
	return data.OnboardingTask{TitleEN: title, TitleRU: title + " (ru)", Kind: data.KindCustom, Owner: data.SideVendor,
		DueOn: due, Required: true, State: state, DoneOn: doneOn, Reason: reasonFor(state)}
}

func reasonFor(st data.TaskState) string {
	if st == data.TaskBlocked || st == data.TaskSkipped {
		return "waiting for the partner"
	}
	return ""
}

func TestStalledOnboardingCountsFromTheLastTaskDone(t *testing.T) {
	s := volumeStore(t, 0, 0)
	old := "2026-06-01" // started long before the 60-day limit (27 November 2026)
	busy := checklistWith(t, s, "Busy", old, task("Agreement", "2026-06-10", data.TaskDone, "2026-11-20"), task("Training", "2027-01-10", data.TaskPending, ""))
	idle := checklistWith(t, s, "Idle", old, task("Agreement", "2026-06-10", data.TaskDone, "2026-07-01"), task("Training", "2027-01-10", data.TaskPending, ""))
	none := checklistWith(t, s, "Nothing done", old, task("Agreement", "2027-01-10", data.TaskPending, ""))
	fresh := checklistWith(t, s, "Fresh", "2026-11-01", task("Agreement", "2027-01-10", data.TaskPending, ""))
	skipped := checklistWith(t, s, "Only skipped", old, task("Agreement", "2026-06-10", data.TaskSkipped, "2026-11-20"))
	risks, err := FindAtRisk(context.Background(), s, dashToday, DefaultRiskRules)
	if err != nil {
		t.Fatal(err)
	}
	stalled := map[int64]string{}
	for _, r := range risks {
		if r.Kind == RiskStalledOnboarding {
			stalled[r.PartnerID] = r.Since
		}
	}
	want := map[int64]string{idle: "2026-07-01", none: old, skipped: old}
	for _, id := range []int64{busy, fresh} {
		if _, ok := stalled[id]; ok {
			t.Errorf("partner %d flagged as stalled though a task was done or it started lately", id)
		}
	}
	for id, since := range want {
		if stalled[id] != since {
			t.Errorf("partner %d: stalled since %q, want %q", id, stalled[id], since)
		}
	}
}

func TestTodayListsOverdueOnboardingTasks(t *testing.T) {
	s := volumeStore(t, 0, 0)
	id := checklistWith(t, s, "Late", "2026-10-01",
		task("Agreement signed", "2026-10-10", data.TaskDone, "2026-10-09"),
		task("Portal access", "2026-11-01", data.TaskPending, ""),
		task("Sales training", "2026-11-20", data.TaskBlocked, ""),
		task("Certification", "2026-12-20", data.TaskPending, ""),
		task("Marketing kit", "2026-11-02", data.TaskSkipped, "2026-11-03"))
	items, err := TodayList(context.Background(), s, dashToday)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range items {
		if it.Kind == TodayTaskDue {
			if it.PartnerID != id || it.TextRU != it.Text+" (ru)" {
				t.Errorf("item %+v", it)
			}
			got = append(got, it.Date+" "+it.Text)
		}
	}
	want := []string{"2026-11-01 Portal access", "2026-11-20 Sales training"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("overdue tasks on Today %q, want %q", got, want)
	}
}
