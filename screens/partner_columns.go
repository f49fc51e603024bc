package screens

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/format"
	"channeldesk/app/metrics"
	"channeldesk/app/partners"
	"channeldesk/app/tier"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// partnerColumn is one column the partner list can show.
type partnerColumn struct {
	id     string // stable name, kept in the preferences
	key    string // header translation key
	sort   partners.SortKey
	width  float32 // default width
	number bool    // right-aligned
	cell   func(s *partnersScreen, r data.PartnerRow) string
}

// partnerColumns are every column the list can show, in their default order.
var partnerColumns = []partnerColumn{
	{"name", "col.name", partners.SortName, 210, false, func(_ *partnersScreen, r data.PartnerRow) string { return r.Name }},
	{"type", "col.type", partners.SortType, 130, false, func(_ *partnersScreen, r data.PartnerRow) string { return typeLabel(r.Type) }},
	{"status", "col.status", partners.SortStatus, 100, false, func(_ *partnersScreen, r data.PartnerRow) string { return statusLabel(r.Status) }},
	{"tier", "week.col.tier", partners.SortTier, 100, false, (*partnersScreen).tierCell},
	{"won", "week.col.won", partners.SortWon, 90, true, func(s *partnersScreen, r data.PartnerRow) string {
		return compactMoney(r.Won12m, s.settings().Currency, s.lang)
	}},
	{"open", "week.col.open_deals", partners.SortOpenDeals, 90, true, func(_ *partnersScreen, r data.PartnerRow) string {
		return strconv.Itoa(r.OpenDeals)
	}},
	{"contact", "week.col.last_contact", partners.SortLastContact, 90, true, (*partnersScreen).contactCell},
	{"manager", "week.col.manager", partners.SortManager, 140, false, func(_ *partnersScreen, r data.PartnerRow) string { return r.AccountManager }},
	{"city", "col.city", partners.SortCity, 120, false, func(_ *partnersScreen, r data.PartnerRow) string { return r.City }},
	{"region", "col.region", partners.SortRegion, 120, false, func(_ *partnersScreen, r data.PartnerRow) string { return r.Region }},
}

// columnWidthRU are the default widths of the columns whose Russian
// header or cells ("+ Зарегистрированный", "Без связи, дн") need more room.
var columnWidthRU = map[string]float32{"type": 185, "status": 140, "tier": 185, "won": 110, "open": 100,
	"contact": 135, "manager": 150}

// defaultWidth is the column's width until the user changes it, in the
// language of the interface.
func (c partnerColumn) defaultWidth(l format.Lang) float32 {
	if w, ok := columnWidthRU[c.id]; ok && l == format.RU {
		return w
	}
	return c.width
}

// headerWidth is the least width that shows the column's header whole,
// with room for the sort arrow.
func (c partnerColumn) headerWidth() float32 {
	b := &widget.Button{Text: c.headerText(), Icon: theme.MenuDropDownIcon(), Importance: widget.LowImportance}
	return b.MinSize().Width
}

func (c partnerColumn) headerText() string { return lang.L(c.key) }

// defaultColumns is what the list shows until the user chooses.
const defaultColumns = "name,type,status,tier,won,open,contact,manager"

// prefPartnerColumns keeps the shown columns in order, each with its
// width: "name:210,tier:100,…"; Russian keeps its own widths under
// prefPartnerColumns + ".ru", since its words are longer.
const prefPartnerColumns = "partners.columns"

func columnsPref(l format.Lang) string {
	if l == format.RU {
		return prefPartnerColumns + ".ru"
	}
	return prefPartnerColumns
}

// shownColumn is a column the list shows, at a width.
type shownColumn struct {
	col   partnerColumn
	width float32
}

func columnByID(id string) (partnerColumn, bool) {
	i := slices.IndexFunc(partnerColumns, func(c partnerColumn) bool { return c.id == id })
	if i < 0 {
		return partnerColumn{}, false
	}
	return partnerColumns[i], true
}

// parseColumns reads the preference; unknown names are skipped and the
// name column is always there, so the list can never be empty.
func parseColumns(pref string, l format.Lang) []shownColumn {
	var out []shownColumn
	seen := map[string]bool{}
	for _, part := range strings.Split(pref, ",") {
		id, w, _ := strings.Cut(strings.TrimSpace(part), ":")
		c, ok := columnByID(id)
		if !ok || seen[id] {
			continue
		}
		seen[id] = true
		width := c.defaultWidth(l)
		if f, err := strconv.ParseFloat(w, 32); err == nil && f >= 40 && f <= 800 {
			width = float32(f)
		}
		out = append(out, shownColumn{c, width})
	}
	if !seen["name"] {
		c, _ := columnByID("name")
		out = append([]shownColumn{{c, c.defaultWidth(l)}}, out...)
	}
	return out
}

func formatColumns(cols []shownColumn) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = fmt.Sprintf("%s:%.0f", c.col.id, c.width)
	}
	return strings.Join(parts, ",")
}

// loadColumns reads the user's columns from the preferences: those of
// the interface's language, or the other language's choice of columns
// at this language's widths, or the defaults. No column is narrower than
// its header.
func (s *partnersScreen) loadColumns() {
	prefs := s.prefs
	pref := prefs.String(columnsPref(s.lang))
	if pref == "" {
		other := format.RU
		if s.lang == format.RU {
			other = format.EN
		}
		pref = prefs.StringWithFallback(columnsPref(other), defaultColumns)
		ids := strings.Split(pref, ",")
		for i := range ids {
			ids[i], _, _ = strings.Cut(ids[i], ":")
		}
		pref = strings.Join(ids, ",")
	}
	s.columns = parseColumns(pref, s.lang)
	for i := range s.columns {
		s.columns[i].width = max(s.columns[i].width, s.columns[i].col.headerWidth())
	}
}

