package data

import (
	"context"
	"net/mail"
	"strings"
	"unicode/utf8"
)

// PartnerType is what a partner does for the vendor.
type PartnerType string

// Partner types.
const (
	TypeReseller    PartnerType = "reseller"
	TypeDistributor PartnerType = "distributor"
	TypeReferral    PartnerType = "referral"
	TypeMSP         PartnerType = "msp"
	TypeIntegrator  PartnerType = "integrator"
	TypeService     PartnerType = "service"
	// TypeNone is a partner without a type: an import whose category the
	// user chose to leave unset. It gets the generic onboarding checklist.
	TypeNone PartnerType = ""
)

// PartnerTypes lists every partner type in display order.
var PartnerTypes = []PartnerType{TypeReseller, TypeDistributor, TypeReferral, TypeMSP, TypeIntegrator, TypeService}

// Status is a partner's place in its lifecycle.
type Status string

// Lifecycle statuses.
const (
	StatusProspect   Status = "prospect"
	StatusApplied    Status = "applied"
	StatusVetting    Status = "vetting"
	StatusOnboarding Status = "onboarding"
	StatusActive     Status = "active"
	StatusAtRisk     Status = "at_risk"
	StatusOffboarded Status = "offboarded"
	StatusDeclined   Status = "declined"
)

// Statuses lists every status in lifecycle order.
var Statuses = []Status{StatusProspect, StatusApplied, StatusVetting, StatusOnboarding, StatusActive, StatusAtRisk, StatusOffboarded, StatusDeclined}

// transitions says where each status may go next. Declined and offboarded
// partners come back only by re-applying (→ applied) or as a new prospect.
var transitions = map[Status][]Status{
	StatusProspect:   {StatusApplied, StatusVetting, StatusOnboarding, StatusDeclined, StatusOffboarded},
	StatusApplied:    {StatusProspect, StatusVetting, StatusOnboarding, StatusDeclined},
	StatusVetting:    {StatusApplied, StatusOnboarding, StatusDeclined},
	StatusOnboarding: {StatusActive, StatusAtRisk, StatusOffboarded, StatusVetting},
	StatusActive:     {StatusAtRisk, StatusOffboarded},
	StatusAtRisk:     {StatusActive, StatusOffboarded},
	StatusOffboarded: {StatusApplied, StatusProspect},
	StatusDeclined:   {StatusApplied, StatusProspect},
}

// CanMoveTo reports whether the lifecycle allows s → to.
func (s Status) CanMoveTo(to Status) bool {
	for _, t := range transitions[s] {
		if t == to {
			return true
		}
	}
	return false
}

// NextStatuses lists the statuses s may move to.
func (s Status) NextStatuses() []Status { return transitions[s] }

// Valid reports whether s is a known status.
func (s Status) Valid() bool { _, ok := transitions[s]; return ok }

// Valid reports whether t is a known partner type.
func (t PartnerType) Valid() bool {
	for _, k := range PartnerTypes {
		if k == t {
			return true
		}
	}
	return false
}

// Field length limits, in characters.
const (
	MaxNameLen = 200
	MaxTextLen = 2000
)

// Partner is a company that sells, refers, implements or services the product.
type Partner struct {
	ID             int64
	Name           string
	LegalName      string
	Type           PartnerType
	Status         Status
	Country        string
	Region         string
	City           string
	Website        string
	Verticals      []string
	Capabilities   []string
	Products       []string
	Tags           []string
	DocLang        string
	AccountManager string
	INN            string // Russian taxpayer number (10 or 12 digits); checked by app, never refused here
	KPP            string // Russian tax registration reason code
	Address        string
	CreatedAt      string
	UpdatedAt      string
}

// Validate checks a partner before it is stored.
func (p *Partner) Validate() error {
	p.Name = strings.TrimSpace(p.Name)
	if err := checkName(p.Name); err != nil {
		return err
	}
	switch {
	case p.Type != TypeNone && !p.Type.Valid():
		return Invalid("type", "err.unknown_type", map[string]any{"Value": string(p.Type)})
	case !p.Status.Valid():
		return Invalid("status", "err.unknown_status", map[string]any{"Value": string(p.Status)})
	case p.DocLang != "en" && p.DocLang != "ru":
		return Invalid("doc_lang", "err.unknown_lang", map[string]any{"Value": p.DocLang})
	}
	for field, v := range map[string]string{"legal_name": p.LegalName, "country": p.Country, "region": p.Region,
		"city": p.City, "website": p.Website, "account_manager": p.AccountManager, "inn": p.INN, "kpp": p.KPP,
		"address": p.Address} {
		if utf8.RuneCountInString(v) > MaxNameLen {
			return Invalid(field, "err.too_long", map[string]any{"Max": MaxNameLen})
		}
	}
	return nil
}

