package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"channeldesk/app/fiscal"
	"channeldesk/app/format"
	"channeldesk/app/mdf"
	"channeldesk/app/tier"
	"channeldesk/data"
)

// demoActivities are realistic MDF activities in both languages.
var demoActivities = []struct {
	kind   data.MDFActivity
	en, ru string
}{
	{data.ActivityEvent, "Customer breakfast for IT directors", "Бизнес-завтрак для ИТ-директоров"},
	{data.ActivityWebinar, "Webinar: migrating to the cloud edition", "Вебинар: переход на облачную версию"},
	{data.ActivityTradeShow, "Booth at the regional IT trade show", "Стенд на региональной ИТ-выставке"},
	{data.ActivityDigital, "Search and social campaign for SMB", "Контекстная и таргетированная реклама для МСБ"},
	{data.ActivityContent, "Case study and product brochure", "Кейс клиента и брошюра о продукте"},
	{data.ActivitySalesRep, "Co-funded sales rep, 50%", "Софинансирование менеджера по продажам, 50%"},
	{data.ActivityTraining, "Presales bootcamp for the partner team", "Пресейл-интенсив для команды партнёра"},
}

// demoScenarios is where each demo request ends up; the first partners get
// one of each so that every state is present.
var demoScenarios = []string{"paid", "claim_submitted", "approved_due", "submitted", "draft", "rejected", "cancelled",
	"expired", "claim_info", "claim_approved", "claim_rejected", "paid", "paid", "approved_due", "submitted"}

// demoMDF makes funds for the fiscal year and the current quarter, allocates
// them to working partners and takes requests and claims through every
// state, with the clock moved to the day each step happened.
func demoMDF(ctx context.Context, tx *data.Tx, s *data.Store, r *rand.Rand, opt DemoOptions, partners []data.Partner) error {
	savedNow := s.Now
	defer func() { s.Now = savedNow }()
	clock := opt.Today.UTC()
	s.Now = func() time.Time { return clock }
	at := func(d time.Time) { clock = time.Date(d.Year(), d.Month(), d.Day(), 10, 0, 0, 0, time.UTC) }

	var fyFrom int
	if v, ok, err := data.LookupSettingTx(ctx, tx, "fiscal_year_from"); ok && err == nil {
		fmt.Sscan(v, &fyFrom)
	}
	fyFrom = max(1, min(12, fyFrom))
	year, quarter := fiscal.FiscalQuarterOf(fyFrom, opt.Today)
	working := demoWorkingPartners(partners, len(partners))
	if len(working) == 0 {
		return nil
	}
	unit, err := demoMoneyUnit(ctx, tx)
	if err != nil {
		return err
	}
	weights := make([]int, len(working))
	allocs := make([]int64, len(working))
	var budget int64
	for i := range working {
		weights[i] = 1 + r.IntN(3)
		allocs[i] = int64(15_000+r.IntN(25_000)) * unit
	}
	counts := demoSpread(weights, opt.MDFRequests)
	for i := range allocs {
		allocs[i] *= int64(max(1, (counts[i]+1)/2)) // busier partners get more
		budget += allocs[i]
	}
	funds, err := demoFunds(ctx, tx, s, year, quarter, budget, int64(len(partners)), unit)
	if err != nil {
		return err
	}
	main := funds[0]
	start, _ := time.Parse(format.DateLayout, main.StartsOn)
	at(start)
	for i, p := range working {
		if err := mdf.AllocateTx(ctx, tx, s, main.ID, p.ID, allocs[i], ""); err != nil {
			return err
		}
	}
	at(opt.Today)
	if _, _, err := mdf.PostAccrualTx(ctx, tx, s, funds[1].ID); err != nil {
		return err
	}
	toPay, err := demoRequests(ctx, tx, s, r, opt.Today, at, main, working, counts, unit)
	if err != nil {
		return err
	}
	at(opt.Today.AddDate(0, 0, -3))
	if err := demoPayments(ctx, tx, s, r, toPay); err != nil {
		return err
	}
	at(opt.Today)
	if _, err := mdf.ExpireTx(ctx, tx, s); err != nil {
		return err
	}
	return demoAttributeDeals(ctx, tx)
}

// demoRequests makes counts[i] requests for working partner i, the first
// partners one of each scenario, and returns the claims to pay.
func demoRequests(ctx context.Context, tx *data.Tx, s *data.Store, r *rand.Rand, today time.Time, at func(time.Time),
	main *data.MDFFund, working []data.Partner, counts []int, unit int64) ([]int64, error) {
	var toPay []int64
	for i, p := range working {
		for k := range counts[i] {
			sc := demoScenarios[(i+k*len(working))%len(demoScenarios)]
			if i >= len(demoScenarios) {
				sc = pick(r, demoScenarios)
			}
			id, err := demoRequest(ctx, tx, s, r, today, at, main, p, sc, unit)
			if err != nil {
				return nil, err
			}
			if id != 0 {
				toPay = append(toPay, id)
			}
		}
	}
	return toPay, nil
}

