package data

import (
	"context"
	"strings"
	"unicode/utf8"
)

// EventKind is what happened in a partner's timeline.
type EventKind string

// Timeline event kinds. Status changes are written by ChangeStatus only.
const (
	EventNote         EventKind = "note"
	EventCall         EventKind = "call"
	EventMeeting      EventKind = "meeting"
	EventEmail        EventKind = "email"
	EventEscalation   EventKind = "escalation"
	EventStatusChange EventKind = "status_change"
)

// EventKinds are the kinds a person adds by hand.
var EventKinds = []EventKind{EventNote, EventCall, EventMeeting, EventEmail, EventEscalation}

// Event is one entry in a partner's timeline. Every event is internal
// unless marked shareable; only shareable ones may reach a partner document.
type Event struct {
	ID         int64
	PartnerID  int64
	Kind       EventKind
	At         string // RFC 3339, UTC
	Author     string
	Body       string
	Shareable  bool
	Open       bool // escalations: still open
	FromStatus Status
	ToStatus   Status
}

// Validate checks an event before it is stored.
func (e *Event) Validate() error {
	e.Body = strings.TrimSpace(e.Body)
	known := false
	for _, k := range EventKinds {
		known = known || k == e.Kind
	}
	switch {
	case !known:
		return Invalid("kind", "err.unknown_kind", map[string]any{"Value": string(e.Kind)})
	case e.Body == "":
		return Invalid("body", "err.required", nil)
	case utf8.RuneCountInString(e.Body) > MaxTextLen:
		return Invalid("body", "err.too_long", map[string]any{"Max": MaxTextLen})
	}
	if e.Kind != EventEscalation {
		e.Open = false
	}
	return nil
}

// AddEvent adds a note, call, meeting, e-mail or escalation to a timeline.
func (s *Store) AddEvent(ctx context.Context, e *Event) error {
	if err := e.Validate(); err != nil {
		return err
	}
	if e.At == "" {
		e.At = s.now()
	}
	return s.withTx(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO events (id, partner_id, kind, at, author, body, shareable, open)
			VALUES (`+teamID("events")+`, ?,?,?,?,?,?,?)`, e.PartnerID, e.Kind, e.At, e.Author, e.Body, e.Shareable, e.Open)
		if err != nil {
			return notFoundIfFK(err, "partner")
		}
		e.ID, err = res.LastInsertId()
		return err
	})
}

// ResolveEscalation marks an open escalation resolved.
func (s *Store) ResolveEscalation(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `UPDATE events SET open = 0 WHERE id = ? AND kind = 'escalation'`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return NotFound("escalation")
	}
	return nil
}

// Events returns a partner's timeline, newest first.
func (s *Store) Events(ctx context.Context, partnerID int64) ([]Event, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, partner_id, kind, at, author, body, shareable, open, from_status, to_status
		FROM events WHERE partner_id = ? ORDER BY at DESC, id DESC`, partnerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.ID, &e.PartnerID, &e.Kind, &e.At, &e.Author, &e.Body, &e.Shareable, &e.Open, &e.FromStatus, &e.ToStatus); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// InsertEventTx writes an event as given (any kind, any time) inside a
// caller's transaction; demo data and imports use it to lay down history.
func InsertEventTx(ctx context.Context, tx *Tx, e *Event) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO events (id, partner_id, kind, at, author, body, shareable, open, from_status, to_status)
		VALUES (`+teamID("events")+`, ?,?,?,?,?,?,?,?,?)`, e.PartnerID, e.Kind, e.At, e.Author, e.Body, e.Shareable, e.Open, e.FromStatus, e.ToStatus)
	if err != nil {
		return err
	}
	e.ID, err = res.LastInsertId()
	return err
}
