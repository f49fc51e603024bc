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
	dashboardDeps

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

// dashboardDeps is what the dashboard is given: the store, the window and
// its language, a runner, the current settings, the window's startup
// hooks, and the places its lists open elsewhere in the window.
type dashboardDeps struct {
	store       *data.Store
	win         fyne.Window
	lang        format.Lang
	background  runner
	settings    func() data.Settings                             // read when used: the settings screen may change them
	onUI        func(f func())                                   // runs f on the UI goroutine and waits (a step is shown before the next runs)
	whenShown   func(load func())                                // runs load when the screen is first shown
	loaded      func()                                           // a load is done: release startup memory (the first time only)
	newExporter func() *reportExport                             // the Excel report export (report_export.go)
	openPartner func(id int64)                                   // shows the Partners area with this partner open
	partnerTab  func(title string)                               // selects a tab of the open partner's detail by its title
	showLeads   func(offered bool)                               // opens the Leads tab, with the offered leads when offered (leads.go)
	logContact  func(partnerID int64, name string, saved func()) // asks for a contact to log with a partner (contact_log.go)
}

func newDashboardScreen(deps dashboardDeps) *dashboardScreen {
	return &dashboardScreen{dashboardDeps: deps}
}

// newDashboardScreen builds the dashboard for this window.
func (u *UI) newDashboardScreen() *dashboardScreen {
	return newDashboardScreen(dashboardDeps{store: u.Store, win: u.Win, lang: u.Lang, background: u.background,
		settings: func() data.Settings { return u.Settings }, onUI: u.onUI, whenShown: u.whenShown,
		loaded:      func() { u.releaseAfterStartup("dashboard") },
		newExporter: func() *reportExport { return newReportExport(u) },
		openPartner: u.openPartner, partnerTab: func(title string) { u.partners.detail.showTab(title) },
		showLeads: u.showLeads, logContact: u.showLogContact})
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

	d.exporter = d.newExporter()
	refresh := &widget.Button{Text: lang.L("dash.refresh"), Icon: theme.ViewRefreshIcon(), OnTapped: d.load}
	export := &widget.Button{Text: lang.L("dash.export"), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance,
		OnTapped: d.exporter.ask}
	title := widget.NewLabelWithStyle(lang.L("dash.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewBorder(nil, nil, nil, container.NewHBox(refresh, export), title)

	lists := container.NewGridWithColumns(2, d.buildToday(), d.buildRisks())
	d.whenShown(d.load)
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
	d.background(func() {
		ctx := context.Background()
		for _, s := range steps {
			d.onUI(s(ctx))
		}
	}, d.loaded)
}

func (d *dashboardScreen) now() time.Time { return d.store.Now() }

func (d *dashboardScreen) fiscalFrom() int { return metrics.FiscalFromSetting(d.settings()) }

// loc shows dates and money in the window's language and the current
// program currency.
func (d *dashboardScreen) loc() locale { return locale{lang: d.lang, currency: d.settings().Currency} }

func (d *dashboardScreen) money(minor int64) string { return d.loc().money(minor) }

// date shows an ISO date in the window's language.
func (d *dashboardScreen) date(iso string) string { return format.FormatDate(iso, d.lang) }

// currency is the program currency now.
func (d *dashboardScreen) currency() string { return d.settings().Currency }

func (d *dashboardScreen) kpiStep(ctx context.Context) func() {
	k, err := metrics.LoadKPIs(ctx, d.store, d.now(), d.fiscalFrom())
	return func() {
		if err != nil {
			d.active.set("—", errorText(err))
			return
		}
		q := fiscal.QuarterOf(d.now(), d.fiscalFrom())
		d.active.set(format.FormatNumber(int64(k.ActivePartners), d.lang), "")
		d.won.set(d.money(k.WonThisQuarter), lang.L("dash.kpi.won_vs", map[string]any{
			"Quarter": q.Prev().Label(), "Amount": compactMoney(k.WonLastQuarter, d.currency(), d.lang),
			"Change": change(k.WonThisQuarter, k.WonLastQuarter)}))
		d.showVsPlan(k)
		d.onboarding.set(format.FormatNumber(int64(k.OnboardingInProgress), d.lang), "")
		d.awaiting.set(format.FormatNumber(int64(k.DealsAwaitingApproval), d.lang), "")
		d.expiring.set(format.FormatNumber(int64(k.DealsExpiringSoon), d.lang), "")
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
	d.vsPlan.set(format.FormatNumber(pct, d.lang)+" %", lang.L("dash.kpi.won_vs_plan", map[string]any{
		"Amount": compactMoney(k.PlanThisQuarter, d.currency(), d.lang), "Percent": pct}))
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
	won, err := metrics.WonByQuarter(ctx, d.store, d.now(), d.fiscalFrom(), 8)
	return func() {
		if err == nil {
			d.wonChart.SetBars(d.wonBars(won))
		}
	}
}

func (d *dashboardScreen) tierStep(ctx context.Context) func() {
	tiers, err := metrics.PartnersByTier(ctx, d.store, d.lang)
	var statuses []metrics.Count
	if err == nil {
		statuses, err = metrics.PartnersByStatus(ctx, d.store)
	}
	return func() {
		if err != nil {
			d.tiers.set("—", errorText(err))
			return
		}
		d.showTiers(tiers)
		d.funnel.SetBars(funnelBars(statuses, d.lang))
	}
}

func (d *dashboardScreen) wonBars(won []metrics.QuarterAmount) []widgets.Bar {
	bars := make([]widgets.Bar, len(won))
	for i, q := range won {
		bars[i] = widgets.Bar{Label: fmt.Sprintf("Q%d’%02d", q.Quarter.Q, q.Quarter.Year%100), Value: float64(q.Amount),
			Text: compactMoney(q.Amount, d.currency(), d.lang)}
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
		bars = append(bars, widgets.Bar{Label: label, Value: float64(t.N), Text: format.FormatNumber(int64(t.N), d.lang)})
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
	d.tiers.set(format.FormatNumber(int64(ranked), d.lang), note)
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
