package plan

import (
	"channeldesk/app/format"
	"channeldesk/app/mdf"
	"channeldesk/data"
	"context"
	"time"
)

// This file holds the loaders for sections whose data other areas own:
// onboarding tasks and MDF balances.

// loadOnboarding reads the onboarding checklist header and the remaining
// tasks.
func loadOnboarding(ctx context.Context, s *data.Store, partnerID int64, l format.Lang) (OnboardingSection, error) {
	var sec OnboardingSection
	var err error
	sec.StartedOn, sec.CompletedOn, sec.Started, err = s.OnboardingDates(ctx, partnerID)
	if err != nil || !sec.Started {
		return sec, err
	}
	if sec.CompletedOn == "" {
		sec.Tasks, err = loadOnboardingTasks(ctx, s, partnerID, l)
	}
	return sec, err
}

// loadOnboardingTasks returns the partner's remaining onboarding tasks
// (not done, not skipped) with their due dates, in the document language.
// Block reasons are internal and stay out.
func loadOnboardingTasks(ctx context.Context, s *data.Store, partnerID int64, l format.Lang) ([]OnboardingTask, error) {
	ts, err := s.OpenOnboardingTasks(ctx, partnerID)
	if err != nil {
		return nil, err
	}
	var out []OnboardingTask
	for _, x := range ts {
		t := OnboardingTask{Title: x.TitleEN, Due: x.DueOn, Owner: string(x.Owner)}
		if l == format.RU {
			t.Title = x.TitleRU
		}
		out = append(out, t)
	}
	return out, nil
}

// loadMDF returns the partner's MDF allocation and available balance
// (summed from the ledger over every fund) and its approved activities
// that have not ended long ago. Amounts the partner may see only.
func loadMDF(ctx context.Context, s *data.Store, partnerID int64, today time.Time) (MDFSection, error) {
	var sec MDFSection
	b, err := mdf.LedgerBalance(ctx, s, data.MDFLedgerScope{PartnerID: partnerID})
	if err != nil {
		return sec, err
	}
	sec.Allocated, sec.Available = b.Allocated, b.Available()
	since := today.AddDate(0, -6, 0).Format(format.DateLayout)
	as, err := s.ApprovedMDFActivities(ctx, partnerID, since)
	if err != nil {
		return sec, err
	}
	for _, a := range as {
		sec.Activities = append(sec.Activities, MDFActivity{Kind: string(a.Activity), Title: a.Description, Date: a.StartsOn,
			Amount: a.Approved})
	}
	sec.Known = b != (mdf.Balance{}) || len(sec.Activities) > 0
	return sec, nil
}
