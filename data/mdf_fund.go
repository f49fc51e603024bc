package data

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// MDFModel is how a fund gives money to partners.
type MDFModel string

// Funding models: set by hand, earned as a share of won revenue, or both.
const (
	ModelDiscretionary MDFModel = "discretionary"
	ModelAccrual       MDFModel = "accrual"
	ModelBoth          MDFModel = "both"
)

// MDFModels lists the funding models in display order.
var MDFModels = []MDFModel{ModelDiscretionary, ModelAccrual, ModelBoth}

// MDFActivity is the kind of marketing activity a request pays for.
type MDFActivity string

// Activity kinds a fund may make eligible.
const (
	ActivityEvent     MDFActivity = "event"
	ActivityWebinar   MDFActivity = "webinar"
	ActivityTradeShow MDFActivity = "trade_show"
	ActivityDigital   MDFActivity = "digital"
	ActivityContent   MDFActivity = "content"
	ActivitySalesRep  MDFActivity = "sales_rep"
	ActivityTraining  MDFActivity = "training"
	ActivityOther     MDFActivity = "other"
)

// MDFActivities lists every activity kind in display order.
var MDFActivities = []MDFActivity{ActivityEvent, ActivityWebinar, ActivityTradeShow, ActivityDigital,
	ActivityContent, ActivitySalesRep, ActivityTraining, ActivityOther}

// Valid says whether a is a known activity kind.
func (a MDFActivity) Valid() bool {
	for _, x := range MDFActivities {
		if x == a {
			return true
		}
	}
	return false
}

// isoDay says whether s is an ISO calendar date (YYYY-MM-DD).
func isoDay(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// MDFFund is a budget of market development funds for one fiscal period.
type MDFFund struct {
	ID         int64
	Name       string
	PeriodKind string // "quarter" or "year"
	FiscalYear int    // calendar year the fiscal year starts in
	Quarter    int    // 1–4 for a quarter fund, 0 for a year fund
	StartsOn   string // first day of the period
	EndsOn     string // last day of the period
	Currency   string
	Budget     int64
	Model      MDFModel
	Activities []MDFActivity // eligible activity kinds
	ShareBP    int           // reimbursement share of actual cost, basis points
	ClaimDays  int           // days after an activity ends to claim it
	AccrualCap int64         // most a partner can accrue; 0 = no cap
	CreatedAt  string
}

// Validate checks a fund before it is stored.
func (f *MDFFund) Validate() error {
	f.Name = strings.TrimSpace(f.Name)
	switch {
	case f.Name == "":
		return Invalid("mdf_fund_name", "err.required", nil)
	case utf8.RuneCountInString(f.Name) > MaxNameLen:
		return Invalid("mdf_fund_name", "err.too_long", map[string]any{"Max": MaxNameLen})
	case f.PeriodKind != "quarter" && f.PeriodKind != "year",
		f.PeriodKind == "quarter" && (f.Quarter < 1 || f.Quarter > 4),
		!isoDay(f.StartsOn) || !isoDay(f.EndsOn) || f.EndsOn < f.StartsOn:
		return Invalid("mdf_period", "err.mdf_period", nil)
	case f.Model != ModelDiscretionary && f.Model != ModelAccrual && f.Model != ModelBoth:
		return Invalid("mdf_model", "err.mdf_model", nil)
	}
	if err := f.validateTerms(); err != nil {
		return err
	}
	for _, a := range f.Activities {
		if !a.Valid() {
			return Invalid("mdf_activities", "err.mdf_activity", map[string]any{"Value": string(a)})
		}
	}
	return nil
}

// validateTerms checks the money and the rules of a fund.
func (f *MDFFund) validateTerms() error {
	switch {
	case f.Budget < 0:
		return Invalid("mdf_budget", "err.mdf_negative", nil)
	case len(f.Activities) == 0:
		return Invalid("mdf_activities", "err.required", nil)
	case f.ShareBP < 1 || f.ShareBP > 10000:
		return Invalid("mdf_share", "err.mdf_share", nil)
	case f.ClaimDays < 0 || f.ClaimDays > 3650:
		return Invalid("mdf_claim_days", "err.mdf_claim_days", nil)
	case f.AccrualCap < 0:
		return Invalid("mdf_accrual_cap", "err.mdf_negative", nil)
	}
	return nil
}

// Eligible says whether the fund pays for activity a.
func (f *MDFFund) Eligible(a MDFActivity) bool {
	for _, x := range f.Activities {
		if x == a {
			return true
		}
	}
	return false
}

// Accrues says whether the fund's model earns money from won revenue.
func (f *MDFFund) Accrues() bool { return f.Model == ModelAccrual || f.Model == ModelBoth }

// Discretionary says whether the manager may allocate the fund by hand.
func (f *MDFFund) Discretionary() bool { return f.Model == ModelDiscretionary || f.Model == ModelBoth }

func joinActivities(as []MDFActivity) string {
	ss := make([]string, len(as))
	for i, a := range as {
		ss[i] = string(a)
	}
	return strings.Join(ss, ",")
}

func splitActivities(s string) []MDFActivity {
	var as []MDFActivity
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			as = append(as, MDFActivity(x))
		}
	}
	return as
}

