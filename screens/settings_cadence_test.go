package screens

import (
	"context"
	"strings"
	"testing"

	"channeldesk/app/fiscal"
	"channeldesk/app/metrics"
	"channeldesk/data"
)

// The cadence of each tier is set in Settings; a bad number names the
// tier and saves nothing; a Gold partner silent 46 days is quiet at 45,
// not at 46 (the boundary day), on Today.
func TestCadencePerTierInSettingsAtTheBoundaryDay(t *testing.T) {
	u, _ := newWeekUI(t, "en")
	ctx := context.Background()
	gold := &data.Tier{NameEN: "Gold", NameRU: "Золото", Rank: 3, Color: "#ccaa00"}
	if err := u.Store.SaveTier(ctx, gold); err != nil {
		t.Fatal(err)
	}
	p := &data.Partner{Name: "Golden Quiet", Type: data.TypeReseller, Status: data.StatusActive, CreatedAt: "2025-01-01T00:00:00Z"}
	if err := u.Store.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	if err := u.Store.ChangeTier(ctx, &data.TierChange{PartnerID: p.ID, ToTierID: gold.ID, Reason: "test"}, "Gold"); err != nil {
		t.Fatal(err)
	}
	last := fiscal.ISODate(u.Store.Now().AddDate(0, 0, -46))
	if err := u.Store.AddEvent(ctx, &data.Event{PartnerID: p.ID, Kind: data.EventMeeting, Body: "review", At: last + "T10:00:00Z"}); err != nil {
		t.Fatal(err)
	}
	quiet := func() bool {
		u.dashboard.load()
		u.Wait()
		for _, e := range u.dashboard.today {
			if e.Kind == metrics.TodayGoneQuiet && e.PartnerID == p.ID {
				return true
			}
		}
		return false
	}
	if !quiet() {
		t.Fatal("a Gold partner 46 days without contact (default 45) is not on Today")
	}
	u.show("nav.settings")
	u.Wait()
	c := newCadenceSettings(u.Store, u.Lang)
	c.buildUI()
	if len(c.entries) != 1 || c.entries[0].Text != "45" {
		t.Fatalf("cadence entries %d, Gold %q", len(c.entries), c.entries[0].Text)
	}
	c.entries[0].SetText("0")
	c.onSave()
	if !strings.HasPrefix(c.msg.Text, "Gold: ") {
		t.Errorf("cadence 0 gave %q", c.msg.Text)
	}
	c.entries[0].SetText("46")
	c.onSave()
	if quiet() {
		t.Error("46 days silent with a 46-day cadence is quiet: the boundary day counts as within")
	}
}
