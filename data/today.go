package data

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf8"
)

// TodayAction is what the manager did with a Today item instead of doing it.
type TodayAction string

// What can be done with a Today item besides doing it.
const (
	TodaySnooze  TodayAction = "snooze"  // hidden until a date, then back
	TodayDismiss TodayAction = "dismiss" // hidden for good, with a reason
)

// TodayMark is one Today item the manager snoozed or dismissed. Kind and
// Ref name the item (Ref is stable while the item stays the same thing);
// Label is how the item read, for the "Snoozed & dismissed" list.
type TodayMark struct {
	ID          int64
	Kind        string
	Ref         string
	PartnerID   int64
	PartnerName string // read only
	Label       string
	Action      TodayAction
	Until       string // snooze: ISO date the item comes back
	Reason      string // dismiss: why
	At          string // when it was marked, RFC 3339
}

// Validate checks a mark before it is stored.
func (m *TodayMark) Validate() error {
	m.Reason = strings.TrimSpace(m.Reason)
	switch {
	case m.Kind == "" || m.Ref == "":
		return Invalid("kind", "err.required", nil)
	case m.Action == TodaySnooze && len(m.Until) != 10:
		return Invalid("until", "err.required", nil)
	case m.Action == TodayDismiss && m.Reason == "":
		return Invalid("reason", "err.reason_required", nil)
	case m.Action != TodaySnooze && m.Action != TodayDismiss:
		return Invalid("action", "err.unknown_kind", map[string]any{"Value": string(m.Action)})
	case utf8.RuneCountInString(m.Reason) > MaxTextLen:
		return Invalid("reason", "err.too_long", map[string]any{"Max": MaxTextLen})
	}
	return nil
}

// MarkToday snoozes or dismisses Today items, replacing an earlier mark
// of the same item, all in one transaction.
func (s *Store) MarkToday(ctx context.Context, marks []TodayMark) error {
	for i := range marks {
		if err := marks[i].Validate(); err != nil {
			return err
		}
	}
	at := s.now()
	return s.withTx(ctx, func(tx *Tx) error {
		for _, m := range marks {
			_, err := tx.ExecContext(ctx, `INSERT INTO today_marks (kind, ref, partner_id, label, action, until, reason, at)
				VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(kind, ref) DO UPDATE SET label = excluded.label,
				action = excluded.action, until = excluded.until, reason = excluded.reason, at = excluded.at`,
				m.Kind, m.Ref, m.PartnerID, m.Label, m.Action, m.Until, m.Reason, at)
			if err != nil {
				return notFoundIfFK(err, "partner")
			}
		}
		return nil
	})
}

// TodayMarks lists every snoozed or dismissed Today item, the latest first.
func (s *Store) TodayMarks(ctx context.Context) ([]TodayMark, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT m.id, m.kind, m.ref, m.partner_id, p.name, m.label, m.action,
		m.until, m.reason, m.at FROM today_marks m JOIN partners p ON p.id = m.partner_id ORDER BY m.at DESC, m.id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []TodayMark
	for rows.Next() {
		var m TodayMark
		if err := rows.Scan(&m.ID, &m.Kind, &m.Ref, &m.PartnerID, &m.PartnerName, &m.Label, &m.Action,
			&m.Until, &m.Reason, &m.At); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// UnmarkToday brings snoozed or dismissed items back to Today at once.
func (s *Store) UnmarkToday(ctx context.Context, kind, ref string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM today_marks WHERE kind = ? AND ref = ?`, kind, ref)
	return err
}

// ContactKinds are the timeline events that count as contact with a
// partner: calls, meetings, e-mails (e-mail drafts made for it are logged
// as e-mails) and rows the partner sent back in its kit.
var ContactKinds = []EventKind{EventCall, EventMeeting, EventEmail, EventKit}

// ContactState is a partner still in the program with the day it was
// last contacted ("" when never) and the day it was added.
type ContactState struct {
	PartnerID   int64
	Name        string
	Status      Status
	TierID      int64 // 0 when no tier
	Created     string
	LastContact string // ISO date
}

// contactKindsSQL is the IN list of ContactKinds.
func contactKindsSQL() (string, []any) {
	marks := make([]string, len(ContactKinds))
	args := make([]any, len(ContactKinds))
	for i, k := range ContactKinds {
		marks[i], args[i] = "?", string(k)
	}
	return "(" + strings.Join(marks, ",") + ")", args
}

// ContactStates lists the partners that are onboarding, active or at
// risk, with their last contact.
func (s *Store) ContactStates(ctx context.Context) ([]ContactState, error) {
	in, args := contactKindsSQL()
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.name, p.status, coalesce(p.tier_id, 0), substr(p.created_at, 1, 10),
		coalesce(substr(c.last, 1, 10), '') FROM partners p
		LEFT JOIN (SELECT partner_id, max(at) last FROM events WHERE kind IN `+in+` GROUP BY partner_id) c ON c.partner_id = p.id
		WHERE p.status IN ('onboarding', 'active', 'at_risk') ORDER BY p.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ContactState
	for rows.Next() {
		var c ContactState
		if err := rows.Scan(&c.PartnerID, &c.Name, &c.Status, &c.TierID, &c.Created, &c.LastContact); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

const cadencePrefix = "cadence.tier."

// Cadences are the contact cadences the manager set, in days, by tier ID;
// tiers not in the map use the program's defaults.
func (s *Store) Cadences(ctx context.Context) (map[int64]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT substr(key, ?), value FROM settings WHERE key LIKE 'cadence.tier.%'`,
		len(cadencePrefix)+1)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var days int
		if err := rows.Scan(&id, &days); err != nil {
			return nil, err
		}
		out[id] = days
	}
	return out, rows.Err()
}

// MaxCadenceDays bounds a contact cadence: once a year at least.
const MaxCadenceDays = 365

// SaveCadences stores the contact cadence of each tier, in days (1–365).
func (s *Store) SaveCadences(ctx context.Context, days map[int64]int) error {
	for _, d := range days {
		if d < 1 || d > MaxCadenceDays {
			return Invalid("cadence", "err.week_cadence", map[string]any{"Max": MaxCadenceDays})
		}
	}
	return s.withTx(ctx, func(tx *Tx) error {
		for id, d := range days {
			if err := SetSettingTx(ctx, tx, cadencePrefix+strconv.FormatInt(id, 10), strconv.Itoa(d)); err != nil {
				return err
			}
		}
		return nil
	})
}
