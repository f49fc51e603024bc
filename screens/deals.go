package screens

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	dealsx "channeldesk/app/deals"
	"channeldesk/app/format"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// dealStateLabel is a deal state in the interface language.
func dealStateLabel(s data.DealState) string { return lang.L("deals.state." + string(s)) }

// dealTable lists deals with the actions on the selected one; the Deals
// screen and the partner's Deals tab both use it.
type dealTable struct {
	dealDeps
	filter    data.DealFilter
	deals     []data.Deal
	selected  int
	partners  []data.PartnerRow // for the deal form
	onChange  func()            // after a change, besides reloading
	onExpired func()            // after a reload expired deals (their timelines changed)

	// the open dialogs, for tests
	form        *dealForm
	resolveSel  *widget.RadioGroup
	resolveNote *widgets.TextEntry

	table   *widget.Table
	count   *widget.Label
	actions *fyne.Container
	msg     *widget.Label
}

var dealColumns = []struct {
	key   string
	width float32
}{
	{"deals.col.registered", 105}, {"deals.col.partner", 200}, {"deals.col.customer", 260}, {"deals.col.product", 100},
	{"deals.col.amount", 120}, {"deals.col.state", 110}, {"leads.col.vendor_lead", 100}, {"deals.col.protected", 120},
	{"deals.col.conflict", 260},
}

// Columns the table treats apart: the vendor-lead mark and the conflict.
const (
	dealColVendorLead = 6
	dealColProtected  = 7
	dealColConflict   = 8
)

// dealDeps is what a deal table is given: the store, the window and its
// language, a runner, and the current settings.
type dealDeps struct {
	store    *data.Store
	win      fyne.Window
	lang     format.Lang
	run      runner
	settings func() data.Settings // read when used: the settings screen may change them
}

// loc shows dates and money in the window's language and the current
// program currency.
func (d dealDeps) loc() locale { return locale{lang: d.lang, currency: d.settings().Currency} }

// newDealTable builds a deal table for this window.
func newDealTable(u *UI) *dealTable {
	return &dealTable{dealDeps: dealDeps{store: u.Store, win: u.Win, lang: u.Lang, run: u.background,
		settings: func() data.Settings { return u.Settings }}, selected: -1}
}

func (t *dealTable) buildUI() fyne.CanvasObject {
	t.count = widget.NewLabel("")
	t.msg = widget.NewLabel("")
	t.msg.Importance = widget.DangerImportance
	t.msg.Wrapping = fyne.TextWrapWord
	t.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(t.deals), len(dealColumns) },
		func() fyne.CanvasObject {
			return &widget.Label{Text: "Template customer", Truncation: fyne.TextTruncateEllipsis}
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			d := &t.deals[id.Row]
			imp := widget.MediumImportance
			if id.Col == dealColConflict && d.Conflict != nil {
				imp = widget.DangerImportance
			}
			l.Importance = imp
			l.SetText(t.cell(d, id.Col))
		})
	t.table.ShowHeaderColumn = false
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(lang.L(dealColumns[id.Col].key))
		}
	}
	for i, c := range dealColumns {
		t.table.SetColumnWidth(i, c.width)
	}
	t.table.OnSelected = func(id widget.TableCellID) { t.selected = id.Row; t.showActions() }
	t.actions = container.NewHBox()
	bottom := container.NewVBox(t.actions, t.msg)
	return container.NewBorder(nil, bottom, nil, nil, t.table)
}

func (t *dealTable) cell(d *data.Deal, col int) string {
	switch col {
	case 0:
		return t.loc().date(d.RegisteredOn)
	case 1:
		return d.PartnerName
	case 2:
		return d.Customer
	case 3:
		return d.Product
	case 4:
		return format.FormatMoney(d.Amount, t.settings().Currency, t.lang)
	case 5:
		return dealStateLabel(d.State)
	case dealColProtected:
		if d.State == data.DealApproved {
			return t.loc().date(d.ProtectedUntil)
		}
		return ""
	case dealColVendorLead:
		if d.VendorLead {
			return lang.L("leads.vendor_lead_mark")
		}
		return ""
	}
	return t.loc().conflictText(d)
}

