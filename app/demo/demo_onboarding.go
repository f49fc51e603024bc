package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"channeldesk/app/fiscal"
	"channeldesk/app/format"
	"channeldesk/app/onboarding"
	"channeldesk/data"
)

var demoCertNames = []struct{ name, level string }{
	{"Core Sales Specialist", "Associate"}, {"Core Technical Professional", "Professional"},
	{"Analytics Engineer", "Professional"}, {"Cloud Administrator", "Associate"},
	{"Security Expert", "Expert"}, {"Mobile Developer", "Associate"},
}

var demoBlockReasons = [][2]string{
	{"Waiting for the partner's legal department", "Ждём юридический отдел партнёра"},
	{"Portal SSO does not accept the partner's domain", "SSO портала не принимает домен партнёра"},
	{"Trainer on leave until next month", "Тренер в отпуске до следующего месяца"},
}

var demoSkipReasons = [][2]string{
	{"Partner already has this from a previous programme", "У партнёра это уже есть по прошлой программе"},
	{"Not relevant for this partner's market", "Неактуально для рынка партнёра"},
}

// demoOnboarding gives contacts certifications (some expired, some running
// out within 60 days), every partner in onboarding a checklist with tasks
// in every state, and most active partners a completed one. Deals from the
// deals step, when present, complete "first deal" tasks through the rules.
func demoOnboarding(ctx context.Context, tx *data.Tx, s *data.Store, r *rand.Rand, opt DemoOptions, partners []data.Partner) error {
	if err := demoCertifications(ctx, tx, r, opt.Today, partners); err != nil {
		return err
	}
	first := true
	for _, p := range partners {
		var err error
		switch p.Status {
		case data.StatusOnboarding:
			err = demoRunningChecklist(ctx, tx, r, opt.Today, p, first)
			first = false
		case data.StatusActive, data.StatusAtRisk:
			if r.IntN(10) < 7 {
				err = demoFinishedChecklist(ctx, tx, r, opt.Today, p)
			}
		}
		if err != nil {
			return err
		}
	}
	return demoExtraTasks(ctx, tx, r, opt)
}

// demoExtraTasks tops the checklists up to opt.Tasks tasks with optional
// enablement sessions, spread over the checklists: done by the due date
// where the date is past (a running checklist leaves one in ten behind),
// pending otherwise.
func demoExtraTasks(ctx context.Context, tx *data.Tx, r *rand.Rand, opt DemoOptions) error {
	have, err := data.CountOnboardingTasksTx(ctx, tx)
	if err != nil {
		return err
	}
	cls, err := data.ChecklistEndsTx(ctx, tx)
	if err != nil {
		return err
	}
	if len(cls) == 0 || have >= opt.Tasks {
		return nil
	}
	w, err := data.NewEnablementWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.Close()
	today := fiscal.ISODate(opt.Today)
	for k := range opt.Tasks - have {
		c := &cls[k%len(cls)]
		c.LastPosition++
		n := k/len(cls) + 1
		due := fiscal.AddDays(mustDay(c.StartedOn), 30+14*n+r.IntN(7))
		state, doneOn, by := data.TaskPending, "", ""
		if due <= today && (c.CompletedOn != "" || r.IntN(60) != 0) { // a running checklist leaves a few behind
			state, doneOn, by = data.TaskDone, due, "demo"
		}
		owner := []string{"vendor", "partner"}[r.IntN(2)]
		t := &data.EnablementTask{ChecklistID: c.ID, Position: c.LastPosition, TitleEN: fmt.Sprintf("Enablement session %d", n),
			TitleRU: fmt.Sprintf("Сессия развития %d", n), Owner: owner, DueOn: due, State: state, DoneOn: doneOn, DoneBy: by}
		if err := w.Add(ctx, t); err != nil {
			return err
		}
	}
	return nil
}

