package screens

import (
	"context"
	"strings"
	"testing"

	"channeldesk/app/metrics"
	"channeldesk/data"
)

// A lead waiting for a partner is a Today row titled by the lead's
// company (the oldest of its event), with the event and the count of the
// others below it; a lead from no event says so. The partner rows keep
// the partner's name as their title.
func TestTodayLeadWithoutPartnerShowsItsCompany(t *testing.T) {
	u, _ := newWeekUI(t, "en")
	ctx := context.Background()
	for _, l := range []*data.Lead{
		{Company: "Acme Steel", EventName: "Expo"}, {Company: "Volga Foods", EventName: "Expo"},
		{Company: "Web Buyer", Source: data.LeadFromWebsite},
	} {
		if err := u.Store.CreateLead(ctx, l); err != nil {
			t.Fatal(err)
		}
	}
	u.show("dash.nav")
	u.Wait()
	d := u.dashboard
	seen := map[string]string{}
	for _, r := range d.todayRows {
		if r.kind != rowEntry {
			continue
		}
		e := d.today[r.entry]
		v := d.newTodayRow().(*todayRowView)
		d.updateTodayRow(r, v)
		if e.Kind == metrics.TodayLeadUnrouted {
			seen[v.title.Text] = v.detail.Text
		} else if v.title.Text != e.PartnerName {
			t.Errorf("partner row titled %q, want %q", v.title.Text, e.PartnerName)
		}
	}
	if det, ok := seen["Acme Steel"]; !ok || !strings.Contains(det, "Expo lead, waits for a partner since") || !strings.Contains(det, "+1 more") {
		t.Errorf("Expo row %q (all lead rows %v)", det, seen)
	}
	if det, ok := seen["Web Buyer"]; !ok || !strings.Contains(det, "lead from no event") {
		t.Errorf("website lead row %q (all lead rows %v)", det, seen)
	}
	if _, ok := seen["Volga Foods"]; ok {
		t.Error("each waiting lead of one event got its own row")
	}
}