// conflictText names the other registration of an open conflict.
func conflictText(u *UI, d *data.Deal) string { return u.locale().conflictText(d) }

// conflictText names the other registration of a conflicting deal.
func (l locale) conflictText(d *data.Deal) string {
	if d.Conflict == nil {
		return ""
	}
	key := "deals.conflict_later"
	if d.Conflict.Earlier {
		key = "deals.conflict_earlier"
	}
	return lang.L(key, map[string]any{"Partner": d.Conflict.OtherPartner, "Date": l.date(d.Conflict.OtherRegister)})
}

// reload expires deals past their protection, then reads the list.
func (t *dealTable) reload() {
	var deals []data.Deal
	var partners []data.PartnerRow
	var expired int
	var err error
	f := t.filter
	t.run(func() {
		ctx := context.Background()
		if expired, err = t.store.ExpireDeals(ctx, t.store.Today()); err != nil {
			return
		}
		if deals, err = t.store.Deals(ctx, f); err != nil {
			return
		}
		partners, err = t.store.PartnerRows(ctx)
	}, func() {
		if err != nil {
			t.msg.SetText(errorText(err))
			return
		}
		t.deals, t.partners, t.selected = deals, partners, -1
		t.msg.SetText("")
		if expired > 0 && t.onExpired != nil {
			t.onExpired()
		}
		t.count.SetText(lang.L("deals.count", map[string]any{"Count": len(deals)}))
		t.table.UnselectAll()
		t.table.Refresh()
		t.showActions()
	})
}

// showActions offers what the selected deal's state allows.
func (t *dealTable) showActions() {
	t.actions.Objects = nil
	if t.selected < 0 || t.selected >= len(t.deals) {
		t.actions.Refresh()
		return
	}
	d := t.deals[t.selected]
	add := func(key string, imp widget.Importance, fn func()) {
		t.actions.Add(&widget.Button{Text: lang.L(key), Importance: imp, OnTapped: fn})
	}
	if d.State == data.DealSubmitted || d.State == data.DealApproved {
		add("deals.edit", widget.MediumImportance, func() { t.edit(d) })
	}
	for _, to := range dealMovesFrom(d.State) {
		to := to
		add("deals.action."+string(to), widget.MediumImportance, func() { t.move(d, to) })
	}
	if d.Conflict != nil {
		add("deals.resolve", widget.DangerImportance, func() { t.resolve(d) })
	}
	t.actions.Refresh()
}

func dealMovesFrom(s data.DealState) []data.DealState {
	var out []data.DealState
	for _, to := range data.DealStates {
		if s.CanMoveTo(to) && to != data.DealExpired {
			out = append(out, to)
		}
	}
	return out
}

func (t *dealTable) changed() {
	t.reload()
	if t.onChange != nil {
		t.onChange()
	}
}

// dealsScreen is every deal with filters by partner, state, period,
// expiring soon and conflicts.
type dealsScreen struct {
	dealDeps
	deals *dealTable

	partner, state    *widget.Select
	from, to          *widgets.DateEntry
	expiring, clashes *widget.Check
	vendorLeads       *widget.Check
	partnerIDs        []int64
}

// newDealsScreen builds the deals screen for this window; it is given
// what its table is given.
func newDealsScreen(u *UI) *dealsScreen {
	t := newDealTable(u)
	return &dealsScreen{dealDeps: t.dealDeps, deals: t}
}

