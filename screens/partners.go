package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app"
	"channeldesk/data"
)

// partnersScreen is the partner list with search, filters and sorting,
// beside the selected partner's detail.
type partnersScreen struct {
	ui *UI

	index   *app.PartnerIndex
	rows    []data.PartnerRow // what the table shows now
	filter  app.PartnerFilter
	sortKey app.SortKey
	desc    bool

	search   *textEntry
	typeSel  *widget.Select
	status   *widget.Select
	region   *widget.Select
	count    *widget.Label
	table    *widget.Table
	detail   *partnerDetail
	selected int64

	contactLog *contactLog // the last "log a contact" form (contact_log.go)
}

var partnerColumns = []struct {
	key   string
	sort  app.SortKey
	width float32
}{
	{"col.name", app.SortName, 260},
	{"col.type", app.SortType, 175},
	{"col.status", app.SortStatus, 130},
	{"col.city", app.SortCity, 130},
	{"col.region", app.SortRegion, 130},
}

func newPartnersScreen(u *UI) *partnersScreen {
	return &partnersScreen{ui: u, index: app.NewPartnerIndex(nil)}
}

func (s *partnersScreen) buildUI() fyne.CanvasObject {
	s.search = newText(&widget.Entry{PlaceHolder: lang.L("partners.search"), OnChanged: func(q string) {
		s.filter.Query = q
		s.apply()
	}})
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.typeSel = newSelect(nil, nil)
	s.status = newSelect(nil, nil)
	s.region = newSelect(nil, nil)
	s.fillFilters()
	s.count = widget.NewLabel("")
	s.table = s.newTable()
	s.detail = newPartnerDetail(s.ui, s)
	newBtn := &widget.Button{Text: lang.L("partners.new"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance,
		OnTapped: s.onNew}
	filters := container.NewHBox(s.typeSel, s.status, s.region)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(filters, s.count, newBtn), s.search)
	split := container.NewHSplit(s.table, s.detail.buildUI())
	split.Offset = 0.42
	s.ui.whenShown(s.reload)
	return container.NewBorder(top, nil, nil, nil, split)
}

// fillFilters sets the filter choices; the first choice of each is "all".
func (s *partnersScreen) fillFilters() {
	filterChoices(s.typeSel, lang.L("filter.all_types"), data.PartnerTypes, typeLabel, &s.filter.Type, s.apply)
	filterChoices(s.status, lang.L("filter.all_statuses"), data.Statuses, statusLabel, &s.filter.Status, s.apply)
	valueFilter(s.region, &s.filter.Region, s.apply)
	s.fillRegions()
}

func (s *partnersScreen) fillRegions() {
	setValueChoices(s.region, lang.L("filter.all_regions"), s.index.Regions(), s.filter.Region)
}

func (s *partnersScreen) newTable() *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(s.rows), len(partnerColumns) },
		func() fyne.CanvasObject {
			return &widget.Label{Text: "Template partner name", Truncation: fyne.TextTruncateEllipsis}
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(s.cell(s.rows[id.Row], id.Col))
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject { return &widget.Button{Importance: widget.LowImportance} }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 {
			return
		}
		col := partnerColumns[id.Col]
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
	for i, c := range partnerColumns {
		t.SetColumnWidth(i, c.width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(s.rows) {
			s.open(s.rows[id.Row].ID)
		}
	}
	return t
}

func (s *partnersScreen) cell(r data.PartnerRow, col int) string {
	switch col {
	case 1:
		return typeLabel(r.Type)
	case 2:
		return statusLabel(r.Status)
	case 3:
		return r.City
	case 4:
		return r.Region
	}
	return r.Name
}

func (s *partnersScreen) sortBy(key app.SortKey) {
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
	s.ui.background(func() {
		rows, err = s.ui.Store.PartnerRows(context.Background())
	}, func() {
		if err != nil {
			s.count.SetText(errorText(err))
			return
		}
		s.index = app.NewPartnerIndex(rows)
		s.fillRegions()
		s.apply()
		s.ui.trace("partner list shown", len(s.rows))
		s.ui.releaseAfterStartup("partners")
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

func (s *partnersScreen) open(id int64) {
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
