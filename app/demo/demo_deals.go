package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"channeldesk/app/format"
	"channeldesk/app/tier"
	"channeldesk/data"
)

// demoCustomers are end customers; some are written two ways so that
// registrations by different partners meet as conflicts.
var demoCustomers = []string{
	`ООО "Ромашка"`, "Ромашка ООО", "АО «Северсталь-Инфо»", "ПАО Волга Телеком", "ООО Техностар", "ИП Смирнов",
	"ГУП Мосводоканал-Сервис", "АО Уральские Сети", "ООО «Балтика Логистик»", "ООО Медтехника", "АО «Сибирь Энерго»",
	"Acme Manufacturing GmbH", "ACME Manufacturing", "Northwind Traders Ltd", "Contoso Retail Inc.", "Fabrikam LLC",
	"Tailspin Logistics B.V.", "Wide World Importers", "Litware Health plc", "Adatum Finance AG", "Proseware Inc",
	"City of Leeds Council", "Kraków Energy S.A.", "Nordic Fjord Bank AB",
}

var (
	ruCustomerA = []string{"Волга", "Сибирь", "Урал", "Балтика", "Кама", "Арктика", "Центр", "Стройка", "Агро", "Мед"}
	ruCustomerB = []string{"Транс", "Энерго", "Пром", "Торг", "Строй", "Фарм", "Банк", "Логистик", "Нефть", "Снаб"}
	enCustomerA = []string{"Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Cyberdyne", "Soylent"}
	ruCities    = []string{"Москва", "Казань", "Самара", "Тула", "Пермь", "Омск", "Сочи", "Тверь", "Уфа", "Курск"}
	enCities    = []string{"London", "Berlin", "Vienna", "Dublin", "Leeds", "Munich", "Warsaw", "Oslo", "Lyon", "Porto"}
	enCustomerB = []string{"Foods", "Bank", "Logistics", "Health", "Energy", "Retail", "Motors", "Insurance", "Media", "Pharma"}
)

// demoCustomer is mostly one of many made-up customers, sometimes (one in
// shared) one of the few that several partners chase.
func demoCustomer(r *rand.Rand, lang string, shared int) string {
	switch {
	case r.IntN(shared) == 0:
		return pick(r, demoCustomers)
	case lang == "ru":
		return pick(r, ruLegal) + " «" + strings.TrimSpace(pick(r, ruCustomerA)+pick(r, ruCustomerB)+" "+pick(r, ruNameC)) + "», " + pick(r, ruCities)
	}
	return pick(r, enCustomerA) + " " + pick(r, enCustomerB) + " " + pick(r, enNameC) + " " + pick(r, enLegal) + ", " + pick(r, enCities)
}

var demoLossReasons = []struct{ en, ru string }{
	{"Customer chose a competitor", "Заказчик выбрал конкурента"},
	{"Budget cut", "Сокращение бюджета"},
	{"Project postponed", "Проект отложен"},
}

// demoDeals installs the default tier program, gives partners deals by
// status, then assigns tiers from their won revenue with a history.
func demoDeals(ctx context.Context, tx *data.Tx, s *data.Store, r *rand.Rand, opt DemoOptions, partners []data.Partner) error {
	currency, err := demoCurrency(ctx, tx)
	if err != nil {
		return err
	}
	if _, err := tier.EnsureDefaultProgramTx(ctx, tx, s, currency); err != nil {
		return err
	}
	tiers, err := data.TiersTx(ctx, tx)
	if err != nil {
		return err
	}
	program := tier.NewProgram(tiers)
	scale := tier.DefaultProgram(currency)[1].Requirements[1].Threshold / 50_000 // minor units per "euro"
	weights := make([]int, len(partners))
	for i := range partners {
		weights[i] = demoDealCount(r, partners[i].Status)
	}
	counts := demoSpread(weights, opt.Deals)
	for i := range partners {
		p := &partners[i]
		won, err := demoPartnerDeals(ctx, tx, s, r, opt, p, counts[i], scale)
		if err != nil {
			return err
		}
		if err := demoTierHistory(ctx, tx, s, r, program, p, won, opt.Today); err != nil {
			return err
		}
	}
	return nil
}

// demoDealCount is how many deals a partner registered, by its status.
func demoDealCount(r *rand.Rand, st data.Status) int {
	switch st {
	case data.StatusActive:
		return 3 + r.IntN(30)
	case data.StatusAtRisk:
		return 1 + r.IntN(8)
	case data.StatusOnboarding:
		return r.IntN(3)
	case data.StatusOffboarded:
		return r.IntN(4)
	}
	return 0
}

// demoSpread shares total out in proportion to weights, exactly.
func demoSpread(weights []int, total int) []int {
	sum := 0
	for _, w := range weights {
		sum += w
	}
	out := make([]int, len(weights))
	if sum == 0 {
		return out
	}
	acc, given := 0, 0
	for i, w := range weights {
		acc += w
		n := int(int64(acc)*int64(total)/int64(sum)) - given
		out[i], given = n, given+n
	}
	return out
}

// demoShared is how rarely a deal goes to one of the few customers several
// partners chase: one in 25 up to 500 partners, rarer beyond, so that the
// number of conflicts per partner stays what a real program sees.
func demoShared(opt DemoOptions) int { return 25 * max(1, opt.Partners/500) }

