package screens

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/fiscal"
	"channeldesk/app/partners"
	"channeldesk/app/tier"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// partnersScreen is the partner list with search, filters and sorting,
// beside the selected partner's detail.
type partnersScreen struct {
	partnersDeps

	index   *partners.PartnerIndex
	rows    []data.PartnerRow // what the table shows now
	filter  partners.PartnerFilter
	sortKey partners.SortKey
	desc    bool

	search   *widgets.TextEntry
	typeSel  *widget.Select
	status   *widget.Select
	region   *widget.Select
	silence  *widget.Select // days since the last contact
	count    *widget.Label
	table    *widget.Table
	detail   *partnerDetail
	selected int64

	columns    []shownColumn  // partner_columns.go
	columnsDlg *columnsDialog // the open column chooser (for tests)
	// applyingWidths is set while the table takes the remembered widths,
	// so that the headers' sizes are not mistaken for a user's drag.
	applyingWidths bool
	suggest        map[int64]tier.SuggestionKind // tier promotions and demotions the rules suggest
	split          *container.Split              // list | detail
	detailBtn      *widget.Button                // hides or shows the detail

	// partner_bulk.go: the partners selected with Shift/Ctrl and what can be done to them
	marked    map[int64]bool
	anchor    int64
	bulk      *fyne.Container
	bulkLabel *widget.Label
	bulkEntry *widgets.TextEntry

	contactLog *contactLog // the last "log a contact" form (contact_log.go)
}

// partnersDeps is what the partner list is given: what its detail is
// given (partnerDeps; the list sets reloadList itself), the app's
// preferences, and the window's startup hooks and plan export.
type partnersDeps struct {
	partnerDeps
	prefs       fyne.Preferences
	whenShown   func(load func())                                  // runs load when the screen is first shown
	trace       func(what string, n int)                           // startup tracing (trace.go)
	loaded      func()                                             // the first load is done: release startup memory
	exportPlans func(dir string, year int, rows []data.PartnerRow) // bulk "Export plans" (partner_bulk.go)
}

func newPartnersScreen(deps partnersDeps) *partnersScreen {
	return &partnersScreen{partnersDeps: deps, index: partners.NewPartnerIndex(nil), marked: map[int64]bool{}}
}

// newPartnersScreen builds the partner list and detail for this window.
func (u *UI) newPartnersScreen() *partnersScreen {
	return newPartnersScreen(partnersDeps{partnerDeps: u.partnerDeps(nil), prefs: u.App.Preferences(),
		whenShown: u.whenShown, trace: u.trace, loaded: func() { u.releaseAfterStartup("partners") },
		exportPlans: u.exportPlans})
}

func (s *partnersScreen) buildUI() fyne.CanvasObject {
	s.search = widgets.NewText(&widget.Entry{PlaceHolder: lang.L("partners.search"), OnChanged: func(q string) {
		s.filter.Query = q
		s.apply()
	}})
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.typeSel = newSelect(nil, nil)
	s.status = newSelect(nil, nil)
	s.region = newSelect(nil, nil)
	s.silence = newSelect(nil, nil)
	s.fillFilters()
	s.count = widget.NewLabel("")
	s.loadColumns()
	s.table = s.newTable()
	deps := s.partnerDeps
	deps.reloadList = s.reload
	s.detail = newPartnerDetail(deps)
	newBtn := &widget.Button{Text: lang.L("partners.new"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance,
		OnTapped: s.onNew}
	cols := &widget.Button{Icon: theme.ListIcon(), Importance: widget.LowImportance, OnTapped: s.showColumns}
	s.detailBtn = &widget.Button{Importance: widget.LowImportance, OnTapped: func() { s.showDetail(!s.detailShown()) }}
	filters := container.NewHBox(s.typeSel, s.status, s.region, s.silence)
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(filters, s.count, cols, s.detailBtn, newBtn), s.search)
	top := container.NewVBox(bar, s.buildBulk())
	s.split = container.NewHSplit(s.table, s.detail.buildUI())
	s.split.Offset = 0.5
	s.showDetail(!s.prefs.Bool(prefDetailHidden))
	s.whenShown(s.reload)
	return container.NewBorder(top, nil, nil, nil, s.split)
}

// prefDetailHidden remembers that the detail panel is folded away.
const prefDetailHidden = "partners.detail_hidden"

func (s *partnersScreen) detailShown() bool { return s.split.Trailing.Visible() }

// showDetail shows the selected partner beside the list, or folds it away
// so the list uses the whole window.
func (s *partnersScreen) showDetail(show bool) {
	if show {
		s.split.Trailing.Show()
		s.split.Offset = 0.5
		s.detailBtn.SetText(lang.L("week.hide_detail"))
		s.detailBtn.SetIcon(theme.NavigateNextIcon())
	} else {
		s.split.Trailing.Hide()
		s.split.Offset = 1
		s.detailBtn.SetText(lang.L("week.show_detail"))
		s.detailBtn.SetIcon(theme.NavigateBackIcon())
	}
	s.prefs.SetBool(prefDetailHidden, !show)
	s.split.Refresh()
}

// fillFilters sets the filter choices; the first choice of each is "all".
func (s *partnersScreen) fillFilters() {
	filterChoices(s.typeSel, lang.L("filter.all_types"), append(slices.Clone(data.PartnerTypes), partners.FilterNoType), typeLabel,
		&s.filter.Type, s.apply)
	filterChoices(s.status, lang.L("filter.all_statuses"), data.Statuses, statusLabel, &s.filter.Status, s.apply)
	valueFilter(s.region, &s.filter.Region, s.apply)
	s.fillRegions()
	s.fillSilence()
}

