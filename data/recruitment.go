package data

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// Source is where a prospect was found.
type Source string

// Prospect sources.
const (
	SourceInbound  Source = "inbound"  // it applied
	SourceEvent    Source = "event"    // met at a trade show or event
	SourceReferral Source = "referral" // someone recommended it
	SourceOutbound Source = "outbound" // found by research
)

// Sources lists every prospect source in display order.
var Sources = []Source{SourceInbound, SourceEvent, SourceReferral, SourceOutbound}

// Valid reports whether s is a known source.
func (s Source) Valid() bool {
	for _, k := range Sources {
		if k == s {
			return true
		}
	}
	return false
}

// ProspectSource records how a prospect came to the program.
type ProspectSource struct {
	PartnerID  int64
	Source     Source
	EventName  string
	EventDate  string // YYYY-MM-DD or ""
	ReferredBy string
	Interest   string
	CapturedAt string // RFC 3339 UTC
}

// Validate checks a prospect source before it is stored.
func (p *ProspectSource) Validate() error {
	p.EventName, p.ReferredBy = strings.TrimSpace(p.EventName), strings.TrimSpace(p.ReferredBy)
	p.Interest = strings.TrimSpace(p.Interest)
	switch {
	case !p.Source.Valid():
		return Invalid("source", "err.recruit_unknown_source", map[string]any{"Value": string(p.Source)})
	case p.Source == SourceEvent && p.EventName == "":
		return Invalid("event_name", "err.required", nil)
	case p.Source == SourceReferral && p.ReferredBy == "":
		return Invalid("referred_by", "err.required", nil)
	case p.EventDate != "" && !validDate(p.EventDate):
		return Invalid("event_date", "err.recruit_date", map[string]any{"Value": p.EventDate})
	case utf8.RuneCountInString(p.EventName) > MaxNameLen || utf8.RuneCountInString(p.ReferredBy) > MaxNameLen:
		return Invalid("event_name", "err.too_long", map[string]any{"Max": MaxNameLen})
	case utf8.RuneCountInString(p.Interest) > MaxTextLen:
		return Invalid("interest", "err.too_long", map[string]any{"Max": MaxTextLen})
	}
	if p.Source != SourceEvent {
		p.EventName, p.EventDate = "", ""
	}
	if p.Source != SourceReferral {
		p.ReferredBy = ""
	}
	return nil
}

func validDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// SaveProspectSource creates or replaces a partner's prospect source.
func (s *Store) SaveProspectSource(ctx context.Context, p *ProspectSource) error {
	return s.withTx(ctx, func(tx *Tx) error { return s.SaveProspectSourceTx(ctx, tx, p) })
}

// SaveProspectSourceTx is SaveProspectSource inside a caller's transaction.
func (s *Store) SaveProspectSourceTx(ctx context.Context, tx *Tx, p *ProspectSource) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if p.CapturedAt == "" {
		p.CapturedAt = s.now()
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO prospect_sources (partner_id, source, event_name, event_date, referred_by,
		interest, captured_at) VALUES (?,?,?,?,?,?,?)
		ON CONFLICT(partner_id) DO UPDATE SET source=excluded.source, event_name=excluded.event_name,
		event_date=excluded.event_date, referred_by=excluded.referred_by, interest=excluded.interest`,
		p.PartnerID, p.Source, p.EventName, p.EventDate, p.ReferredBy, p.Interest, p.CapturedAt)
	return notFoundIfFK(err, "partner")
}

// ProspectSourceOf returns a partner's prospect source; NotFound when none
// was recorded.
func (s *Store) ProspectSourceOf(ctx context.Context, partnerID int64) (*ProspectSource, error) {
	var p ProspectSource
	err := s.db.QueryRowContext(ctx, `SELECT partner_id, source, event_name, event_date, referred_by, interest, captured_at
		FROM prospect_sources WHERE partner_id = ?`, partnerID).
		Scan(&p.PartnerID, &p.Source, &p.EventName, &p.EventDate, &p.ReferredBy, &p.Interest, &p.CapturedAt)
	return &p, notFoundIf(err, "prospect_source")
}

// RecruitStatuses are the lifecycle statuses the recruitment pipeline
// shows; onboarding is the "approved" stage.
var RecruitStatuses = []Status{StatusProspect, StatusApplied, StatusVetting, StatusOnboarding, StatusDeclined}

// RecruitRow is a prospect as the recruitment pipeline lists it.
type RecruitRow struct {
	ID         int64
	Name       string
	Type       PartnerType
	Status     Status
	City       string
	Country    string
	Source     Source // "" when not recorded
	EventName  string
	EventDate  string
	ReferredBy string
	Created    string
}

// RecruitRows returns the partners in the recruitment stages, in one query.
func (s *Store) RecruitRows(ctx context.Context) ([]RecruitRow, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.name, p.type, p.status, p.city, p.country,
		coalesce(ps.source, ''), coalesce(ps.event_name, ''), coalesce(ps.event_date, ''), coalesce(ps.referred_by, ''),
		p.created_at
		FROM partners p LEFT JOIN prospect_sources ps ON ps.partner_id = p.id
		WHERE p.status IN ('prospect','applied','vetting','onboarding','declined')
		ORDER BY p.name COLLATE NOCASE`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []RecruitRow
	for rows.Next() {
		var r RecruitRow
		if err := rows.Scan(&r.ID, &r.Name, &r.Type, &r.Status, &r.City, &r.Country, &r.Source, &r.EventName,
			&r.EventDate, &r.ReferredBy, &r.Created); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
