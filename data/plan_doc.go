package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// The reads behind the PDF partner plan and the plan figures of the
// dashboard and the report: small, per partner or per year.

// PartnerTierID is the tier assigned to a partner; 0 for none.
func (s *Store) PartnerTierID(ctx context.Context, partnerID int64) (int64, error) {
	var id sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT tier_id FROM partners WHERE id = ?`, partnerID).Scan(&id)
	return id.Int64, notFoundIf(err, "partner")
}

// PartnerWonAfter is a partner's won revenue and won deals closed after
// the ISO day after and up to upTo (both ISO days): the trailing window
// tier requirements measure.
func (s *Store) PartnerWonAfter(ctx context.Context, partnerID int64, after, upTo string) (revenue, deals int64, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT coalesce(sum(amount), 0), count(*) FROM deals WHERE partner_id = ? AND state = 'won'
		AND closed_on > ? AND closed_on <= ?`, partnerID, after, upTo).Scan(&revenue, &deals)
	return revenue, deals, err
}

// CompletedOnboardings counts completed onboarding checklists: one
// partner's, or everyone's when partnerID is 0.
func (s *Store) CompletedOnboardings(ctx context.Context, partnerID int64) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM onboarding_checklists
		WHERE completed_on <> '' AND (?1 = 0 OR partner_id = ?1)`, partnerID).Scan(&n)
	return n, err
}

// OnboardingDates are a partner's checklist start and completion days;
// found is false when the partner has no checklist.
func (s *Store) OnboardingDates(ctx context.Context, partnerID int64) (started, completed string, found bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT started_on, completed_on FROM onboarding_checklists WHERE partner_id = ?`,
		partnerID).Scan(&started, &completed)
	if err == sql.ErrNoRows {
		return "", "", false, nil
	}
	return started, completed, err == nil, err
}

// OpenTask is an onboarding task still to do (pending, waiting or
// blocked), as the partner plan lists it; block reasons stay out.
type OpenTask struct {
	TitleEN, TitleRU string
	DueOn            string
	Owner            Side
}

