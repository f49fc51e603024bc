package data

import (
	"context"
	"regexp"
	"strings"
	"unicode/utf8"
)

// RequirementKind is what a tier requirement measures.
type RequirementKind string

// Requirement kinds.
const (
	ReqRevenue12m  RequirementKind = "revenue_12m"          // won revenue in the trailing 12 months, minor units
	ReqDeals12m    RequirementKind = "deals_12m"            // won deals in the trailing 12 months
	ReqCertified   RequirementKind = "certified_people"     // contacts with a valid certification
	ReqOnboarded   RequirementKind = "onboarding_completed" // threshold ignored: 1 when complete
	ReqCustomValue RequirementKind = "custom"               // a number entered per partner
	// ReqLeadAcceptance is the share, in percent (0–100), of the lead
	// offers a partner decided in the trailing 12 months that it accepted
	// (accepted ÷ accepted + declined + expired). A partner with no
	// decided offer in the window meets it: it cannot be held against a
	// partner that the vendor sent no leads; the screens say so.
	ReqLeadAcceptance RequirementKind = "lead_acceptance_12m"
)

// RequirementKinds lists the kinds in display order.
var RequirementKinds = []RequirementKind{ReqRevenue12m, ReqDeals12m, ReqCertified, ReqOnboarded, ReqLeadAcceptance, ReqCustomValue}

// Requirement is one threshold a partner must reach for a tier.
type Requirement struct {
	ID        int64
	TierID    int64
	Kind      RequirementKind
	Threshold int64
	Metric    string // custom requirements: the metric counted
	LabelEN   string
	LabelRU   string
}

// Tier is a level of the partner program.
type Tier struct {
	ID           int64
	Rank         int // higher is better
	NameEN       string
	NameRU       string
	Color        string // #RRGGBB
	DiscountBP   int
	MDFAccrualBP int
	BenefitsEN   string // one benefit per line
	BenefitsRU   string
	Requirements []Requirement
}

// Name is the tier's name in a language ("en" or "ru").
func (t *Tier) Name(lang string) string {
	if lang == "ru" {
		return t.NameRU
	}
	return t.NameEN
}

var colorRE = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

// Validate checks a tier and its requirements before they are stored.
func (t *Tier) Validate() error {
	t.NameEN, t.NameRU = strings.TrimSpace(t.NameEN), strings.TrimSpace(t.NameRU)
	switch {
	case t.NameEN == "":
		return Invalid("name_en", "err.required", nil)
	case t.NameRU == "":
		return Invalid("name_ru", "err.required", nil)
	case utf8.RuneCountInString(t.NameEN) > MaxNameLen || utf8.RuneCountInString(t.NameRU) > MaxNameLen:
		return Invalid("name_en", "err.too_long", map[string]any{"Max": MaxNameLen})
	case !colorRE.MatchString(t.Color):
		return Invalid("color", "err.tiers_color", map[string]any{"Value": t.Color})
	case t.DiscountBP < 0 || t.DiscountBP > 10000:
		return Invalid("discount", "err.tiers_percent", nil)
	case t.MDFAccrualBP < 0 || t.MDFAccrualBP > 10000:
		return Invalid("mdf_accrual", "err.tiers_percent", nil)
	}
	for i := range t.Requirements {
		if err := t.Requirements[i].Validate(); err != nil {
			return err
		}
	}
	return nil
}

// Validate checks one requirement.
func (r *Requirement) Validate() error {
	r.Metric = strings.ToLower(strings.TrimSpace(r.Metric))
	r.LabelEN, r.LabelRU = strings.TrimSpace(r.LabelEN), strings.TrimSpace(r.LabelRU)
	known := false
	for _, k := range RequirementKinds {
		known = known || k == r.Kind
	}
	switch {
	case !known:
		return Invalid("requirement", "err.unknown_kind", map[string]any{"Value": string(r.Kind)})
	case r.Threshold < 0:
		return Invalid("threshold", "err.tiers_threshold", nil)
	case r.Kind == ReqLeadAcceptance && r.Threshold > 100:
		return Invalid("threshold", "err.tiers_percent", nil)
	case r.Kind == ReqCustomValue && r.Metric == "" && r.LabelEN == "":
		return Invalid("metric", "err.required", nil)
	}
	if r.Kind == ReqCustomValue && r.Metric == "" {
		r.Metric = strings.ToLower(r.LabelEN)
	}
	if r.Kind == ReqOnboarded {
		r.Threshold = 1
	}
	return nil
}

