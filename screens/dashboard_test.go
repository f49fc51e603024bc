package screens

import (
	"context"
	"path/filepath"
	"testing"

	"channeldesk/app/demo"
	"channeldesk/app/format"
	"channeldesk/app/metrics"
	"channeldesk/app/report"
	"channeldesk/data"
	"channeldesk/internal/testutil"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"
)

// newDashUI opens the window on a database filled by fill; the dashboard
// is the first screen. Every test window starts here.
func newDashUI(t testing.TB, uiLang string, fill func(ctx context.Context, s *data.Store) error) *UI {
	t.Helper()
	a := test.NewTempApp(t)
	s := testutil.OpenStore(t)
	ctx := context.Background()
	if err := fill(ctx, s); err != nil {
		t.Fatal(err)
	}
	st, _ := s.Settings(ctx)
	st.UILang = uiLang
	if err := s.SaveSettings(ctx, st); err != nil {
		t.Fatal(err)
	}
	u := New(a, s)
	u.Wait()
	return u
}

func volume(partners, deals int) func(context.Context, *data.Store) error {
	return func(ctx context.Context, s *data.Store) error {
		return demo.FillVolume(ctx, s, demo.Volume{Partners: partners, Deals: deals, Today: s.Now()})
	}
}

func count(t *testing.T, s *data.Store, query string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow(query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestDashboardIsFirstAndShowsFigures(t *testing.T) {
	u := newDashUI(t, "en", volume(60, 600))
	d := u.dashboard
	if u.current != "dash.nav" || d == nil {
		t.Fatalf("first screen %q", u.current)
	}
	active := count(t, u.Store, `SELECT count(*) FROM partners WHERE status = 'active'`)
	if got := d.active.value.Text; got != format.FormatNumber(int64(active), format.EN) {
		t.Errorf("active tile %q, want %d", got, active)
	}
	submitted := count(t, u.Store, `SELECT count(*) FROM deals WHERE state = 'submitted'`)
	if got := d.awaiting.value.Text; got != format.FormatNumber(int64(submitted), format.EN) {
		t.Errorf("awaiting tile %q, want %d", got, submitted)
	}
	if d.won.value.Text == "…" || d.won.note.Text == "" {
		t.Errorf("won tile not filled: %q / %q", d.won.value.Text, d.won.note.Text)
	}
	checkCharts(t, d, active)
	if len(d.today) == 0 || d.todayList.Length() != len(d.todayRows) || len(d.todayRows) > len(d.board.Groups)*(metrics.TodayHandful+2) {
		t.Errorf("Today list shows %d rows for %d entries in %d groups", d.todayList.Length(), len(d.today), len(d.board.Groups))
	}
	if len(d.risks) == 0 || d.riskMsg.Text != "Partners: "+itoa(len(d.risks)) {
		t.Errorf("risks %d, message %q", len(d.risks), d.riskMsg.Text)
	}
}

func checkCharts(t *testing.T, d *dashboardScreen, active int) {
	t.Helper()
	if len(d.wonChart.Bars) != 8 || len(d.funnel.Bars) != 5 || len(d.tierChart.Bars) != 4 {
		t.Fatalf("chart bars: won %d, funnel %d, tiers %d", len(d.wonChart.Bars), len(d.funnel.Bars), len(d.tierChart.Bars))
	}
	if d.funnel.Bars[4].Label != "Active" || int(d.funnel.Bars[4].Value) != active {
		t.Errorf("funnel ends with %+v, want %d active", d.funnel.Bars[4], active)
	}
}

func itoa(n int) string { return format.FormatNumber(int64(n), format.EN) }

func TestDashboardWithDemoData(t *testing.T) {
	u := newDashUI(t, "ru", func(ctx context.Context, s *data.Store) error {
		return demo.Demo(ctx, s, demo.DemoOptions{Partners: 40, Seed: 5, Today: s.Now()})
	})
	d := u.dashboard
	active := count(t, u.Store, `SELECT count(*) FROM partners WHERE status = 'active'`)
	if d.active.value.Text != format.FormatNumber(int64(active), format.RU) {
		t.Errorf("active tile %q, want %d", d.active.value.Text, active)
	}
	escalations := count(t, u.Store, `SELECT count(*) FROM events WHERE kind = 'escalation' AND open = 1`)
	if n := todayItems(d, metrics.TodayEscalation); n != escalations {
		t.Errorf("Today lists %d escalations, the demo has %d open", n, escalations)
	}
	if len(d.today) == 0 && d.todayMsg.Text != "Сегодня ничего не требует внимания." {
		t.Errorf("empty Today message %q", d.todayMsg.Text)
	}
	if findButtonOK(u, "Экспорт отчёта…") == nil {
		t.Error("no export button on the dashboard")
	}
}

func TestTodayItemOpensThePartner(t *testing.T) {
	u := newDashUI(t, "en", volume(100, 300))
	d := u.dashboard
	if len(d.today) == 0 {
		t.Fatal("nothing on the Today list")
	}
	want := d.today[0]
	d.todayList.Select(d.todayRowOf(0))
	u.Wait()
	if u.current != "nav.partners" {
		t.Fatalf("area %q after opening a Today item", u.current)
	}
	if u.partners.selected != want.PartnerID || u.partners.detail.title.Text != want.PartnerName {
		t.Errorf("partner %d %q open, want %d %q", u.partners.selected, u.partners.detail.title.Text, want.PartnerID, want.PartnerName)
	}
}

func TestMarkAtRiskAndDismiss(t *testing.T) {
	u := newDashUI(t, "en", volume(30, 0)) // no deals: every active partner is at risk
	d := u.dashboard
	var active, other metrics.AtRisk
	for _, r := range d.risks {
		if r.Status == data.StatusActive && active.PartnerID == 0 {
			active = r
		} else if other.PartnerID == 0 {
			other = r
		}
	}
	if active.PartnerID == 0 || other.PartnerID == 0 {
		t.Fatalf("risks %+v", d.risks)
	}
	before := len(d.risks)
	d.markAtRisk(active)
	u.Wait()
	p, _ := u.Store.Partner(context.Background(), active.PartnerID)
	if p.Status != data.StatusAtRisk {
		t.Errorf("status %s after marking at risk", p.Status)
	}
	evs, _ := u.Store.Events(context.Background(), active.PartnerID)
	if len(evs) == 0 || evs[0].ToStatus != data.StatusAtRisk || evs[0].Body == "" {
		t.Errorf("timeline has no status change with a reason: %+v", evs)
	}
	d.dismiss(other)
	u.Wait()
	if len(d.risks) != before-1 {
		t.Errorf("%d warnings after dismissing one of %d", len(d.risks), before)
	}
	for _, r := range d.risks {
		if r.PartnerID == other.PartnerID && r.Kind == other.Kind {
			t.Error("dismissed warning still listed")
		}
	}
}

func TestExportReportFromDashboard(t *testing.T) {
	u := newDashUI(t, "ru", volume(20, 100))
	path := filepath.Join(t.TempDir(), "отчёт.xlsx")
	u.dashboard.exporter.run(path)
	u.Wait()
	if err := u.dashboard.exporter.err; err != nil {
		t.Fatal(err)
	}
	if u.dashboard.exporter.bar.Value != 1 {
		t.Errorf("progress ended at %v", u.dashboard.exporter.bar.Value)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); sheets[0] != "Сводка" || len(sheets) != len(report.Sheets) {
		t.Errorf("sheets %q", sheets)
	}
}

// todayItems counts the items of a kind on Today (entries gather one
// partner's items of a kind).
func todayItems(d *dashboardScreen, k metrics.TodayKind) int {
	n := 0
	for _, e := range d.today {
		if e.Kind == k {
			n += e.N
		}
	}
	return n
}

// selectTodayEntry taps entry i of Today, unfolding its group first.
func selectTodayEntry(d *dashboardScreen, i int) {
	d.expanded[d.today[i].Kind] = true
	d.layoutToday()
	d.todayList.Select(d.todayRowOf(i))
}