const mdfFundCols = `id, name, period_kind, fiscal_year, quarter, starts_on, ends_on, currency, budget, model,
	activity_types, share_bp, claim_days, accrual_cap, created_at`

func scanMDFFund(r scanner) (*MDFFund, error) {
	var f MDFFund
	var acts string
	err := r.Scan(&f.ID, &f.Name, &f.PeriodKind, &f.FiscalYear, &f.Quarter, &f.StartsOn, &f.EndsOn, &f.Currency,
		&f.Budget, &f.Model, &acts, &f.ShareBP, &f.ClaimDays, &f.AccrualCap, &f.CreatedAt)
	f.Activities = splitActivities(acts)
	return &f, err
}

// InsertMDFFundTx validates and stores a new fund.
func (s *Store) InsertMDFFundTx(ctx context.Context, tx *Tx, f *MDFFund) error {
	if err := f.Validate(); err != nil {
		return err
	}
	f.CreatedAt = s.now()
	res, err := tx.ExecContext(ctx, `INSERT INTO mdf_funds (id, name, period_kind, fiscal_year, quarter, starts_on, ends_on,
		currency, budget, model, activity_types, share_bp, claim_days, accrual_cap, created_at)
		VALUES (`+teamID("mdf_funds")+`, ?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, f.Name, f.PeriodKind, f.FiscalYear, f.Quarter, f.StartsOn, f.EndsOn,
		f.Currency, f.Budget, f.Model, joinActivities(f.Activities), f.ShareBP, f.ClaimDays, f.AccrualCap, f.CreatedAt)
	if err != nil {
		return err
	}
	f.ID, err = res.LastInsertId()
	return err
}

// UpdateMDFFundBudgetTx changes a fund's budget (the caller checks it
// still covers what was allocated).
func UpdateMDFFundBudgetTx(ctx context.Context, tx *Tx, id, budget int64) error {
	if budget < 0 {
		return Invalid("mdf_budget", "err.mdf_negative", nil)
	}
	_, err := tx.ExecContext(ctx, `UPDATE mdf_funds SET budget = ? WHERE id = ?`, budget, id)
	return err
}

// MDFFundTx reads one fund.
func MDFFundTx(ctx context.Context, q MDFQuerier, id int64) (*MDFFund, error) {
	f, err := scanMDFFund(q.QueryRowContext(ctx, `SELECT `+mdfFundCols+` FROM mdf_funds WHERE id = ?`, id))
	return f, notFoundIf(err, "mdf_fund")
}

// MDFFunds lists every fund, newest period first.
func (s *Store) MDFFunds(ctx context.Context) ([]MDFFund, error) { return MDFFundsTx(ctx, s.db) }

// MDFFundsTx is MDFFunds on a transaction (or the database).
func MDFFundsTx(ctx context.Context, q MDFQuerier) ([]MDFFund, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+mdfFundCols+` FROM mdf_funds ORDER BY starts_on DESC, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var fs []MDFFund
	for rows.Next() {
		f, err := scanMDFFund(rows)
		if err != nil {
			return nil, err
		}
		fs = append(fs, *f)
	}
	return fs, rows.Err()
}
