package data

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf8"
)

// LeadState is where an end-customer lead stands.
type LeadState string

// Lead states: new → offered → accepted / declined → converted / lost.
// An offer that expires or is withdrawn, or whose partner is offboarded,
// returns the lead to new (the pool); a declined lead is re-offered to
// another partner; a converted lead whose deal is rejected goes back to
// accepted.
const (
	LeadNew       LeadState = "new"
	LeadOffered   LeadState = "offered"
	LeadAccepted  LeadState = "accepted"
	LeadDeclined  LeadState = "declined"
	LeadConverted LeadState = "converted"
	LeadLost      LeadState = "lost"
)

// LeadStates lists every lead state in workflow order.
var LeadStates = []LeadState{LeadNew, LeadOffered, LeadAccepted, LeadDeclined, LeadConverted, LeadLost}

// leadMoves says which states a lead may move to from each state.
var leadMoves = map[LeadState][]LeadState{
	LeadNew:       {LeadOffered, LeadLost},
	LeadOffered:   {LeadAccepted, LeadDeclined, LeadNew, LeadLost},
	LeadDeclined:  {LeadOffered, LeadNew, LeadLost},
	LeadAccepted:  {LeadConverted, LeadLost, LeadNew},
	LeadConverted: {LeadAccepted},
	LeadLost:      {LeadNew},
}

// Valid reports whether st is a known lead state.
func (st LeadState) Valid() bool { _, ok := leadMoves[st]; return ok }

// CanMoveTo reports whether the lead workflow allows st → to.
func (st LeadState) CanMoveTo(to LeadState) bool {
	for _, t := range leadMoves[st] {
		if t == to {
			return true
		}
	}
	return false
}

// Open reports whether a lead in this state still waits for someone: in
// the pool, offered, or declined and not yet re-offered.
func (st LeadState) Open() bool { return st == LeadNew || st == LeadOffered || st == LeadDeclined }

// LeadSource is where a lead came from.
type LeadSource string

// Lead sources.
const (
	LeadFromEvent    LeadSource = "event"
	LeadFromWebsite  LeadSource = "website"
	LeadFromReferral LeadSource = "referral"
	LeadFromCampaign LeadSource = "campaign"
)

// LeadSources lists every lead source in display order.
var LeadSources = []LeadSource{LeadFromEvent, LeadFromWebsite, LeadFromReferral, LeadFromCampaign}

// Valid reports whether s is a known lead source.
func (s LeadSource) Valid() bool {
	for _, k := range LeadSources {
		if k == s {
			return true
		}
	}
	return false
}

// Lead is an end customer who wants to buy, to be offered to a partner.
type Lead struct {
	ID             int64
	Company        string
	CompanyKey     string // normalised company name, for duplicates and protection windows
	TaxID          string // ИНН
	Website        string
	ContactName    string
	ContactRole    string
	ContactEmail   string
	ContactPhone   string
	Country        string
	Region         string
	City           string
	Product        string // product of interest
	EstAmount      int64  // estimated size, minor units of Currency
	Currency       string // ISO 4217; "" is the program currency
	Source         LeadSource
	EventName      string
	EventDate      string // YYYY-MM-DD or ""
	NotesInternal  string
	NotesShareable string // may be shown to the partner the lead is offered to
	CreatedBy      string
	CreatedAt      string
	UpdatedAt      string

	State     LeadState
	PartnerID int64  // the partner it is offered to or accepted by; 0: none
	OfferedOn string // the open offer's date
	ExpiresOn string // the open offer's last day
	Reason    string // why declined or lost
	DealID    int64  // the deal registration it became

	PartnerName string // read only, filled by Leads
}

// HasLocation reports whether the lead says where the customer is.
func (l *Lead) HasLocation() bool {
	return strings.TrimSpace(l.Country+l.Region+l.City) != ""
}

// CompanyKeyOf is the normalised form of a company name that deals and
// leads are matched by: lower case, single spaces.
func CompanyKeyOf(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}

// Validate checks a lead before it is stored.
func (l *Lead) Validate() error {
	for _, p := range []*string{&l.Company, &l.TaxID, &l.Website, &l.ContactName, &l.ContactRole, &l.ContactEmail,
		&l.ContactPhone, &l.Country, &l.Region, &l.City, &l.Product, &l.EventName, &l.NotesInternal, &l.NotesShareable,
		&l.Currency, &l.Reason} {
		*p = strings.TrimSpace(*p)
	}
	l.Currency = strings.ToUpper(l.Currency)
	l.Website = strings.ToLower(l.Website)
	if l.CompanyKey == "" {
		l.CompanyKey = CompanyKeyOf(l.Company)
	}
	if err := l.validateFields(); err != nil {
		return err
	}
	return l.validateSource()
}

