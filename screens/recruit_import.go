package screens

import (
	"context"
	"errors"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/format"
	"channeldesk/app/importer"
	"channeldesk/data"
)

// importFlow is the GUI partner import: choose a file, check the preview
// (and the column mapping), then import the valid rows or abort. The
// import runs in one transaction with progress and a cancel button.
type importFlow struct {
	importDeps

	name    string
	table   *importer.Table
	mapping importer.Mapping
	values  importer.ValueMap
	preview *importer.Preview
	lines   []string // merged and rejected rows, described

	summary  *widget.Label
	problems *widget.List
	columns  *columnMapping
	valueBox *valueMapping
	profile  string // the saved profile in use, if any
	// fixes are the cells corrected in the preview table, takeFile the
	// edited fields the file's value replaces, dateOrder how ambiguous
	// dates are read (asked in the preview, kept in the profile).
	fixes     map[importer.Cell]string
	takeFile  map[string]bool
	dateOrder importer.DateOrder
	rowsTable *previewTable
	dates     *dateQuestion
	edited    *editedList
	tabs      *container.AppTabs
	editedTab *container.TabItem

	saveProfileB *widget.Button
	msg          *widget.Label
	importB      *widget.Button
	abortB       *widget.Button
	progress     *widget.ProgressBar
	cancelB      *widget.Button
	dlg          *dialog.CustomDialog
	cancel       context.CancelFunc
	// afterProgress, when set, runs after each progress report (tests
	// press Cancel mid-import with it).
	afterProgress func()

	// onDone runs after a successful import.
	onDone func()
}

// importDeps is what the import flow is given: the store, the window and
// its language, a runner, the current settings, and a way to hand the
// import's memory back to the system.
type importDeps struct {
	store         *data.Store
	win           fyne.Window
	lang          format.Lang
	run           runner
	settings      func() data.Settings
	releaseMemory func() // after a large import (ui.go)
}

// importDeps wires an import flow to this window.
func (u *UI) importDeps() importDeps {
	return importDeps{store: u.Store, win: u.Win, lang: u.Lang, run: u.background,
		settings: func() data.Settings { return u.Settings }, releaseMemory: u.releaseMemory}
}

// ShowImport asks for a CSV or XLSX file and opens its import preview.
func (u *UI) ShowImport() {
	u.askImportFile(u.newImportFlow().open)
}

// open reads a file (closing r) and plans the import off the UI goroutine.
func (f *importFlow) open(name string, r io.ReadCloser) {
	f.name = name
	var err error
	f.run(func() {
		defer r.Close()
		f.table, err = importer.Read(name, r)
		if err == nil {
			err = f.useProfile()
		}
	}, func() {
		if err != nil {
			dialog.ShowError(errors.New(errorText(err)), f.win)
			return
		}
		f.showDialog()
		f.replan()
	})
}

// replan builds the preview for the current mapping.
func (f *importFlow) replan() {
	var p *importer.Preview
	var err error
	m := append(importer.Mapping(nil), f.mapping...)
	vm := importer.ValueMap{}
	vm.Merge(f.values)
	opt := importer.Options{Values: vm, DateOrder: f.dateOrder, Fixes: map[importer.Cell]string{}, TakeFile: map[string]bool{}}
	for k, v := range f.fixes {
		opt.Fixes[k] = v
	}
	for k, v := range f.takeFile {
		opt.TakeFile[k] = v
	}
	f.importB.Disable()
	f.run(func() {
		p, err = importer.Plan(context.Background(), f.store, f.table, m, opt)
	}, func() {
		if err != nil {
			f.preview, f.lines = nil, nil
			f.summary.SetText(errorText(err))
			f.problems.Refresh()
			return
		}
		f.preview = p
		f.lines = importer.DetailLines(p)
		for _, r := range p.Rows {
			if line := importer.RowText(r); line != "" {
				f.lines = append(f.lines, line)
			}
		}
		summary := lang.L("recruit.import_counts", map[string]any{"Created": p.Created, "Merged": p.Merged, "Rejected": p.Rejected})
		if p.Skipped+p.Warned > 0 {
			summary += "\n" + lang.L("imports.counts_more", map[string]any{"Skipped": p.Skipped, "Warned": p.Warned})
		}
		f.summary.SetText(summary)
		f.problems.Refresh()
		f.valueBox.show(p.Unknown)
		f.showPreviewParts(p)
		if p.Created+p.Merged > 0 {
			f.importB.Enable()
		}
	})
}

