package data

import (
	"context"
	"strings"
)

// LeadPartnerCounts is the raw lead record of one partner: what it was
// offered and what it made of it.
type LeadPartnerCounts struct {
	PartnerID    int64
	PartnerName  string
	Offered      int
	Accepted     int
	Declined     int
	Expired      int
	Open         int    // offers still waiting for an answer
	DaysToAccept []int  // per accepted offer, days from offer to acceptance
	Converted    int    // leads it turned into a deal registration
	Revenue      int64  // won amount of those deals, minor units
	LastExpired  string // the day its latest offer expired; "" when none did
}

// LeadPartnerCounts returns the lead record of every partner that was
// offered a lead (of one partner when partnerID > 0), by partner name.
func (s *Store) LeadPartnerCounts(ctx context.Context, partnerID int64) ([]LeadPartnerCounts, error) {
	where, args := "", []any{}
	if partnerID > 0 {
		where, args = ` WHERE o.partner_id = ?`, []any{partnerID}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT o.partner_id, p.name, o.outcome, o.decided_on,
		CASE WHEN o.outcome = 'accepted' THEN cast(julianday(o.decided_on) - julianday(o.offered_on) AS INTEGER) ELSE -1 END
		FROM lead_offers o JOIN partners p ON p.id = o.partner_id`+where+` ORDER BY p.name COLLATE NOCASE, o.partner_id, o.id`, args...)
	if err != nil {
		return nil, err
	}
	var out []LeadPartnerCounts
	at := map[int64]int{}
	for rows.Next() {
		var id int64
		var name, outcome, decided string
		var days int
		if err := rows.Scan(&id, &name, &outcome, &decided, &days); err != nil {
			rows.Close()
			return nil, err
		}
		i, ok := at[id]
		if !ok {
			i, at[id] = len(out), len(out)
			out = append(out, LeadPartnerCounts{PartnerID: id, PartnerName: name})
		}
		c := &out[i]
		c.Offered++
		switch outcome {
		case "accepted":
			c.Accepted++
			c.DaysToAccept = append(c.DaysToAccept, days)
		case "declined":
			c.Declined++
		case "expired":
			c.Expired++
			c.LastExpired = max(c.LastExpired, decided)
		case "open":
			c.Open++
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, s.addConversions(ctx, out, at, partnerID)
}

func (s *Store) addConversions(ctx context.Context, out []LeadPartnerCounts, at map[int64]int, partnerID int64) error {
	where, args := "", []any{}
	if partnerID > 0 {
		where, args = ` AND l.partner_id = ?`, []any{partnerID}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT l.partner_id, count(*), coalesce(sum(CASE WHEN d.state = 'won' THEN d.amount END), 0)
		FROM leads l JOIN deals d ON d.id = l.deal_id WHERE l.state = 'converted'`+where+` GROUP BY l.partner_id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, rev int64
		var n int
		if err := rows.Scan(&id, &n, &rev); err != nil {
			return err
		}
		if i, ok := at[id]; ok {
			out[i].Converted, out[i].Revenue = n, rev
		}
	}
	return rows.Err()
}

// LeadEventCounts is what one event's leads came to.
type LeadEventCounts struct {
	Event     string // "" for leads from no event
	EventDate string
	Captured  int
	Routed    int // offered to a partner at least once
	Converted int
	Revenue   int64 // won amount of the converted leads' deals
}

// LeadEventCounts returns the lead funnel of every event, newest first,
// then the leads from no event.
func (s *Store) LeadEventCounts(ctx context.Context) ([]LeadEventCounts, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT l.event_name, max(l.event_date), count(*),
		sum(EXISTS (SELECT 1 FROM lead_offers o WHERE o.lead_id = l.id)),
		sum(l.state = 'converted'),
		coalesce(sum(CASE WHEN l.state = 'converted' AND d.state = 'won' THEN d.amount END), 0)
		FROM leads l LEFT JOIN deals d ON d.id = l.deal_id
		GROUP BY l.event_name ORDER BY l.event_name = '', max(l.event_date) DESC, l.event_name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []LeadEventCounts
	for rows.Next() {
		var c LeadEventCounts
		if err := rows.Scan(&c.Event, &c.EventDate, &c.Captured, &c.Routed, &c.Converted, &c.Revenue); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// LeadStateCounts counts the leads in each state.
func (s *Store) LeadStateCounts(ctx context.Context) (map[LeadState]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT state, count(*) FROM leads GROUP BY state`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[LeadState]int{}
	for rows.Next() {
		var st LeadState
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[st] = n
	}
	return out, rows.Err()
}

// DealLead returns the lead a deal was converted from, or nil: such a
// deal is a vendor-sourced lead's.
func (s *Store) DealLead(ctx context.Context, dealID int64) (*Lead, error) {
	l, err := scanLead(s.db.QueryRowContext(ctx, `SELECT `+leadColumns+leadFrom+` WHERE l.deal_id = ? AND l.state = 'converted'`, dealID))
	if err != nil {
		if err := notFoundIf(err, "lead"); ErrorCode(err) == ENOTFOUND {
			return nil, nil
		}
		return nil, err
	}
	return l, nil
}

// LeadMatch is a stored lead or registered customer that looks like the
// same company as a lead being captured.
type LeadMatch struct {
	LeadID      int64 // a lead; 0 for a deal registration
	DealID      int64
	Company     string
	PartnerName string // the partner holding the deal or the lead
	State       string // lead or deal state
}

// LeadDuplicates finds existing leads and partners' registered customers
// (deals not rejected) with the same company name, ИНН or e-mail/website
// domain, at most 10.
func (s *Store) LeadDuplicates(ctx context.Context, l *Lead) ([]LeadMatch, error) {
	dom := LeadDomain(l.Website)
	if dom == "" {
		dom = LeadDomain(l.ContactEmail)
	}
	if isMailHost(dom) {
		dom = ""
	}
	// Empty fields must not match the empty columns of other rows.
	key := l.CompanyKey
	if key == "" {
		key = CompanyKeyOf(l.Company)
	}
	lc, dc := []string{"l.company_key IN (?, ?)"}, []string{"d.customer_key IN (?, ?)"}
	la, da := []any{l.ID, key, CompanyKeyOf(l.Company)}, []any{key, CompanyKeyOf(l.Company)}
	if l.TaxID != "" {
		lc, dc, la, da = append(lc, "l.tax_id = ?"), append(dc, "d.customer_tax_id = ?"), append(la, l.TaxID), append(da, l.TaxID)
	}
	if dom != "" {
		lc, la = append(lc, "l.website LIKE ?", "l.contact_email LIKE ?"), append(la, "%"+dom+"%", "%@"+dom)
		dc, da = append(dc, "d.customer_domain = ?"), append(da, dom)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT l.id, 0, l.company, coalesce(p.name, ''), l.state FROM leads l
		LEFT JOIN partners p ON p.id = l.partner_id WHERE l.id != ? AND (`+strings.Join(lc, " OR ")+`)
		UNION ALL
		SELECT 0, d.id, d.customer, p.name, d.state FROM deals d JOIN partners p ON p.id = d.partner_id
		WHERE d.state != 'rejected' AND (`+strings.Join(dc, " OR ")+`)
		LIMIT 10`, append(la, da...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []LeadMatch
	for rows.Next() {
		var m LeadMatch
		if err := rows.Scan(&m.LeadID, &m.DealID, &m.Company, &m.PartnerName, &m.State); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// isMailHost reports whether a domain is a public mail service, which
// says nothing about the company.
func isMailHost(d string) bool {
	switch d {
	case "gmail.com", "mail.ru", "yandex.ru", "ya.ru", "outlook.com", "hotmail.com", "yahoo.com", "bk.ru", "list.ru",
		"inbox.ru", "rambler.ru", "icloud.com", "proton.me", "protonmail.com", "gmx.de", "web.de":
		return true
	}
	return false
}

// LeadDecision is one lead offer a partner decided: accepted, or declined
// or let expire. Offers still open, withdrawn or taken back by the vendor
// are not the partner's decision and are not listed.
type LeadDecision struct {
	PartnerID int64
	DecidedOn string
	Accepted  bool
}

// LeadDecisionsQ returns the lead offers decided from from to to
// (inclusive, YYYY-MM-DD) by every partner, or one when partnerID > 0:
// what a lead acceptance rate over a window is computed from.
func LeadDecisionsQ(ctx context.Context, q Querier, partnerID int64, from, to string) ([]LeadDecision, error) {
	rows, err := q.QueryContext(ctx, `SELECT partner_id, decided_on, outcome = 'accepted' FROM lead_offers
		WHERE outcome IN ('accepted','declined','expired') AND decided_on >= ?1 AND decided_on <= ?2
		AND (?3 = 0 OR partner_id = ?3) ORDER BY partner_id, decided_on, id`, from, to, partnerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []LeadDecision
	for rows.Next() {
		var d LeadDecision
		if err := rows.Scan(&d.PartnerID, &d.DecidedOn, &d.Accepted); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// LeadDecisions is LeadDecisionsQ on the store.
func (s *Store) LeadDecisions(ctx context.Context, partnerID int64, from, to string) ([]LeadDecision, error) {
	return LeadDecisionsQ(ctx, s.db, partnerID, from, to)
}