// silenceDays are the choices of the "last contact" filter.
var silenceDays = []int{30, 60, 90}

// fillSilence offers "any last contact" and "no contact for N+ days".
func (s *partnersScreen) fillSilence() {
	opts := []string{lang.L("week.filter.any_contact")}
	for _, d := range silenceDays {
		opts = append(opts, lang.L("week.filter.silent", map[string]any{"Days": d}))
	}
	s.silence.Options = opts
	s.silence.OnChanged = func(string) {
		s.filter.SilentBefore = ""
		if i := s.silence.SelectedIndex(); i > 0 {
			s.filter.SilentBefore = fiscal.ISODate(s.store.Now().AddDate(0, 0, -silenceDays[i-1]))
		}
		s.apply()
	}
	s.silence.SetSelectedIndex(0)
}

func (s *partnersScreen) fillRegions() {
	setValueChoices(s.region, lang.L("filter.all_regions"), s.index.Regions(), s.filter.Region)
}

func (s *partnersScreen) newTable() *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(s.rows), len(s.columns) },
		func() fyne.CanvasObject {
			return &widget.Label{Text: "Template partner name", Truncation: fyne.TextTruncateEllipsis}
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			col := s.columns[id.Col].col
			l.Alignment = fyne.TextAlignLeading
			if col.number {
				l.Alignment = fyne.TextAlignTrailing
			}
			l.TextStyle.Bold = len(s.marked) > 1 && s.marked[s.rows[id.Row].ID]
			l.SetText(col.cell(s, s.rows[id.Row]))
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject { return &widget.Button{Importance: widget.LowImportance} }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 || id.Col >= len(s.columns) {
			return
		}
		s.noteColumnWidth(id.Col, o)
		col := s.columns[id.Col].col
		b.SetText(lang.L(col.key))
		b.SetIcon(nil)
		if col.sort == s.sortKey {
			b.SetIcon(theme.MenuDropDownIcon())
			if s.desc {
				b.SetIcon(theme.MenuDropUpIcon())
			}
		}
		b.OnTapped = func() { s.sortBy(col.sort) }
	}
	s.table = t
	s.applyColumnWidths()
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(s.rows) {
			s.pick(id.Row)
		}
	}
	return t
}

func (s *partnersScreen) sortBy(key partners.SortKey) {
	if s.sortKey == key {
		s.desc = !s.desc
	} else {
		s.sortKey, s.desc = key, false
	}
	s.apply()
}

// reload reads every partner off the UI goroutine, then filters.
func (s *partnersScreen) reload() {
	var rows []data.PartnerRow
	var err error
	s.run(func() {
		rows, err = s.store.PartnerRows(context.Background())
	}, func() {
		if err != nil {
			s.count.SetText(errorText(err))
			return
		}
		s.index = partners.NewPartnerIndex(rows)
		s.fillRegions()
		s.apply()
		s.trace("partner list shown", len(s.rows))
		s.loaded()
		s.loadSuggestions()
	})
}

// reloadWithOpen reads the list again and the open partner with it (its
// deals, MDF, contacts, plan, timeline): after a kit import.
func (s *partnersScreen) reloadWithOpen() {
	s.reload()
	if id := s.selected; id != 0 {
		s.detail.load(id)
	}
}

// openName is the name of the partner open in the detail ("" when none).
func (s *partnersScreen) openName() string {
	if s == nil || s.detail == nil || s.detail.partner == nil {
		return ""
	}
	return s.detail.partner.Name
}

// loadSuggestions evaluates the tier rules off the UI goroutine and then
// puts the promotion and demotion arrows in the tier column.
func (s *partnersScreen) loadSuggestions() {
	var ov *tier.Overview
	var err error
	s.run(func() {
		ov, err = tier.EvaluateProgram(context.Background(), s.store, fiscal.ISODate(s.store.Now()))
	}, func() {
		if err != nil {
			return // the arrows are a hint; the list stands without them
		}
		s.suggest = map[int64]tier.SuggestionKind{}
		for _, e := range ov.Evaluations {
			if e.Suggest != tier.SuggestNone && !ov.Dismissed[e.PartnerID][e.SuggestedTierID()] {
				s.suggest[e.PartnerID] = e.Suggest
			}
		}
		s.table.Refresh()
	})
}

// apply filters the index and refreshes the table; it runs per keystroke.
func (s *partnersScreen) apply() {
	if s.table == nil {
		return
	}
	s.rows = s.index.Find(s.filter, s.sortKey, s.desc)
	if len(s.rows) == s.index.Len() {
		s.count.SetText(lang.L("partners.count", map[string]any{"Count": len(s.rows)}))
	} else {
		s.count.SetText(lang.L("partners.count_of", map[string]any{"Count": len(s.rows), "Total": s.index.Len()}))
	}
	s.table.UnselectAll()
	s.table.Refresh()
}

// open shows a partner from elsewhere (the dashboard, a search): the
// detail unfolds if it was folded away.
func (s *partnersScreen) open(id int64) {
	if !s.detailShown() {
		s.showDetail(true)
	}
	s.load(id)
}

// load shows the partner selected in the list in the detail.
func (s *partnersScreen) load(id int64) {
	s.selected = id
	s.detail.load(id)
}

func (s *partnersScreen) onNew() {
	s.table.UnselectAll()
	s.selected = 0
	s.detail.newPartner()
}

// Rows is what the list shows now (for tests and the menu).
func (s *partnersScreen) Rows() []data.PartnerRow { return s.rows }