func (l *Lead) validateFields() error {
	switch {
	case l.Company == "":
		return Invalid("company", "err.required", nil)
	case l.EstAmount < 0:
		return Invalid("est_amount", "err.leads_amount_negative", nil)
	case l.Currency != "" && !currencyCode.MatchString(l.Currency):
		return Invalid("currency", "err.currency", map[string]any{"Value": l.Currency})
	case l.ContactEmail != "" && !ValidEmail(l.ContactEmail):
		return Invalid("contact_email", "err.email", map[string]any{"Value": l.ContactEmail})
	case utf8.RuneCountInString(l.NotesInternal) > MaxTextLen || utf8.RuneCountInString(l.NotesShareable) > MaxTextLen:
		return Invalid("notes", "err.too_long", map[string]any{"Max": MaxTextLen})
	}
	for field, v := range map[string]string{"company": l.Company, "tax_id": l.TaxID, "website": l.Website,
		"contact_name": l.ContactName, "contact_role": l.ContactRole, "contact_email": l.ContactEmail,
		"contact_phone": l.ContactPhone, "country": l.Country, "region": l.Region, "city": l.City,
		"product": l.Product, "event_name": l.EventName} {
		if utf8.RuneCountInString(v) > MaxNameLen {
			return Invalid(field, "err.too_long", map[string]any{"Max": MaxNameLen})
		}
	}
	return nil
}

func (l *Lead) validateSource() error {
	if l.Source == "" {
		l.Source = LeadFromEvent
		if l.EventName == "" {
			l.Source = LeadFromWebsite
		}
	}
	switch {
	case !l.Source.Valid():
		return Invalid("source", "err.leads_source", map[string]any{"Value": string(l.Source)})
	case l.Source == LeadFromEvent && l.EventName == "":
		return Invalid("event_name", "err.leads_event_required", nil)
	case l.EventDate != "" && !IsDate(l.EventDate):
		return Invalid("event_date", "err.deals_date", map[string]any{"Value": l.EventDate})
	}
	return nil
}

// DefaultLeadOfferDays is how long a partner has to accept an offered
// lead before it returns to the pool, unless the manager sets another.
const DefaultLeadOfferDays = 7

// SettingLeadOfferDays is the settings key of the offer period.
const SettingLeadOfferDays = "leads.offer_days"

// LeadOfferDays is the number of days a partner has to accept an offer.
func (s *Store) LeadOfferDays(ctx context.Context) (int, error) {
	v, err := s.Setting(ctx, SettingLeadOfferDays)
	if err != nil || v == "" {
		return DefaultLeadOfferDays, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		return DefaultLeadOfferDays, nil
	}
	return n, nil
}

// SetLeadOfferDays stores the offer period (1–90 days).
func (s *Store) SetLeadOfferDays(ctx context.Context, days int) error {
	if days < 1 || days > 90 {
		return Invalid("offer_days", "err.leads_offer_days", map[string]any{"Max": 90})
	}
	return s.SetSetting(ctx, SettingLeadOfferDays, strconv.Itoa(days))
}

// EventLead is the timeline kind of a step of a lead offered to the
// partner: FromStatus and ToStatus hold the lead states, the body the
// company and the reason given.
const EventLead EventKind = "lead"

// CreateLead stores a new lead in the pool with a "captured" step.
func (s *Store) CreateLead(ctx context.Context, l *Lead) error {
	return s.withTx(ctx, func(tx *Tx) error { return s.CreateLeadTx(ctx, tx, l) })
}

// CreateLeadTx is CreateLead inside a caller's transaction (imports).
func (s *Store) CreateLeadTx(ctx context.Context, tx *Tx, l *Lead) error {
	if err := l.Validate(); err != nil {
		return err
	}
	l.State, l.PartnerID, l.DealID, l.OfferedOn, l.ExpiresOn, l.Reason = LeadNew, 0, 0, "", "", ""
	if l.CreatedAt == "" {
		l.CreatedAt = s.now()
	}
	l.UpdatedAt = l.CreatedAt
	res, err := tx.ExecContext(ctx, `INSERT INTO leads (id, company, company_key, tax_id, website, contact_name, contact_role,
		contact_email, contact_phone, country, region, city, product, est_amount, currency, source, event_name, event_date,
		notes_internal, notes_shareable, created_by, created_at, updated_at, state)
		VALUES (`+teamID("leads")+`, ?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		l.Company, l.CompanyKey, l.TaxID, l.Website, l.ContactName, l.ContactRole, l.ContactEmail, l.ContactPhone,
		l.Country, l.Region, l.City, l.Product, l.EstAmount, l.Currency, l.Source, l.EventName, l.EventDate,
		l.NotesInternal, l.NotesShareable, l.CreatedBy, l.CreatedAt, l.UpdatedAt, l.State)
	if err != nil {
		return err
	}
	if l.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return insertLeadStep(ctx, tx, &LeadStep{LeadID: l.ID, At: l.CreatedAt, Kind: StepCaptured, To: LeadNew,
		Author: l.CreatedBy})
}

// UpdateLead saves a lead's details; its state moves only through the
// workflow methods.
func (s *Store) UpdateLead(ctx context.Context, l *Lead) error {
	if err := l.Validate(); err != nil {
		return err
	}
	return s.withTx(ctx, func(tx *Tx) error {
		l.UpdatedAt = s.now()
		res, err := tx.ExecContext(ctx, `UPDATE leads SET company=?, company_key=?, tax_id=?, website=?, contact_name=?,
			contact_role=?, contact_email=?, contact_phone=?, country=?, region=?, city=?, product=?, est_amount=?,
			currency=?, source=?, event_name=?, event_date=?, notes_internal=?, notes_shareable=?, updated_at=? WHERE id=?`,
			l.Company, l.CompanyKey, l.TaxID, l.Website, l.ContactName, l.ContactRole, l.ContactEmail, l.ContactPhone,
			l.Country, l.Region, l.City, l.Product, l.EstAmount, l.Currency, l.Source, l.EventName, l.EventDate,
			l.NotesInternal, l.NotesShareable, l.UpdatedAt, l.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return NotFound("lead")
		}
		return nil
	})
}

// DeleteLead removes a lead with its offers and steps.
func (s *Store) DeleteLead(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM leads WHERE id = ?`, id)
	return err
}