// JoinList stores a list as comma-separated text.
func JoinList(items []string) string { return strings.Join(CleanList(items), ", ") }

// SplitList parses comma-separated text into a trimmed list without blanks.
func SplitList(s string) []string { return CleanList(strings.Split(s, ",")) }

// CleanList trims items and drops blanks and repeats.
func CleanList(items []string) []string {
	out := make([]string, 0, len(items))
	seen := map[string]bool{}
	for _, it := range items {
		it = strings.TrimSpace(it)
		if it == "" || seen[strings.ToLower(it)] {
			continue
		}
		seen[strings.ToLower(it)] = true
		out = append(out, it)
	}
	return out
}

// ValidEmail reports whether s is a plausible single e-mail address.
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s[strings.LastIndex(s, "@"):], ".")
}

const partnerColumns = `id, name, legal_name, type, status, country, region, city, website,
	verticals, capabilities, products, tags, doc_lang, account_manager, created_at, updated_at, inn, kpp, address`

type scanner interface{ Scan(...any) error }

func scanPartner(r scanner) (*Partner, error) {
	var p Partner
	var verticals, caps, products, tags string
	err := r.Scan(&p.ID, &p.Name, &p.LegalName, &p.Type, &p.Status, &p.Country, &p.Region, &p.City, &p.Website,
		&verticals, &caps, &products, &tags, &p.DocLang, &p.AccountManager, &p.CreatedAt, &p.UpdatedAt, &p.INN, &p.KPP, &p.Address)
	if err != nil {
		return nil, err
	}
	p.Verticals, p.Capabilities, p.Products, p.Tags = SplitList(verticals), SplitList(caps), SplitList(products), SplitList(tags)
	return &p, nil
}

// CreatePartner stores a new partner and sets its ID and timestamps.
func (s *Store) CreatePartner(ctx context.Context, p *Partner) error {
	return s.withTx(ctx, func(tx *Tx) error { return s.createPartner(ctx, tx, p) })
}

// CreatePartnerTx stores a new partner inside a caller's transaction.
func (s *Store) CreatePartnerTx(ctx context.Context, tx *Tx, p *Partner) error {
	return s.createPartner(ctx, tx, p)
}

func (s *Store) createPartner(ctx context.Context, tx *Tx, p *Partner) error {
	if p.DocLang == "" {
		p.DocLang = "en"
	}
	if err := p.Validate(); err != nil {
		return err
	}
	if p.CreatedAt == "" {
		p.CreatedAt = s.now()
	}
	p.UpdatedAt = p.CreatedAt
	res, err := tx.ExecContext(ctx, `INSERT INTO partners (id, name, legal_name, type, status, country, region, city, website,
		verticals, capabilities, products, tags, doc_lang, account_manager, created_at, updated_at, inn, kpp, address)
		VALUES (`+teamID("partners")+`, ?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		p.Name, p.LegalName, p.Type, p.Status, p.Country, p.Region, p.City, p.Website,
		JoinList(p.Verticals), JoinList(p.Capabilities), JoinList(p.Products), JoinList(p.Tags),
		p.DocLang, p.AccountManager, p.CreatedAt, p.UpdatedAt, p.INN, p.KPP, p.Address)
	if err != nil {
		return err
	}
	p.ID, err = res.LastInsertId()
	return err
}

// Partner returns one partner by ID.
func (s *Store) Partner(ctx context.Context, id int64) (*Partner, error) {
	p, err := scanPartner(s.db.QueryRowContext(ctx, `SELECT `+partnerColumns+` FROM partners WHERE id = ?`, id))
	return p, notFoundIf(err, "partner")
}

// UpdatePartner saves a partner's profile. The status is not changed here:
// it moves only through ChangeStatus, which records why.
func (s *Store) UpdatePartner(ctx context.Context, p *Partner) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.withTx(ctx, func(tx *Tx) error {
		p.UpdatedAt = s.now()
		res, err := tx.ExecContext(ctx, `UPDATE partners SET name=?, legal_name=?, type=?, country=?, region=?, city=?,
			website=?, verticals=?, capabilities=?, products=?, tags=?, doc_lang=?, account_manager=?, updated_at=?,
			inn=?, kpp=?, address=? WHERE id=?`,
			p.Name, p.LegalName, p.Type, p.Country, p.Region, p.City, p.Website,
			JoinList(p.Verticals), JoinList(p.Capabilities), JoinList(p.Products), JoinList(p.Tags),
			p.DocLang, p.AccountManager, p.UpdatedAt, p.INN, p.KPP, p.Address, p.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return NotFound("partner")
		}
		return nil
	})
}

// DeletePartner removes a partner with its contacts and timeline. A
// partner that has had MDF money is refused: the ledger is the history of
// the funds and must stay whole; such a partner is offboarded instead.
func (s *Store) DeletePartner(ctx context.Context, id int64) error {
	return s.withTx(ctx, func(tx *Tx) error {
		var money int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM mdf_ledger WHERE partner_id = ?`, id).Scan(&money); err != nil {
			return err
		}
		if money > 0 {
			return Conflict("err.partner_has_mdf", nil)
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM partners WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return NotFound("partner")
		}
		return nil
	})
}

