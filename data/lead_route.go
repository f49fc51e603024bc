package data

import (
	"context"
	"strconv"
	"strings"
)

// LeadPartnerFacts is what lead routing knows of one partner that can
// take leads (active or at risk).
type LeadPartnerFacts struct {
	ID                    int64
	Name                  string
	Status                Status
	Country, Region, City string
	Products              []string
	TierRank              int      // 0: no tier
	Certifications        []string // names of the certifications valid today
	Load                  int      // leads offered to it or accepted and not yet converted
	Offered, Accepted     int      // offers made to it, offers it accepted
	Declined, Expired     int      // offers it declined, offers it let expire
	Converted             int      // leads it turned into a deal registration
}

// LeadRoutingFacts reads, in a few queries, the facts routing weighs for
// every partner that can take leads; day is "today" for certifications.
func (s *Store) LeadRoutingFacts(ctx context.Context, day string) ([]LeadPartnerFacts, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.name, p.status, p.country, p.region, p.city, p.products,
		coalesce(t.rank, 0),
		(SELECT count(*) FROM leads l WHERE l.partner_id = p.id AND l.state IN ('offered','accepted'))
		FROM partners p LEFT JOIN tiers t ON t.id = p.tier_id WHERE p.status IN ('active','at_risk') ORDER BY p.id`)
	if err != nil {
		return nil, err
	}
	var out []LeadPartnerFacts
	at := map[int64]int{}
	for rows.Next() {
		var f LeadPartnerFacts
		var products string
		if err := rows.Scan(&f.ID, &f.Name, &f.Status, &f.Country, &f.Region, &f.City, &products, &f.TierRank, &f.Load); err != nil {
			rows.Close()
			return nil, err
		}
		f.Products = SplitList(products)
		at[f.ID] = len(out)
		out = append(out, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := s.addCertFacts(ctx, day, out, at); err != nil {
		return nil, err
	}
	return out, s.addOfferFacts(ctx, out, at)
}

func (s *Store) addCertFacts(ctx context.Context, day string, out []LeadPartnerFacts, at map[int64]int) error {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT c.partner_id, ce.name FROM certifications ce
		JOIN contacts c ON c.id = ce.contact_id
		WHERE ce.earned_on <= ? AND (ce.expires_on = '' OR ce.expires_on >= ?)`, day, day)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return err
		}
		if i, ok := at[id]; ok {
			out[i].Certifications = append(out[i].Certifications, name)
		}
	}
	return rows.Err()
}

