package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"channeldesk/app/format"
	"channeldesk/data"
)

// demoLeadEvents are the three shows the demo's leads were met at, days
// before today: a fresh one (mostly still in the pool or offered), one a
// month and a half ago (answered, some converted) and an old one
// (converted, lost, offers that expired and went elsewhere).
var demoLeadEvents = []struct {
	name string
	days int
}{{"CeBIT Partner Day", 6}, {"ЦИПР", 45}, {"GITEX Europe", 90}}

var demoLeadLoss = []struct{ en, ru string }{
	{"Bought from a competitor", "Купили у конкурента"},
	{"No budget this year", "Нет бюджета в этом году"},
	{"Not reachable", "Не отвечает"},
}

var demoLeadDecline = []struct{ en, ru string }{
	{"Outside our region", "Не наш регион"},
	{"Too small for us", "Слишком маленький проект"},
	{"No certified engineer free", "Нет свободного инженера"},
}

// demoLeads captures leads at three events (and a few from the website
// and a campaign) and walks them through every state: in the pool,
// offered, accepted, declined, converted into a deal registration, lost,
// and offers that expired. It draws from its own random stream so that
// the data of the other areas stays as it was.
func demoLeads(ctx context.Context, tx *data.Tx, s *data.Store, _ *rand.Rand, opt DemoOptions, partners []data.Partner) error {
	r := rand.New(rand.NewPCG(opt.Seed, 0x6c65616473))
	var active []data.Partner
	for _, p := range partners {
		if p.Status == data.StatusActive || p.Status == data.StatusAtRisk {
			active = append(active, p)
		}
	}
	if len(active) == 0 {
		return nil
	}
	currency, err := demoCurrency(ctx, tx)
	if err != nil {
		return err
	}
	g := &demoLeadGen{tx: tx, s: s, r: r, active: active, currency: currency, today: opt.Today}
	n := min(1000, max(36, len(partners)/5))
	for i := range n {
		if err := g.lead(ctx, i); err != nil {
			return err
		}
	}
	_, err = s.ExpireLeadOffersTx(ctx, tx, opt.Today.Format("2006-01-02"))
	return err
}

type demoLeadGen struct {
	tx       *data.Tx
	s        *data.Store
	r        *rand.Rand
	active   []data.Partner
	currency string
	today    time.Time
	lapsing  bool // one recent offer was made the day after its show, so it lapses within days
}

func (g *demoLeadGen) day(daysAgo int) string {
	return g.today.AddDate(0, 0, -max(0, daysAgo)).Format("2006-01-02")
}

// notAfterToday keeps a demo step from happening in the future.
func (g *demoLeadGen) notAfterToday(day string) string {
	return min(day, g.day(0))
}

// lead makes lead i: event i%4 (the fourth: website or campaign), then a
// walk through the workflow that the event's age allows.
func (g *demoLeadGen) lead(ctx context.Context, i int) error {
	r := g.r
	reg := pick(r, demoRegions)
	lang := reg.lang
	l := &data.Lead{Company: strings.TrimSpace(strings.Split(demoCustomer(r, lang, 12), ",")[0]),
		Product: pick(r, products), EstAmount: int64(5+r.IntN(200)) * 1000_00, Currency: g.currency,
		CreatedBy: "Ольга Савина"}
	l.CompanyKey = format.NormalizeCompany(l.Company)
	if r.IntN(10) > 0 { // one in ten says nothing of where it is
		l.Country, l.Region, l.City = reg.country, reg.region, pick(r, reg.cities)
	}
	first, last := pick(r, enFirst), pick(r, enLast)
	role := pick(r, enRoles)
	if lang == "ru" {
		first, last, role = pick(r, ruFirst), pick(r, ruLast), pick(r, ruRoles)
	}
	l.ContactName, l.ContactRole = first+" "+last, role
	l.ContactEmail = strings.ToLower(translit(first)) + fmt.Sprintf("@customer%d.example", i+1)
	age := 3
	if ev := i % 4; ev < len(demoLeadEvents) {
		e := demoLeadEvents[ev]
		l.Source, l.EventName, l.EventDate, age = data.LeadFromEvent, e.name, g.day(e.days), e.days
	} else {
		l.Source, age = pick(r, []data.LeadSource{data.LeadFromWebsite, data.LeadFromCampaign, data.LeadFromReferral}), 5+r.IntN(60)
	}
	if r.IntN(3) == 0 {
		l.NotesInternal = pick(r, []string{"Asked for a discount", "Спрашивал про скидку", "Hot: budget approved"})
	}
	if r.IntN(3) == 0 {
		l.NotesShareable = pick(r, []string{"Wants a demo in December", "Хочет демо в декабре"})
	}
	l.CreatedAt = g.today.AddDate(0, 0, -age).UTC().Format(time.RFC3339)
	if err := g.s.CreateLeadTx(ctx, g.tx, l); err != nil {
		return err
	}
	return g.walk(ctx, l, age, lang)
}

