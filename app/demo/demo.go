package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"channeldesk/data"
)

// DemoOptions say how much demo data to make. The same Seed and Today
// give the same data.
type DemoOptions struct {
	Partners int
	// Deals, MDFRequests, Plans and Tasks (onboarding tasks) are totals;
	// zero means in proportion to Partners, so that 5,000 partners give
	// dataset L: 100,000 deals, 20,000 MDF requests, 5,000 plans and
	// 60,000 onboarding tasks.
	Deals, MDFRequests, Plans, Tasks int
	Seed                             uint64
	Today                            time.Time
}

// Defaults fills the counts left at zero in proportion to Partners.
func (o DemoOptions) Defaults() DemoOptions {
	if o.Partners <= 0 {
		o.Partners = 150
	}
	fill := func(v *int, per int) {
		if *v <= 0 {
			*v = o.Partners * per
		}
	}
	fill(&o.Deals, 20)
	fill(&o.MDFRequests, 4)
	fill(&o.Plans, 1)
	fill(&o.Tasks, 12)
	return o
}

// DemoStep adds one area's demo data for the partners already made; each
// area (deals, MDF, onboarding, plans, recruitment) has one in demoSteps.
type DemoStep func(ctx context.Context, tx *data.Tx, s *data.Store, r *rand.Rand, opt DemoOptions, partners []data.Partner) error

// demoSteps run after partners, contacts and timelines, in order; a new
// area adds its step at the end.
func demoSteps() []DemoStep {
	return []DemoStep{demoDeals, demoMDF, demoOnboarding, demoPlans, demoRecruit, demoLeads}
}

type demoRegion struct {
	lang    string
	country string
	region  string
	cities  []string
}

var demoRegions = []demoRegion{
	{"ru", "Россия", "Центральный", []string{"Москва", "Тула", "Ярославль"}},
	{"ru", "Россия", "Северо-Западный", []string{"Санкт-Петербург", "Калининград"}},
	{"ru", "Россия", "Приволжский", []string{"Казань", "Нижний Новгород", "Самара"}},
	{"ru", "Россия", "Уральский", []string{"Екатеринбург", "Челябинск"}},
	{"ru", "Россия", "Сибирский", []string{"Новосибирск", "Красноярск"}},
	{"ru", "Казахстан", "Центральная Азия", []string{"Алматы", "Астана"}},
	{"en", "Germany", "DACH", []string{"Berlin", "Munich", "Hamburg"}},
	{"en", "Austria", "DACH", []string{"Vienna"}},
	{"en", "United Kingdom", "UK&I", []string{"London", "Leeds", "Manchester"}},
	{"en", "Ireland", "UK&I", []string{"Dublin"}},
	{"en", "Sweden", "Nordics", []string{"Stockholm", "Gothenburg"}},
	{"en", "Netherlands", "Benelux", []string{"Amsterdam", "Rotterdam"}},
	{"en", "Poland", "CEE", []string{"Warsaw", "Kraków"}},
}