// setColumns shows cols, remembers them and lays the table out again.
func (s *partnersScreen) setColumns(cols []shownColumn) {
	s.columns = cols
	s.saveColumns()
	s.applyColumnWidths()
	s.table.Refresh()
}

func (s *partnersScreen) saveColumns() {
	s.prefs.SetString(columnsPref(s.lang), formatColumns(s.columns))
}

func (s *partnersScreen) applyColumnWidths() {
	s.applyingWidths = true
	defer func() { s.applyingWidths = false }()
	for i, c := range s.columns {
		s.table.SetColumnWidth(i, c.width)
	}
}

// noteColumnWidth remembers a width the user dragged a column to: the
// table lays its header out at the column's width just before updating it.
func (s *partnersScreen) noteColumnWidth(col int, header fyne.CanvasObject) {
	w := header.Size().Width
	if s.applyingWidths || col < 0 || col >= len(s.columns) || w < 1 {
		return
	}
	if d := w - s.columns[col].width; d > 0.5 || d < -0.5 {
		s.columns[col].width = w
		s.saveColumns()
	}
}

// tierCell is the assigned tier, with an arrow when the tier rules
// suggest a promotion (+) or a demotion (–): characters the bundled font has.
func (s *partnersScreen) tierCell(r data.PartnerRow) string {
	name := r.TierEN
	if s.lang == format.RU && r.TierRU != "" {
		name = r.TierRU
	}
	if name == "" {
		name = "—"
	}
	switch s.suggest[r.ID] { // first, so that truncation never hides it
	case tier.SuggestPromote:
		return "+ " + name
	case tier.SuggestDemote:
		return "– " + name
	}
	return name
}

// contactCell is the days since the last contact ("—" when never).
func (s *partnersScreen) contactCell(r data.PartnerRow) string {
	if r.LastContact == "" {
		return "—"
	}
	return strconv.Itoa(metrics.DaysSince(r.LastContact, s.store.Now()))
}

// columnsDialog lets the user choose which columns show, in what order
// and how wide; the choice is remembered on this computer.
type columnsDialog struct {
	s      *partnersScreen
	dlg    *dialog.CustomDialog
	rows   []*columnChoice
	box    *fyne.Container
	errMsg *widget.Label
}

// columnChoice is one column's line in the dialog.
type columnChoice struct {
	col   partnerColumn
	show  *widget.Check
	width *widgets.TextEntry
}

func (s *partnersScreen) showColumns() {
	c := &columnsDialog{s: s, box: container.NewVBox(), errMsg: widgets.NewErrorLine()}
	shown := map[string]bool{}
	for _, sc := range s.columns {
		shown[sc.col.id] = true
		c.rows = append(c.rows, c.choice(sc.col, sc.width, true))
	}
	for _, col := range partnerColumns {
		if !shown[col.id] {
			c.rows = append(c.rows, c.choice(col, col.width, false))
		}
	}
	c.layout()
	s.columnsDlg = c
	ok := &widget.Button{Text: lang.L("action.save"), Importance: widget.HighImportance, OnTapped: c.onSave}
	cancel := &widget.Button{Text: lang.L("action.cancel"), OnTapped: func() { c.dlg.Hide() }}
	hint := widget.NewLabel(lang.L("week.columns_hint"))
	hint.Wrapping = fyne.TextWrapWord
	c.dlg = dialog.NewCustomWithoutButtons(lang.L("week.columns"), container.NewBorder(hint, c.errMsg, nil, nil,
		container.NewVScroll(c.box)), s.win)
	c.dlg.SetButtons([]fyne.CanvasObject{cancel, ok})
	c.dlg.Resize(fyne.NewSize(520, 560))
	c.dlg.Show()
}

func (c *columnsDialog) choice(col partnerColumn, width float32, show bool) *columnChoice {
	ch := &columnChoice{col: col, show: widget.NewCheck(lang.L(col.key), nil),
		width: widgets.NewText(&widget.Entry{Text: fmt.Sprintf("%.0f", width)})}
	ch.show.SetChecked(show)
	if col.id == "name" {
		ch.show.Disable() // the list always names the partner
	}
	return ch
}

// layout lists the columns in their order, each with buttons to move it.
func (c *columnsDialog) layout() {
	c.box.Objects = nil
	for i, ch := range c.rows {
		up := &widget.Button{Icon: theme.MoveUpIcon(), Importance: widget.LowImportance, OnTapped: func() { c.move(i, -1) }}
		down := &widget.Button{Icon: theme.MoveDownIcon(), Importance: widget.LowImportance, OnTapped: func() { c.move(i, 1) }}
		if i == 0 {
			up.Disable()
		}
		if i == len(c.rows)-1 {
			down.Disable()
		}
		width := container.NewGridWrap(fyne.NewSize(80, ch.width.MinSize().Height), ch.width)
		c.box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(width, up, down), ch.show))
	}
	c.box.Refresh()
}

func (c *columnsDialog) move(i, by int) {
	j := i + by
	if j < 0 || j >= len(c.rows) {
		return
	}
	c.rows[i], c.rows[j] = c.rows[j], c.rows[i]
	c.layout()
}

func (c *columnsDialog) onSave() {
	var cols []shownColumn
	for _, ch := range c.rows {
		if !ch.show.Checked {
			continue
		}
		w, err := strconv.Atoi(strings.TrimSpace(ch.width.Text))
		if err != nil || w < 40 || w > 800 {
			c.errMsg.SetText(lang.L(ch.col.key) + ": " + lang.L("week.columns_width"))
			return
		}
		cols = append(cols, shownColumn{ch.col, float32(w)})
	}
	c.s.setColumns(cols)
	c.dlg.Hide()
}
