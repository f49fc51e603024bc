package screens

import (
	"channeldesk/app/demo"
	"channeldesk/app/format"
	"channeldesk/app/metrics"
	"channeldesk/data"
	"context"
	"strings"
	"testing"
)

func mdfVolume(partners, deals, requests int) func(context.Context, *data.Store) error {
	return func(ctx context.Context, s *data.Store) error {
		v := demo.Volume{Partners: partners, Deals: deals, Today: s.Now()}
		if err := demo.FillVolume(ctx, s, v); err != nil {
			return err
		}
		return demo.FillMDFVolume(ctx, s, v, requests)
	}
}

func TestDashboardShowsMDFTileAndClaimDeadlines(t *testing.T) {
	u := newDashUI(t, "en", mdfVolume(40, 200, 400))
	d := u.dashboard
	k, err := metrics.LoadMDFKPI(context.Background(), u.Store, u.Store.Now())
	if err != nil || k.Funds == 0 {
		t.Fatalf("KPI %+v (%v)", k, err)
	}
	cur := u.Settings.Currency
	want := compactMoney(k.Used, cur, format.EN) + " / " + compactMoney(k.Available, cur, format.EN)
	if d.mdf.value.Text != want || d.mdf.card.Subtitle != "MDF used / available" || !strings.HasPrefix(d.mdf.note.Text, "Budget ") {
		t.Errorf("MDF tile %q %q %q, want %q", d.mdf.card.Subtitle, d.mdf.value.Text, d.mdf.note.Text, want)
	}
	idx := -1
	for i, it := range d.today {
		if it.Kind == metrics.TodayMDFDeadline {
			idx = i
			break
		}
	}
	if idx < 0 {
		t.Fatal("no MDF claim deadline on the Today list")
	}
	it := d.today[idx]
	if text := d.todayText(it); !strings.Contains(text, "MDF claim due") || !strings.HasPrefix(text, it.PartnerName) {
		t.Errorf("Today text %q", text)
	}
	selectTodayEntry(d, idx)
	u.Wait()
	if u.current != "nav.partners" || u.partners.selected != it.PartnerID {
		t.Errorf("area %q partner %d after opening the MDF item, want partner %d", u.current, u.partners.selected, it.PartnerID)
	}
}

func TestDashboardMDFTileWithDemoDataInRussian(t *testing.T) {
	u := newDashUI(t, "ru", func(ctx context.Context, s *data.Store) error {
		return demo.Demo(ctx, s, demo.DemoOptions{Partners: 30, Seed: 3, Today: s.Now()})
	})
	d := u.dashboard
	if d.mdf.card.Subtitle != "MDF использовано / доступно" {
		t.Errorf("tile title %q", d.mdf.card.Subtitle)
	}
	k, _ := metrics.LoadMDFKPI(context.Background(), u.Store, u.Store.Now())
	switch {
	case k.Funds == 0 && d.mdf.note.Text != "Нет фонда на сегодня.":
		t.Errorf("no current fund, note %q", d.mdf.note.Text)
	case k.Funds > 0 && d.mdf.value.Text != compactMoney(k.Used, u.Settings.Currency, format.RU)+" / "+compactMoney(k.Available, u.Settings.Currency, format.RU):
		t.Errorf("tile %q for %+v", d.mdf.value.Text, k)
	}
}
