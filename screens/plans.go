package screens

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"channeldesk/app/format"
	"channeldesk/app/plan"
	"channeldesk/data"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// plansScreen is the year's overview of business plans: status, weighted
// attainment per quarter and year, and the check-ins that are due. It also
// exports every active partner's plan PDF in one go.
type plansScreen struct {
	store       *data.Store
	win         fyne.Window
	lang        format.Lang
	fiscalFrom  int // the month the fiscal year starts in
	run         runner
	pickFolder  func(func(fyne.ListableURI, error))
	exportPlans func(dir string, year int) // every active partner's plan, with progress
	year        int
	rows        []plan.OverviewRow

	yearSel   *widget.Select
	count     *widget.Label
	table     *widget.Table
	exportBtn *widget.Button
}

var plansColumns = []struct {
	key   string
	width float32
}{
	{"plans.col_partner", 280}, {"plans.col_status", 170}, {"plans.col_q1", 70}, {"plans.col_q2", 70},
	{"plans.col_q3", 70}, {"plans.col_q4", 70}, {"plans.col_year", 80}, {"plans.col_due", 160},
}

func newPlansScreen(store *data.Store, win fyne.Window, l format.Lang, fiscalFrom int, run runner,
	pickFolder func(func(fyne.ListableURI, error)), exportPlans func(dir string, year int)) *plansScreen {
	return &plansScreen{store: store, win: win, lang: l, fiscalFrom: fiscalFrom, run: run, pickFolder: pickFolder, exportPlans: exportPlans}
}

// newPlansScreen builds the plans overview for this window.
func (u *UI) newPlansScreen() *plansScreen {
	return newPlansScreen(u.Store, u.Win, u.Lang, u.Settings.FiscalYearFrom, u.background, u.showFolderOpen,
		func(dir string, year int) { u.exportPlans(dir, year, nil) })
}

func (s *plansScreen) buildUI() fyne.CanvasObject {
	cur := plan.FiscalYearOf(s.store.Now(), s.fiscalFrom)
	s.year = cur
	var years []string
	for y := cur - 2; y <= cur+1; y++ {
		years = append(years, strconv.Itoa(y))
	}
	s.yearSel = newSelect(years, func(v string) {
		if y, err := strconv.Atoi(v); err == nil && y != s.year {
			s.year = y
			s.reload()
		}
	})
	s.yearSel.SetSelected(strconv.Itoa(cur))
	s.count = widget.NewLabel("")
	s.exportBtn = &widget.Button{Text: lang.L("plans.export_all"), Icon: theme.DocumentSaveIcon(), OnTapped: s.onExportAll}
	s.table = &widget.Table{
		Length: func() (int, int) { return len(s.rows), len(plansColumns) },
		CreateCell: func() fyne.CanvasObject {
			return &widget.Label{Text: "Partner name", Truncation: fyne.TextTruncateEllipsis}
		},
		UpdateCell:    func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(s.cellText(id)) },
		ShowHeaderRow: true,
		UpdateHeader: func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Col >= 0 {
				o.(*widget.Label).SetText(lang.L(plansColumns[id.Col].key))
			}
		},
	}
	for i, c := range plansColumns {
		s.table.SetColumnWidth(i, c.width)
	}
	s.reload()
	bar := container.NewHBox(widget.NewLabel(lang.L("plans.year")), s.yearSel, s.count, s.exportBtn)
	return container.NewBorder(bar, nil, nil, nil, s.table)
}

func (s *plansScreen) cellText(id widget.TableCellID) string {
	if id.Row >= len(s.rows) {
		return ""
	}
	r := s.rows[id.Row]
	switch id.Col {
	case 0:
		return r.Partner
	case 1:
		return lang.L("plans.state."+string(r.Status)) + " · " + lang.L("plans.rev_short", map[string]any{"Revision": r.Revision})
	case 6:
		return bpText(r.Attainment.YearBP, s.lang)
	case 7:
		return dueText(r.Due)
	}
	return bpText(r.Attainment.QuarterBP[id.Col-2], s.lang)
}

func dueText(due []int) string {
	if len(due) == 0 {
		return ""
	}
	qs := make([]string, len(due))
	for i, q := range due {
		qs[i] = quarterLabel(q)
	}
	return strings.Join(qs, ", ")
}

// reload computes the overview off the UI goroutine.
func (s *plansScreen) reload() {
	year := s.year
	var rows []plan.OverviewRow
	var err error
	s.run(func() {
		rows, err = plan.Overview(context.Background(), s.store, year, s.store.Now())
	}, func() {
		if err != nil {
			dialog.ShowError(errors.New(errorText(err)), s.win)
			return
		}
		if year != s.year {
			return
		}
		s.rows = rows
		due := 0
		for _, r := range rows {
			if len(r.Due) > 0 {
				due++
			}
		}
		s.count.SetText(lang.L("plans.count", map[string]any{"Count": len(rows), "Due": due}))
		s.table.Refresh()
	})
}

// onExportAll asks for a folder, then writes every active partner's plan
// there with a progress bar that can be cancelled.
func (s *plansScreen) onExportAll() {
	s.pickFolder(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		s.exportAll(u.Path())
	})
}

// exportAll runs the batch export into dir with a progress dialog.
func (s *plansScreen) exportAll(dir string) { s.exportPlans(dir, s.year) }

// quarterLabel names quarter q (1–4) of the fiscal year.
func quarterLabel(q int) string {
	return []string{lang.L("plans.col_q1"), lang.L("plans.col_q2"), lang.L("plans.col_q3"), lang.L("plans.col_q4")}[q-1]
}