// ChangeStatus moves a partner through its lifecycle and records the change
// with its reason in the timeline, in one transaction. Transitions the
// lifecycle does not allow are refused.
func (s *Store) ChangeStatus(ctx context.Context, id int64, to Status, reason, author string) error {
	return s.withTx(ctx, func(tx *Tx) error { return s.ChangeStatusTx(ctx, tx, id, to, reason, author) })
}

// ChangeStatusTx is ChangeStatus inside a caller's transaction.
func (s *Store) ChangeStatusTx(ctx context.Context, tx *Tx, id int64, to Status, reason, author string) error {
	var from Status
	if err := tx.QueryRowContext(ctx, `SELECT status FROM partners WHERE id = ?`, id).Scan(&from); err != nil {
		return notFoundIf(err, "partner")
	}
	if !to.Valid() {
		return Invalid("status", "err.unknown_status", map[string]any{"Value": string(to)})
	}
	if from == to {
		return nil
	}
	if !from.CanMoveTo(to) {
		return Invalid("status", "err.transition", map[string]any{"From": string(from), "To": string(to)})
	}
	if strings.TrimSpace(reason) == "" && (to == StatusDeclined || to == StatusOffboarded || to == StatusAtRisk) {
		return Invalid("reason", "err.reason_required", nil)
	}
	now := s.now()
	if _, err := tx.ExecContext(ctx, `UPDATE partners SET status = ?, updated_at = ? WHERE id = ?`, to, now, id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO events (id, partner_id, kind, at, author, body, from_status, to_status)
		VALUES (`+teamID("events")+`, ?, ?, ?, ?, ?, ?, ?)`, id, EventStatusChange, now, author, strings.TrimSpace(reason), from, to)
	if err == nil && to == StatusOffboarded {
		err = s.returnPartnerLeadsTx(ctx, tx, id, author) // its offered leads go back to the pool
	}
	return err
}

// PartnerRow is a partner as the partner list shows it, with the text
// that search looks through.
type PartnerRow struct {
	ID             int64
	Name           string
	Type           PartnerType
	Status         Status
	Country        string
	Region         string
	City           string
	Tags           string
	INN            string
	Contacts       string // contact names and e-mails, for search
	Updated        string
	TierID         int64 // 0: no tier
	TierRank       int
	TierEN, TierRU string
	Won12m         int64  // won revenue, minor units, closed in the 12 months up to today
	OpenDeals      int    // submitted or approved
	LastContact    string // ISO date of the latest call, meeting or e-mail; "" when never
	AccountManager string
}

// PartnerRows returns every partner for the list, in one query; "today"
// for the 12-month revenue is the store's clock.
func (s *Store) PartnerRows(ctx context.Context) ([]PartnerRow, error) {
	in, kinds := contactKindsSQL()
	since := s.Now().AddDate(-1, 0, 0).Format("2006-01-02")
	args := append([]any{since}, kinds...)
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.name, p.type, p.status, p.country, p.region, p.city, p.tags, p.inn,
		coalesce((SELECT group_concat(c.name || ' ' || c.email, ' ') FROM contacts c WHERE c.partner_id = p.id), ''),
		p.updated_at, coalesce(p.tier_id, 0), coalesce(t.rank, 0), coalesce(t.name_en, ''), coalesce(t.name_ru, ''),
		coalesce((SELECT sum(d.amount) FROM deals d WHERE d.partner_id = p.id AND d.state = 'won' AND d.closed_on > ?), 0),
		(SELECT count(*) FROM deals d WHERE d.partner_id = p.id AND d.state IN ('submitted', 'approved')),
		coalesce((SELECT substr(max(e.at), 1, 10) FROM events e WHERE e.partner_id = p.id AND e.kind IN `+in+`), ''),
		p.account_manager
		FROM partners p LEFT JOIN tiers t ON t.id = p.tier_id ORDER BY p.name COLLATE NOCASE`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PartnerRow
	for rows.Next() {
		var r PartnerRow
		if err := rows.Scan(&r.ID, &r.Name, &r.Type, &r.Status, &r.Country, &r.Region, &r.City, &r.Tags, &r.INN, &r.Contacts, &r.Updated,
			&r.TierID, &r.TierRank, &r.TierEN, &r.TierRU, &r.Won12m, &r.OpenDeals, &r.LastContact, &r.AccountManager); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
