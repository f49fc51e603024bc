package tier

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"channeldesk/app/format"
	"channeldesk/data"
)

// LoadFacts reads what tier evaluation needs about every partner (or one,
// when partnerID > 0) as of asOf, in six queries whatever the number of
// partners. Won deals are read from the start of the trailing window of
// asOf, certifications that are still valid on asOf.
func LoadFacts(ctx context.Context, s *data.Store, asOf string, partnerID int64) ([]PartnerFacts, error) {
	db := s.DB()
	facts, idx, err := loadPartnerTiers(ctx, db, partnerID)
	if err != nil {
		return nil, err
	}
	filter, args := "", []any{}
	if partnerID > 0 {
		filter, args = " AND partner_id = ?", []any{partnerID}
	}
	from := WindowStart(asOf)
	err = eachRow(ctx, db, `SELECT partner_id, closed_on, amount FROM deals
		WHERE state = 'won' AND closed_on >= ? AND closed_on <= ?`+filter, append([]any{from, asOf}, args...),
		func(r *sql.Rows) error {
			var id int64
			var d WonDeal
			if err := r.Scan(&id, &d.ClosedOn, &d.Amount); err != nil {
				return err
			}
			if i, ok := idx[id]; ok {
				facts[i].Won = append(facts[i].Won, d)
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	if err := loadCerts(ctx, db, asOf, partnerID, facts, idx); err != nil {
		return nil, err
	}
	if err := loadOnboarding(ctx, db, partnerID, facts, idx); err != nil {
		return nil, err
	}
	decisions, err := s.LeadDecisions(ctx, partnerID, from, asOf)
	if err != nil {
		return nil, err
	}
	for _, d := range decisions {
		if i, ok := idx[d.PartnerID]; ok {
			facts[i].LeadDecisions = append(facts[i].LeadDecisions, d)
		}
	}
	return facts, loadCustom(ctx, db, partnerID, facts, idx)
}

func eachRow(ctx context.Context, db *sql.DB, q string, args []any, fn func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func loadPartnerTiers(ctx context.Context, db *sql.DB, partnerID int64) ([]PartnerFacts, map[int64]int, error) {
	q, args := `SELECT id, coalesce(tier_id, 0), status FROM partners`, []any{}
	if partnerID > 0 {
		q, args = q+` WHERE id = ?`, []any{partnerID}
	}
	var facts []PartnerFacts
	idx := map[int64]int{}
	err := eachRow(ctx, db, q+` ORDER BY id`, args, func(r *sql.Rows) error {
		var f PartnerFacts
		if err := r.Scan(&f.PartnerID, &f.AssignedTierID, &f.Status); err != nil {
			return err
		}
		idx[f.PartnerID] = len(facts)
		facts = append(facts, f)
		return nil
	})
	if err == nil && partnerID > 0 && len(facts) == 0 {
		err = data.NotFound("partner")
	}
	return facts, idx, err
}

func loadCerts(ctx context.Context, db *sql.DB, asOf string, partnerID int64, facts []PartnerFacts, idx map[int64]int) error {
	filter, args := "", []any{asOf, asOf}
	if partnerID > 0 {
		filter, args = " AND c.partner_id = ?", append(args, partnerID)
	}
	return eachRow(ctx, db, `SELECT c.partner_id, ce.contact_id, ce.earned_on, ce.expires_on
		FROM certifications ce JOIN contacts c ON c.id = ce.contact_id
		WHERE ce.earned_on <= ? AND (ce.expires_on = '' OR ce.expires_on >= ?)`+filter, args,
		func(r *sql.Rows) error {
			var id int64
			var c CertSpan
			if err := r.Scan(&id, &c.ContactID, &c.EarnedOn, &c.ExpiresOn); err != nil {
				return err
			}
			if i, ok := idx[id]; ok {
				facts[i].Certs = append(facts[i].Certs, c)
			}
			return nil
		})
}

func loadOnboarding(ctx context.Context, db *sql.DB, partnerID int64, facts []PartnerFacts, idx map[int64]int) error {
	filter, args := "", []any{}
	if partnerID > 0 {
		filter, args = " AND partner_id = ?", []any{partnerID}
	}
	return eachRow(ctx, db, `SELECT partner_id, completed_on FROM onboarding_checklists WHERE completed_on != ''`+filter, args,
		func(r *sql.Rows) error {
			var id int64
			var on string
			if err := r.Scan(&id, &on); err != nil {
				return err
			}
			if i, ok := idx[id]; ok {
				facts[i].OnboardedOn = on
			}
			return nil
		})
}

func loadCustom(ctx context.Context, db *sql.DB, partnerID int64, facts []PartnerFacts, idx map[int64]int) error {
	filter, args := "", []any{}
	if partnerID > 0 {
		filter, args = " WHERE partner_id = ?", []any{partnerID}
	}
	return eachRow(ctx, db, `SELECT partner_id, metric, value FROM partner_metric_values`+filter, args,
		func(r *sql.Rows) error {
			var id, v int64
			var metric string
			if err := r.Scan(&id, &metric, &v); err != nil {
				return err
			}
			if i, ok := idx[id]; ok {
				if facts[i].Custom == nil {
					facts[i].Custom = map[string]int64{}
				}
				facts[i].Custom[metric] = v
			}
			return nil
		})
}

// Overview is the whole program evaluated on one date.
type Overview struct {
	Program     Program
	Evaluations []Evaluation // one per partner, by partner ID
	Dismissed   map[int64]map[int64]bool
}

// EvaluateProgram loads and evaluates every partner as of asOf.
func EvaluateProgram(ctx context.Context, s *data.Store, asOf string) (*Overview, error) {
	tiers, err := s.Tiers(ctx)
	if err != nil {
		return nil, err
	}
	facts, err := LoadFacts(ctx, s, asOf, 0)
	if err != nil {
		return nil, err
	}
	dis, err := s.Dismissals(ctx)
	if err != nil {
		return nil, err
	}
	p := NewProgram(tiers)
	return &Overview{Program: p, Evaluations: p.EvaluateAll(facts, asOf), Dismissed: dis}, nil
}

// Suggestions are the evaluations with a promotion or demotion the manager
// has not dismissed.
func (o *Overview) Suggestions() []Evaluation {
	var out []Evaluation
	for _, e := range o.Evaluations {
		if e.Suggest != SuggestNone && !o.Dismissed[e.PartnerID][e.SuggestedTierID()] {
			out = append(out, e)
		}
	}
	return out
}

// CloseToNext are the partners at ≥ 80% of every requirement of the next tier.
func (o *Overview) CloseToNext() []Evaluation {
	var out []Evaluation
	for _, e := range o.Evaluations {
		if e.CloseToNext {
			out = append(out, e)
		}
	}
	return out
}

// AtRisk are the evaluations of partners that may lose their assigned tier.
func (o *Overview) AtRisk() []Evaluation {
	var out []Evaluation
	for _, e := range o.Evaluations {
		if e.Risk != RiskNone {
			out = append(out, e)
		}
	}
	return out
}

// PerTier counts partners by assigned tier ID (0: none).
func (o *Overview) PerTier() map[int64]int {
	out := map[int64]int{}
	for _, e := range o.Evaluations {
		if e.Assigned != nil {
			out[e.Assigned.ID]++
		} else {
			out[0]++
		}
	}
	return out
}

// EvaluatePartner evaluates one partner as of asOf, with its program.
func EvaluatePartner(ctx context.Context, s *data.Store, partnerID int64, asOf string) (Program, *PartnerFacts, Evaluation, error) {
	tiers, err := s.Tiers(ctx)
	if err != nil {
		return Program{}, nil, Evaluation{}, err
	}
	facts, err := LoadFacts(ctx, s, asOf, partnerID)
	if err != nil {
		return Program{}, nil, Evaluation{}, err
	}
	p := NewProgram(tiers)
	return p, &facts[0], p.Evaluate(&facts[0], asOf), nil
}

// Name is a tier's name in a language, or the "no tier" text.
func Name(t *data.Tier, lang format.Lang, none string) string {
	if t == nil {
		return none
	}
	return t.Name(string(lang))
}

// ConfirmChange makes the manager's decision: the partner's assigned
// tier becomes toTierID (0: none), the change is kept with its reason and
// written into the timeline as "Silver › Gold: reason".
func ConfirmChange(ctx context.Context, s *data.Store, partnerID, toTierID int64, reason, author string, lang format.Lang, none string) error {
	tiers, err := s.Tiers(ctx)
	if err != nil {
		return err
	}
	p := NewProgram(tiers)
	if toTierID != 0 && p.Tier(toTierID) == nil {
		return data.NotFound("tier")
	}
	from, err := s.AssignedTier(ctx, partnerID)
	if err != nil {
		return err
	}
	body := fmt.Sprintf("%s › %s: %s", Name(p.Tier(from), lang, none), Name(p.Tier(toTierID), lang, none), reason)
	return s.ChangeTier(ctx, &data.TierChange{PartnerID: partnerID, ToTierID: toTierID, Reason: reason, Author: author}, body)
}

// QuarterEnd is the last day of the fiscal quarter that holds date, for a
// fiscal year starting in month fyStart (1–12): the what-if view's "end
// of the quarter".
func QuarterEnd(date string, fyStart int) string {
	t, err := time.Parse(format.DateLayout, date)
	if err != nil {
		return date
	}
	if fyStart < 1 || fyStart > 12 {
		fyStart = 1
	}
	offset := (int(t.Month()) - fyStart + 12) % 12 // months since the fiscal year began
	qStart := time.Date(t.Year(), t.Month()-time.Month(offset%3), 1, 0, 0, 0, 0, time.UTC)
	return qStart.AddDate(0, 3, -1).Format(format.DateLayout)
}