func demoWorkingPartners(partners []data.Partner, most int) []data.Partner {
	var out []data.Partner
	for _, p := range partners {
		if p.Status == data.StatusActive || p.Status == data.StatusAtRisk {
			out = append(out, p)
		}
		if len(out) == most {
			break
		}
	}
	return out
}

// demoMoneyUnit is how many minor units of the program currency a euro of
// demo money is worth, so that demo amounts look right in roubles too (the
// deals demo scales the same way).
func demoMoneyUnit(ctx context.Context, tx *data.Tx) (int64, error) {
	currency, err := demoCurrency(ctx, tx)
	if err != nil {
		return 0, err
	}
	return max(1, tier.DefaultProgram(currency)[1].Requirements[1].Threshold/50_000), nil
}

// demoFunds makes the fiscal year's discretionary-and-accrual fund, the
// current quarter's accrual fund and next quarter's, not yet allocated.
// budget covers the allocations; the accrual fund covers every partner's cap.
func demoFunds(ctx context.Context, tx *data.Tx, s *data.Store, year, quarter int, budget, partners, unit int64) ([]*data.MDFFund, error) {
	nextY, nextQ := year, quarter+1
	if nextQ == 5 {
		nextY, nextQ = year+1, 1
	}
	funds := []*data.MDFFund{
		{Name: "Co-marketing", PeriodKind: "year", FiscalYear: year, Budget: budget * 5 / 4,
			Model: data.ModelBoth, Activities: data.MDFActivities, ShareBP: 7500, ClaimDays: 45},
		{Name: "Tier accrual", PeriodKind: "quarter", FiscalYear: year, Quarter: quarter,
			Budget: partners * 20_000 * unit, Model: data.ModelAccrual, ShareBP: 5000, ClaimDays: 30, AccrualCap: 20_000 * unit,
			Activities: []data.MDFActivity{data.ActivityEvent, data.ActivityWebinar, data.ActivityDigital, data.ActivityContent}},
		{Name: "Trade shows", PeriodKind: "quarter", FiscalYear: nextY, Quarter: nextQ,
			Budget: 50_000 * unit, Model: data.ModelDiscretionary, ShareBP: 10000, ClaimDays: 60,
			Activities: []data.MDFActivity{data.ActivityTradeShow, data.ActivityEvent}},
	}
	for _, f := range funds {
		if err := mdf.CreateFundTx(ctx, tx, s, f); err != nil {
			return nil, err
		}
	}
	return funds, nil
}

// demoRequest takes one request to the state sc says and returns the id
// of a claim to pay, if sc is "paid".
func demoRequest(ctx context.Context, tx *data.Tx, s *data.Store, r *rand.Rand, today time.Time, at func(time.Time),
	f *data.MDFFund, p data.Partner, sc string, unit int64) (int64, error) {
	end := demoEnd(r, today, f, sc)
	act := pick(r, demoActivities)
	desc := act.en
	if p.DocLang == "ru" {
		desc = act.ru
	}
	req := &data.MDFRequest{FundID: f.ID, PartnerID: p.ID, Activity: act.kind, Description: desc,
		StartsOn: end.AddDate(0, 0, -r.IntN(3)).Format(format.DateLayout), EndsOn: end.Format(format.DateLayout),
		Requested: int64(1_000+r.IntN(7_000)) * unit, ExpectedLeads: int64(10 + r.IntN(90))}
	req.ExpectedPipeline = req.Requested * int64(5+r.IntN(15))
	at(demoBefore(end.AddDate(0, 0, -30), today.AddDate(0, 0, -2)))
	if err := mdf.CreateRequestTx(ctx, tx, s, req); err != nil || sc == "draft" {
		return 0, err
	}
	if sc == "cancelled" {
		return 0, mdf.CloseRequestTx(ctx, tx, s, req.ID, format.PickLang(format.Lang(p.DocLang), "Event postponed", "Мероприятие перенесено"), data.RequestCancelled, data.RequestDraft)
	}
	if skipped, err := demoTry(ctx, tx, func() error { return mdf.SubmitRequestTx(ctx, tx, s, req.ID) }); skipped || err != nil {
		return 0, err
	}
	at(demoBefore(end.AddDate(0, 0, -25), today.AddDate(0, 0, -1)))
	switch sc {
	case "submitted":
		return 0, nil
	case "rejected":
		return 0, mdf.CloseRequestTx(ctx, tx, s, req.ID, format.PickLang(format.Lang(p.DocLang), "Audience outside the target segment", "Аудитория вне целевого сегмента"),
			data.RequestRejected, data.RequestSubmitted)
	}
	approved := req.Requested
	if r.IntN(3) == 0 {
		approved = req.Requested * 8 / 10
	}
	if err := mdf.ApproveRequestTx(ctx, tx, s, req.ID, approved); err != nil || sc == "approved_due" || sc == "expired" {
		return 0, err
	}
	return demoClaim(ctx, tx, s, r, at, end, req, p, sc)
}