func demoCertifications(ctx context.Context, tx *data.Tx, r *rand.Rand, today time.Time, partners []data.Partner) error {
	for _, p := range partners {
		if p.Status != data.StatusActive && p.Status != data.StatusAtRisk && p.Status != data.StatusOnboarding {
			continue
		}
		ids, err := data.ContactIDsTx(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		for _, id := range ids {
			for range r.IntN(3) {
				if err := demoCert(ctx, tx, r, today, id, p.Status == data.StatusOnboarding); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func demoCert(ctx context.Context, tx *data.Tx, r *rand.Rand, today time.Time, contactID int64, recent bool) error {
	cn := pick(r, demoCertNames)
	ago := 30 + r.IntN(1400)
	if recent {
		ago = 1 + r.IntN(60)
	}
	earned := today.AddDate(0, 0, -ago)
	c := &data.Certification{ContactID: contactID, Name: cn.name, Level: cn.level, EarnedOn: fiscal.ISODate(earned)}
	switch n := r.IntN(10); {
	case n < 7: // two-year certifications: some expired, some running out soon
		c.ExpiresOn = fiscal.AddDays(earned, 730)
	case n < 8:
		c.ExpiresOn = fiscal.AddDays(today, r.IntN(365)) // expiring in the coming year
	}
	if c.ExpiresOn != "" && c.ExpiresOn < c.EarnedOn {
		c.ExpiresOn = c.EarnedOn
	}
	return data.SaveCertificationTx(ctx, tx, c)
}

func demoReason(r *rand.Rand, p data.Partner, reasons [][2]string) string {
	rs := pick(r, reasons)
	if p.DocLang == "ru" {
		return rs[1]
	}
	return rs[0]
}

// demoRunningChecklist lays down a checklist part-way: old tasks mostly
// done, some blocked, waiting, skipped or left overdue. The first partner
// gets every required task done, so the move to active is suggested.
func demoRunningChecklist(ctx context.Context, tx *data.Tx, r *rand.Rand, today time.Time, p data.Partner, allDone bool) error {
	start := today.AddDate(0, 0, -(3 + r.IntN(110)))
	cl, err := onboarding.StartTx(ctx, tx, p.ID, start, today)
	if err != nil {
		return err
	}
	iso := fiscal.ISODate(today)
	for _, t := range cl.Tasks {
		c, ok := demoTaskChange(r, p, t, iso, allDone)
		if !ok {
			continue
		}
		if _, err := data.SetTaskStateTx(ctx, tx, t.ID, c); err != nil {
			return err
		}
	}
	_, err = onboarding.RefreshCompletionTx(ctx, tx, p.ID, iso)
	return err
}

func demoTaskChange(r *rand.Rand, p data.Partner, t data.OnboardingTask, today string, allDone bool) (data.TaskChange, bool) {
	doneOn := min(t.DueOn, today)
	if t.State != data.TaskPending {
		return data.TaskChange{}, false
	}
	if allDone {
		return data.TaskChange{State: data.TaskDone, On: doneOn, By: p.AccountManager}, t.Required
	}
	late := t.DueOn < today
	switch n := r.IntN(10); {
	case late && (n < 9 || r.IntN(6) > 0), !late && n < 1: // a few late tasks are left overdue
		return data.TaskChange{State: data.TaskDone, On: fiscal.AddDays(mustDay(doneOn), -r.IntN(4)), By: p.AccountManager}, true
	case n == 6 && !t.Required:
		return data.TaskChange{State: data.TaskSkipped, Reason: demoReason(r, p, demoSkipReasons), On: today, By: p.AccountManager}, true
	case n == 7:
		return data.TaskChange{State: data.TaskBlocked, Reason: demoReason(r, p, demoBlockReasons)}, true
	case n == 8:
		return data.TaskChange{State: data.TaskWaiting}, true
	}
	return data.TaskChange{}, false
}

func mustDay(s string) time.Time {
	t, _ := time.Parse(format.DateLayout, s)
	return t
}

// demoFinishedChecklist is the completed programme of an active partner.
func demoFinishedChecklist(ctx context.Context, tx *data.Tx, r *rand.Rand, today time.Time, p data.Partner) error {
	created, _ := time.Parse(time.RFC3339, p.CreatedAt)
	start := created.AddDate(0, 0, 7+r.IntN(14))
	if !start.Before(today) {
		start = today.AddDate(0, 0, -30)
	}
	cl, err := onboarding.StartTx(ctx, tx, p.ID, start, today)
	if err != nil {
		return err
	}
	for _, t := range cl.Tasks {
		c := data.TaskChange{State: data.TaskDone, On: min(fiscal.AddDays(mustDay(t.DueOn), -r.IntN(10)), fiscal.ISODate(today)), By: p.AccountManager}
		if !t.Required && r.IntN(3) == 0 {
			c = data.TaskChange{State: data.TaskSkipped, Reason: demoReason(r, p, demoSkipReasons), On: c.On, By: c.By}
		}
		if t.State == data.TaskDone {
			continue
		}
		if _, err := data.SetTaskStateTx(ctx, tx, t.ID, c); err != nil {
			return err
		}
	}
	_, err = onboarding.RefreshCompletionTx(ctx, tx, p.ID, fiscal.ISODate(today))
	return err
}