var (
	ruNameA  = []string{"Альфа", "Орбита", "Вектор", "Сфера", "Гранит", "Север", "Диалог", "Меридиан", "Спектр", "Логос", "Импульс", "Кварта", "Пульсар", "Форум", "Атлас", "Радиус", "Янтарь", "Байкал", "Эталон", "Нева"}
	ruNameB  = []string{"Софт", "Системы", "Интеграция", "Консалтинг", "Технологии", "Сервис", "Телеком", "Решения", "ИТ", "Дата"}
	ruNameC  = []string{"", "Плюс", "Групп", "Про", "Центр", "Регион", "Лаб", "Инжиниринг"}
	ruLegal  = []string{"ООО", "АО", "ООО", "ИП"}
	enNameA  = []string{"Northwind", "Blue Harbor", "Summit", "Brightpath", "Ironbridge", "Cobalt", "Redwood", "Silverline", "Keystone", "Lakeside", "Pinnacle", "Harbor", "Evergreen", "Granite", "Skyward", "Crescent", "Meridian", "Oakridge", "Fjord", "Polaris"}
	enNameB  = []string{"Integrators", "Systems", "Solutions", "IT", "Networks", "Consulting", "Technologies", "Digital", "Data", "Cloud"}
	enNameC  = []string{"", "Group", "Partners", "Labs", "Works", "Pro", "Services", "Europe"}
	enLegal  = []string{"LLC", "Ltd", "GmbH", "Inc", "B.V."}
	ruFirst  = []string{"Иван", "Анна", "Сергей", "Мария", "Алексей", "Ольга", "Дмитрий", "Екатерина", "Павел", "Наталья", "Артём", "Юлия"}
	ruLast   = []string{"Петров", "Смирнова", "Иванов", "Кузнецова", "Соколов", "Попова", "Лебедев", "Новикова", "Морозов", "Волкова", "Егоров", "Орлова"}
	enFirst  = []string{"Anna", "Tom", "Lukas", "Sophie", "James", "Emma", "Jan", "Olivia", "Erik", "Maja", "Daniel", "Chloe"}
	enLast   = []string{"Weber", "Hughes", "Schmidt", "Jansen", "Murphy", "Nowak", "Lindqvist", "Fischer", "Evans", "Kowalski", "de Vries", "Taylor"}
	ruRoles  = []string{"Генеральный директор", "Коммерческий директор", "Руководитель продаж", "Пресейл-инженер", "Маркетолог", "Технический директор"}
	enRoles  = []string{"CEO", "Sales Director", "Head of Sales", "Presales Engineer", "Marketing Manager", "CTO"}
	verticls = []string{"Healthcare", "Public sector", "Finance", "Retail", "Manufacturing", "Education", "Logistics", "Energy", "Telecom", "SMB"}
	ruVert   = []string{"Здравоохранение", "Госсектор", "Финансы", "Ритейл", "Производство", "Образование", "Логистика", "Энергетика", "Телеком", "МСБ"}
	caps     = []string{"Presales", "Implementation", "Support L1", "Support L2", "Training", "Cloud hosting", "Custom development"}
	products = []string{"Core", "Analytics", "Cloud", "Security", "Mobile"}
	tags     = []string{"trade-show", "key", "strategic", "new", "public-tenders", "enterprise", "smb-focus"}
	managers = []string{"Ольга Савина", "Mark Brenner", "Ольга Савина", "Dmitry Kolesov"}
)

// statusWeights shape a realistic program: most partners active, a funnel
// of prospects, some at risk, a few gone.
var statusWeights = []struct {
	s data.Status
	w int
}{
	{data.StatusActive, 40}, {data.StatusOnboarding, 12}, {data.StatusProspect, 12}, {data.StatusApplied, 8},
	{data.StatusVetting, 8}, {data.StatusAtRisk, 8}, {data.StatusOffboarded, 6}, {data.StatusDeclined, 6},
}

// statusPath is how a partner got to its status, for its timeline.
var statusPath = map[data.Status][]data.Status{
	data.StatusProspect:   nil,
	data.StatusApplied:    {data.StatusApplied},
	data.StatusVetting:    {data.StatusApplied, data.StatusVetting},
	data.StatusOnboarding: {data.StatusApplied, data.StatusVetting, data.StatusOnboarding},
	data.StatusActive:     {data.StatusApplied, data.StatusVetting, data.StatusOnboarding, data.StatusActive},
	data.StatusAtRisk:     {data.StatusApplied, data.StatusVetting, data.StatusOnboarding, data.StatusActive, data.StatusAtRisk},
	data.StatusOffboarded: {data.StatusApplied, data.StatusVetting, data.StatusOnboarding, data.StatusActive, data.StatusOffboarded},
	data.StatusDeclined:   {data.StatusApplied, data.StatusVetting, data.StatusDeclined},
}

// Demo fills an empty database with realistic, deterministic demo data in
// one transaction: partners of every type, status and region, Russian and
// English, with contacts and timelines, then every registered DemoStep.
func Demo(ctx context.Context, s *data.Store, opt DemoOptions) error {
	if opt.Today.IsZero() {
		opt.Today = s.Now()
	}
	opt = opt.Defaults()
	r := rand.New(rand.NewPCG(opt.Seed, 0x6368616e6e656c))
	return s.WithTx(ctx, func(tx *data.Tx) error {
		n, err := data.CountPartnersTx(ctx, tx)
		if err != nil {
			return err
		}
		if n > 0 {
			return data.Conflict("err.demo_not_empty", map[string]any{"Count": n})
		}
		if err := demoSettings(ctx, tx); err != nil {
			return err
		}
		partners := make([]data.Partner, 0, opt.Partners)
		names := map[string]bool{}
		for i := range opt.Partners {
			p, err := demoPartner(ctx, tx, s, r, opt, i, names)
			if err != nil {
				return err
			}
			partners = append(partners, *p)
		}
		for _, step := range demoSteps() {
			if err := step(ctx, tx, s, r, opt, partners); err != nil {
				return err
			}
		}
		return nil
	})
}