func (s *Store) addOfferFacts(ctx context.Context, out []LeadPartnerFacts, at map[int64]int) error {
	rows, err := s.db.QueryContext(ctx, `SELECT partner_id, count(*),
		sum(outcome IN ('accepted')), sum(outcome = 'declined'), sum(outcome = 'expired'),
		(SELECT count(*) FROM leads l WHERE l.partner_id = o.partner_id AND l.state = 'converted')
		FROM lead_offers o GROUP BY partner_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var f LeadPartnerFacts
		if err := rows.Scan(&id, &f.Offered, &f.Accepted, &f.Declined, &f.Expired, &f.Converted); err != nil {
			return err
		}
		if i, ok := at[id]; ok {
			out[i].Offered, out[i].Accepted, out[i].Declined = f.Offered, f.Accepted, f.Declined
			out[i].Expired, out[i].Converted = f.Expired, f.Converted
		}
	}
	return rows.Err()
}

// LeadDeclines maps each lead (of ids, or all when ids is empty) to the
// partners that declined it.
func (s *Store) LeadDeclines(ctx context.Context, ids []int64) (map[int64][]int64, error) {
	q, args := `SELECT lead_id, partner_id FROM lead_offers WHERE outcome = 'declined'`, []any{}
	if len(ids) > 0 && len(ids) <= 500 {
		q += ` AND lead_id IN (` + leadMarks(len(ids)) + `)`
		args = leadArgs(ids)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]int64{}
	for rows.Next() {
		var l, p int64
		if err := rows.Scan(&l, &p); err != nil {
			return nil, err
		}
		out[l] = append(out[l], p)
	}
	return out, rows.Err()
}

// ProtectedCustomer is an end customer a partner holds in an active
// protection window (an approved deal registration).
type ProtectedCustomer struct {
	PartnerID      int64
	PartnerName    string
	DealID         int64
	CustomerKey    string
	TaxID, Domain  string
	ProtectedUntil string
}

// ActiveProtections returns every approved deal registration protected on
// day, for matching leads in bulk.
func (s *Store) ActiveProtections(ctx context.Context, day string) ([]ProtectedCustomer, error) {
	return s.protections(ctx, `d.state = 'approved' AND d.protected_until >= ? AND d.approved_on <= ?`, day, day)
}

// LeadProtections returns the active protection windows on day of the
// lead's company, matched by name, ИНН or website domain.
func (s *Store) LeadProtections(ctx context.Context, l *Lead, day string) ([]ProtectedCustomer, error) {
	// deals keep the key their maker gave (app's NormalizeCompany, or the
	// plain folded name): match either
	cond, args := []string{"d.customer_key IN (?, ?)"}, []any{CompanyKeyOf(l.Company), l.CompanyKey}
	if l.TaxID != "" {
		cond, args = append(cond, "d.customer_tax_id = ?"), append(args, l.TaxID)
	}
	if dom := LeadDomain(l.Website); dom != "" {
		cond, args = append(cond, "d.customer_domain = ?"), append(args, dom)
	}
	args = append(args, day, day)
	return s.protections(ctx, `(`+strings.Join(cond, " OR ")+`) AND d.state = 'approved' AND d.protected_until >= ?
		AND d.approved_on <= ?`, args...)
}

func (s *Store) protections(ctx context.Context, where string, args ...any) ([]ProtectedCustomer, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT d.partner_id, p.name, d.id, d.customer_key, d.customer_tax_id, d.customer_domain,
		d.protected_until FROM deals d JOIN partners p ON p.id = d.partner_id WHERE `+where+` ORDER BY d.approved_on, d.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ProtectedCustomer
	for rows.Next() {
		var c ProtectedCustomer
		if err := rows.Scan(&c.PartnerID, &c.PartnerName, &c.DealID, &c.CustomerKey, &c.TaxID, &c.Domain, &c.ProtectedUntil); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// LeadDomain is the bare host of a website ("https://www.Acme.ru/x" →
// "acme.ru"), as deals store the customer's domain.
func LeadDomain(site string) string {
	d := strings.ToLower(strings.TrimSpace(site))
	if i := strings.Index(d, "://"); i >= 0 {
		d = d[i+3:]
	}
	if i := strings.IndexAny(d, "/?#"); i >= 0 {
		d = d[:i]
	}
	if i := strings.LastIndex(d, "@"); i >= 0 {
		d = d[i+1:]
	}
	return strings.TrimPrefix(d, "www.")
}

// LeadWeights are the points each routing rule gives; the manager sets
// them in Settings so the ranking is never a black box.
type LeadWeights struct {
	Region     int // the partner is in the lead's region (or city)
	Country    int // the partner is in the lead's country
	Neighbour  int // the partner is in a neighbouring region
	Product    int // the partner sells the product of interest
	Certified  int // the partner holds a valid certification for the product
	Active     int // the partner is active (not at risk)
	Tier       int // points for the top tier; lower tiers get their share by rank
	Load       int // points taken off per lead the partner holds open
	Acceptance int // points for accepting every offer
	Conversion int // points for converting every accepted lead
	// Neighbours lists neighbouring regions: one line per region,
	// "Region: Neighbour, Neighbour", or per group of regions that all
	// neighbour each other, "Group = Region, Region" (DefaultNeighbours).
	Neighbours string
}

// DefaultLeadWeights are used until the manager changes them.
func DefaultLeadWeights() LeadWeights {
	return LeadWeights{Region: 40, Country: 25, Neighbour: 15, Product: 30, Certified: 15, Active: 10, Tier: 20,
		Load: 5, Acceptance: 15, Conversion: 15, Neighbours: DefaultNeighbours}
}

const settingLeadWeights = "leads.weights."

func (w *LeadWeights) fields() map[string]*int {
	return map[string]*int{"region": &w.Region, "country": &w.Country, "neighbour": &w.Neighbour, "product": &w.Product,
		"certified": &w.Certified, "active": &w.Active, "tier": &w.Tier, "load": &w.Load, "acceptance": &w.Acceptance,
		"conversion": &w.Conversion}
}

// Validate checks the weights: each 0–100.
func (w *LeadWeights) Validate() error {
	for name, v := range w.fields() {
		if *v < 0 || *v > 100 {
			return Invalid("weight_"+name, "err.leads_weight", map[string]any{"Max": 100})
		}
	}
	if len([]rune(w.Neighbours)) > MaxNeighboursLen {
		return Invalid("neighbours", "err.too_long", map[string]any{"Max": MaxNeighboursLen})
	}
	return nil
}

// LeadWeights reads the routing weights, with defaults for what is unset.
func (s *Store) LeadWeights(ctx context.Context) (LeadWeights, error) {
	w := DefaultLeadWeights()
	rows, err := s.db.QueryContext(ctx, `SELECT key, value FROM settings WHERE key LIKE 'leads.weights.%'`)
	if err != nil {
		return w, err
	}
	defer rows.Close()
	fields := w.fields()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return w, err
		}
		name := strings.TrimPrefix(k, settingLeadWeights)
		if name == "neighbours" {
			w.Neighbours = v
		} else if p, ok := fields[name]; ok {
			if n, err := strconv.Atoi(v); err == nil {
				*p = n
			}
		}
	}
	return w, rows.Err()
}

// SaveLeadWeights validates and stores the routing weights.
func (s *Store) SaveLeadWeights(ctx context.Context, w LeadWeights) error {
	if err := w.Validate(); err != nil {
		return err
	}
	return s.withTx(ctx, func(tx *Tx) error {
		for name, v := range w.fields() {
			if err := SetSettingTx(ctx, tx, settingLeadWeights+name, strconv.Itoa(*v)); err != nil {
				return err
			}
		}
		return SetSettingTx(ctx, tx, settingLeadWeights+"neighbours", w.Neighbours)
	})
}