// OpenOnboardingTasks lists a partner's onboarding tasks still to do, by
// due date and position.
func (s *Store) OpenOnboardingTasks(ctx context.Context, partnerID int64) ([]OpenTask, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT t.title_en, t.title_ru, t.due_on, t.owner
		FROM onboarding_tasks t JOIN onboarding_checklists c ON c.id = t.checklist_id
		WHERE c.partner_id = ? AND t.state IN ('pending','waiting','blocked')
		ORDER BY t.due_on, t.position`, partnerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OpenTask
	for rows.Next() {
		var t OpenTask
		if err := rows.Scan(&t.TitleEN, &t.TitleRU, &t.DueOn, &t.Owner); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// MDFActivityLine is an approved MDF activity as the partner plan shows it.
type MDFActivityLine struct {
	Activity    MDFActivity
	Description string
	StartsOn    string
	Approved    int64
}

// ApprovedMDFActivities lists a partner's approved activities that end on
// or after endsFrom (an ISO day), by start.
func (s *Store) ApprovedMDFActivities(ctx context.Context, partnerID int64, endsFrom string) ([]MDFActivityLine, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT activity, description, starts_on, approved_amount FROM mdf_requests
		WHERE partner_id = ? AND state = 'approved' AND ends_on >= ? ORDER BY starts_on`, partnerID, endsFrom)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []MDFActivityLine
	for rows.Next() {
		var a MDFActivityLine
		if err := rows.Scan(&a.Activity, &a.Description, &a.StartsOn, &a.Approved); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// HasAgreedPlans says whether a fiscal year has a plan agreed (or since
// completed).
func (s *Store) HasAgreedPlans(ctx context.Context, year int) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM plans WHERE fiscal_year = ?
		AND status IN ('agreed', 'completed'))`, year).Scan(&n)
	return n == 1, err
}

// PlanAgreedDates are the agreement days of a fiscal year's plans, by plan ID.
func (s *Store) PlanAgreedDates(ctx context.Context, year int) (map[int64]string, error) {
	return idMap[string](ctx, s.db, `SELECT id, agreed_on FROM plans WHERE fiscal_year = ?`, year)
}

// PartnerBrief is a partner's id, name and status.
type PartnerBrief struct {
	ID     int64
	Name   string
	Status Status
}

// PartnerBriefs lists every partner's id, name and status, by name
// (case-insensitive), then id.
func (s *Store) PartnerBriefs(ctx context.Context) ([]PartnerBrief, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, status FROM partners ORDER BY name COLLATE NOCASE, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PartnerBrief
	for rows.Next() {
		var p PartnerBrief
		if err := rows.Scan(&p.ID, &p.Name, &p.Status); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// PartnerStatuses are every partner's status, by id.
func (s *Store) PartnerStatuses(ctx context.Context) (map[int64]Status, error) {
	return idMap[Status](ctx, s.db, `SELECT id, status FROM partners`)
}

// PartnerNames are every partner's name, by id.
func (s *Store) PartnerNames(ctx context.Context) (map[int64]string, error) {
	return idMap[string](ctx, s.db, `SELECT id, name FROM partners`)
}

// idMap reads a query of (id, value) rows into a map by id.
func idMap[V any](ctx context.Context, q Querier, query string, args ...any) (map[int64]V, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]V{}
	for rows.Next() {
		var id int64
		var v V
		if err := rows.Scan(&id, &v); err != nil {
			return nil, err
		}
		out[id] = v
	}
	return out, rows.Err()
}

// RevenueTarget sums the revenue targets for one quarter (1–4) of a fiscal
// year's agreed and completed plans of partners still in the program (not
// offboarded or declined); ok is false when no such plan has one.
func (s *Store) RevenueTarget(ctx context.Context, year, quarter int) (sum int64, ok bool, err error) {
	if quarter < 1 || quarter > 4 {
		return 0, false, Invalid("quarter", "err.plans_quarter", nil)
	}
	var n int64
	q, args := agreedQuarterObjectives(year, quarter)
	err = s.db.QueryRowContext(ctx, fmt.Sprintf(`SELECT coalesce(sum(o.target_q%d), 0), count(*) `, quarter)+q+` AND o.measure = ?`,
		append(args, string(MeasureRevenue))...).Scan(&sum, &n)
	return sum, n > 0, err
}

// agreedQuarterObjectives is the FROM and WHERE of the objectives (o) with
// a target in one quarter of a year's agreed and completed plans (p) of
// partners (pa) still in the program, and its arguments.
func agreedQuarterObjectives(year, quarter int) (string, []any) {
	return fmt.Sprintf(`FROM plan_objectives o JOIN plans p ON p.id = o.plan_id JOIN partners pa ON pa.id = p.partner_id
		WHERE p.fiscal_year = ? AND p.status IN (?, ?) AND pa.status NOT IN (?, ?) AND o.target_q%d > 0`, quarter),
		[]any{year, string(PlanAgreed), string(PlanCompleted), string(StatusOffboarded), string(StatusDeclined)}
}

// QuarterObjective is one objective of an agreed plan with its target and
// entered actual in one fiscal quarter.
type QuarterObjective struct {
	PlanID, PartnerID int64
	Measure           Measure
	Weight            int
	Target, Actual    int64
}

// AgreedQuarterObjectives lists the objectives with a target in one
// quarter (1–4) of a fiscal year's agreed and completed plans of partners
// still in the program (not offboarded or declined), in no set order: all
// a quarter's attainment needs, without the rest of each plan.
func (s *Store) AgreedQuarterObjectives(ctx context.Context, year, quarter int) ([]QuarterObjective, error) {
	if quarter < 1 || quarter > 4 {
		return nil, Invalid("quarter", "err.plans_quarter", nil)
	}
	q, args := agreedQuarterObjectives(year, quarter)
	rows, err := s.db.QueryContext(ctx, fmt.Sprintf(`SELECT o.plan_id, p.partner_id, o.measure, o.weight, o.target_q%[1]d, o.actual_q%[1]d `,
		quarter)+q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []QuarterObjective
	for rows.Next() {
		var o QuarterObjective
		if err := rows.Scan(&o.PlanID, &o.PartnerID, &o.Measure, &o.Weight, &o.Target, &o.Actual); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// PartnerBriefsOf are the id, name and status of the partners ids names,
// by id: for a handful out of thousands, without reading them all.
func (s *Store) PartnerBriefsOf(ctx context.Context, ids []int64) (map[int64]PartnerBrief, error) {
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, status FROM partners WHERE id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int64]PartnerBrief, len(ids))
	for rows.Next() {
		var b PartnerBrief
		if err := rows.Scan(&b.ID, &b.Name, &b.Status); err != nil {
			return nil, err
		}
		out[b.ID] = b
	}
	return out, rows.Err()
}