// walk moves a lead along: the older its event, the further it got.
func (g *demoLeadGen) walk(ctx context.Context, l *data.Lead, age int, lang string) error {
	r := g.r
	roll := r.IntN(100)
	if age <= 7 && roll < 35 || roll < 8 {
		return nil // still in the pool
	}
	p := g.partnerFor(l, 0)
	offered := g.day(age - 1 - r.IntN(2))
	if age <= 7 {
		offered = g.day(r.IntN(max(1, age-1)))
		if !g.lapsing && l.EventName != "" && (roll < 80) {
			// a real program has an offer about to lapse: made the day
			// after the show and not yet answered
			offered, g.lapsing = g.day(age-1), true
		}
	}
	move := data.LeadMove{On: offered, Author: "Ольга Савина"}
	if err := g.s.OfferLeadTx(ctx, g.tx, l.ID, p.ID, data.DefaultLeadOfferDays, move); err != nil {
		return err
	}
	if age <= 7 && roll < 80 || roll < 20 {
		return nil // offered: still open, or (old) left to expire
	}
	on := g.notAfterToday(data.AddDays(offered, 1+r.IntN(4)))
	if roll < 35 {
		reason := pick(r, demoLeadDecline)
		if err := g.s.RespondLeadTx(ctx, g.tx, l.ID, p.ID, false, data.LeadMove{On: on, Reason: demoText(lang, reason.en, reason.ru)}); err != nil {
			return err
		}
		if roll < 27 || age <= 7 {
			return nil // declined, waiting to be re-offered
		}
		other := g.partnerFor(l, p.ID)
		if other.ID == p.ID {
			return nil
		}
		p, offered = other, g.notAfterToday(data.AddDays(on, 1))
		if err := g.s.OfferLeadTx(ctx, g.tx, l.ID, p.ID, data.DefaultLeadOfferDays, data.LeadMove{On: offered}); err != nil {
			return err
		}
		on = g.notAfterToday(data.AddDays(offered, 2))
	}
	if err := g.s.RespondLeadTx(ctx, g.tx, l.ID, p.ID, true, data.LeadMove{On: on}); err != nil {
		return err
	}
	return g.finish(ctx, l, p, on, age, lang, roll)
}

// finish converts an accepted lead into the partner's deal registration
// or loses it, as far as the lead's age allows.
func (g *demoLeadGen) finish(ctx context.Context, l *data.Lead, p data.Partner, accepted string, age int, lang string, roll int) error {
	if age < 20 || roll < 55 {
		return nil // accepted, being worked
	}
	on := g.notAfterToday(data.AddDays(accepted, 3+g.r.IntN(10)))
	if roll < 70 {
		reason := pick(g.r, demoLeadLoss)
		return g.s.LoseLeadTx(ctx, g.tx, l.ID, data.LeadMove{On: on, Reason: demoText(lang, reason.en, reason.ru)})
	}
	d := &data.Deal{PartnerID: p.ID, Customer: l.Company, CustomerKey: l.CompanyKey, Product: l.Product, Amount: l.EstAmount,
		State: data.DealApproved, RegisteredOn: on, ApprovedOn: data.AddDays(on, 1), ProtectedUntil: data.AddDays(on, 91)}
	if roll >= 85 && age >= 45 {
		d.State, d.ClosedOn = data.DealWon, g.notAfterToday(data.AddDays(on, 20))
	}
	if err := g.s.CreateDealTx(ctx, g.tx, d); err != nil {
		return err
	}
	return g.s.ConvertLeadTx(ctx, g.tx, l.ID, d.ID, data.LeadMove{On: on})
}

// partnerFor picks an active partner for a lead: one in its region
// selling its product if there is one, else one in its region, else any;
// never skip (the one that declined).
func (g *demoLeadGen) partnerFor(l *data.Lead, skip int64) data.Partner {
	var region, both []data.Partner
	for _, p := range g.active {
		if p.ID == skip || p.Status != data.StatusActive {
			continue
		}
		if l.Region != "" && p.Region == l.Region {
			region = append(region, p)
			for _, pr := range p.Products {
				if pr == l.Product {
					both = append(both, p)
				}
			}
		}
	}
	switch {
	case len(both) > 0:
		return pick(g.r, both)
	case len(region) > 0:
		return pick(g.r, region)
	}
	for range 10 {
		if p := pick(g.r, g.active); p.ID != skip && p.Status == data.StatusActive {
			return p
		}
	}
	return g.active[0]
}
