package screens

import (
	"context"
	"fmt"
	"strings"
	"time"

	"channeldesk/app/fiscal"
	"channeldesk/app/format"
	"channeldesk/app/metrics"
	"channeldesk/data"
	"channeldesk/screens/widgets"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// dashboardScreen is the first screen: the program at a glance (KPI
// tiles, charts), what needs attention today and the partners at risk.
// Every group of figures is computed off the UI goroutine and shown as
// soon as it arrives.
type dashboardScreen struct {
	ui *UI

	active, won, vsPlan, onboarding, awaiting, expiring, tiers *kpiTile
	mdf                                                        *kpiTile // dashboard_mdf.go
	leadsTile                                                  *kpiTile // dashboard_leads.go

	wonChart, tierChart, funnel *widgets.BarChart

	board      metrics.TodayBoard
	today      []metrics.TodayEntry // every entry of every group, in order (dashboard_today.go)
	todayRows  []todayRow           // what the list shows
	expanded   map[metrics.TodayKind]bool
	todayList  *widget.List
	todayWidth float32 // the Today list's width, for its rows' heights
	todayMsg   *widget.Label
	marksBtn   *widget.Button

	// dashboard_marks.go: the snooze and dismiss dialogs, the list of marks
	marksDlg      *dialog.CustomDialog
	dismissReason *widgets.TextEntry
	snoozeUntil   *widgets.DateEntry
	marks         []data.TodayMark
	marksList     *widget.List

	risks    []metrics.AtRisk
	riskList *widget.List
	riskMsg  *widget.Label

	exporter *reportExport
}

// kpiTile is one headline figure with a caption and a note under it.
type kpiTile struct {
	value *canvas.Text
	note  *widget.Label
	card  *widget.Card
}

func newKPITile(title string) *kpiTile {
	t := &kpiTile{value: canvas.NewText("…", theme.Color(theme.ColorNameForeground)), note: widget.NewLabel("")}
	t.value.TextSize = theme.TextSize() * 2
	t.value.TextStyle.Bold = true
	t.note.Truncation = fyne.TextTruncateEllipsis
	t.card = widget.NewCard("", title, container.NewVBox(t.value, t.note))
	return t
}

func (t *kpiTile) set(value, note string) {
	t.value.Text = value
	t.value.Refresh()
	t.note.SetText(note)
}

func newDashboardScreen(u *UI) *dashboardScreen {
	return &dashboardScreen{ui: u}
}

func (d *dashboardScreen) buildUI() fyne.CanvasObject {
	d.active = newKPITile(lang.L("dash.kpi.active"))
	d.won = newKPITile(lang.L("dash.kpi.won"))
	d.vsPlan = newKPITile(lang.L("dash.kpi.vs_plan"))
	d.onboarding = newKPITile(lang.L("dash.kpi.onboarding"))
	d.awaiting = newKPITile(lang.L("dash.kpi.awaiting"))
	d.expiring = newKPITile(lang.L("dash.kpi.expiring"))
	d.tiers = newKPITile(lang.L("dash.kpi.tiers"))
	tiles := container.NewGridWithColumns(4, d.active.card, d.won.card, d.vsPlan.card, d.tiers.card,
		d.onboarding.card, d.awaiting.card, d.expiring.card, d.buildMDFTile(), d.buildLeadsTile())

	d.wonChart = widgets.NewBarChart(lang.L("dash.chart.won"), true)
	d.tierChart = widgets.NewBarChart(lang.L("dash.chart.tiers"), false)
	d.funnel = widgets.NewBarChart(lang.L("dash.chart.funnel"), false)
	charts := container.NewGridWithColumns(3, d.wonChart, d.tierChart, d.funnel)

	d.exporter = newReportExport(d.ui)
	refresh := &widget.Button{Text: lang.L("dash.refresh"), Icon: theme.ViewRefreshIcon(), OnTapped: d.load}
	export := &widget.Button{Text: lang.L("dash.export"), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance,
		OnTapped: d.exporter.ask}
	title := widget.NewLabelWithStyle(lang.L("dash.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewBorder(nil, nil, nil, container.NewHBox(refresh, export), title)

	lists := container.NewGridWithColumns(2, d.buildToday(), d.buildRisks())
	d.ui.whenShown(d.load)
	// Today is the work: on a laptop screen the figures scroll above it
	// and the divider gives the lists more room when dragged.
	split := container.NewVSplit(container.NewVScroll(container.NewVBox(tiles, charts)), lists)
	split.Offset = 0.4
	return container.NewBorder(top, nil, nil, nil, split)
}

// step computes one group of figures off the UI goroutine and returns
// what shows it, which runs on the UI goroutine.
type step func(ctx context.Context) (show func())

// load computes each group of figures in the background, one after the
// other, and shows each as soon as it is ready.
func (d *dashboardScreen) load() {
	d.run(d.kpiStep, d.wonStep, d.tierStep, d.todayStep, d.riskStep, d.mdfStep, d.leadsStep)
}

// run does the steps in one background job; each result is applied on
// the UI goroutine before the next step starts.
func (d *dashboardScreen) run(steps ...step) {
	d.ui.background(func() {
		ctx := context.Background()
		for _, s := range steps {
			d.ui.onUI(s(ctx))
		}
	}, func() { d.ui.releaseAfterStartup("dashboard") })
}

func (d *dashboardScreen) now() time.Time { return d.ui.Store.Now() }

func (d *dashboardScreen) fiscalFrom() int { return metrics.FiscalFromSetting(d.ui.Settings) }

func (d *dashboardScreen) money(minor int64) string {
	return format.FormatMoney(minor, d.ui.Settings.Currency, d.ui.Lang)
}

func (d *dashboardScreen) kpiStep(ctx context.Context) func() {
	k, err := metrics.LoadKPIs(ctx, d.ui.Store, d.now(), d.fiscalFrom())
	return func() {
		if err != nil {
			d.active.set("—", errorText(err))
			return
		}
		q := fiscal.QuarterOf(d.now(), d.fiscalFrom())
		d.active.set(format.FormatNumber(int64(k.ActivePartners), d.ui.Lang), "")
		d.won.set(d.money(k.WonThisQuarter), lang.L("dash.kpi.won_vs", map[string]any{
			"Quarter": q.Prev().Label(), "Amount": compactMoney(k.WonLastQuarter, d.ui.Settings.Currency, d.ui.Lang),
			"Change": change(k.WonThisQuarter, k.WonLastQuarter)}))
		d.showVsPlan(k)
		d.onboarding.set(format.FormatNumber(int64(k.OnboardingInProgress), d.ui.Lang), "")
		d.awaiting.set(format.FormatNumber(int64(k.DealsAwaitingApproval), d.ui.Lang), "")
		d.expiring.set(format.FormatNumber(int64(k.DealsExpiringSoon), d.ui.Lang), "")
	}
}

// showVsPlan compares this quarter's won revenue with the sum of the
// agreed plans' revenue targets for the quarter.
func (d *dashboardScreen) showVsPlan(k metrics.KPIs) {
	if !k.HasPlan || k.PlanThisQuarter <= 0 {
		d.vsPlan.set("—", lang.L("dash.kpi.no_plan"))
		return
	}
	pct := k.WonThisQuarter * 100 / k.PlanThisQuarter
	d.vsPlan.set(format.FormatNumber(pct, d.ui.Lang)+" %", lang.L("dash.kpi.won_vs_plan", map[string]any{
		"Amount": compactMoney(k.PlanThisQuarter, d.ui.Settings.Currency, d.ui.Lang), "Percent": pct}))
}

// change is the difference to last quarter as a signed percentage, or
// "" when last quarter had nothing to compare with.
func change(now, before int64) string {
	if before == 0 {
		return "—"
	}
	return fmt.Sprintf("%+.0f%%", float64(now-before)*100/float64(before))
}

func (d *dashboardScreen) wonStep(ctx context.Context) func() {
	won, err := metrics.WonByQuarter(ctx, d.ui.Store, d.now(), d.fiscalFrom(), 8)
	return func() {
		if err == nil {
			d.wonChart.SetBars(d.wonBars(won))
		}
	}
}

func (d *dashboardScreen) tierStep(ctx context.Context) func() {
	tiers, err := metrics.PartnersByTier(ctx, d.ui.Store, d.ui.Lang)
	var statuses []metrics.Count
	if err == nil {
		statuses, err = metrics.PartnersByStatus(ctx, d.ui.Store)
	}
	return func() {
		if err != nil {
			d.tiers.set("—", errorText(err))
			return
		}
		d.showTiers(tiers)
		d.funnel.SetBars(funnelBars(statuses, d.ui.Lang))
	}
}

func (d *dashboardScreen) wonBars(won []metrics.QuarterAmount) []widgets.Bar {
	bars := make([]widgets.Bar, len(won))
	for i, q := range won {
		bars[i] = widgets.Bar{Label: fmt.Sprintf("Q%d’%02d", q.Quarter.Q, q.Quarter.Year%100), Value: float64(q.Amount),
			Text: compactMoney(q.Amount, d.ui.Settings.Currency, d.ui.Lang)}
	}
	return bars
}

func (d *dashboardScreen) showTiers(tiers []metrics.Count) {
	var bars []widgets.Bar
	note := ""
	for _, t := range tiers {
		label := t.Label
		if t.Key == "" {
			label = lang.L("dash.no_tier")
		}
		bars = append(bars, widgets.Bar{Label: label, Value: float64(t.N), Text: format.FormatNumber(int64(t.N), d.ui.Lang)})
		if t.Key != "" && t.N > 0 {
			if note != "" {
				note += " · "
			}
			note += fmt.Sprintf("%s %d", label, t.N)
		}
	}
	d.tierChart.SetBars(bars)
	ranked := 0
	for _, t := range tiers {
		if t.Key != "" {
			ranked += t.N
		}
	}
	d.tiers.set(format.FormatNumber(int64(ranked), d.ui.Lang), note)
}

// funnelStatuses are the recruitment stages, in order.
var funnelStatuses = []data.Status{data.StatusProspect, data.StatusApplied, data.StatusVetting, data.StatusOnboarding, data.StatusActive}

func funnelBars(counts []metrics.Count, l format.Lang) []widgets.Bar {
	n := map[string]int{}
	for _, c := range counts {
		n[c.Key] = c.N
	}
	bars := make([]widgets.Bar, len(funnelStatuses))
	for i, st := range funnelStatuses {
		bars[i] = widgets.Bar{Label: statusLabel(st), Value: float64(n[string(st)]), Text: format.FormatNumber(int64(n[string(st)]), l)}
	}
	return bars
}

// compactMoney is an amount short enough for a chart or a note:
// "€1.2M", "€350k" in English, "1,2 млн €", "350 тыс. €" in Russian.
func compactMoney(minor int64, currency string, l format.Lang) string {
	unit := int64(1)
	for range format.MinorDigits(currency) {
		unit *= 10
	}
	v := float64(minor / unit)
	num, suffix := fmt.Sprintf("%.0f", v), ""
	switch {
	case v >= 1e6:
		num, suffix = fmt.Sprintf("%.1f", v/1e6), "M"
	case v >= 1e3:
		num, suffix = fmt.Sprintf("%.0f", v/1e3), "k"
	}
	sym := format.CurrencySymbol(currency)
	if l == format.RU {
		ru := map[string]string{"M": "\u00a0млн", "k": "\u00a0тыс."}[suffix]
		return strings.Replace(num, ".", ",", 1) + ru + "\u00a0" + sym
	}
	return sym + num + suffix
}

// openPartner shows the partners area with one partner open.
func (d *dashboardScreen) openPartner(id int64) {
	d.ui.show("nav.partners")
	d.ui.partners.open(id)
}
