package kit

import (
	"context"
	"sort"
	"time"

	"channeldesk/app/fiscal"
	"channeldesk/app/format"
	"channeldesk/app/mdf"
	"channeldesk/data"
)

// Options choose how kits are made.
type Options struct {
	Lang  format.Lang // "" = each partner's document language
	Today time.Time   // the kit's date; zero = the store's clock
	Due   string      // deadline for this quarter's figures; "" = 10 days after the quarter ends
	// DealRows is how many empty registration rows the kit offers (default 30).
	DealRows int
	// Mail writes an e-mail draft (.eml) beside each kit, with the kit
	// (and with PlanPDF the partner's plan) attached, logged in the timeline.
	Mail, PlanPDF bool
}

// Content is everything one partner's kit shows: that partner's shareable
// data and the program's own texts, never anything internal.
type Content struct {
	PartnerID   int64
	PartnerName string
	Lang        format.Lang
	Program     string // the program (or vendor) name
	Currency    string
	KitDate     string
	Due         string
	Manager     Person
	Products    []string
	Year        int // fiscal year of the plan
	OpenDeals   []data.Deal
	Funds       []Fund
	Activities  []data.MDFActivity // eligible in any of the partner's funds
	Claimable   []Claimable
	Objectives  []data.Objective // the ones the partner reports (not computed)
	Contacts    []data.Contact
	Certs       []data.Certification
	Leads       []OfferedLead // leads offered to the partner and still open
	Rejections  []data.KitRow // rows of the last returned kit that were refused
	DealRows    int           // empty registration rows offered
}

// Person is the vendor's contact named in the kit.
type Person struct{ Name, Role, Email, Phone string }

// Fund is the partner's money in one MDF fund, named by its period (fund
// names are internal budget lines).
type Fund struct {
	From, To   string
	Allocated  int64
	Available  int64
	ShareBP    int
	ClaimDays  int
	Activities []data.MDFActivity
}

// Claimable is an approved request the partner may still claim.
type Claimable struct {
	Request  data.MDFRequest
	Deadline string
}

// Load gathers one partner's kit content.
func Load(ctx context.Context, s *data.Store, partnerID int64, opt Options) (*Content, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	p, err := s.Partner(ctx, partnerID)
	if err != nil {
		return nil, err
	}
	c := newContent(s, st, p, opt)
	today := opt.Today
	if today.IsZero() {
		today = s.Now()
	}
	if err := owedLastYear(ctx, s, c, today, st.FiscalYearFrom, opt.Due != ""); err != nil {
		return nil, err
	}
	for _, load := range []func(context.Context, *data.Store, *Content) error{loadDeals, loadMDF, loadPlan, loadPeople, loadLeads} {
		if err := load(ctx, s, c); err != nil {
			return nil, err
		}
	}
	c.Rejections, err = s.KitRejections(ctx, partnerID)
	return c, err
}

func newContent(s *data.Store, st data.Settings, p *data.Partner, opt Options) *Content {
	today := opt.Today
	if today.IsZero() {
		today = s.Now()
	}
	l := opt.Lang
	if l != format.EN && l != format.RU {
		l = format.Lang(p.DocLang)
		if l != format.RU {
			l = format.EN
		}
	}
	due := opt.Due
	if due == "" {
		due = DueBy(fiscal.QuarterOf(today, st.FiscalYearFrom))
	}
	program := st.ProgramName
	if program == "" {
		program = st.VendorName
	}
	fy := fiscal.QuarterOf(today, st.FiscalYearFrom).Year
	rows := opt.DealRows
	if rows <= 0 {
		rows = newDealRows
	}
	return &Content{DealRows: rows, PartnerID: p.ID, PartnerName: p.Name, Lang: l, Program: program, Currency: st.Currency,
		KitDate: today.Format(format.DateLayout), Due: due, Manager: Person{Name: st.ManagerName}, Products: p.Products, Year: fy}
}

func loadDeals(ctx context.Context, s *data.Store, c *Content) error {
	ds, err := s.Deals(ctx, data.DealFilter{PartnerID: c.PartnerID})
	for _, d := range ds {
		if d.State == data.DealSubmitted || d.State == data.DealApproved {
			// Only what the partner itself told us: no reason, no conflict.
			c.OpenDeals = append(c.OpenDeals, data.Deal{ID: d.ID, Customer: d.Customer, Product: d.Product, Amount: d.Amount,
				State: d.State, RegisteredOn: d.RegisteredOn, ExpectedCloseOn: d.ExpectedCloseOn, ProtectedUntil: d.ProtectedUntil})
		}
	}
	return err
}

func loadMDF(ctx context.Context, s *data.Store, c *Content) error {
	m, err := mdf.LoadPartnerMDFWithoutProofs(ctx, s, c.PartnerID)
	if err != nil {
		return err
	}
	funds := map[int64]data.MDFFund{}
	eligible := map[data.MDFActivity]bool{}
	for _, f := range m.Funds {
		funds[f.Fund.ID] = f.Fund
		if f.Fund.EndsOn < c.KitDate && f.Balance.Allocated == 0 {
			continue
		}
		c.Funds = append(c.Funds, Fund{From: f.Fund.StartsOn, To: f.Fund.EndsOn, Allocated: f.Balance.Allocated,
			Available: f.Balance.Available(), ShareBP: f.Fund.ShareBP, ClaimDays: f.Fund.ClaimDays, Activities: f.Fund.Activities})
		if f.Fund.EndsOn >= c.KitDate && f.Balance.Available() > 0 {
			for _, a := range f.Fund.Activities {
				eligible[a] = true
			}
		}
	}
	for _, a := range data.MDFActivities {
		if eligible[a] {
			c.Activities = append(c.Activities, a)
		}
	}
	claimed := map[int64]bool{}
	for _, cl := range m.Claims {
		claimed[cl.RequestID] = claimed[cl.RequestID] || cl.State != data.ClaimRejected
	}
	for _, r := range m.Requests {
		f, ok := funds[r.FundID]
		if r.State != data.RequestApproved || claimed[r.ID] || !ok {
			continue
		}
		if dl := mdf.ClaimDeadline(&r, &f); dl >= c.KitDate {
			c.Claimable = append(c.Claimable, Claimable{Request: r, Deadline: dl})
		}
	}
	sort.Slice(c.Claimable, func(i, j int) bool { return c.Claimable[i].Deadline < c.Claimable[j].Deadline })
	return nil
}

func loadPlan(ctx context.Context, s *data.Store, c *Content) error {
	p, err := s.PlanFor(ctx, c.PartnerID, c.Year)
	if data.ErrorCode(err) == data.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	for _, o := range p.Objectives {
		if !o.Measure.Computed() {
			c.Objectives = append(c.Objectives, o)
		}
	}
	if p.VendorContactName != "" {
		c.Manager = Person{Name: p.VendorContactName, Role: p.VendorContactRole, Email: p.VendorContactEmail, Phone: p.VendorContactPhone}
	}
	return nil
}

func loadPeople(ctx context.Context, s *data.Store, c *Content) error {
	cs, err := s.Contacts(ctx, c.PartnerID)
	if err != nil {
		return err
	}
	c.Contacts = data.CurrentContacts(cs) // people who left get no kit, no mail
	here := map[int64]bool{}
	for _, p := range c.Contacts {
		here[p.ID] = true
	}
	certs, err := s.Certifications(ctx, c.PartnerID)
	for _, ct := range certs {
		if here[ct.ContactID] {
			c.Certs = append(c.Certs, ct)
		}
	}
	return err
}
