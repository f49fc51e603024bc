package screens

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"channeldesk/app/benchdata"
	"channeldesk/app/fiscal"
	"channeldesk/app/mdf"
	"channeldesk/app/onboarding"
	"channeldesk/app/tier"
	"channeldesk/data"
)

// newLUI opens the UI on a private copy of dataset L (5,000 partners,
// 100,000 deals, …) at the partner list.
func newLUI(b *testing.B) *UI {
	b.Helper()
	a := test.NewTempApp(b)
	s, err := data.Open(benchdata.Copy(b, b.TempDir()))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	u := New(a, s)
	u.Wait()
	u.show("nav.partners")
	u.Wait()
	u.Win.Resize(u.Win.Canvas().Size().Max(u.Win.Content().MinSize()))
	u.Wait()
	return u
}

// BenchmarkSearchKeystroke5000 measures one keystroke in the partner search
// over dataset L's 5,000 partners, including the table refresh (target < 10 ms).
func BenchmarkSearchKeystroke5000(b *testing.B) {
	u := newLUI(b)
	p := u.partners
	queries := []string{"b", "bl", "blu", "blue", "blue h", "мос", "м", ""}
	for i := 0; b.Loop(); i++ {
		p.search.SetText(queries[i%len(queries)])
	}
	b.ReportMetric(float64(len(p.Rows())), "rows")
}

// BenchmarkPartnerDetailL runs every load the partner detail and its tabs
// do when a partner is opened (profile, contacts, timeline, certifications,
// onboarding with its rules, tier evaluation and history, deals, MDF,
// plan), for the busiest partners of dataset L (target < 20 ms).
func BenchmarkPartnerDetailL(b *testing.B) {
	s, err := data.Open(benchdata.Copy(b, b.TempDir()))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	var ids []int64
	rows, err := s.DB().Query(`SELECT partner_id FROM deals GROUP BY partner_id ORDER BY count(*) DESC, partner_id LIMIT 10`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	year := benchdata.Day.Year()
	for i := 0; b.Loop(); i++ {
		if err := loadPartnerDetail(ctx, s, ids[i%len(ids)], year); err != nil {
			b.Fatal(err)
		}
	}
}

// loadPartnerDetail is what partnerDetail.load and each tab's load call.
func loadPartnerDetail(ctx context.Context, s *data.Store, id int64, year int) error {
	today := fiscal.ISODate(s.Now())
	steps := []func() error{
		func() error { _, err := s.Partner(ctx, id); return err },
		func() error { _, err := s.Contacts(ctx, id); return err },
		func() error { _, err := s.Events(ctx, id); return err },
		func() error { _, err := s.Certifications(ctx, id); return err },
		func() error { _, err := s.CertifiedPeople(ctx, id, today); return err },
		func() error { _, err := onboarding.ApplyAutoRules(ctx, s, id, today); return err },
		func() error { _, err := s.Checklist(ctx, id); return err },
		func() error { _, err := onboarding.FirstDealOn(ctx, s, id, today); return err },
		func() error { _, _, _, err := tier.EvaluatePartner(ctx, s, id, s.Today()); return err },
		func() error { _, err := s.TierChanges(ctx, id); return err },
		func() error { _, err := s.Deals(ctx, data.DealFilter{PartnerID: id}); return err },
		func() error { _, err := mdf.LoadPartnerMDF(ctx, s, id); return err },
		func() error { _, _, _, err := loadPartnerPlan(s, id, year, 1); return err },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}