// demoBefore is the earlier of two days: nothing in the demo happens
// after today.
func demoBefore(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// demoEnd is when a demo activity ends, so that its scenario makes sense
// today: in the future, due for a claim soon, past its deadline, or
// recently over and claimed.
func demoEnd(r *rand.Rand, today time.Time, f *data.MDFFund, sc string) time.Time {
	switch sc {
	case "approved_due":
		return today.AddDate(0, 0, -f.ClaimDays+3+r.IntN(180)) // claim deadline in the next six months
	case "expired":
		return today.AddDate(0, 0, -f.ClaimDays-5-r.IntN(30))
	case "paid", "claim_submitted", "claim_info", "claim_approved", "claim_rejected":
		return today.AddDate(0, 0, -15-r.IntN(25))
	}
	return today.AddDate(0, 0, 10+r.IntN(50))
}

func demoClaim(ctx context.Context, tx *data.Tx, s *data.Store, r *rand.Rand, at func(time.Time), end time.Time,
	req *data.MDFRequest, p data.Partner, sc string) (int64, error) {
	at(end.AddDate(0, 0, 3+r.IntN(7)))
	c := &data.MDFClaim{RequestID: req.ID, ActualCost: req.Requested * int64(90+r.IntN(60)) / 100, Leads: req.ExpectedLeads * int64(50+r.IntN(100)) / 100}
	proof := []mdf.ProofFile{{Name: "invoice-" + fmt.Sprint(req.ID) + ".txt", Content: []byte(fmt.Sprintf("Invoice for %s\nAmount: %d\n", req.Description, c.ActualCost))},
		{Name: "leads-" + fmt.Sprint(req.ID) + ".csv", Content: []byte("company,contact,email\nExample Corp,Jane Doe,jane@example.com\n")}}
	if err := mdf.SubmitClaimTx(ctx, tx, s, c, proof); err != nil {
		return 0, err
	}
	at(end.AddDate(0, 0, 12))
	switch sc {
	case "claim_submitted":
		return 0, nil
	case "claim_info":
		return 0, mdf.DecideClaimTx(ctx, tx, s, c.ID, format.PickLang(format.Lang(p.DocLang), "Please attach photos of the booth", "Приложите фото стенда"), data.ClaimInfo, data.ClaimSubmitted)
	case "claim_rejected":
		return 0, mdf.DecideClaimTx(ctx, tx, s, c.ID, format.PickLang(format.Lang(p.DocLang), "Invoice is not in the partner's name", "Счёт выставлен не на партнёра"), data.ClaimRejected, data.ClaimSubmitted)
	}
	if err := mdf.ApproveClaimTx(ctx, tx, s, c.ID); err != nil || sc == "claim_approved" {
		return 0, err
	}
	return c.ID, nil
}

// demoPayments pays approved claims in batches of up to three per payment.
func demoPayments(ctx context.Context, tx *data.Tx, s *data.Store, r *rand.Rand, claims []int64) error {
	for i, n := 0, 1; i < len(claims); n++ {
		j := min(len(claims), i+1+r.IntN(3))
		if _, err := mdf.PayClaimsTx(ctx, tx, s, claims[i:j], mdf.Today(s), fmt.Sprintf("PAY-%04d", n)); err != nil {
			return err
		}
		i = j
	}
	return nil
}

// demoAttributeDeals credits won deals closed after a paid activity to it,
// so that the ROI table has revenue to show.
func demoAttributeDeals(ctx context.Context, tx *data.Tx) error {
	return data.CreditDealsToActivitiesTx(ctx, tx)
}

// demoTry runs fn inside a savepoint: a refusal for lack of money is
// undone and reported as skipped (the request stays a draft); any other
// error stops the demo.
func demoTry(ctx context.Context, tx *data.Tx, fn func() error) (skipped bool, err error) {
	if err := data.Savepoint(ctx, tx, "mdfdemo"); err != nil {
		return false, err
	}
	err = fn()
	if data.ErrorCode(err) == data.ECONFLICT {
		if err := data.RollbackToSavepoint(ctx, tx, "mdfdemo"); err != nil {
			return false, err
		}
		return true, nil
	}
	if err != nil {
		return false, err
	}
	return false, data.ReleaseSavepoint(ctx, tx, "mdfdemo")
}
