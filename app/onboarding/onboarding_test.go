package onboarding_test

import (
	"channeldesk/internal/testutil"
	"context"
	"slices"
	"testing"

	"channeldesk/app/demo"
	"channeldesk/app/fiscal"
	"channeldesk/app/onboarding"
	"channeldesk/data"
)

func newPartner(t *testing.T, s *data.Store, typ data.PartnerType, products ...string) *data.Partner {
	t.Helper()
	p := &data.Partner{Name: "Орбита Софт " + string(typ), Type: typ, Status: data.StatusOnboarding, Products: products}
	if err := s.CreatePartner(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return p
}

func titles(tasks []data.OnboardingTask) []string {
	out := make([]string, len(tasks))
	for i, t := range tasks {
		out[i] = t.TitleEN
	}
	return out
}

func TestDefaultTemplatesShipForEveryType(t *testing.T) {
	for _, typ := range data.PartnerTypes {
		tpl, err := onboarding.DefaultTemplate(typ)
		if err != nil {
			t.Fatalf("%s: %v", typ, err)
		}
		if n := tpl.TaskCount(); n < 10 || n > 20 {
			t.Errorf("%s: %d tasks, want 10–20", typ, n)
		}
		if tpl.Type != typ || tpl.NameRU == "" {
			t.Errorf("%s: template says type %q, Russian name %q", typ, tpl.Type, tpl.NameRU)
		}
	}
}

func TestTemplateIsFilteredByProducts(t *testing.T) {
	tpl, _ := onboarding.DefaultTemplate(data.TypeReseller)
	tests := map[string]struct {
		products []string
		want     []string // product-specific tasks expected
		not      []string
	}{
		"no products":          {nil, nil, []string{"Analytics sales playbook reviewed", "Cloud tenant for demos provisioned"}},
		"analytics only":       {[]string{"Analytics"}, []string{"Analytics sales playbook reviewed"}, []string{"Security objection-handling session"}},
		"case and blanks":      {[]string{" cloud ", "SECURITY"}, []string{"Cloud tenant for demos provisioned", "Security objection-handling session"}, []string{"Analytics sales playbook reviewed"}},
		"product not in tasks": {[]string{"Mobile"}, nil, []string{"Analytics sales playbook reviewed"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			tasks := onboarding.BuildTasks(tpl, tc.products, testutil.Day("2026-01-31"))
			got := titles(tasks)
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q", w)
				}
			}
			for _, n := range tc.not {
				if slices.Contains(got, n) {
					t.Errorf("has %q, which is for a product the partner does not sell", n)
				}
			}
			if !slices.Contains(got, "Partner agreement signed by both sides") {
				t.Error("tasks for every partner are missing")
			}
			for i, task := range tasks {
				if task.Position != i || task.State != data.TaskPending {
					t.Errorf("task %d: position %d state %s", i, task.Position, task.State)
				}
			}
		})
	}
}

func TestDueDatesAcrossMonthEnds(t *testing.T) {
	tests := []struct {
		start string
		days  int
		want  string
	}{
		{"2026-01-31", 30, "2026-03-02"},
		{"2028-01-31", 30, "2028-03-01"}, // leap year
		{"2026-01-31", 28, "2026-02-28"},
		{"2026-02-28", 1, "2026-03-01"},
		{"2028-02-28", 1, "2028-02-29"},
		{"2026-12-31", 1, "2027-01-01"},
		{"2026-03-29", 0, "2026-03-29"}, // the DST weekend does not shift days
		{"2026-10-24", 7, "2026-10-31"},
	}
	for _, tc := range tests {
		if got := fiscal.AddDays(testutil.Day(tc.start), tc.days); got != tc.want {
			t.Errorf("%s + %d days = %s, want %s", tc.start, tc.days, got, tc.want)
		}
	}
	// A task from a reseller template started on 31 Jan with a 30-day offset.
	tpl := &data.OnboardingTemplate{Type: data.TypeReseller, Name: "t", Stages: []data.TemplateStage{{NameEN: "s", NameRU: "с",
		Tasks: []data.TemplateTask{{TitleEN: "a", TitleRU: "а", Kind: data.KindCustom, Owner: data.SideVendor, DueDays: 30, Required: true}}}}}
	task := onboarding.BuildTasks(tpl, nil, testutil.Day("2026-01-31"))[0]
	if task.DueOn != "2026-03-02" {
		t.Fatalf("due %s", task.DueOn)
	}
	overdue := map[string]struct {
		state data.TaskState
		today string
		want  bool
	}{
		"on the due day":        {data.TaskPending, "2026-03-02", false},
		"the day after":         {data.TaskPending, "2026-03-03", true},
		"end of February":       {data.TaskPending, "2026-02-28", false},
		"blocked and late":      {data.TaskBlocked, "2026-04-01", true},
		"waiting and late":      {data.TaskWaiting, "2026-04-01", true},
		"done is never overdue": {data.TaskDone, "2026-04-01", false},
		"skipped is not either": {data.TaskSkipped, "2026-04-01", false},
	}
	for name, tc := range overdue {
		task.State = tc.state
		if got := task.Overdue(tc.today); got != tc.want {
			t.Errorf("%s: overdue %v, want %v", name, got, tc.want)
		}
	}
}