func (s *dealsScreen) buildUI() fyne.CanvasObject {
	body := s.deals.buildUI()
	s.partner = newSelect([]string{lang.L("deals.all_partners")}, func(string) { s.apply() })
	states := []string{lang.L("deals.all_states")}
	for _, st := range data.DealStates {
		states = append(states, dealStateLabel(st))
	}
	s.state = newSelect(states, func(string) { s.apply() })
	s.from = s.loc().filterDate(s.store, lang.L("deals.from"), s.apply)
	s.to = s.loc().filterDate(s.store, lang.L("deals.to"), s.apply)
	s.expiring = widget.NewCheck(lang.L("deals.expiring_soon"), func(bool) { s.apply() })
	s.clashes = widget.NewCheck(lang.L("deals.conflicts_only"), func(bool) { s.apply() })
	s.vendorLeads = widget.NewCheck(lang.L("leads.vendor_leads_only"), func(bool) { s.apply() })
	newBtn := &widget.Button{Text: lang.L("deals.new"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance,
		OnTapped: func() { s.deals.edit(data.Deal{RegisteredOn: s.store.Today()}) }}
	dateSize := fyne.NewSize(180, s.from.MinSize().Height)
	filters := widgets.NewRow(s.partner, s.state, container.NewGridWrap(dateSize, s.from),
		container.NewGridWrap(dateSize, s.to), s.expiring, s.clashes, s.vendorLeads)
	protect := &widget.Button{Text: lang.L("deals.protection"), Icon: theme.SettingsIcon(), OnTapped: s.onProtection}
	importBtn := &widget.Button{Text: lang.L("deals.import"), Icon: theme.FolderOpenIcon(), OnTapped: s.onImport}
	top := container.NewVBox(container.NewBorder(nil, nil, s.deals.count, nil, widgets.NewRowEnd(protect, importBtn, newBtn)), filters)
	s.deals.onChange = s.fillPartners
	s.partner.SetSelectedIndex(0)
	s.state.SetSelectedIndex(0)
	s.fillPartners()
	return container.NewBorder(top, nil, nil, nil, body)
}

func (s *dealsScreen) fillPartners() {
	var rows []data.PartnerRow
	s.run(func() { rows, _ = s.store.PartnerRows(context.Background()) }, func() {
		s.partnerIDs = []int64{0}
		opts := []string{lang.L("deals.all_partners")}
		for _, r := range rows {
			s.partnerIDs = append(s.partnerIDs, r.ID)
			opts = append(opts, r.Name)
		}
		s.partner.Options = opts
		s.partner.Refresh()
	})
}

// apply turns the filter inputs into a filter and reloads.
func (s *dealsScreen) apply() {
	if s.clashes == nil || s.vendorLeads == nil {
		return
	}
	f := data.DealFilter{ConflictOnly: s.clashes.Checked, VendorLead: s.vendorLeads.Checked}
	if i := s.partner.SelectedIndex(); i > 0 && i < len(s.partnerIDs) {
		f.PartnerID = s.partnerIDs[i]
	}
	if i := s.state.SelectedIndex(); i > 0 {
		f.State = data.DealStates[i-1]
	}
	f.From, f.To = s.from.FilterValue(), s.to.FilterValue()
	if s.expiring.Checked {
		f.ExpiringBy = s.store.Now().AddDate(0, 0, dealsx.ExpiringSoonDays).Format(format.DateLayout)
	}
	s.deals.filter = f
	s.deals.reload()
}

// onProtection edits how many days an approval protects a deal.
func (s *dealsScreen) onProtection() {
	ctx := context.Background()
	days, err := s.store.ProtectionDays(ctx)
	if err != nil {
		s.deals.msg.SetText(errorText(err))
		return
	}
	entry := widgets.NewText(&widget.Entry{Text: strconv.Itoa(days)})
	save := func() error {
		n, err := strconv.Atoi(strings.TrimSpace(entry.Text))
		if err != nil {
			n = 0
		}
		return s.store.SetProtectionDays(ctx, n)
	}
	hint := widget.NewLabel(lang.L("deals.protection_hint"))
	hint.Wrapping = fyne.TextWrapWord
	(&widgets.FormDialog{Title: lang.L("deals.protection"), Head: hint,
		Items: []*widget.FormItem{widget.NewFormItem(lang.L("field.protection_days"), entry)},
		Size:  fyne.NewSize(420, 240), OnSave: save}).Show(s.win)
}
