package data

import (
	"context"
	"database/sql"
)

// What the demo data (app/demo) reads and writes inside its one
// transaction besides the ordinary store calls.

// CountPartnersTx counts the stored partners.
func CountPartnersTx(ctx context.Context, tx *Tx) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM partners`).Scan(&n)
	return n, err
}

// LookupSettingTx reads one key of the settings table; ok is false when
// the key is not stored at all.
func LookupSettingTx(ctx context.Context, tx *Tx, key string) (value string, ok bool, err error) {
	err = tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&value)
	if err == sql.ErrNoRows {
		return "", false, nil
	}
	return value, err == nil, err
}

// ContactIDsTx lists a partner's contacts' IDs in ID order.
func ContactIDsTx(ctx context.Context, tx *Tx, partnerID int64) ([]int64, error) {
	return idsQ(ctx, tx, `SELECT id FROM contacts WHERE partner_id = ? ORDER BY id`, partnerID)
}

// CriterionIDsTx lists the scorecard criteria's IDs in their order.
func CriterionIDsTx(ctx context.Context, tx *Tx) ([]int64, error) {
	return idsQ(ctx, tx, `SELECT id FROM scorecard_criteria ORDER BY position`)
}

// CountOnboardingTasksTx counts the tasks of every checklist.
func CountOnboardingTasksTx(ctx context.Context, tx *Tx) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM onboarding_tasks`).Scan(&n)
	return n, err
}

// ChecklistEnd is where a checklist stands: when it started and was
// completed ("" while running) and the position of its last task.
type ChecklistEnd struct {
	ID                     int64
	StartedOn, CompletedOn string
	LastPosition           int
}

// ChecklistEndsTx lists every checklist's end, in ID order.
func ChecklistEndsTx(ctx context.Context, tx *Tx) ([]ChecklistEnd, error) {
	rows, err := tx.QueryContext(ctx, `SELECT c.id, c.started_on, c.completed_on, COALESCE(max(t.position), 0)
		FROM onboarding_checklists c LEFT JOIN onboarding_tasks t ON t.checklist_id = c.id GROUP BY c.id ORDER BY c.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ChecklistEnd
	for rows.Next() {
		var c ChecklistEnd
		if err := rows.Scan(&c.ID, &c.StartedOn, &c.CompletedOn, &c.LastPosition); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// EnablementTask is an optional custom task added at the end of a
// checklist, in the "Enablement" stage.
type EnablementTask struct {
	ChecklistID      int64
	Position         int
	TitleEN, TitleRU string
	Owner, DueOn     string
	State            TaskState
	DoneOn, DoneBy   string
}

// EnablementWriter adds many enablement tasks with one prepared statement.
type EnablementWriter struct{ st *sql.Stmt }

// NewEnablementWriter prepares its statement in tx; Close releases it.
func NewEnablementWriter(ctx context.Context, tx *Tx) (*EnablementWriter, error) {
	st, err := tx.q.PrepareContext(ctx, `INSERT INTO onboarding_tasks (id, checklist_id, stage, stage_en, stage_ru, position,
		title_en, title_ru, kind, owner, due_on, required, state, done_on, done_by)
		VALUES (`+teamID("onboarding_tasks")+`, ?, 99, 'Enablement', 'Развитие', ?, ?, ?, 'custom', ?, ?, 0, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	return &EnablementWriter{st: st}, nil
}

// Add inserts one task.
func (w *EnablementWriter) Add(ctx context.Context, t *EnablementTask) error {
	_, err := w.st.ExecContext(ctx, t.ChecklistID, t.Position, t.TitleEN, t.TitleRU, t.Owner, t.DueOn, t.State, t.DoneOn, t.DoneBy)
	return err
}

// Close releases the prepared statement.
func (w *EnablementWriter) Close() { w.st.Close() }

// CreditDealsToActivitiesTx credits every third won, submitted or
// approved deal without an MDF activity to its partner's latest approved
// activity that ended on or before the deal closed (the demo's MDF ROI).
func CreditDealsToActivitiesTx(ctx context.Context, tx *Tx) error {
	_, err := tx.ExecContext(ctx, `UPDATE deals SET mdf_request_id = (SELECT r.id FROM mdf_requests r
		WHERE r.partner_id = deals.partner_id AND r.approved_on != '' AND r.ends_on <= deals.closed_on ORDER BY r.ends_on DESC LIMIT 1)
		WHERE state IN ('won','submitted','approved') AND mdf_request_id IS NULL AND id % 3 = 0`)
	return err
}

// Checkpoint copies the write-ahead log into the database file and
// empties it, so that the file alone holds everything (a copy of it is
// complete).
func (s *Store) Checkpoint() error {
	_, err := s.db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	return err
}
