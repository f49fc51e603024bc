package onboarding

import (
	"context"

	"channeldesk/data"
)

// FirstDealOn is the day a partner registered its first deal (any state)
// on or before today, or "".
func FirstDealOn(ctx context.Context, s *data.Store, partnerID int64, today string) (string, error) {
	return s.FirstDealOn(ctx, partnerID, today)
}

// ruleFacts is what the automatic rules read about one partner.
type ruleFacts struct {
	firstDeal string
	firstMDF  string
	certified int
}

func loadFacts(ctx context.Context, q data.Querier, partnerID int64, today string) (ruleFacts, error) {
	var f ruleFacts
	var err error
	if f.firstDeal, err = data.FirstDealOn(ctx, q, partnerID, today); err != nil {
		return f, err
	}
	if f.firstMDF, err = data.FirstMDFApprovedOn(ctx, q, partnerID, today); err != nil {
		return f, err
	}
	f.certified, err = data.CertifiedPeopleTx(ctx, q, partnerID, today)
	return f, err
}

// autoDoneOn says whether data completes a task and on which day ("" = not yet).
func (f ruleFacts) autoDoneOn(t data.OnboardingTask, today string) string {
	switch t.Kind {
	case data.KindFirstDeal:
		return f.firstDeal
	case data.KindFirstMDF:
		return f.firstMDF
	case data.KindCertification:
		if t.Target > 0 && f.certified >= t.Target {
			return today
		}
	}
	return ""
}

// ApplyAutoRulesTx completes the open tasks that data says are done: the
// first deal registered (deals), N people certified (certifications valid
// on today), the first MDF activity approved (mdf_requests). Tasks the
// manager closed or skipped are left alone. It returns how many tasks
// changed and keeps the checklist's completion date right.
func ApplyAutoRulesTx(ctx context.Context, tx *data.Tx, partnerID int64, today string) (int, error) {
	cl, err := data.ChecklistTx(ctx, tx, partnerID)
	if err != nil || cl == nil {
		return 0, err
	}
	f, err := loadFacts(ctx, tx, partnerID, today)
	if err != nil {
		return 0, err
	}
	changed := 0
	for _, t := range cl.Tasks {
		if !t.Kind.Automatic() || !t.State.Open() {
			continue
		}
		on := f.autoDoneOn(t, today)
		if on == "" {
			continue
		}
		if _, err := data.SetTaskStateTx(ctx, tx, t.ID, data.TaskChange{State: data.TaskDone, On: on, By: data.AutoAuthor}); err != nil {
			return changed, err
		}
		changed++
	}
	_, err = RefreshCompletionTx(ctx, tx, partnerID, today)
	return changed, err
}

// ApplyAutoRules runs the automatic rules for one partner in a transaction.
func ApplyAutoRules(ctx context.Context, s *data.Store, partnerID int64, today string) (int, error) {
	var n int
	err := s.WithTx(ctx, func(tx *data.Tx) error {
		var err error
		n, err = ApplyAutoRulesTx(ctx, tx, partnerID, today)
		return err
	})
	return n, err
}

// ApplyAllAutoRules runs the rules for every partner in onboarding.
func ApplyAllAutoRules(ctx context.Context, s *data.Store, today string) (int, error) {
	total := 0
	err := s.WithTx(ctx, func(tx *data.Tx) error {
		ids, err := data.OpenChecklistPartnersTx(ctx, tx)
		if err != nil {
			return err
		}
		for _, id := range ids {
			n, err := ApplyAutoRulesTx(ctx, tx, id, today)
			if err != nil {
				return err
			}
			total += n
		}
		return nil
	})
	return total, err
}