func demoPartnerDeals(ctx context.Context, tx *data.Tx, s *data.Store, r *rand.Rand, opt DemoOptions, p *data.Partner, n int, scale int64) ([]tier.WonDeal, error) {
	var won []tier.WonDeal
	created, _ := time.Parse(time.RFC3339, p.CreatedAt)
	span := int(opt.Today.Sub(created).Hours()/24) - 1
	for range n {
		reg := opt.Today.AddDate(0, 0, -r.IntN(max(span, 1)))
		if p.Status == data.StatusOffboarded {
			reg = created.AddDate(0, 0, r.IntN(max(span/2, 1)))
		}
		customer := strings.Join(strings.Fields(demoCustomer(r, p.DocLang, demoShared(opt))), " ")
		d := &data.Deal{PartnerID: p.ID, Customer: customer, CustomerKey: format.NormalizeCompany(customer),
			Product: pick(r, products), Amount: (5_000 + r.Int64N(120_000)) * scale,
			RegisteredOn: reg.Format(format.DateLayout), ExpectedCloseOn: reg.AddDate(0, 1+r.IntN(5), 0).Format(format.DateLayout),
			CreatedAt: reg.UTC().Format(time.RFC3339)}
		demoDealState(r, d, reg, opt.Today, p.DocLang)
		if err := s.CreateDealTx(ctx, tx, d); err != nil {
			return nil, fmt.Errorf("demo deal: %w", err)
		}
		if d.State == data.DealWon {
			won = append(won, tier.WonDeal{ClosedOn: d.ClosedOn, Amount: d.Amount})
		}
	}
	return won, nil
}

// demoDealState moves a deal as far as its age allows.
func demoDealState(r *rand.Rand, d *data.Deal, reg, today time.Time, docLang string) {
	age := int(today.Sub(reg).Hours() / 24)
	d.State = data.DealSubmitted
	if age < 3 || r.IntN(12) == 0 {
		return
	}
	if r.IntN(10) == 0 {
		d.State, d.Reason = data.DealRejected, demoText(docLang, "Customer already registered by another partner", "Заказчик уже зарегистрирован другим партнёром")
		return
	}
	approved := reg.AddDate(0, 0, 1+r.IntN(min(age-1, 4)))
	d.State, d.ApprovedOn = data.DealApproved, approved.Format(format.DateLayout)
	d.ProtectedUntil = approved.AddDate(0, 0, data.DefaultProtectionDays).Format(format.DateLayout)
	// Most deals close well inside their protection; one in six is a long
	// cycle that may outlast it (and shows on Today when it runs out).
	closeDays := 10 + r.IntN(70)
	if r.IntN(6) == 0 {
		closeDays += r.IntN(90)
	}
	closed := approved.AddDate(0, 0, closeDays)
	switch n := r.IntN(10); {
	case closed.After(today) || n < 1 && r.IntN(3) == 0:
		if d.ProtectedUntil < today.Format(format.DateLayout) {
			d.State = data.DealExpired
		}
	case n < 7:
		d.State, d.ClosedOn = data.DealWon, closed.Format(format.DateLayout)
	default:
		reason := pick(r, demoLossReasons)
		d.State, d.ClosedOn, d.Reason = data.DealLost, closed.Format(format.DateLayout), demoText(docLang, reason.en, reason.ru)
	}
}

func demoText(lang, en, ru string) string {
	if lang == "ru" {
		return ru
	}
	return en
}

// demoTierHistory assigns active partners the tier their won revenue and
// deals earn (certifications and onboarding come later), climbing from
// Registered with a dated history.
func demoTierHistory(ctx context.Context, tx *data.Tx, s *data.Store, r *rand.Rand, program tier.Program, p *data.Partner, won []tier.WonDeal, now time.Time) error {
	today := now.Format(format.DateLayout)
	if len(program.Tiers) == 0 || p.Status != data.StatusActive && p.Status != data.StatusAtRisk && p.Status != data.StatusOnboarding {
		return nil
	}
	m := tier.MeasureAt(&tier.PartnerFacts{Won: won}, today, today)
	top := 0
	for i, t := range program.Tiers {
		if m.Revenue12m >= revenueThreshold(t) {
			top = i
		}
	}
	if p.Status == data.StatusOnboarding {
		top = 0
	}
	created, _ := time.Parse(time.RFC3339, p.CreatedAt)
	days := max(int(now.Sub(created).Hours()/24), 10)
	from := (*data.Tier)(nil)
	for i := 0; i <= top; i++ {
		to := &program.Tiers[i]
		at := created.AddDate(0, 0, days*(i+1)/(top+2)+r.IntN(5)).UTC()
		reason := demoText(p.DocLang, "Requirements met at the review", "Требования выполнены на ревью")
		body := fmt.Sprintf("%s › %s: %s", tier.Name(from, format.Lang(p.DocLang), "—"), to.Name(p.DocLang), reason)
		c := &data.TierChange{PartnerID: p.ID, ToTierID: to.ID, ChangedAt: at.Format(time.RFC3339), Reason: reason, Author: p.AccountManager}
		if err := s.ChangeTierTx(ctx, tx, c, body); err != nil {
			return err
		}
		from = to
	}
	return nil
}

// revenueThreshold is a tier's won-revenue requirement, 0 when it has none.
func revenueThreshold(t data.Tier) int64 {
	for _, r := range t.Requirements {
		if r.Kind == data.ReqRevenue12m {
			return r.Threshold
		}
	}
	return 0
}

// demoCurrency is the program's currency setting, EUR when none is stored.
func demoCurrency(ctx context.Context, tx *data.Tx) (string, error) {
	v, ok, err := data.LookupSettingTx(ctx, tx, "currency")
	if !ok || err != nil {
		return "EUR", err
	}
	return v, nil
}
