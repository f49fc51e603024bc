package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"channeldesk/app/format"
	"channeldesk/data"
)

var demoCommit = []struct {
	side         data.Side
	kind, en, ru string
}{
	{data.SideVendor, data.CommitTraining, "Two sales trainings and one technical bootcamp", "Два тренинга по продажам и технический буткемп"},
	{data.SideVendor, data.CommitMDF, "Marketing funds for two joint events", "Маркетинговые фонды на два совместных мероприятия"},
	{data.SideVendor, data.CommitOther, "Presales support on deals above 50k", "Пресейл-поддержка в сделках от 50 тыс."},
	{data.SidePartner, data.CommitOther, "Certify two more engineers by Q2", "Сертифицировать ещё двух инженеров до конца 2 кв."},
	{data.SidePartner, data.CommitOther, "Register every opportunity within a week", "Регистрировать каждую сделку в течение недели"},
	{data.SidePartner, data.CommitOther, "Run one webinar per quarter", "Проводить один вебинар в квартал"},
}

// demoPlans gives most active partners a business plan for the current
// fiscal year (and, to reach opt.Plans, earlier years): agreed ones (some re-agreed as a second revision), a few
// drafts, and check-ins for the quarters already over.
func demoPlans(ctx context.Context, tx *data.Tx, s *data.Store, r *rand.Rand, opt DemoOptions, partners []data.Partner) error {
	fyStart := 1
	if v, ok, err := data.LookupSettingTx(ctx, tx, "fiscal_year_from"); ok && err == nil {
		fyStart, _ = strconv.Atoi(v)
	}
	year := opt.Today.Year()
	if int(opt.Today.Month()) < fyStart {
		year--
	}
	made := 0
	for back := 0; back < 5 && made < opt.Plans; back++ {
		start := time.Date(year-back, time.Month(fyStart), 1, 0, 0, 0, 0, time.UTC)
		for i := range partners {
			p := &partners[i]
			if (p.Status != data.StatusActive && p.Status != data.StatusAtRisk) || r.IntN(10) == 0 {
				continue
			}
			if err := demoPlan(ctx, tx, s, r, opt, p, year-back, start); err != nil {
				return err
			}
			if made++; made == opt.Plans {
				break
			}
		}
	}
	return nil
}

func demoPlan(ctx context.Context, tx *data.Tx, s *data.Store, r *rand.Rand, opt DemoOptions, p *data.Partner, year int, start time.Time) error {
	ru := p.DocLang == "ru"
	pl := &data.Plan{PartnerID: p.ID, FiscalYear: year, VendorContactName: p.AccountManager,
		VendorContactRole:  ruOr(ru, "Channel account manager", "Менеджер по работе с партнёрами"),
		VendorContactEmail: "channel@vendor.example", VendorContactPhone: "+44 20 7946 0000"}
	base := int64(1+r.IntN(20)) * 500000
	pl.Objectives = []data.Objective{
		{Measure: data.MeasureRevenue, Weight: 40, Targets: [4]int64{base, base * 5 / 4, base * 3 / 2, base * 2}},
		{Measure: data.MeasureWonDeals, Weight: 20, Targets: [4]int64{int64(1 + r.IntN(3)), int64(2 + r.IntN(3)), int64(2 + r.IntN(4)), int64(3 + r.IntN(4))}},
		{Measure: data.MeasureCertifiedPeople, Weight: 20, Targets: [4]int64{1, 2, 2, 3}},
		{Measure: data.MeasureMarketing, Weight: 10, Title: ruOr(ru, "Webinars and events", "Вебинары и мероприятия"), Targets: [4]int64{1, 1, 2, 1}},
		{Measure: data.MeasureNewCustomers, Weight: 10, Targets: [4]int64{1, 2, 2, 3}},
	}
	done := 0
	for q := range 4 {
		if !start.AddDate(0, 3*(q+1), 0).After(opt.Today) {
			done = q + 1
			pl.Objectives[3].Actuals[q] = int64(r.IntN(3))
			pl.Objectives[4].Actuals[q] = int64(r.IntN(4))
		}
	}
	for _, c := range demoCommit {
		if r.IntN(3) > 0 {
			pl.Commitments = append(pl.Commitments, data.Commitment{Side: c.side, Kind: c.kind, Body: ruOr(ru, c.en, c.ru)})
		}
	}
	if r.IntN(4) == 0 {
		pl.RepShareBP = []int{5000, 7500}[r.IntN(2)]
		pl.RepCommitment = ruOr(ru, "40 calls a day and 6 demos a week", "40 звонков в день и 6 демонстраций в неделю")
	}
	if err := s.CreatePlanTx(ctx, tx, pl); err != nil {
		return err
	}
	if r.IntN(6) == 0 {
		return nil // stays a draft
	}
	agreed := start.AddDate(0, 0, 10+r.IntN(20))
	if err := s.AgreePlanTx(ctx, tx, pl.ID, agreed.Format(format.DateLayout)); err != nil {
		return err
	}
	if r.IntN(3) == 0 && done > 0 {
		pl.Objectives[0].Targets[3] = pl.Objectives[0].Targets[3] * 9 / 10
		if err := s.SavePlanTx(ctx, tx, pl); err != nil {
			return err
		}
		if err := s.AgreePlanTx(ctx, tx, pl.ID, start.AddDate(0, 3, 15).Format(format.DateLayout)); err != nil {
			return err
		}
	}
	return demoCheckIns(ctx, tx, s, r, pl, start, done, ru)
}

func demoCheckIns(ctx context.Context, tx *data.Tx, s *data.Store, r *rand.Rand, pl *data.Plan, start time.Time, done int, ru bool) error {
	notes := []struct{ en, ru string }{
		{"Pipeline reviewed; revenue on track, certification behind.", "Разобрали воронку: выручка по плану, сертификация отстаёт."},
		{"Agreed to bring the webinar forward.", "Договорились перенести вебинар на более ранний срок."},
		{"Internal: partner pushes for a higher discount.", "Внутреннее: партнёр добивается большей скидки."},
	}
	statuses := []data.ObjectiveStatus{data.OnTrack, data.OnTrack, data.AtRisk, data.OffTrack}
	for q := 1; q <= done; q++ {
		if r.IntN(60) == 0 {
			continue // a check-in that is due and missing
		}
		n := pick(r, notes)
		c := &data.CheckIn{PlanID: pl.ID, Quarter: q, HeldOn: start.AddDate(0, 3*q, 5+r.IntN(15)).Format(format.DateLayout),
			Attendees: pl.VendorContactName, Notes: ruOr(ru, n.en, n.ru), Shareable: n.en[:9] != "Internal:",
			Statuses: map[int64]data.ObjectiveStatus{}}
		for _, o := range pl.Objectives {
			c.Statuses[o.ID] = pick(r, statuses)
		}
		if err := s.SaveCheckInTx(ctx, tx, c); err != nil {
			return fmt.Errorf("check-in: %w", err)
		}
	}
	return nil
}

func ruOr(ru bool, en, rus string) string {
	if ru {
		return rus
	}
	return en
}