func (f *importFlow) showDialog() {
	f.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.problems = widget.NewList(func() int { return len(f.lines) },
		func() fyne.CanvasObject {
			return &widget.Label{Text: "row 12, column «E-mail»: reason", Truncation: fyne.TextTruncateEllipsis}
		},
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(f.lines[id]) })
	f.columns = newColumnMapping(f.table.Header, importer.Fields, f.mapping, f.replan)
	f.msg = &widget.Label{Wrapping: fyne.TextWrapWord}
	f.importB = &widget.Button{Text: lang.L("recruit.import_valid"), Importance: widget.HighImportance, OnTapped: f.onImport}
	f.abortB = &widget.Button{Text: lang.L("recruit.import_abort"), OnTapped: f.close}
	f.progress = widget.NewProgressBar()
	f.progress.Hide()
	f.cancelB = &widget.Button{Text: lang.L("action.cancel"), OnTapped: f.onCancel}
	f.cancelB.Hide()
	info := widget.NewLabel(lang.L("recruit.import_file", map[string]any{"File": f.name, "Encoding": f.table.Encoding,
		"Delimiter": delimiterLabel(f.table.Delimiter), "Rows": len(f.table.Rows)}))
	f.valueBox = newValueMapping(func(u importer.UnknownValue, target string) {
		f.values.Set(u.Column, u.Value, target)
		f.replan()
	})
	f.rowsTable = newPreviewTable(f)
	f.dates = newDateQuestion(func(o importer.DateOrder) {
		f.dateOrder = o
		f.replan()
	})
	f.edited = newEditedList()
	defType := defaultTypeChoice(f.values, func(code string) {
		f.values.SetDefault(importer.FType, code)
		f.replan()
	})
	f.editedTab = container.NewTabItem(lang.L("imports.edited_tab"), container.NewVScroll(f.edited.box))
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("imports.table_tab"), container.NewBorder(
			&widget.Label{Text: lang.L("imports.table_hint"), Wrapping: fyne.TextWrapWord}, nil, nil, nil, f.rowsTable.table)),
		container.NewTabItem(lang.L("recruit.import_rows"), f.problems),
		container.NewTabItem(lang.L("field.mapping"), container.NewVScroll(f.columns.box)),
		container.NewTabItem(lang.L("imports.values_tab"), container.NewBorder(defType, nil, nil, nil,
			container.NewVScroll(f.valueBox.box))))
	f.tabs = tabs
	top := container.NewVBox(info, f.summary, f.dates.box)
	if f.profile != "" {
		top.Add(widget.NewLabel(lang.L("imports.profile_used", map[string]any{"Name": f.profile})))
	}
	f.saveProfileB = &widget.Button{Text: lang.L("imports.profile_save"), OnTapped: f.onSaveProfile}
	bottom := container.NewVBox(f.msg, f.progress, container.NewHBox(f.importB, f.abortB, f.cancelB, f.saveProfileB))
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("recruit.import_title"), container.NewBorder(top, bottom, nil, nil, tabs), f.win)
	f.dlg.Resize(fyne.NewSize(900, 600))
	f.dlg.Show()
}

func delimiterLabel(d rune) string {
	switch d {
	case 0:
		return "—"
	case '\t':
		return lang.L("recruit.delimiter_tab")
	}
	return string(d)
}

// onImport imports the valid rows; the rest are skipped.
func (f *importFlow) onImport() {
	if f.preview == nil {
		return
	}
	ctx := startImport(f.importB, f.abortB, f.cancelB, &f.cancel)
	cancel := f.cancel
	f.progress.SetValue(0)
	f.progress.Show()
	var res importer.Result
	var err error
	p := f.preview
	f.run(func() {
		res, err = importer.Apply(ctx, f.store, p, f.settings().ManagerName, f.progressed)
	}, func() {
		cancel()
		f.releaseMemory()
		f.cancelB.Hide()
		f.abortB.Enable()
		if err != nil {
			f.progress.Hide()
			importFailed(f.msg, ctx, err)
			f.importB.Enable()
			return
		}
		f.msg.Importance = widget.SuccessImportance
		f.msg.SetText(lang.L("recruit.import_done", map[string]any{"Created": res.Created, "Merged": res.Merged, "Skipped": res.Skipped}))
		f.abortB.SetText(lang.L("recruit.capture_close"))
		if f.onDone != nil {
			f.onDone()
		}
	})
}

// progressed shows how far the import is; it runs on the import goroutine.
func (f *importFlow) progressed(done, total int) {
	fyne.Do(func() { f.progress.SetValue(float64(done) / float64(max(1, total))) })
	if f.afterProgress != nil {
		f.afterProgress()
	}
}

func (f *importFlow) onCancel() {
	if f.cancel != nil {
		f.cancel()
	}
}

func (f *importFlow) close() {
	if f.dlg != nil {
		f.dlg.Hide()
	}
}

// useProfile starts from the saved profile for the file's headers, if
// there is one, else from the detected mapping.
func (f *importFlow) useProfile() error {
	f.mapping, f.values = importer.DetectMapping(f.table.Header), importer.ValueMap{}
	prof, err := importer.FindProfile(context.Background(), f.store, f.table.Header)
	if err != nil || prof == nil {
		return err
	}
	m, opt, err := importer.UseProfile(prof, f.table.Header)
	if err != nil {
		return err
	}
	f.mapping, f.values, f.profile, f.dateOrder = m, opt.Values, prof.Name, opt.DateOrder
	return nil
}

// onSaveProfile asks for a name and saves the current columns and values.
func (f *importFlow) onSaveProfile() {
	askProfileName(f.win, f.profile, f.name, f.saveProfile)
}

// saveProfile stores the mapping as it is now under name.
func (f *importFlow) saveProfile(name string) error {
	err := importer.SaveProfile(context.Background(), f.store, name, f.table.Header, f.mapping,
		importer.Options{Values: f.values, DateOrder: f.dateOrder})
	if err == nil {
		f.profile = name
	}
	return profileSaved(f.msg, name, err)
}

// showPreviewParts fills the table, the dates question and the list of
// fields edited since the last import from a new preview; the edited
// list is a tab of its own only when there is something in it.
func (f *importFlow) showPreviewParts(p *importer.Preview) {
	f.rowsTable.refresh()
	f.dates.show(p.Dates, f.dateOrder, f.lang)
	n := f.edited.show(p, f.takeFile, func(key string, take bool) {
		if f.takeFile == nil {
			f.takeFile = map[string]bool{}
		}
		f.takeFile[key] = take
		f.replan()
	})
	has := false
	for _, it := range f.tabs.Items {
		has = has || it == f.editedTab
	}
	switch {
	case n > 0 && !has:
		f.tabs.Append(f.editedTab)
	case n == 0 && has:
		f.tabs.Remove(f.editedTab)
	}
}
