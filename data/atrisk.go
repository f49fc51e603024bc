package data

import (
	"context"
	"strings"
)

// The reads behind the dashboard's at-risk rules; the rules (how long is
// too long, what a dismissal hides) live in app/metrics.

// PartnerSince is a partner with the day a rule measures it from.
type PartnerSince struct {
	PartnerID int64
	Name      string
	Status    Status
	Since     string // ISO day
}

// PartnersWithoutWinSince lists the active (or at-risk) partners whose
// last won deal (or, without one, the day they were added) is before
// cutoff, oldest first.
func (s *Store) PartnersWithoutWinSince(ctx context.Context, cutoff string) ([]PartnerSince, error) {
	return s.partnersSince(ctx, `SELECT id, name, status, since FROM (
		SELECT p.id, p.name, p.status, coalesce((SELECT max(d.closed_on) FROM deals d
			WHERE d.partner_id = p.id AND d.state = 'won'), substr(p.created_at, 1, 10)) AS since
		FROM partners p WHERE p.status IN ('active', 'at_risk')) WHERE since < ? ORDER BY since, name`, cutoff)
}

// OnboardingIdleSince lists the partners (not offboarded or declined) with
// an open checklist whose last task done (or, without one, its start) is
// before cutoff, oldest first.
func (s *Store) OnboardingIdleSince(ctx context.Context, cutoff string) ([]PartnerSince, error) {
	return s.partnersSince(ctx, `SELECT id, name, status, since FROM (
		SELECT p.id, p.name, p.status, max(c.started_on, coalesce((SELECT max(t.done_on) FROM onboarding_tasks t
			WHERE t.checklist_id = c.id AND t.state = 'done'), '')) AS since
		FROM onboarding_checklists c JOIN partners p ON p.id = c.partner_id
		WHERE c.completed_on = '' AND p.status NOT IN ('offboarded', 'declined')) WHERE since < ?
		ORDER BY since, name`, cutoff)
}

func (s *Store) partnersSince(ctx context.Context, query, cutoff string) ([]PartnerSince, error) {
	rows, err := s.db.QueryContext(ctx, query, cutoff)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PartnerSince
	for rows.Next() {
		var r PartnerSince
		if err := rows.Scan(&r.PartnerID, &r.Name, &r.Status, &r.Since); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SettingKeysAfter lists the settings keys starting with prefix whose
// value (an ISO day, say) sorts after after.
func (s *Store) SettingKeysAfter(ctx context.Context, prefix, after string) (map[string]bool, error) {
	esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(prefix)
	rows, err := s.db.QueryContext(ctx, `SELECT key FROM settings WHERE key LIKE ? ESCAPE '\' AND value > ?`, esc+"%", after)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		out[k] = true
	}
	return out, rows.Err()
}
