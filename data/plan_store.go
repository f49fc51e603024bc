package data

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
)

const planColumns = `id, partner_id, fiscal_year, status, revision, agreed_on, vendor_contact_name, vendor_contact_role,
	vendor_contact_email, vendor_contact_phone, rep_share_bp, rep_commitment, created_at, updated_at`

func scanPlan(r scanner) (*Plan, error) {
	var p Plan
	err := r.Scan(&p.ID, &p.PartnerID, &p.FiscalYear, &p.Status, &p.Revision, &p.AgreedOn, &p.VendorContactName,
		&p.VendorContactRole, &p.VendorContactEmail, &p.VendorContactPhone, &p.RepShareBP, &p.RepCommitment,
		&p.CreatedAt, &p.UpdatedAt)
	return &p, err
}

// CreatePlan stores a new draft plan (revision 1). A partner has at most
// one plan per fiscal year.
func (s *Store) CreatePlan(ctx context.Context, p *Plan) error {
	return s.withTx(ctx, func(tx *Tx) error { return s.CreatePlanTx(ctx, tx, p) })
}

// CreatePlanTx is CreatePlan inside a caller's transaction.
func (s *Store) CreatePlanTx(ctx context.Context, tx *Tx, p *Plan) error {
	p.Status, p.Revision, p.AgreedOn = PlanDraft, 1, ""
	if err := p.Validate(); err != nil {
		return err
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM plans WHERE partner_id = ? AND fiscal_year = ?`,
		p.PartnerID, p.FiscalYear).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return Conflict("err.plans_exists", map[string]any{"Year": p.FiscalYear})
	}
	p.CreatedAt = s.now()
	p.UpdatedAt = p.CreatedAt
	res, err := tx.ExecContext(ctx, `INSERT INTO plans (id, partner_id, fiscal_year, status, revision, agreed_on, created_at, updated_at)
		VALUES (`+teamID("plans")+`, ?, ?, ?, ?, '', ?, ?)`, p.PartnerID, p.FiscalYear, p.Status, p.Revision, p.CreatedAt, p.UpdatedAt)
	if err != nil {
		return notFoundIfFK(err, "partner")
	}
	if p.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return writePlanBody(ctx, tx, p)
}

// writePlanBody stores the header fields, objectives and commitments.
// Objectives keep their IDs (check-in statuses refer to them); removed
// ones are deleted, new ones get IDs.
func writePlanBody(ctx context.Context, tx *Tx, p *Plan) error {
	_, err := tx.ExecContext(ctx, `UPDATE plans SET status=?, revision=?, agreed_on=?, vendor_contact_name=?, vendor_contact_role=?,
		vendor_contact_email=?, vendor_contact_phone=?, rep_share_bp=?, rep_commitment=?, updated_at=? WHERE id=?`,
		p.Status, p.Revision, p.AgreedOn, p.VendorContactName, p.VendorContactRole, p.VendorContactEmail,
		p.VendorContactPhone, p.RepShareBP, p.RepCommitment, p.UpdatedAt, p.ID)
	if err != nil {
		return err
	}
	if err := writeObjectives(ctx, tx, p); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM plan_commitments WHERE plan_id = ?`, p.ID); err != nil {
		return err
	}
	for i, c := range p.Commitments {
		if _, err := tx.ExecContext(ctx, `INSERT INTO plan_commitments (id, plan_id, position, side, kind, body) VALUES (`+teamID("plan_commitments")+`, ?,?,?,?,?)`,
			p.ID, i, c.Side, c.Kind, c.Body); err != nil {
			return err
		}
	}
	return nil
}