// Tiers returns the program's tiers with their requirements, lowest rank first.
func (s *Store) Tiers(ctx context.Context) ([]Tier, error) {
	return tiersQ(ctx, s.db)
}

func tiersQ(ctx context.Context, q Querier) ([]Tier, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, rank, name_en, name_ru, color, discount_bp, mdf_accrual_bp, benefits_en, benefits_ru
		FROM tiers ORDER BY rank`)
	if err != nil {
		return nil, err
	}
	var out []Tier
	idx := map[int64]int{}
	for rows.Next() {
		var t Tier
		if err := rows.Scan(&t.ID, &t.Rank, &t.NameEN, &t.NameRU, &t.Color, &t.DiscountBP, &t.MDFAccrualBP, &t.BenefitsEN, &t.BenefitsRU); err != nil {
			rows.Close()
			return nil, err
		}
		idx[t.ID] = len(out)
		out = append(out, t)
	}
	rows.Close()
	rows, err = q.QueryContext(ctx, `SELECT id, tier_id, kind, threshold, metric, label_en, label_ru FROM tier_requirements ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r Requirement
		if err := rows.Scan(&r.ID, &r.TierID, &r.Kind, &r.Threshold, &r.Metric, &r.LabelEN, &r.LabelRU); err != nil {
			return nil, err
		}
		if i, ok := idx[r.TierID]; ok {
			out[i].Requirements = append(out[i].Requirements, r)
		}
	}
	return out, rows.Err()
}

// SaveTier creates or updates a tier and replaces its requirements.
func (s *Store) SaveTier(ctx context.Context, t *Tier) error {
	return s.withTx(ctx, func(tx *Tx) error { return s.SaveTierTx(ctx, tx, t) })
}

// SaveTierTx is SaveTier inside a caller's transaction.
func (s *Store) SaveTierTx(ctx context.Context, tx *Tx, t *Tier) error {
	if err := t.Validate(); err != nil {
		return err
	}
	var dup int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM tiers WHERE rank = ? AND id != ?`, t.Rank, t.ID).Scan(&dup); err != nil {
		return err
	}
	if dup > 0 {
		return Invalid("rank", "err.tiers_rank_taken", map[string]any{"Rank": t.Rank})
	}
	args := []any{t.Rank, t.NameEN, t.NameRU, t.Color, t.DiscountBP, t.MDFAccrualBP, t.BenefitsEN, t.BenefitsRU}
	if t.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO tiers (id, rank, name_en, name_ru, color, discount_bp, mdf_accrual_bp, benefits_en, benefits_ru)
			VALUES (`+teamID("tiers")+`, ?,?,?,?,?,?,?,?)`, args...)
		if err != nil {
			return err
		}
		if t.ID, err = res.LastInsertId(); err != nil {
			return err
		}
	} else {
		res, err := tx.ExecContext(ctx, `UPDATE tiers SET rank=?, name_en=?, name_ru=?, color=?, discount_bp=?, mdf_accrual_bp=?,
			benefits_en=?, benefits_ru=? WHERE id=?`, append(args, t.ID)...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return NotFound("tier")
		}
	}
	return saveRequirements(ctx, tx, t)
}

func saveRequirements(ctx context.Context, tx *Tx, t *Tier) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM tier_requirements WHERE tier_id = ?`, t.ID); err != nil {
		return err
	}
	for i := range t.Requirements {
		r := &t.Requirements[i]
		r.TierID = t.ID
		res, err := tx.ExecContext(ctx, `INSERT INTO tier_requirements (id, tier_id, kind, threshold, metric, label_en, label_ru)
			VALUES (`+teamID("tier_requirements")+`, ?,?,?,?,?,?)`, r.TierID, r.Kind, r.Threshold, r.Metric, r.LabelEN, r.LabelRU)
		if err != nil {
			return err
		}
		if r.ID, err = res.LastInsertId(); err != nil {
			return err
		}
	}
	return nil
}

// DeleteTier removes a tier; partners assigned to it keep no tier.
func (s *Store) DeleteTier(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM tiers WHERE id = ?`, id)
	return err
}

// CountTiersTx returns how many tiers the program has.
func CountTiersTx(ctx context.Context, tx *Tx) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM tiers`).Scan(&n)
	return n, err
}

// TiersTx is Tiers inside a caller's transaction.
func TiersTx(ctx context.Context, tx *Tx) ([]Tier, error) { return tiersQ(ctx, tx) }
