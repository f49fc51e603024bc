package data

import "context"

// The reads behind the dashboard's Today list: what needs the manager's
// attention, soonest first within each kind, at most 200 of each.

// TodayRowKind chooses what Store.TodayRows lists.
type TodayRowKind int

// What the Today list is made of.
const (
	TodayOpenEscalations TodayRowKind = iota // open escalations in the timeline (From, To unused)
	TodayOverdueTasks                        // open onboarding tasks due before From
	TodayDealProtection                      // approved deals whose protection ends in [From, To]
	TodayCertExpiries                        // certifications of people still there expiring in [From, To]
	TodayMDFDeadlines                        // approved MDF requests without a live claim, claim deadline in [From, To]
)

// TodayFilter chooses Today rows: a kind and a range of ISO days.
type TodayFilter struct {
	Kind     TodayRowKind
	From, To string
}

// TodayRow is one thing about one partner that needs attention.
type TodayRow struct {
	PartnerID   int64
	PartnerName string
	Date        string // the ISO day the row is about (escalation day, due day, expiry, deadline)
	Text        string // escalation text, task title, customer, certification and person, activity
	TextRU      string // Text in Russian where the row has both (onboarding task titles)
}

var todayQueries = map[TodayRowKind]string{
	TodayOpenEscalations: `SELECT p.id, p.name, substr(e.at, 1, 10), e.body, '' FROM events e JOIN partners p ON p.id = e.partner_id
		WHERE e.kind = 'escalation' AND e.open = 1 ORDER BY e.at LIMIT 200`,
	TodayOverdueTasks: `SELECT p.id, p.name, t.due_on, t.title_en, t.title_ru FROM onboarding_tasks t
		JOIN onboarding_checklists c ON c.id = t.checklist_id JOIN partners p ON p.id = c.partner_id
		WHERE t.state IN ('pending', 'waiting', 'blocked') AND t.due_on <> '' AND t.due_on < ?1 AND c.completed_on = ''
		AND p.status NOT IN ('offboarded', 'declined') ORDER BY t.due_on, p.name LIMIT 200`,
	TodayDealProtection: `SELECT p.id, p.name, d.protected_until, d.customer, '' FROM deals d JOIN partners p ON p.id = d.partner_id
		WHERE d.state = 'approved' AND d.protected_until BETWEEN ?1 AND ?2 ORDER BY d.protected_until LIMIT 200`,
	TodayCertExpiries: `SELECT p.id, p.name, c.expires_on, c.name || ' — ' || k.name, '' FROM certifications c
		JOIN contacts k ON k.id = c.contact_id JOIN partners p ON p.id = k.partner_id
		WHERE c.expires_on BETWEEN ?1 AND ?2 AND k.left_on = '' ORDER BY c.expires_on LIMIT 200`,
	TodayMDFDeadlines: `SELECT p.id, p.name, x.deadline, x.text, '' FROM (
			SELECT r.partner_id, date(r.ends_on, '+' || f.claim_days || ' days') deadline,
				coalesce(nullif(trim(r.description), ''), f.name) text, r.id
			FROM mdf_requests r JOIN mdf_funds f ON f.id = r.fund_id
			WHERE r.state = 'approved' AND NOT EXISTS (SELECT 1 FROM mdf_claims c WHERE c.request_id = r.id
				AND c.state IN ` + liveMDFClaimStates + `)) x
		JOIN partners p ON p.id = x.partner_id
		WHERE x.deadline BETWEEN ?1 AND ?2 ORDER BY x.deadline, x.id LIMIT 200`,
}

// TodayRows lists the Today rows f chooses.
func (s *Store) TodayRows(ctx context.Context, f TodayFilter) ([]TodayRow, error) {
	q, ok := todayQueries[f.Kind]
	if !ok {
		return nil, Invalid("kind", "err.unknown_kind", map[string]any{"Value": f.Kind})
	}
	var args []any
	if f.Kind != TodayOpenEscalations {
		args = append(args, f.From)
		if f.Kind != TodayOverdueTasks {
			args = append(args, f.To)
		}
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []TodayRow
	for rows.Next() {
		var r TodayRow
		if err := rows.Scan(&r.PartnerID, &r.PartnerName, &r.Date, &r.Text, &r.TextRU); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
