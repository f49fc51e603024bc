package plan

import (
	"channeldesk/app/format"
	"channeldesk/data"
	"context"
	"database/sql"
	"strings"
	"time"
)

// loadTier reads the partner's assigned tier and its progress on every
// requirement of the next tier up, from the shared tables. The deals &
// tiers area owns the full evaluation; this reads the same contracts
// (won deals, valid certifications, the onboarding checklist).
func loadTier(ctx context.Context, db *sql.DB, partnerID int64, l format.Lang, today time.Time) (TierSection, error) {
	var sec TierSection
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM tiers`).Scan(&n); err != nil || n == 0 {
		return sec, err
	}
	sec.HasProgram = true
	var tierID sql.NullInt64
	if err := db.QueryRowContext(ctx, `SELECT tier_id FROM partners WHERE id = ?`, partnerID).Scan(&tierID); err != nil {
		return sec, err
	}
	rank := -1 << 31
	if tierID.Valid {
		cur, r, err := readTier(ctx, db, `id = ?`, l, tierID.Int64)
		if err != nil {
			return sec, err
		}
		sec.Current, rank = cur, r
	}
	var nextID int64
	err := db.QueryRowContext(ctx, `SELECT id FROM tiers WHERE rank > ? ORDER BY rank LIMIT 1`, rank).Scan(&nextID)
	if err == sql.ErrNoRows {
		return sec, nil
	} else if err != nil {
		return sec, err
	}
	if sec.Next, _, err = readTier(ctx, db, `id = ?`, l, nextID); err != nil {
		return sec, err
	}
	sec.Progress, err = tierProgress(ctx, db, partnerID, nextID, l, today)
	return sec, err
}

func readTier(ctx context.Context, db *sql.DB, where string, l format.Lang, arg any) (*TierInfo, int, error) {
	var t TierInfo
	var rank int
	var nameEN, nameRU, benEN, benRU string
	err := db.QueryRowContext(ctx, `SELECT rank, name_en, name_ru, color, discount_bp, mdf_accrual_bp, benefits_en, benefits_ru
		FROM tiers WHERE `+where, arg).Scan(&rank, &nameEN, &nameRU, &t.Color, &t.DiscountBP, &t.MDFBP, &benEN, &benRU)
	if err != nil {
		return nil, 0, err
	}
	t.Name = nameEN
	benefits := benEN
	if l == format.RU {
		t.Name, benefits = nameRU, benRU
	}
	for _, line := range strings.Split(benefits, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			t.Benefits = append(t.Benefits, line)
		}
	}
	return &t, rank, nil
}

func tierProgress(ctx context.Context, db *sql.DB, partnerID, tierID int64, l format.Lang, today time.Time) ([]ProgressRow, error) {
	rows, err := db.QueryContext(ctx, `SELECT kind, threshold, label_en, label_ru FROM tier_requirements WHERE tier_id = ? ORDER BY id`, tierID)
	if err != nil {
		return nil, err
	}
	type req struct {
		kind, en, ru string
		threshold    int64
	}
	var reqs []req
	for rows.Next() {
		var r req
		if err := rows.Scan(&r.kind, &r.threshold, &r.en, &r.ru); err != nil {
			rows.Close()
			return nil, err
		}
		reqs = append(reqs, r)
	}
	rows.Close()
	out := make([]ProgressRow, 0, len(reqs))
	for _, r := range reqs {
		row := ProgressRow{Label: text(l, "req."+r.kind), Target: r.threshold, Known: true, Money: r.kind == "revenue_12m"}
		if r.kind == "onboarding_completed" {
			row.YesNo, row.Target = true, 1
		}
		if r.kind == "custom" {
			row.Label, row.Known = r.en, false
			if l == format.RU && r.ru != "" {
				row.Label = r.ru
			}
		} else if r.kind == string(data.ReqLeadAcceptance) {
			row = leadAcceptanceRow(ctx, db, partnerID, row, today)
		} else if row.Actual, err = requirementActual(ctx, db, partnerID, r.kind, today); err != nil {
			return nil, err
		}
		out = append(out, finishRow(row))
	}
	return out, nil
}

// leadAcceptanceRow is the partner's own lead acceptance rate over the
// trailing 12 months (accepted ÷ decided offers, whole percent rounded
// down, as the tier engine counts it); with no decided offer it is met and
// says so. A failed read leaves the figure "not set".
func leadAcceptanceRow(ctx context.Context, db *sql.DB, partnerID int64, row ProgressRow, today time.Time) ProgressRow {
	row.Percent = true
	ds, err := data.LeadDecisionsQ(ctx, db, partnerID, iso(today.AddDate(-1, 0, 1)), iso(today))
	if err != nil {
		row.Known = false
		return row
	}
	var accepted int64
	for _, d := range ds {
		if d.Accepted {
			accepted++
		}
	}
	switch {
	case len(ds) == 0:
		row.NoData, row.Actual = true, row.Target
	default:
		row.Actual = accepted * 100 / int64(len(ds))
	}
	return row
}

// finishRow computes the exact gap and the bar's fraction.
func finishRow(r ProgressRow) ProgressRow {
	r.Gap = max(r.Target-r.Actual, 0)
	switch {
	case r.Target <= 0:
		r.Fraction = 1
	default:
		r.Fraction = min(float64(r.Actual)/float64(r.Target), 1)
	}
	if !r.Known {
		r.Fraction, r.Gap = 0, 0
	}
	return r
}

// requirementActual measures one requirement kind for a partner today.
func requirementActual(ctx context.Context, db *sql.DB, partnerID int64, kind string, today time.Time) (int64, error) {
	from, to := iso(today.AddDate(-1, 0, 0)), iso(today)
	var v int64
	var err error
	switch kind {
	case "revenue_12m":
		err = db.QueryRowContext(ctx, `SELECT coalesce(sum(amount), 0) FROM deals WHERE partner_id = ? AND state = 'won'
			AND closed_on > ? AND closed_on <= ?`, partnerID, from, to).Scan(&v)
	case "deals_12m":
		err = db.QueryRowContext(ctx, `SELECT count(*) FROM deals WHERE partner_id = ? AND state = 'won'
			AND closed_on > ? AND closed_on <= ?`, partnerID, from, to).Scan(&v)
	case "certified_people":
		var f []data.PartnerFigure
		if f, err = data.CertifiedOnQ(ctx, db, partnerID, to); err == nil && len(f) > 0 {
			v = f[0].Count
		}
	case "onboarding_completed":
		err = db.QueryRowContext(ctx, `SELECT count(*) FROM onboarding_checklists WHERE partner_id = ? AND completed_on != ''`,
			partnerID).Scan(&v)
	}
	return v, err
}
