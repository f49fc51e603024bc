package plan

import (
	"channeldesk/app/format"
	"channeldesk/app/mdf"
	"context"
	"database/sql"
	"time"
)

// This file holds the loaders for sections whose data other areas own:
// onboarding tasks and MDF balances.

// loadOnboarding reads the onboarding checklist header and the remaining
// tasks.
func loadOnboarding(ctx context.Context, db *sql.DB, partnerID int64, l format.Lang) (OnboardingSection, error) {
	var sec OnboardingSection
	err := db.QueryRowContext(ctx, `SELECT started_on, completed_on FROM onboarding_checklists WHERE partner_id = ?`, partnerID).
		Scan(&sec.StartedOn, &sec.CompletedOn)
	if err == sql.ErrNoRows {
		return sec, nil
	} else if err != nil {
		return sec, err
	}
	sec.Started = true
	if sec.CompletedOn == "" {
		sec.Tasks, err = loadOnboardingTasks(ctx, db, partnerID, l)
	}
	return sec, err
}

// loadOnboardingTasks returns the partner's remaining onboarding tasks
// (not done, not skipped) with their due dates, in the document language.
// Block reasons are internal and stay out.
func loadOnboardingTasks(ctx context.Context, db *sql.DB, partnerID int64, l format.Lang) ([]OnboardingTask, error) {
	rows, err := db.QueryContext(ctx, `SELECT t.title_en, t.title_ru, t.due_on, t.owner
		FROM onboarding_tasks t JOIN onboarding_checklists c ON c.id = t.checklist_id
		WHERE c.partner_id = ? AND t.state IN ('pending','waiting','blocked')
		ORDER BY t.due_on, t.position`, partnerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OnboardingTask
	for rows.Next() {
		var en, ru string
		var t OnboardingTask
		if err := rows.Scan(&en, &ru, &t.Due, &t.Owner); err != nil {
			return nil, err
		}
		t.Title = en
		if l == format.RU {
			t.Title = ru
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// loadMDF returns the partner's MDF allocation and available balance
// (summed from the ledger over every fund) and its approved activities
// that have not ended long ago. Amounts the partner may see only.
func loadMDF(ctx context.Context, db *sql.DB, partnerID int64, today time.Time) (MDFSection, error) {
	var sec MDFSection
	b, err := mdf.BalanceOf(ctx, db, `partner_id = ?`, partnerID)
	if err != nil {
		return sec, err
	}
	sec.Allocated, sec.Available = b.Allocated, b.Available()
	since := today.AddDate(0, -6, 0).Format(format.DateLayout)
	rows, err := db.QueryContext(ctx, `SELECT activity, description, starts_on, approved_amount FROM mdf_requests
		WHERE partner_id = ? AND state = 'approved' AND ends_on >= ? ORDER BY starts_on`, partnerID, since)
	if err != nil {
		return sec, err
	}
	defer rows.Close()
	for rows.Next() {
		var a MDFActivity
		if err := rows.Scan(&a.Kind, &a.Title, &a.Date, &a.Amount); err != nil {
			return sec, err
		}
		sec.Activities = append(sec.Activities, a)
	}
	sec.Known = b != (mdf.Balance{}) || len(sec.Activities) > 0
	return sec, rows.Err()
}
