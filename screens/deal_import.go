package screens

import (
	"context"
	"io"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/dealimport"
	"channeldesk/app/format"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// onImport picks a CSV or XLSX file and shows its preview.
func (s *dealsScreen) onImport() {
	d := fileOpen(s.win, func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		content, err := io.ReadAll(r)
		if err != nil {
			s.deals.msg.SetText(errorText(err))
			return
		}
		s.checkImport(r.URI().Name(), content)
	})
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".xlsx", ".txt"}))
	d.Show()
}

// checkImport reads the file off the UI goroutine and shows the preview.
func (s *dealsScreen) checkImport(name string, content []byte) {
	d := &dealImport{s: s, name: name, content: content}
	d.check(nil)
}

// dealImport is the deal import preview: every row with its problem,
// the file's CRM stages with what each becomes (the user may change it,
// and save the choice as an import profile), Import when no row has a
// problem (all or nothing).
type dealImport struct {
	s       *dealsScreen
	name    string
	content []byte
	pv      *dealimport.Preview
	stages  map[string]data.DealState // the user's choices, by StageKey

	list     *widget.List
	summary  *widget.Label
	stageBox *fyne.Container
	selects  map[string]*widget.Select // by stage as written, for tests
	msg      *widget.Label
	ok       *widget.Button
	dlg      *dialog.CustomDialog
}

// check reads the file with the stage choices (nil: the saved profile's)
// off the UI goroutine, then shows or refreshes the preview.
func (d *dealImport) check(stages map[string]data.DealState) {
	var pv *dealimport.Preview
	var err error
	d.s.run(func() {
		pv, err = dealimport.CheckWith(context.Background(), d.s.store, d.name, d.content, dealimport.Options{Stages: stages})
	}, func() {
		if err != nil {
			if d.dlg != nil {
				d.msg.SetText(errorText(err))
				return
			}
			d.s.deals.msg.SetText(errorText(err))
			return
		}
		d.pv, d.stages = pv, pv.Options.Stages
		if d.dlg == nil {
			d.show()
		}
		d.refresh()
	})
}

func (d *dealImport) show() {
	d.list = &widget.List{
		Length:     func() int { return len(d.pv.Rows) },
		CreateItem: func() fyne.CanvasObject { return &widget.Label{Text: "row", Truncation: fyne.TextTruncateEllipsis} },
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			r := d.pv.Rows[id]
			l := o.(*widget.Label)
			l.Importance = widget.MediumImportance
			if r.Err != nil {
				l.Importance = widget.DangerImportance
				l.SetText(lang.L("deals.import_row_error", map[string]any{"Line": r.Line, "Error": errorText(r.Err)}))
				return
			}
			if r.UnknownStage != "" {
				l.Importance = widget.WarningImportance
			}
			l.SetText(joinNonEmpty(" · ", r.Partner, r.Deal.Customer, format.FormatMoney(r.Deal.Amount, d.s.settings().Currency, d.s.lang),
				dealStateLabel(r.Deal.State), d.s.loc().date(r.Deal.RegisteredOn)))
		},
	}
	d.summary = &widget.Label{Wrapping: fyne.TextWrapWord}
	d.stageBox = container.NewVBox()
	d.msg = widgets.NewErrorLine()
	d.ok = &widget.Button{Text: lang.L("deals.import_go"), Importance: widget.HighImportance, OnTapped: d.onImport}
	cancel := &widget.Button{Text: lang.L("action.cancel"), OnTapped: func() { d.dlg.Hide() }}
	save := &widget.Button{Text: lang.L("imports.profile_save"), OnTapped: d.onSaveProfile}
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("imports.deal_rows_tab"), d.list),
		container.NewTabItem(lang.L("imports.deal_stages_tab"), container.NewVScroll(d.stageBox)))
	d.dlg = dialog.NewCustomWithoutButtons(lang.L("deals.import"), container.NewBorder(d.summary, d.msg, nil, nil, tabs), d.s.win)
	d.dlg.SetButtons([]fyne.CanvasObject{cancel, save, d.ok})
	d.dlg.Resize(fyne.NewSize(820, 560))
	d.dlg.Show()
}

// refresh shows the current preview.
func (d *dealImport) refresh() {
	pv := d.pv
	text := lang.L("deals.import_summary", map[string]any{"Format": dealimport.Describe(pv.Table), "Rows": len(pv.Rows), "Errors": pv.Errors})
	if pv.UnknownStages > 0 {
		text += "\n" + lang.L("imports.deal_stages_unknown", map[string]any{"Rows": pv.UnknownStages})
	}
	if pv.Profile != "" {
		text += "\n" + lang.L("imports.profile_used", map[string]any{"Name": pv.Profile})
	}
	d.summary.SetText(text)
	d.list.Refresh()
	d.showStages()
	if pv.Errors > 0 {
		d.ok.Disable()
	} else {
		d.ok.Enable()
	}
}

// showStages lists each stage of the file with its rows and a choice of
// the state it becomes; an unknown one says so.
func (d *dealImport) showStages() {
	d.stageBox.RemoveAll()
	d.selects = map[string]*widget.Select{}
	if len(d.pv.Stages) == 0 {
		d.stageBox.Add(widget.NewLabel(lang.L("imports.deal_stages_none")))
		return
	}
	labels := make([]string, len(data.DealStates))
	for i, st := range data.DealStates {
		labels[i] = dealStateLabel(st)
	}
	for _, st := range d.pv.Stages {
		key := "imports.deal_stage_known"
		if !st.Known && !st.Mapped {
			key = "imports.deal_stage_unknown"
		}
		text := &widget.Label{Text: lang.L(key, map[string]any{"Stage": st.Value, "Rows": st.Rows}), Wrapping: fyne.TextWrapWord}
		sel := widget.NewSelect(labels, nil)
		sel.SetSelectedIndex(slices.Index(data.DealStates, st.State))
		stage := st.Value
		sel.OnChanged = func(string) {
			next := map[string]data.DealState{}
			for k, v := range d.stages {
				next[k] = v
			}
			next[dealimport.StageKey(stage)] = data.DealStates[sel.SelectedIndex()]
			d.check(next)
		}
		d.selects[st.Value] = sel
		d.stageBox.Add(container.NewBorder(nil, nil, nil, wideSelect(sel), text))
	}
}

func (d *dealImport) onImport() {
	if _, err := dealimport.Import(context.Background(), d.s.store, d.pv); err != nil {
		d.msg.SetText(errorText(err))
		return
	}
	d.dlg.Hide()
	d.s.deals.changed()
}

// onSaveProfile asks for a name and keeps the stage choices under it.
func (d *dealImport) onSaveProfile() {
	askProfileName(d.s.win, d.pv.Profile, d.name, d.saveProfile)
}

func (d *dealImport) saveProfile(name string) error {
	if err := dealimport.SaveProfile(context.Background(), d.s.store, name, d.pv.Table.Header,
		dealimport.Options{Stages: d.stages}); err != nil {
		d.msg.SetText(errorText(err))
		return err
	}
	d.pv.Profile = name
	d.msg.Importance = widget.SuccessImportance
	d.msg.SetText(lang.L("imports.profile_saved", map[string]any{"Name": name}))
	return nil
}