func writeObjectives(ctx context.Context, tx *Tx, p *Plan) error {
	keep := []string{"0"}
	args := []any{p.ID}
	for i := range p.Objectives {
		o := &p.Objectives[i]
		for q := range 4 {
			o.Reported[q] = o.HasActual(q)
		}
		vals := []any{i, o.Measure, o.Title, o.Weight, o.Targets[0], o.Targets[1], o.Targets[2], o.Targets[3],
			o.Actuals[0], o.Actuals[1], o.Actuals[2], o.Actuals[3], o.Reported[0], o.Reported[1], o.Reported[2], o.Reported[3]}
		if o.ID != 0 {
			res, err := tx.ExecContext(ctx, `UPDATE plan_objectives SET position=?, measure=?, title=?, weight=?, target_q1=?,
				target_q2=?, target_q3=?, target_q4=?, actual_q1=?, actual_q2=?, actual_q3=?, actual_q4=?,
				reported_q1=?, reported_q2=?, reported_q3=?, reported_q4=?
				WHERE id=? AND plan_id=?`, append(vals, o.ID, p.ID)...)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 1 {
				keep, args = append(keep, "?"), append(args, o.ID)
				continue
			}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO plan_objectives (id, position, measure, title, weight, target_q1, target_q2,
			target_q3, target_q4, actual_q1, actual_q2, actual_q3, actual_q4, reported_q1, reported_q2, reported_q3, reported_q4,
			plan_id) VALUES (`+teamID("plan_objectives")+`, ?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			append(vals, p.ID)...)
		if err != nil {
			return err
		}
		if o.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		keep, args = append(keep, "?"), append(args, o.ID)
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM plan_objectives WHERE plan_id = ? AND id NOT IN (`+strings.Join(keep, ",")+`)`, args...)
	return err
}

// Plan returns one plan with its objectives and commitments.
func (s *Store) Plan(ctx context.Context, id int64) (*Plan, error) {
	return readPlan(ctx, s.db, `WHERE id = ?`, id)
}

// PlanFor returns a partner's plan for a fiscal year.
func (s *Store) PlanFor(ctx context.Context, partnerID int64, year int) (*Plan, error) {
	return readPlan(ctx, s.db, `WHERE partner_id = ? AND fiscal_year = ?`, partnerID, year)
}

func readPlan(ctx context.Context, q Querier, where string, args ...any) (*Plan, error) {
	p, err := scanPlan(q.QueryRowContext(ctx, `SELECT `+planColumns+` FROM plans `+where, args...))
	if err != nil {
		return nil, notFoundIf(err, "plan")
	}
	byPlan, err := readObjectives(ctx, q, `o WHERE o.plan_id = ?`, p.ID)
	if err != nil {
		return nil, err
	}
	p.Objectives = byPlan[p.ID]
	p.Commitments, err = readCommitments(ctx, q, p.ID)
	return p, err
}

// PlanYears lists the fiscal years a partner has plans for, newest first.
func (s *Store) PlanYears(ctx context.Context, partnerID int64) ([]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT fiscal_year FROM plans WHERE partner_id = ? ORDER BY fiscal_year DESC`, partnerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		out = append(out, y)
	}
	return out, rows.Err()
}

// PlansOfYear returns every plan of a fiscal year with its objectives, in
// a fixed number of queries (the overview reads hundreds).
func (s *Store) PlansOfYear(ctx context.Context, year int) ([]Plan, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+planColumns+` FROM plans WHERE fiscal_year = ? ORDER BY id`, year)
	if err != nil {
		return nil, err
	}
	var out []Plan
	for rows.Next() {
		p, err := scanPlan(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, *p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	byPlan, err := readObjectives(ctx, s.db, `o JOIN plans p ON p.id = o.plan_id WHERE p.fiscal_year = ?`, year)
	for i := range out {
		out[i].Objectives = byPlan[out[i].ID]
	}
	return out, err
}

func readObjectives(ctx context.Context, q Querier, where string, args ...any) (map[int64][]Objective, error) {
	// where names the objectives "o" (and may join them)
	rows, err := q.QueryContext(ctx, `SELECT o.plan_id, o.id, o.measure, o.title, o.weight, o.target_q1, o.target_q2, o.target_q3,
		o.target_q4, o.actual_q1, o.actual_q2, o.actual_q3, o.actual_q4, `+reportedColumns("o.")+` FROM plan_objectives `+where+`
		ORDER BY o.plan_id, o.position, o.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]Objective{}
	for rows.Next() {
		var planID int64
		var o Objective
		if err := rows.Scan(&planID, &o.ID, &o.Measure, &o.Title, &o.Weight, &o.Targets[0], &o.Targets[1], &o.Targets[2],
			&o.Targets[3], &o.Actuals[0], &o.Actuals[1], &o.Actuals[2], &o.Actuals[3],
			&o.Reported[0], &o.Reported[1], &o.Reported[2], &o.Reported[3]); err != nil {
			return nil, err
		}
		out[planID] = append(out[planID], o)
	}
	return out, rows.Err()
}

func readCommitments(ctx context.Context, q Querier, planID int64) ([]Commitment, error) {
	rows, err := q.QueryContext(ctx, `SELECT side, kind, body FROM plan_commitments WHERE plan_id = ? ORDER BY position, id`, planID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Commitment
	for rows.Next() {
		var c Commitment
		if err := rows.Scan(&c.Side, &c.Kind, &c.Body); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SavePlan stores an edited plan. Editing an agreed plan opens the next
// revision as a draft; the agreed one stays readable in PlanRevisions.
// A completed plan is closed and refuses edits.
func (s *Store) SavePlan(ctx context.Context, p *Plan) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.withTx(ctx, func(tx *Tx) error { return s.SavePlanTx(ctx, tx, p) })
}

// SavePlanTx is SavePlan inside a caller's transaction.
func (s *Store) SavePlanTx(ctx context.Context, tx *Tx, p *Plan) error {
	if err := p.Validate(); err != nil {
		return err
	}
	var status PlanStatus
	var rev int
	err := tx.QueryRowContext(ctx, `SELECT status, revision FROM plans WHERE id = ?`, p.ID).Scan(&status, &rev)
	if err != nil {
		return notFoundIf(err, "plan")
	}
	switch status {
	case PlanCompleted:
		return Conflict("err.plans_completed", nil)
	case PlanAgreed:
		rev++
	}
	p.Status, p.Revision, p.AgreedOn, p.UpdatedAt = PlanDraft, rev, "", s.now()
	return writePlanBody(ctx, tx, p)
}

// reportedColumns lists the reported marks of plan_objectives, each read
// as reported when its actual is above 0 (see Objective.HasActual);
// alias prefixes the columns ("o." or "").
func reportedColumns(alias string) string {
	cols := make([]string, 4)
	for q := range cols {
		n := strconv.Itoa(q + 1)
		cols[q] = "(" + alias + "reported_q" + n + " = 1 OR " + alias + "actual_q" + n + " > 0)"
	}
	return strings.Join(cols, ", ")
}

// SetActual stores an entered actual of one objective for one quarter and
// marks the quarter reported, an actual of 0 included.
// Actuals are tracking, not agreement: they never open a new revision.
func (s *Store) SetActual(ctx context.Context, objectiveID int64, quarter int, value int64) error {
	if quarter < 1 || quarter > 4 {
		return Invalid("quarter", "err.plans_quarter", nil)
	}
	if value < 0 {
		return Invalid("actual", "err.plans_negative", nil)
	}
	return s.withTx(ctx, func(tx *Tx) error { return SetActualTx(ctx, tx, objectiveID, quarter, value) })
}

// SetActualTx is SetActual inside a caller's transaction.
func SetActualTx(ctx context.Context, tx *Tx, objectiveID int64, quarter int, value int64) error {
	if quarter < 1 || quarter > 4 {
		return Invalid("quarter", "err.plans_quarter", nil)
	}
	if value < 0 {
		return Invalid("actual", "err.plans_negative", nil)
	}
	return writeActual(ctx, tx, objectiveID, quarter, value, true)
}

// ClearActual takes back the actual of one objective for one quarter: the
// quarter is no longer reported and its actual is 0, as before anything
// was entered.
func (s *Store) ClearActual(ctx context.Context, objectiveID int64, quarter int) error {
	if quarter < 1 || quarter > 4 {
		return Invalid("quarter", "err.plans_quarter", nil)
	}
	return s.withTx(ctx, func(tx *Tx) error { return writeActual(ctx, tx, objectiveID, quarter, 0, false) })
}

// writeActual stores one quarter's actual and its reported mark.
func writeActual(ctx context.Context, tx *Tx, objectiveID int64, quarter int, value int64, reported bool) error {
	n := strconv.Itoa(quarter)
	res, err := tx.ExecContext(ctx, `UPDATE plan_objectives SET actual_q`+n+` = ?, reported_q`+n+` = ? WHERE id = ?`,
		value, reported, objectiveID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return NotFound("objective")
	}
	return nil
}

// AgreePlan freezes a draft as an agreed revision dated on (YYYY-MM-DD).
func (s *Store) AgreePlan(ctx context.Context, id int64, on string) error {
	if !isISODate(on) {
		return Invalid("agreed_on", "err.plans_date", map[string]any{"Value": on})
	}
	return s.withTx(ctx, func(tx *Tx) error { return s.AgreePlanTx(ctx, tx, id, on) })
}

// AgreePlanTx is AgreePlan inside a caller's transaction.
func (s *Store) AgreePlanTx(ctx context.Context, tx *Tx, id int64, on string) error {
	p, err := readPlan(ctx, tx, `WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if p.Status != PlanDraft {
		return Conflict("err.plans_not_draft", nil)
	}
	if len(p.Objectives) == 0 {
		return Invalid("objectives", "err.plans_no_objectives", nil)
	}
	p.Status, p.AgreedOn, p.UpdatedAt = PlanAgreed, on, s.now()
	snap, err := json.Marshal(p)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE plans SET status = ?, agreed_on = ?, updated_at = ? WHERE id = ?`,
		p.Status, on, p.UpdatedAt, id); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO plan_revisions (plan_id, revision, agreed_on, snapshot) VALUES (?, ?, ?, ?)`,
		id, p.Revision, on, string(snap))
	return err
}

// CompletePlan closes an agreed plan at the end of its year.
func (s *Store) CompletePlan(ctx context.Context, id int64) error {
	return s.withTx(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE plans SET status = ?, updated_at = ? WHERE id = ? AND status = ?`,
			PlanCompleted, s.now(), id, PlanAgreed)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return Conflict("err.plans_not_agreed", nil)
		}
		return nil
	})
}

// PlanRevisions returns the agreed revisions of a plan, oldest first.
func (s *Store) PlanRevisions(ctx context.Context, planID int64) ([]PlanRevision, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT revision, agreed_on, snapshot FROM plan_revisions WHERE plan_id = ? ORDER BY revision`, planID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PlanRevision
	for rows.Next() {
		var r PlanRevision
		var snap string
		if err := rows.Scan(&r.Revision, &r.AgreedOn, &snap); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(snap), &r.Plan); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// DeletePlan removes a plan with its revisions and check-ins.
func (s *Store) DeletePlan(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM plans WHERE id = ?`, id)
	return err
}