// demoSettings names the demo vendor and its program, unless already named.
func demoSettings(ctx context.Context, tx *data.Tx) error {
	for key, value := range map[string]string{"vendor_name": "Polar Software", "program_name": "Polar Partner Network",
		"manager_name": "Ольга Савина"} {
		v, _, err := data.LookupSettingTx(ctx, tx, key)
		if err != nil {
			return err
		}
		if v == "" {
			if err := data.SetSettingTx(ctx, tx, key, value); err != nil {
				return err
			}
		}
	}
	return nil
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func pickSome(r *rand.Rand, xs []string, most int) []string {
	n := 1 + r.IntN(most)
	perm := r.Perm(len(xs))
	out := make([]string, 0, n)
	for _, i := range perm[:min(n, len(xs))] {
		out = append(out, xs[i])
	}
	return out
}

func demoName(r *rand.Rand, lang string, names map[string]bool) (name, legal string) {
	for try := 0; ; try++ {
		if lang == "ru" {
			name = strings.TrimSpace(pick(r, ruNameA) + " " + pick(r, ruNameB) + " " + pick(r, ruNameC))
		} else {
			name = strings.TrimSpace(pick(r, enNameA) + " " + pick(r, enNameB) + " " + pick(r, enNameC))
		}
		if try > 20 {
			name = fmt.Sprintf("%s %d", name, try)
		}
		if !names[name] {
			names[name] = true
			break
		}
	}
	if lang == "ru" {
		return name, pick(r, ruLegal) + " «" + name + "»"
	}
	return name, name + " " + pick(r, enLegal)
}

func pickStatus(r *rand.Rand) data.Status {
	n := r.IntN(100)
	for _, sw := range statusWeights {
		if n < sw.w {
			return sw.s
		}
		n -= sw.w
	}
	return data.StatusActive
}

func demoPartner(ctx context.Context, tx *data.Tx, s *data.Store, r *rand.Rand, opt DemoOptions, i int, names map[string]bool) (*data.Partner, error) {
	reg := pick(r, demoRegions)
	name, legal := demoName(r, reg.lang, names)
	created := opt.Today.AddDate(0, 0, -30-r.IntN(900)).UTC()
	p := &data.Partner{
		Name: name, LegalName: legal, Type: data.PartnerTypes[i%len(data.PartnerTypes)], Status: pickStatus(r),
		Country: reg.country, Region: reg.region, City: pick(r, reg.cities),
		Website:      strings.ReplaceAll(translit(name), " ", "-") + ".example",
		Capabilities: pickSome(r, caps, 3), Products: pickSome(r, products, 3), Tags: pickSome(r, tags, 2)[:r.IntN(2)],
		DocLang: reg.lang, AccountManager: pick(r, managers), CreatedAt: created.Format(time.RFC3339),
	}
	if reg.lang == "ru" {
		p.Verticals = pickSome(r, ruVert, 3)
	} else {
		p.Verticals = pickSome(r, verticls, 3)
	}
	if err := s.CreatePartnerTx(ctx, tx, p); err != nil {
		return nil, err
	}
	if err := demoContacts(ctx, tx, s, r, p, reg.lang); err != nil {
		return nil, err
	}
	return p, demoTimeline(ctx, tx, r, p, created, opt.Today)
}

func demoContacts(ctx context.Context, tx *data.Tx, s *data.Store, r *rand.Rand, p *data.Partner, lang string) error {
	n := 1 + r.IntN(5)
	for j := range n {
		c := &data.Contact{PartnerID: p.ID, Primary: j == 0}
		if lang == "ru" {
			first, last := pick(r, ruFirst), pick(r, ruLast)
			c.Name, c.Role = first+" "+last, pick(r, ruRoles)
			c.Phone = fmt.Sprintf("+7 9%02d %03d-%02d-%02d", r.IntN(100), r.IntN(1000), r.IntN(100), r.IntN(100))
			c.Email = fmt.Sprintf("%s%d@%s", strings.ReplaceAll(translit(last), " ", ""), j+1, p.Website)
		} else {
			first, last := pick(r, enFirst), pick(r, enLast)
			c.Name, c.Role = first+" "+last, pick(r, enRoles)
			c.Phone = fmt.Sprintf("+44 20 %04d %04d", r.IntN(10000), r.IntN(10000))
			c.Email = strings.ToLower(strings.ReplaceAll(first+"."+last, " ", "")) + "@" + p.Website
		}
		if err := s.SaveContactTx(ctx, tx, c); err != nil {
			return err
		}
	}
	return nil
}

var demoNotes = []struct {
	kind data.EventKind
	en   string
	ru   string
}{
	{data.EventMeeting, "Quarterly review: pipeline looks healthy, asked for a joint webinar.", "Квартальная встреча: воронка в порядке, просят совместный вебинар."},
	{data.EventCall, "Call with sales director about the new price list.", "Звонок коммерческому директору по новому прайс-листу."},
	{data.EventNote, "Met at the trade-show booth, strong in the public sector.", "Познакомились на выставке, сильны в госсекторе."},
	{data.EventEmail, "Sent the partner agreement and onboarding guide.", "Отправили партнёрский договор и гайд по онбордингу."},
	{data.EventEscalation, "End customer complains about delivery delays.", "Заказчик жалуется на сроки поставки."},
	{data.EventNote, "Internal: margin expectations too high, watch closely.", "Внутреннее: ожидания по марже завышены, наблюдать."},
}

func demoTimeline(ctx context.Context, tx *data.Tx, r *rand.Rand, p *data.Partner, created, today time.Time) error {
	path := statusPath[p.Status]
	span := today.Sub(created)
	from := data.StatusProspect
	for k, to := range path {
		at := created.Add(span * time.Duration(k+1) / time.Duration(len(path)+2))
		reason := "Next step in the programme"
		if p.DocLang == "ru" {
			reason = "Следующий шаг программы"
		}
		e := &data.Event{PartnerID: p.ID, Kind: data.EventStatusChange, At: at.UTC().Format(time.RFC3339),
			Author: p.AccountManager, Body: reason, FromStatus: from, ToStatus: to}
		if err := data.InsertEventTx(ctx, tx, e); err != nil {
			return err
		}
		from = to
	}
	for range r.IntN(5) {
		n := pick(r, demoNotes)
		body := n.en
		if p.DocLang == "ru" {
			body = n.ru
		}
		at := created.Add(time.Duration(r.Int64N(int64(span))))
		// Escalations get resolved; demoRecentContact leaves a few recent ones open.
		e := &data.Event{PartnerID: p.ID, Kind: n.kind, At: at.UTC().Format(time.RFC3339), Author: p.AccountManager,
			Body: body, Shareable: n.kind == data.EventMeeting}
		if err := data.InsertEventTx(ctx, tx, e); err != nil {
			return err
		}
	}
	return demoRecentContact(ctx, tx, r, p, created, today)
}

// demoOpenEscalation is how long an escalation may stay open in the demo.
const demoOpenEscalation = 3 * 7 * 24 * time.Hour

// demoRecentContact gives most partners in the program a call, meeting
// or e-mail in the last weeks, as a manager keeping in touch would; the
// rest (and more of those at risk) have gone quiet.
func demoRecentContact(ctx context.Context, tx *data.Tx, r *rand.Rand, p *data.Partner, created, today time.Time) error {
	working := p.Status == data.StatusActive || p.Status == data.StatusOnboarding || p.Status == data.StatusAtRisk
	if working && r.IntN(35) == 0 { // one partner in thirty-odd has an escalation still open
		at := today.Add(-time.Duration(r.Int64N(int64(demoOpenEscalation))) - time.Hour)
		n := demoNotes[4]
		e := &data.Event{PartnerID: p.ID, Kind: n.kind, At: at.UTC().Format(time.RFC3339), Author: p.AccountManager,
			Body: demoText(p.DocLang, n.en, n.ru), Open: true}
		if err := data.InsertEventTx(ctx, tx, e); err != nil {
			return err
		}
	}
	if !working || r.IntN(30) == 0 || p.Status == data.StatusAtRisk && r.IntN(4) == 0 {
		return nil
	}
	at := today.Add(-time.Duration(r.Int64N(int64(28*24*time.Hour))) - time.Hour)
	if at.Before(created) {
		return nil
	}
	n := demoNotes[r.IntN(4)%2] // the quarterly meeting or the call
	if r.IntN(3) == 0 {
		n = demoNotes[3] // an e-mail
	}
	body := n.en
	if p.DocLang == "ru" {
		body = n.ru
	}
	e := &data.Event{PartnerID: p.ID, Kind: n.kind, At: at.UTC().Format(time.RFC3339), Author: p.AccountManager,
		Body: body, Shareable: n.kind == data.EventMeeting}
	return data.InsertEventTx(ctx, tx, e)
}

var translitTable = map[rune]string{'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z",
	'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "sch", 'ы': "y", 'э': "e", 'ю': "yu", 'я': "ya"}

func translit(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if t, ok := translitTable[c]; ok {
			b.WriteString(t)
		} else if c < 128 && (c == ' ' || c == '-' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			b.WriteRune(c)
		}
	}
	return b.String()
}
