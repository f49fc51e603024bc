package data

import (
	"context"
)

// SaveCheckIn creates or replaces the check-in of one quarter of a plan,
// with its status per objective.
func (s *Store) SaveCheckIn(ctx context.Context, c *CheckIn) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.withTx(ctx, func(tx *Tx) error { return s.SaveCheckInTx(ctx, tx, c) })
}

// SaveCheckInTx is SaveCheckIn inside a caller's transaction.
func (s *Store) SaveCheckInTx(ctx context.Context, tx *Tx, c *CheckIn) error {
	if err := c.Validate(); err != nil {
		return err
	}
	err := tx.QueryRowContext(ctx, `INSERT INTO plan_checkins (id, plan_id, quarter, held_on, attendees, notes, shareable)
		VALUES (`+teamID("plan_checkins")+`, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(plan_id, quarter) DO UPDATE SET held_on = excluded.held_on, attendees = excluded.attendees,
			notes = excluded.notes, shareable = excluded.shareable
		RETURNING id`, c.PlanID, c.Quarter, c.HeldOn, c.Attendees, c.Notes, c.Shareable).Scan(&c.ID)
	if err != nil {
		return notFoundIfFK(err, "plan")
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM plan_checkin_statuses WHERE checkin_id = ?`, c.ID); err != nil {
		return err
	}
	for objID, st := range c.Statuses {
		_, err := tx.ExecContext(ctx, `INSERT INTO plan_checkin_statuses (checkin_id, objective_id, status)
			SELECT ?, id, ? FROM plan_objectives WHERE id = ? AND plan_id = ?`, c.ID, st, objID, c.PlanID)
		if err != nil {
			return err
		}
	}
	return nil
}

// DeleteCheckIn removes one check-in.
func (s *Store) DeleteCheckIn(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM plan_checkins WHERE id = ?`, id)
	return err
}

// CheckIns returns a plan's check-ins by quarter, with their statuses.
func (s *Store) CheckIns(ctx context.Context, planID int64) ([]CheckIn, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, plan_id, quarter, held_on, attendees, notes, shareable
		FROM plan_checkins WHERE plan_id = ? ORDER BY quarter`, planID)
	if err != nil {
		return nil, err
	}
	var out []CheckIn
	for rows.Next() {
		var c CheckIn
		if err := rows.Scan(&c.ID, &c.PlanID, &c.Quarter, &c.HeldOn, &c.Attendees, &c.Notes, &c.Shareable); err != nil {
			rows.Close()
			return nil, err
		}
		c.Statuses = map[int64]ObjectiveStatus{}
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, s.readCheckInStatuses(ctx, planID, out)
}

func (s *Store) readCheckInStatuses(ctx context.Context, planID int64, cs []CheckIn) error {
	rows, err := s.db.QueryContext(ctx, `SELECT st.checkin_id, st.objective_id, st.status FROM plan_checkin_statuses st
		JOIN plan_checkins c ON c.id = st.checkin_id WHERE c.plan_id = ?`, planID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var cid, oid int64
		var st ObjectiveStatus
		if err := rows.Scan(&cid, &oid, &st); err != nil {
			return err
		}
		for i := range cs {
			if cs[i].ID == cid {
				cs[i].Statuses[oid] = st
			}
		}
	}
	return rows.Err()
}

// CheckInQuarters returns, for every plan of a fiscal year, the quarters
// that have a check-in, for the overview's "check-in due" column.
func (s *Store) CheckInQuarters(ctx context.Context, year int) (map[int64][4]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT c.plan_id, c.quarter FROM plan_checkins c
		JOIN plans p ON p.id = c.plan_id WHERE p.fiscal_year = ?`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][4]bool{}
	for rows.Next() {
		var id int64
		var q int
		if err := rows.Scan(&id, &q); err != nil {
			return nil, err
		}
		qs := out[id]
		qs[q-1] = true
		out[id] = qs
	}
	return out, rows.Err()
}
