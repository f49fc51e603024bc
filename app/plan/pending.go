package plan

import (
	"context"
	"database/sql"
	"time"

	"channeldesk/app"
)

// This file holds the loaders for sections whose data other areas own.
// On the plans branch only the shared onboarding_checklists header exists;
// the remaining tasks (onboarding area) and the MDF balances (MDF area)
// are wired in here after those branches are merged. Until then they
// return nothing, and the document says "not set" rather than inventing.

// loadOnboarding reads the onboarding checklist header and the remaining
// tasks.
func loadOnboarding(ctx context.Context, db *sql.DB, partnerID int64, l app.Lang) (OnboardingSection, error) {
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
// TODO(lead): wire to the onboarding area's tasks after merging.
func loadOnboardingTasks(ctx context.Context, db *sql.DB, partnerID int64, l app.Lang) ([]OnboardingTask, error) {
	return nil, nil
}

// loadMDF returns the partner's MDF allocation, available balance and the
// approved and upcoming activities. Known stays false until wired.
// TODO(lead): wire to the MDF area's ledger (mdf_requests) after merging.
func loadMDF(ctx context.Context, db *sql.DB, partnerID int64, today time.Time) (MDFSection, error) {
	return MDFSection{}, nil
}