const leadColumns = `l.id, l.company, l.company_key, l.tax_id, l.website, l.contact_name, l.contact_role, l.contact_email,
	l.contact_phone, l.country, l.region, l.city, l.product, l.est_amount, l.currency, l.source, l.event_name, l.event_date,
	l.notes_internal, l.notes_shareable, l.created_by, l.created_at, l.updated_at, l.state, coalesce(l.partner_id, 0),
	l.offered_on, l.expires_on, l.reason, coalesce(l.deal_id, 0), coalesce(p.name, '')`

const leadFrom = ` FROM leads l LEFT JOIN partners p ON p.id = l.partner_id`

func scanLead(r scanner) (*Lead, error) {
	var l Lead
	err := r.Scan(&l.ID, &l.Company, &l.CompanyKey, &l.TaxID, &l.Website, &l.ContactName, &l.ContactRole, &l.ContactEmail,
		&l.ContactPhone, &l.Country, &l.Region, &l.City, &l.Product, &l.EstAmount, &l.Currency, &l.Source, &l.EventName,
		&l.EventDate, &l.NotesInternal, &l.NotesShareable, &l.CreatedBy, &l.CreatedAt, &l.UpdatedAt, &l.State, &l.PartnerID,
		&l.OfferedOn, &l.ExpiresOn, &l.Reason, &l.DealID, &l.PartnerName)
	if err != nil {
		return nil, err
	}
	return &l, nil
}

// Lead returns one lead by ID.
func (s *Store) Lead(ctx context.Context, id int64) (*Lead, error) {
	l, err := scanLead(s.db.QueryRowContext(ctx, `SELECT `+leadColumns+leadFrom+` WHERE l.id = ?`, id))
	return l, notFoundIf(err, "lead")
}

func leadTx(ctx context.Context, tx *Tx, id int64) (*Lead, error) {
	l, err := scanLead(tx.QueryRowContext(ctx, `SELECT `+leadColumns+leadFrom+` WHERE l.id = ?`, id))
	return l, notFoundIf(err, "lead")
}

// LeadFilter narrows the lead list. Empty fields do not filter.
type LeadFilter struct {
	State      LeadState
	States     []LeadState // any of these
	Event      string      // event name, exact
	PartnerID  int64
	Unrouted   bool   // in the pool or declined: waiting for a partner
	ExpiringBy string // offered leads whose offer ends on or before this date
	IDs        []int64
}

// Leads returns the leads the filter selects, newest first, with the
// partner's name.
func (s *Store) Leads(ctx context.Context, f LeadFilter) ([]Lead, error) {
	where, args := []string{"1=1"}, []any{}
	add := func(cond string, v ...any) { where, args = append(where, cond), append(args, v...) }
	if f.State != "" {
		add("l.state = ?", f.State)
	}
	if len(f.States) > 0 {
		add("l.state IN ("+leadMarks(len(f.States))+")", leadArgs(f.States)...)
	}
	if f.Event != "" {
		add("l.event_name = ?", f.Event)
	}
	if f.PartnerID > 0 {
		add("l.partner_id = ?", f.PartnerID)
	}
	if f.Unrouted {
		add("l.state IN ('new','declined')")
	}
	if f.ExpiringBy != "" {
		add("l.state = 'offered' AND l.expires_on <= ?", f.ExpiringBy)
	}
	if len(f.IDs) > 0 {
		add("l.id IN ("+leadMarks(len(f.IDs))+")", leadArgs(f.IDs)...)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+leadColumns+leadFrom+` WHERE `+strings.Join(where, " AND ")+
		` ORDER BY l.created_at DESC, l.id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Lead
	for rows.Next() {
		l, err := scanLead(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *l)
	}
	return out, rows.Err()
}

// LeadEvents returns the distinct event names leads were captured at,
// newest event first.
func (s *Store) LeadEvents(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT event_name FROM leads WHERE event_name != ''
		GROUP BY event_name ORDER BY max(event_date) DESC, event_name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

func leadMarks(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }

func leadArgs[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}
