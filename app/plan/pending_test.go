package plan_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"channeldesk/app/mdf"
	"channeldesk/app/onboarding"
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
	cl, err := onboarding.Start(ctx, s, p.ID, today)
	if err != nil {
		t.Fatal(err)
	}
	first := cl.Tasks[0]
	if _, err := onboarding.SetTaskState(ctx, s, first.ID, data.TaskChange{State: data.TaskDone, On: "2026-08-10", By: "me"}); err != nil {
		t.Fatal(err)
	}
	blocked := cl.Tasks[1]
	if _, err := onboarding.SetTaskState(ctx, s, blocked.ID, data.TaskChange{State: data.TaskBlocked, Reason: sentinel}); err != nil {
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

func TestDocumentShowsMDFFromTheLedger(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	s.Now = func() time.Time { return today }
	p := &data.Partner{Name: "Вектор Софт", Type: data.TypeReseller, Status: data.StatusActive, DocLang: "ru"}
	if err := s.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	doc, err := plan.Load(ctx, s, p.ID, plan.Options{Today: today})
	if err != nil || doc.MDF.Known {
		t.Fatalf("a partner without MDF: known=%v err=%v", doc.MDF.Known, err)
	}
	f := &data.MDFFund{Name: "Q3", PeriodKind: "quarter", FiscalYear: 2026, Quarter: 3, Budget: 1_000_000, Model: data.ModelDiscretionary,
		Activities: data.MDFActivities, ShareBP: 5000, ClaimDays: 30}
	must(t, mdf.CreateFund(ctx, s, f))
	must(t, mdf.Allocate(ctx, s, f.ID, p.ID, 500_000, "Q3"))
	r := &data.MDFRequest{FundID: f.ID, PartnerID: p.ID, Activity: data.ActivityWebinar, Description: "Вебинар для банков",
		StartsOn: "2026-09-10", EndsOn: "2026-09-10", Requested: 200_000}
	must(t, mdf.CreateRequest(ctx, s, r))
	must(t, mdf.SubmitRequest(ctx, s, r.ID))
	must(t, mdf.ApproveRequest(ctx, s, r.ID, 150_000))
	doc, err = plan.Load(ctx, s, p.ID, plan.Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	m := doc.MDF
	if !m.Known || m.Allocated != 500_000 || m.Available != 350_000 || len(m.Activities) != 1 ||
		m.Activities[0].Amount != 150_000 || m.Activities[0].Kind != "webinar" {
		t.Fatalf("MDF section %+v", m)
	}
	var buf bytes.Buffer
	must(t, plan.Render(doc, &buf))
	text := strings.ReplaceAll(pdfText(t, buf.Bytes()), "\u00a0", " ")
	for _, want := range []string{"Вебинар: Вебинар для банков", "3 500 €", "5 000 €"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
