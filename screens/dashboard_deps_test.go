package screens

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/format"
	"channeldesk/app/metrics"
	"channeldesk/assets"
	"channeldesk/data"
	"channeldesk/internal/testutil"
)

// dashCalls records what a dashboard built from fake deps asked the
// window to do.
type dashCalls struct {
	opened []int64  // openPartner
	tabs   []string // partnerTab
	leads  []bool   // showLeads
	logged []string // logContact: "id name"
	loaded int      // loaded
}

// newFakeDashboard builds the dashboard alone in a window from a deps
// struct whose callbacks only record, on a store filled by fill, and runs
// the load it asked to run when shown.
func newFakeDashboard(t *testing.T, fill func(ctx context.Context, s *data.Store) error) (*dashboardScreen, *dashCalls) {
	t.Helper()
	a := test.NewTempApp(t)
	if err := assets.LoadTranslations("en"); err != nil {
		t.Fatal(err)
	}
	s := testutil.OpenStore(t)
	if err := fill(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	win := a.NewWindow("dashboard")
	calls := &dashCalls{}
	var shown []func()
	d := newDashboardScreen(dashboardDeps{store: s, win: win, lang: format.EN,
		background: func(work, done func()) { work(); done() },
		settings:   data.DefaultSettings, onUI: func(f func()) { f() },
		whenShown:   func(load func()) { shown = append(shown, load) },
		loaded:      func() { calls.loaded++ },
		newExporter: func() *reportExport { return &reportExport{store: s, win: win, lang: format.EN} },
		openPartner: func(id int64) { calls.opened = append(calls.opened, id) },
		partnerTab:  func(title string) { calls.tabs = append(calls.tabs, title) },
		showLeads:   func(offered bool) { calls.leads = append(calls.leads, offered) },
		logContact: func(id int64, name string, _ func()) {
			calls.logged = append(calls.logged, fmt.Sprintf("%d %s", id, name))
		}})
	win.SetContent(d.buildUI())
	win.Resize(fyne.NewSize(1280, 760))
	if len(shown) != 1 {
		t.Fatalf("the dashboard asked for %d loads when shown, want 1", len(shown))
	}
	shown[0]()
	if calls.loaded != 1 {
		t.Errorf("loaded called %d times after the first load", calls.loaded)
	}
	return d, calls
}

// Built from its deps alone, the dashboard's Today and at-risk items hand
// the partner to open, the tab to show and the contact to log to the
// window's callbacks.
func TestDashboardFromDepsOpensWhatItsItemsNeed(t *testing.T) {
	var ids []int64
	d, calls := newFakeDashboard(t, func(ctx context.Context, s *data.Store) error {
		s.Now = func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }
		for i := range 2 {
			p := &data.Partner{Name: fmt.Sprintf("Partner %d", i+1), Type: data.TypeReseller, Status: data.StatusActive,
				CreatedAt: "2025-01-01T00:00:00Z"}
			if err := s.CreatePartner(ctx, p); err != nil {
				return err
			}
			ids = append(ids, p.ID)
		}
		// Partner 1 was called lately and has an open escalation; Partner 2 has gone quiet.
		for _, e := range []data.Event{
			{PartnerID: ids[0], Kind: data.EventCall, Body: "call", At: "2026-11-20T10:00:00Z"},
			{PartnerID: ids[0], Kind: data.EventEscalation, Body: "problem", Open: true, At: "2026-11-10T10:00:00Z"},
		} {
			if err := s.AddEvent(ctx, &e); err != nil {
				return err
			}
		}
		return s.CreateLead(ctx, &data.Lead{Company: "Acme Steel", EventName: "Expo"})
	})
	entry := func(k metrics.TodayKind) int {
		t.Helper()
		i := slices.IndexFunc(d.today, func(e metrics.TodayEntry) bool { return e.Kind == k })
		if i < 0 {
			t.Fatalf("no %s entry on Today: %+v", k, d.today)
		}
		return i
	}

	selectTodayEntry(d, entry(metrics.TodayEscalation))
	if !slices.Equal(calls.opened, []int64{ids[0]}) || !slices.Equal(calls.tabs, []string{"Timeline"}) || len(calls.logged) != 0 {
		t.Errorf("the escalation opened partners %v at tabs %q, logged %q; want %d at Timeline", calls.opened, calls.tabs, calls.logged, ids[0])
	}

	selectTodayEntry(d, entry(metrics.TodayGoneQuiet))
	if want := fmt.Sprintf("%d Partner 2", ids[1]); calls.opened[len(calls.opened)-1] != ids[1] || !slices.Equal(calls.logged, []string{want}) {
		t.Errorf("the quiet partner opened %v and logged %q, want %d and %q", calls.opened, calls.logged, ids[1], want)
	}

	selectTodayEntry(d, entry(metrics.TodayLeadUnrouted))
	if !slices.Equal(calls.leads, []bool{false}) {
		t.Errorf("the waiting lead showed the Leads tab %v, want once with all leads", calls.leads)
	}

	if len(d.risks) == 0 {
		t.Fatal("no partner at risk")
	}
	row := d.riskList.CreateItem()
	d.riskList.UpdateItem(0, row)
	test.Tap(row.(*fyne.Container).Objects[1].(*fyne.Container).Objects[2].(*widget.Button)) // the row's open button
	if got := calls.opened[len(calls.opened)-1]; got != d.risks[0].PartnerID {
		t.Errorf("the at-risk row opened partner %d, want %d", got, d.risks[0].PartnerID)
	}
}