func taskOfKind(t *testing.T, cl *data.OnboardingChecklist, k data.TaskKind) data.OnboardingTask {
	t.Helper()
	for _, task := range cl.Tasks {
		if task.Kind == k {
			return task
		}
	}
	t.Fatalf("no %s task in %v", k, titles(cl.Tasks))
	return data.OnboardingTask{}
}

func addContact(t *testing.T, s *data.Store, partnerID int64, name string) int64 {
	t.Helper()
	c := &data.Contact{PartnerID: partnerID, Name: name}
	if err := s.SaveContact(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return c.ID
}

func addCert(t *testing.T, s *data.Store, contactID int64, earned, expires string) {
	t.Helper()
	c := &data.Certification{ContactID: contactID, Name: "Core Specialist", Level: "Professional", EarnedOn: earned, ExpiresOn: expires}
	if err := s.SaveCertification(context.Background(), c); err != nil {
		t.Fatal(err)
	}
}

func TestFirstDealCompletesItsTask(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	p := newPartner(t, s, data.TypeReseller)
	cl, err := onboarding.Start(ctx, s, p.ID, testutil.Day("2026-09-01"))
	if err != nil {
		t.Fatal(err)
	}
	if got := taskOfKind(t, cl, data.KindFirstDeal); got.State != data.TaskPending {
		t.Fatalf("first deal task %s before any deal", got.State)
	}
	_, err = s.DB().Exec(`INSERT INTO deals (partner_id, customer, customer_key, amount, state, registered_on, created_at, updated_at)
		VALUES (?, 'ГК Меридиан', 'гк меридиан', 100000, 'submitted', '2026-10-15', '2026-10-15T09:00:00Z', '2026-10-15T09:00:00Z')`, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := onboarding.ApplyAutoRules(ctx, s, p.ID, "2026-10-14"); n != 0 {
		t.Errorf("a deal registered tomorrow completed %d tasks today", n)
	}
	if n, err := onboarding.ApplyAutoRules(ctx, s, p.ID, "2026-11-01"); err != nil || n != 1 {
		t.Fatalf("rules changed %d tasks, err %v; want the first deal task", n, err)
	}
	cl, _ = s.Checklist(ctx, p.ID)
	got := taskOfKind(t, cl, data.KindFirstDeal)
	if got.State != data.TaskDone || got.DoneOn != "2026-10-15" || got.DoneBy != data.AutoAuthor {
		t.Errorf("first deal task: %s on %q by %q", got.State, got.DoneOn, got.DoneBy)
	}
	if pr := onboarding.Progress(cl, "2026-11-01", "2026-10-15"); pr.FirstDealDays != 44 {
		t.Errorf("time to first deal %d days, want 44", pr.FirstDealDays)
	}
}

func TestCertifiedPeopleCompleteTheirTask(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	p := newPartner(t, s, data.TypeReseller) // needs 2 people certified
	cl, _ := onboarding.Start(ctx, s, p.ID, testutil.Day("2026-09-01"))
	if taskOfKind(t, cl, data.KindCertification).Target != 2 {
		t.Fatal("reseller template should ask for two certified people")
	}
	anna, ivan := addContact(t, s, p.ID, "Анна Смирнова"), addContact(t, s, p.ID, "Иван Петров")
	addCert(t, s, anna, "2026-09-10", "")
	addCert(t, s, anna, "2026-09-12", "2027-09-12") // the same person twice counts once
	addCert(t, s, ivan, "2025-01-01", "2026-09-30") // expired before today
	onboarding.ApplyAutoRules(ctx, s, p.ID, "2026-10-01")
	cl, _ = s.Checklist(ctx, p.ID)
	if got := taskOfKind(t, cl, data.KindCertification); got.State != data.TaskPending {
		t.Fatalf("one valid person completed the task: %s", got.State)
	}
	addCert(t, s, ivan, "2026-10-01", "2027-10-01")
	onboarding.ApplyAutoRules(ctx, s, p.ID, "2026-10-01")
	cl, _ = s.Checklist(ctx, p.ID)
	if got := taskOfKind(t, cl, data.KindCertification); got.State != data.TaskDone || got.DoneOn != "2026-10-01" {
		t.Errorf("two valid people: task %s on %q", got.State, got.DoneOn)
	}
}

func TestFirstMDFActivityCompletesItsTask(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	p := newPartner(t, s, data.TypeDistributor)
	onboarding.Start(ctx, s, p.ID, testutil.Day("2026-09-01"))
	if n, err := onboarding.ApplyAutoRules(ctx, s, p.ID, "2026-11-01"); err != nil || n != 0 {
		t.Fatalf("without MDF activity: %d changes, err %v", n, err)
	}
	// Rows as the MDF area writes them: one submitted, two approved.
	_, err := s.DB().Exec(`INSERT INTO mdf_funds (id, name, period_kind, fiscal_year, quarter, starts_on, ends_on, currency,
			budget, model, share_bp, claim_days, created_at)
		VALUES (1, 'Q4', 'quarter', 2026, 4, '2026-10-01', '2026-12-31', 'EUR', 100000, 'discretionary', 5000, 30, '');
		INSERT INTO mdf_requests (fund_id, partner_id, activity, starts_on, ends_on, requested, approved_amount, state, approved_on, created_at, updated_at)
		VALUES (1, ?, 'event', '2026-11-01', '2026-11-02', 100, 0, 'submitted', '', '', ''),
		       (1, ?, 'event', '2026-11-01', '2026-11-02', 100, 100, 'approved', '2026-10-20', '', ''),
		       (1, ?, 'webinar', '2026-11-01', '2026-11-02', 100, 100, 'approved', '2026-10-05', '', '')`,
		p.ID, p.ID, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := onboarding.ApplyAutoRules(ctx, s, p.ID, "2026-11-01"); err != nil || n != 1 {
		t.Fatalf("with an approved activity: %d changes, err %v", n, err)
	}
	cl, _ := s.Checklist(ctx, p.ID)
	if got := taskOfKind(t, cl, data.KindFirstMDF); got.State != data.TaskDone || got.DoneOn != "2026-10-05" {
		t.Errorf("first MDF task %s on %q, want done on the first approval", got.State, got.DoneOn)
	}
}

func TestRulesLeaveSkippedTasksAlone(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	p := newPartner(t, s, data.TypeReseller)
	cl, _ := onboarding.Start(ctx, s, p.ID, testutil.Day("2026-09-01"))
	task := taskOfKind(t, cl, data.KindFirstDeal)
	if _, err := onboarding.SetTaskState(ctx, s, task.ID, data.TaskChange{State: data.TaskSkipped, Reason: "Партнёр продаёт через дистрибьютора", On: "2026-09-20", By: "Ольга"}); err != nil {
		t.Fatal(err)
	}
	s.DB().Exec(`INSERT INTO deals (partner_id, customer, customer_key, amount, state, registered_on, created_at, updated_at)
		VALUES (?, 'X', 'x', 1, 'won', '2026-10-01', '', '')`, p.ID)
	onboarding.ApplyAutoRules(ctx, s, p.ID, "2026-11-01")
	cl, _ = s.Checklist(ctx, p.ID)
	if got := taskOfKind(t, cl, data.KindFirstDeal); got.State != data.TaskSkipped || got.Reason == "" {
		t.Errorf("skipped task became %s (reason %q)", got.State, got.Reason)
	}
}

func TestBlockedAndSkippedNeedAReason(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	p := newPartner(t, s, data.TypeReferral)
	cl, _ := onboarding.Start(ctx, s, p.ID, testutil.Day("2026-09-01"))
	for _, st := range []data.TaskState{data.TaskBlocked, data.TaskSkipped} {
		_, err := onboarding.SetTaskState(ctx, s, cl.Tasks[0].ID, data.TaskChange{State: st, Reason: "  ", On: "2026-09-02"})
		if e, ok := data.AsError(err); !ok || e.Field != "reason" {
			t.Errorf("%s without a reason: %v", st, err)
		}
	}
}

// tickRequired ticks every required task, one a day, checking after each
// that completion is reported only at the last; it returns the last task.
func tickRequired(t *testing.T, s *data.Store, partnerID int64, cl *data.OnboardingChecklist) int64 {
	t.Helper()
	ctx := context.Background()
	var last int64
	for i, task := range cl.Tasks {
		if !task.Required {
			continue
		}
		last = task.ID
		complete, err := onboarding.SetTaskState(ctx, s, task.ID, data.TaskChange{State: data.TaskDone, On: fiscal.AddDays(testutil.Day("2026-09-01"), i), By: "Ольга"})
		if err != nil {
			t.Fatal(err)
		}
		now, _ := s.Checklist(ctx, partnerID)
		pr := onboarding.Progress(now, "2026-10-15", "")
		if complete != pr.Complete || (now.CompletedOn != "") != complete {
			t.Fatalf("after %q: complete %v, progress %+v, completed_on %q", task.TitleEN, complete, pr, now.CompletedOn)
		}
	}
	return last
}

func TestProgressAndCompletion(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	p := newPartner(t, s, data.TypeReferral)
	cl, _ := onboarding.Start(ctx, s, p.ID, testutil.Day("2026-09-01"))
	pr := onboarding.Progress(cl, "2026-09-01", "")
	if pr.RequiredDone != 0 || pr.Required == 0 || pr.Complete || pr.Overdue != 0 || pr.NextDue == nil {
		t.Fatalf("fresh progress %+v", pr)
	}
	last := tickRequired(t, s, p.ID, cl)
	cl, _ = s.Checklist(ctx, p.ID)
	pr = onboarding.Progress(cl, "2026-10-15", "")
	if !pr.Complete || pr.Percent() != 100 || cl.CompletedOn == "" {
		t.Fatalf("all required done: %+v completed_on %q", pr, cl.CompletedOn)
	}
	if want := fiscal.DaysBetween("2026-09-01", cl.CompletedOn); pr.DaysIn != want {
		t.Errorf("days in onboarding %d, want %d (stops at completion)", pr.DaysIn, want)
	}
	// Reopening a required task takes completion back.
	if complete, _ := onboarding.SetTaskState(ctx, s, last, data.TaskChange{State: data.TaskPending}); complete {
		t.Error("still complete after reopening a required task")
	}
	cl, _ = s.Checklist(ctx, p.ID)
	if cl.CompletedOn != "" {
		t.Errorf("completed_on %q after reopening", cl.CompletedOn)
	}
	if pr = onboarding.Progress(cl, "2026-10-15", ""); pr.RequiredDone != pr.Required-1 {
		t.Errorf("progress %d/%d", pr.RequiredDone, pr.Required)
	}
}

func TestTemplateEditsDoNotRewriteRunningChecklists(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	p := newPartner(t, s, data.TypeMSP, "Cloud")
	cl, _ := onboarding.Start(ctx, s, p.ID, testutil.Day("2026-09-01"))
	before := len(cl.Tasks)
	onboarding.SetTaskState(ctx, s, cl.Tasks[0].ID, data.TaskChange{State: data.TaskDone, On: "2026-09-03", By: "Ольга"})
	tpl, _, _ := onboarding.TemplateFor(ctx, s, data.TypeMSP)
	tpl.Stages[0].Tasks = append(tpl.Stages[0].Tasks, data.TemplateTask{TitleEN: "NDA signed", TitleRU: "Подписано NDA",
		Kind: data.KindAgreement, Owner: data.SidePartner, DueDays: 3, Required: true})
	if err := s.SaveOnboardingTemplate(ctx, tpl); err != nil {
		t.Fatal(err)
	}
	if again, _ := onboarding.Start(ctx, s, p.ID, testutil.Day("2026-10-01")); len(again.Tasks) != before || again.StartedOn != "2026-09-01" {
		t.Fatalf("starting again changed the checklist: %d tasks from %s", len(again.Tasks), again.StartedOn)
	}
	cl, err := onboarding.UpdateFromTemplate(ctx, s, p.ID, testutil.Day("2026-10-01"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cl.Tasks) != before+1 || !slices.Contains(titles(cl.Tasks), "NDA signed") {
		t.Errorf("update from template: %v", titles(cl.Tasks))
	}
	if cl.Tasks[0].State != data.TaskDone || cl.Tasks[0].DoneOn != "2026-09-03" || cl.StartedOn != "2026-09-01" {
		t.Errorf("update lost the ticked task or the start: %+v, start %s", cl.Tasks[0], cl.StartedOn)
	}
	if err := s.ResetOnboardingTemplate(ctx, data.TypeMSP); err != nil {
		t.Fatal(err)
	}
	if _, edited, _ := onboarding.TemplateFor(ctx, s, data.TypeMSP); edited {
		t.Error("reset template still edited")
	}
}

func TestOverviewPutsTheMostOverdueFirst(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	late, fresh, stuck := newPartner(t, s, data.TypeReseller), newPartner(t, s, data.TypeReferral), newPartner(t, s, data.TypeMSP)
	onboarding.Start(ctx, s, late.ID, testutil.Day("2026-08-01"))
	onboarding.Start(ctx, s, fresh.ID, testutil.Day("2026-11-20"))
	onboarding.Start(ctx, s, stuck.ID, testutil.Day("2026-06-01"))
	rows, err := onboarding.Overview(ctx, s, "2026-11-27")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	if rows[0].PartnerID != stuck.ID || rows[2].PartnerID != fresh.ID {
		t.Errorf("order %s, %s, %s", rows[0].Name, rows[1].Name, rows[2].Name)
	}
	if rows[2].Progress.Overdue != 0 || rows[0].Progress.Overdue == 0 || rows[0].NextDue.TitleEN == "" {
		t.Errorf("rows %+v", rows)
	}
}

func TestCertificationValidityOnBoundaryDates(t *testing.T) {
	c := data.Certification{EarnedOn: "2026-01-31", ExpiresOn: "2026-02-28"}
	for d, want := range map[string]bool{"2026-01-30": false, "2026-01-31": true, "2026-02-28": true, "2026-03-01": false} {
		if got := c.ValidOn(d); got != want {
			t.Errorf("valid on %s: %v, want %v", d, got, want)
		}
	}
	forever := data.Certification{EarnedOn: "2020-01-01"}
	if !forever.ValidOn("2099-12-31") {
		t.Error("a certification without expiry expired")
	}
	ctx := context.Background()
	s := testutil.OpenStore(t)
	p := newPartner(t, s, data.TypeService)
	a, b := addContact(t, s, p.ID, "Anna Weber"), addContact(t, s, p.ID, "Tom Hughes")
	addCert(t, s, a, "2026-01-31", "2026-02-28")
	addCert(t, s, a, "2026-02-01", "2026-12-31")
	addCert(t, s, b, "2026-02-28", "2026-03-01")
	for d, want := range map[string]int{"2026-01-30": 0, "2026-01-31": 1, "2026-02-28": 2, "2026-03-01": 2, "2026-03-02": 1, "2027-01-01": 0} {
		if got, _ := s.CertifiedPeople(ctx, p.ID, d); got != want {
			t.Errorf("certified people on %s: %d, want %d", d, got, want)
		}
	}
	soon, err := onboarding.ExpiringSoon(ctx, s, testutil.Day("2026-02-28"))
	if err != nil || len(soon) != 2 || soon[0].ExpiresOn != "2026-02-28" || soon[0].PartnerName != p.Name {
		t.Errorf("expiring within 60 days of 28 Feb: %+v, %v", soon, err)
	}
	bad := &data.Certification{ContactID: a, Name: "X", EarnedOn: "2026-03-01", ExpiresOn: "2026-02-28"}
	if e, ok := data.AsError(s.SaveCertification(ctx, bad)); !ok || e.Field != "expires_on" {
		t.Errorf("expiry before earned accepted: %v", e)
	}
}

func BenchmarkOnboardingOverview(b *testing.B) {
	ctx := context.Background()
	s := testutil.OpenStore(b)
	if err := demo.Demo(ctx, s, demo.DemoOptions{Partners: 300, Seed: 1, Today: testutil.DemoDay}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := onboarding.Overview(ctx, s, "2026-11-27"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestDemoHasChecklistsInEveryState(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	if err := demo.Demo(ctx, s, demo.DemoOptions{Partners: 150, Seed: 5, Today: testutil.DemoDay}); err != nil {
		t.Fatal(err)
	}
	states := map[data.TaskState]int{}
	rows, _ := s.DB().Query(`SELECT state, count(*) FROM onboarding_tasks GROUP BY state`)
	for rows.Next() {
		var st data.TaskState
		var n int
		rows.Scan(&st, &n)
		states[st] = n
	}
	rows.Close()
	for _, st := range data.TaskStates {
		if states[st] == 0 {
			t.Errorf("no demo task is %s: %v", st, states)
		}
	}
	var completed, certs, expiring int
	s.DB().QueryRow(`SELECT count(*) FROM onboarding_checklists WHERE completed_on != ''`).Scan(&completed)
	s.DB().QueryRow(`SELECT count(*) FROM certifications`).Scan(&certs)
	soon, _ := onboarding.ExpiringSoon(ctx, s, testutil.DemoDay)
	expiring = len(soon)
	if completed == 0 || certs == 0 || expiring == 0 {
		t.Errorf("completed checklists %d, certifications %d, expiring soon %d", completed, certs, expiring)
	}
	overview, _ := onboarding.Overview(ctx, s, fiscal.ISODate(testutil.DemoDay))
	var late, done int
	for _, r := range overview {
		if r.Progress.Overdue > 0 {
			late++
		}
		if r.Progress.Complete {
			done++
		}
	}
	if len(overview) == 0 || late == 0 || done == 0 {
		t.Errorf("overview: %d partners, %d with overdue tasks, %d complete", len(overview), late, done)
	}
}

func TestEnteringOnboardingStartsTheChecklist(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	p := &data.Partner{Name: "Vector", Type: data.TypeIntegrator, Status: data.StatusActive, Products: []string{"Mobile"}}
	s.CreatePartner(ctx, p)
	if err := onboarding.ChangePartnerStatus(ctx, s, p.ID, data.StatusOnboarding, "", "me", testutil.Day("2026-03-31")); err == nil {
		t.Fatal("active → onboarding allowed")
	}
	if cl, _ := s.Checklist(ctx, p.ID); cl != nil {
		t.Fatal("a refused move left a checklist")
	}
	s.DB().Exec(`UPDATE partners SET status = 'vetting' WHERE id = ?`, p.ID)
	if err := onboarding.ChangePartnerStatus(ctx, s, p.ID, data.StatusOnboarding, "", "me", testutil.Day("2026-03-31")); err != nil {
		t.Fatal(err)
	}
	cl, _ := s.Checklist(ctx, p.ID)
	if cl == nil || cl.StartedOn != "2026-03-31" || !slices.Contains(titles(cl.Tasks), "Mobile SDK training completed") ||
		slices.Contains(titles(cl.Tasks), "Analytics data-model training completed") {
		t.Errorf("integrator checklist: %+v", cl)
	}
}
