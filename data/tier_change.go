package data

import (
	"context"
	"database/sql"
	"strings"
	"time"
)

// EventTierChange is the timeline kind of a confirmed tier change.
const EventTierChange EventKind = "tier_change"

// TierChange is one confirmed change of a partner's assigned tier.
type TierChange struct {
	ID         int64
	PartnerID  int64
	FromTierID int64 // 0: no tier
	ToTierID   int64 // 0: no tier
	ChangedAt  string
	Reason     string
	Author     string
}

func tierIDOrNull(id int64) any {
	if id <= 0 {
		return nil
	}
	return id
}

// ChangeTier sets a partner's assigned tier, keeps the change with its
// reason and writes it into the timeline, in one transaction. A reason is
// required; body is the timeline text (the caller names the tiers).
func (s *Store) ChangeTier(ctx context.Context, c *TierChange, body string) error {
	return s.withTx(ctx, func(tx *Tx) error { return s.ChangeTierTx(ctx, tx, c, body) })
}

// ChangeTierTx is ChangeTier inside a caller's transaction. A ChangedAt
// already set is kept (demo history).
func (s *Store) ChangeTierTx(ctx context.Context, tx *Tx, c *TierChange, body string) error {
	c.Reason = strings.TrimSpace(c.Reason)
	if c.Reason == "" {
		return Invalid("reason", "err.reason_required", nil)
	}
	var cur sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT tier_id FROM partners WHERE id = ?`, c.PartnerID).Scan(&cur); err != nil {
		return notFoundIf(err, "partner")
	}
	c.FromTierID = cur.Int64
	if c.FromTierID == c.ToTierID {
		return Conflict("err.tiers_same", nil)
	}
	if c.ChangedAt == "" {
		c.ChangedAt = s.now()
	}
	if _, err := tx.ExecContext(ctx, `UPDATE partners SET tier_id = ?, updated_at = ? WHERE id = ?`, tierIDOrNull(c.ToTierID), c.ChangedAt, c.PartnerID); err != nil {
		return notFoundIfFK(err, "tier")
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO tier_changes (id, partner_id, from_tier_id, to_tier_id, changed_at, reason, author)
		VALUES (`+teamID("tier_changes")+`, ?,?,?,?,?,?)`, c.PartnerID, tierIDOrNull(c.FromTierID), tierIDOrNull(c.ToTierID), c.ChangedAt, c.Reason, c.Author)
	if err != nil {
		return err
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM tier_dismissals WHERE partner_id = ?`, c.PartnerID); err != nil {
		return err
	}
	return InsertEventTx(ctx, tx, &Event{PartnerID: c.PartnerID, Kind: EventTierChange, At: c.ChangedAt, Author: c.Author, Body: body})
}

// TierChanges returns a partner's tier history, newest first.
func (s *Store) TierChanges(ctx context.Context, partnerID int64) ([]TierChange, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, partner_id, coalesce(from_tier_id, 0), coalesce(to_tier_id, 0), changed_at, reason, author
		FROM tier_changes WHERE partner_id = ? ORDER BY changed_at DESC, id DESC`, partnerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []TierChange
	for rows.Next() {
		var c TierChange
		if err := rows.Scan(&c.ID, &c.PartnerID, &c.FromTierID, &c.ToTierID, &c.ChangedAt, &c.Reason, &c.Author); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// AssignedTier returns a partner's assigned tier ID (0: none).
func (s *Store) AssignedTier(ctx context.Context, partnerID int64) (int64, error) {
	var id sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT tier_id FROM partners WHERE id = ?`, partnerID).Scan(&id)
	return id.Int64, notFoundIf(err, "partner")
}

// DismissSuggestion hides the suggestion to move a partner to a tier
// (0: no tier) until the suggested tier is another one.
func (s *Store) DismissSuggestion(ctx context.Context, partnerID, toTierID int64) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO tier_dismissals (partner_id, to_tier_id, dismissed_at) VALUES (?,?,?)
		ON CONFLICT DO UPDATE SET dismissed_at = excluded.dismissed_at`, partnerID, toTierID, s.now())
	return notFoundIfFK(err, "partner")
}

// Dismissals returns the dismissed suggestions as partner → suggested tiers.
func (s *Store) Dismissals(ctx context.Context) (map[int64]map[int64]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT partner_id, to_tier_id FROM tier_dismissals`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]map[int64]bool{}
	for rows.Next() {
		var p, t int64
		if err := rows.Scan(&p, &t); err != nil {
			return nil, err
		}
		if out[p] == nil {
			out[p] = map[int64]bool{}
		}
		out[p][t] = true
	}
	return out, rows.Err()
}

// SetMetricValue stores the number a custom requirement counts for a partner.
func (s *Store) SetMetricValue(ctx context.Context, partnerID int64, metric string, value int64) error {
	metric = strings.ToLower(strings.TrimSpace(metric))
	if metric == "" {
		return Invalid("metric", "err.required", nil)
	}
	if value < 0 {
		return Invalid("value", "err.tiers_threshold", nil)
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO partner_metric_values (partner_id, metric, value, updated_at) VALUES (?,?,?,?)
		ON CONFLICT DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
		partnerID, metric, value, s.Now().UTC().Format(time.RFC3339))
	return notFoundIfFK(err, "partner")
}
