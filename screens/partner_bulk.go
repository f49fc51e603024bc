package screens

import (
	"context"
	"errors"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	partnersx "channeldesk/app/partners"
	"channeldesk/app/plan"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// keyModifiers are the keys held while a row is clicked (Shift, Ctrl);
// tests replace it, the test driver has no keyboard.
var keyModifiers = func() fyne.KeyModifier {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}

// pick handles a click on a row: alone it opens the partner and starts
// a new selection; with Ctrl it adds or removes the row; with Shift it
// selects every row from the last one clicked.
func (s *partnersScreen) pick(row int) {
	mods := keyModifiers()
	id := s.rows[row].ID
	switch {
	case mods&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0:
		if s.marked[id] {
			delete(s.marked, id)
		} else {
			s.marked[id] = true
		}
		s.anchor = id
	case mods&fyne.KeyModifierShift != 0 && s.anchor != 0:
		from := s.rowIndex(s.anchor)
		if from < 0 {
			from = row
		}
		for i := min(from, row); i <= max(from, row); i++ {
			s.marked[s.rows[i].ID] = true
		}
	default:
		s.marked = map[int64]bool{id: true}
		s.anchor = id
		s.load(id)
	}
	s.showBulk()
	s.table.Refresh()
}

func (s *partnersScreen) rowIndex(id int64) int {
	for i, r := range s.rows {
		if r.ID == id {
			return i
		}
	}
	return -1
}

// markedRows are the selected partners in list order.
func (s *partnersScreen) markedRows() []data.PartnerRow {
	var out []data.PartnerRow
	for _, r := range s.index.Find(partnersx.PartnerFilter{}, partnersx.SortName, false) {
		if s.marked[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

func (s *partnersScreen) markedIDs() []int64 {
	var ids []int64
	for id := range s.marked {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

// buildBulk is the bar of actions on several partners, shown while more
// than one is selected.
func (s *partnersScreen) buildBulk() fyne.CanvasObject {
	s.bulkLabel = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.bulk = container.NewHBox(s.bulkLabel,
		&widget.Button{Text: lang.L("week.bulk.manager"), Icon: theme.AccountIcon(), OnTapped: s.askManager},
		&widget.Button{Text: lang.L("week.bulk.add_tag"), Icon: theme.ContentAddIcon(), OnTapped: func() { s.askTag(false) }},
		&widget.Button{Text: lang.L("week.bulk.remove_tag"), Icon: theme.ContentRemoveIcon(), OnTapped: func() { s.askTag(true) }},
		&widget.Button{Text: lang.L("week.bulk.export_plans"), Icon: theme.DocumentSaveIcon(), OnTapped: s.askExportPlans},
		&widget.Button{Text: lang.L("kit.send_bulk"), Icon: theme.MailSendIcon(), OnTapped: func() {
			s.sendKits(s.markedIDs(), lang.L("kit.send_bulk_title", map[string]any{"Count": len(s.marked)}))
		}},
		&widget.Button{Text: lang.L("week.bulk.clear"), Importance: widget.LowImportance, OnTapped: s.clearMarks},
	)
	s.bulk.Hide()
	return s.bulk
}

func (s *partnersScreen) showBulk() {
	if len(s.marked) < 2 {
		s.bulk.Hide()
		return
	}
	s.bulkLabel.SetText(lang.L("week.bulk.selected", map[string]any{"Count": len(s.marked)}))
	s.bulk.Show()
}

func (s *partnersScreen) clearMarks() {
	s.marked = map[int64]bool{}
	s.showBulk()
	s.table.Refresh()
}

// askManager gives the selected partners one account manager.
func (s *partnersScreen) askManager() {
	entry := widgets.NewText(&widget.Entry{PlaceHolder: s.settings().ManagerName})
	s.bulkEntry = entry
	showForm(s.win, lang.L("week.bulk.manager_title", map[string]any{"Count": len(s.marked)}), lang.L("action.save"), []*widget.FormItem{
		widget.NewFormItem(lang.L("field.account_manager"), entry),
	}, func() error {
		return s.afterBulk(s.store.SetAccountManager(context.Background(), s.markedIDs(), entry.Text))
	})
}

// askTag adds a tag to the selected partners or takes it off them.
func (s *partnersScreen) askTag(remove bool) {
	entry := widgets.NewText(&widget.Entry{PlaceHolder: "key, trade-show…"})
	s.bulkEntry = entry
	title := "week.bulk.add_tag_title"
	if remove {
		title = "week.bulk.remove_tag_title"
	}
	showForm(s.win, lang.L(title, map[string]any{"Count": len(s.marked)}), lang.L("action.save"), []*widget.FormItem{
		widget.NewFormItem(lang.L("field.tags"), entry),
	}, func() error {
		return s.afterBulk(s.store.ChangeTag(context.Background(), s.markedIDs(), entry.Text, remove))
	})
}

// afterBulk reloads the list after a bulk change that worked.
func (s *partnersScreen) afterBulk(err error) error {
	if err == nil {
		s.reload()
		if s.selected != 0 {
			s.detail.load(s.selected)
		}
	}
	return err
}

// askExportPlans writes the selected partners' plans into a folder.
func (s *partnersScreen) askExportPlans() {
	rows := s.markedRows()
	dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			dialog.ShowError(errors.New(errorText(err)), s.win)
			return
		}
		if dir != nil {
			s.exportPlans(dir.Path(), s.store.Now().Year(), rows)
		}
	}, s.win)
}

// exportPlans writes the plans of the partners given (nil: every active
// one) of a fiscal year into dir, with a progress dialog that can cancel.
func (u *UI) exportPlans(dir string, year int, partners []data.PartnerRow) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	status := widget.NewLabel(lang.L("plans.exporting"))
	dlg := dialog.NewCustomWithoutButtons(lang.L("plans.export_all"), container.NewVBox(status, bar), u.Win)
	dlg.SetButtons([]fyne.CanvasObject{&widget.Button{Text: lang.L("action.cancel"), OnTapped: cancel}})
	dlg.Resize(fyne.NewSize(420, 160))
	dlg.Show()
	var paths []string
	var err error
	u.background(func() {
		progress := func(done, total int) { fyne.Do(func() { bar.SetValue(float64(done) / float64(total)) }) }
		if partners == nil {
			paths, err = plan.ExportAll(ctx, u.Store, dir, plan.Options{Year: year}, progress)
		} else {
			paths, err = plan.ExportPartners(ctx, u.Store, dir, partners, plan.Options{Year: year}, progress)
		}
	}, func() {
		cancel()
		u.releaseMemory()
		dlg.Hide()
		msg := lang.L("plans.exported_all", map[string]any{"Count": len(paths), "Path": dir})
		if errors.Is(err, context.Canceled) {
			msg = lang.L("plans.export_cancelled", map[string]any{"Count": len(paths)})
		} else if err != nil {
			u.showError(err, nil)
			return
		}
		dialog.ShowInformation(lang.L("plans.export_all"), msg, u.Win)
	})
}
