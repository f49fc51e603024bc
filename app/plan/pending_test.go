package plan_test

import (
	"context"
	"testing"

	"channeldesk/app"
	"channeldesk/app/plan"
	"channeldesk/data"
)

func TestDocumentListsRemainingOnboardingTasks(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	p := &data.Partner{Name: "Вектор Софт", Type: data.TypeReseller, Status: data.StatusVetting, DocLang: "ru"}
	if err := s.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	cl, err := app.StartOnboarding(ctx, s, p.ID, today)
	if err != nil {
		t.Fatal(err)
	}
	first := cl.Tasks[0]
	if _, err := app.SetTaskState(ctx, s, first.ID, data.TaskChange{State: data.TaskDone, On: "2026-08-10", By: "me"}); err != nil {
		t.Fatal(err)
	}
	blocked := cl.Tasks[1]
	if _, err := app.SetTaskState(ctx, s, blocked.ID, data.TaskChange{State: data.TaskBlocked, Reason: sentinel}); err != nil {
		t.Fatal(err)
	}
	doc, err := plan.Load(ctx, s, p.ID, plan.Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	tasks := doc.Onboarding.Tasks
	if len(tasks) != len(cl.Tasks)-1 {
		t.Fatalf("%d remaining tasks, want %d", len(tasks), len(cl.Tasks)-1)
	}
	for _, task := range tasks {
		if task.Title == first.TitleRU {
			t.Errorf("a done task is listed as remaining: %q", task.Title)
		}
		if task.Title == sentinel || task.Due == "" {
			t.Errorf("task %+v", task)
		}
	}
	if tasks[0].Title != blocked.TitleRU && tasks[0].Title != cl.Tasks[2].TitleRU {
		t.Errorf("tasks not in Russian or not in due order: first %q", tasks[0].Title)
	}
}
