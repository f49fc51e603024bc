package screens

import (
	"context"
	"errors"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/importer"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// contactFields are what a column of a contacts file can fill.
var contactFields = []importer.Field{importer.FContactName, importer.FContactFirst, importer.FContactLast,
	importer.FContactSecond, importer.FContactEmail, importer.FContactPhone, importer.FContactRole, importer.FName,
	importer.FINN, importer.FWebsite, importer.FRecordID}

// contactImport is the GUI contacts import: the same preview as partners
// (a table of the rows as they will land, a cell fix, the column mapping,
// profiles, updates by record ID), each contact linked to its partner.
type contactImport struct {
	store   *data.Store
	win     fyne.Window
	run     runner
	name    string
	table   *importer.Table
	mapping importer.Mapping
	fixes   map[importer.Cell]string
	preview *importer.ContactPreview
	profile string
	lines   []string

	summary  *widget.Label
	rows     *widget.Table
	problems *widget.List
	columns  *columnMapping
	msg      *widget.Label
	importB  *widget.Button
	abortB   *widget.Button
	cancelB  *widget.Button
	dlg      *dialog.CustomDialog
	cancel   context.CancelFunc
	fixEntry *widgets.TextEntry
	fixSave  func()
}

// ShowContactImport asks for a contacts export and opens its preview.
func (u *UI) ShowContactImport() {
	u.askImportFile(newContactImport(u.Store, u.Win, u.background).open)
}

func newContactImport(store *data.Store, win fyne.Window, run runner) *contactImport {
	return &contactImport{store: store, win: win, run: run}
}

// open reads the file (closing r) off the UI goroutine, then previews it.
func (c *contactImport) open(name string, r io.ReadCloser) {
	c.name = name
	var err error
	c.run(func() {
		defer r.Close()
		if c.table, err = importer.Read(name, r); err != nil {
			return
		}
		c.mapping = importer.ContactMapping(c.table.Header)
		prof, perr := importer.FindProfile(context.Background(), c.store, c.table.Header)
		if perr != nil || prof == nil {
			err = perr
			return
		}
		m, _, perr := importer.UseProfile(prof, c.table.Header)
		if perr == nil {
			c.mapping, c.profile = m, prof.Name
		}
	}, func() {
		if err != nil {
			dialog.ShowError(errors.New(errorText(err)), c.win)
			return
		}
		c.show()
		c.replan()
	})
}

// replan previews the file with the current mapping and fixes.
func (c *contactImport) replan() {
	m := append(importer.Mapping(nil), c.mapping...)
	opt := importer.Options{Fixes: map[importer.Cell]string{}}
	for k, v := range c.fixes {
		opt.Fixes[k] = v
	}
	var p *importer.ContactPreview
	var err error
	c.importB.Disable()
	c.run(func() {
		p, err = importer.PlanContactsWith(context.Background(), c.store, c.table, m, opt)
	}, func() {
		if err != nil {
			c.preview, c.lines = nil, nil
			c.summary.SetText(errorText(err))
			c.rows.Refresh()
			c.problems.Refresh()
			return
		}
		c.preview, c.lines = p, importer.ContactLines(p)
		text := lang.L("imports.contacts_counts", map[string]any{"Created": p.Created, "Existing": p.Existing,
			"Unmatched": p.Unmatched, "Rejected": p.Rejected})
		if p.Updated > 0 {
			text += "\n" + lang.L("imports.counts_updated", map[string]any{"Updated": p.Updated})
		}
		c.summary.SetText(text)
		c.rows.Refresh()
		c.problems.Refresh()
		if p.Created+p.Updated > 0 {
			c.importB.Enable()
		}
	})
}

func (c *contactImport) show() {
	c.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.rows = newImportRows(c.size, c.update, c.header, c.askFix)
	for i := 0; i <= len(c.table.Header)+1; i++ {
		c.rows.SetColumnWidth(i, 160)
	}
	c.problems = widget.NewList(func() int { return len(c.lines) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(c.lines[id]) })
	c.columns = newColumnMapping(c.table.Header, contactFields, c.mapping, c.replan)
	c.msg = &widget.Label{Wrapping: fyne.TextWrapWord}
	c.importB = &widget.Button{Text: lang.L("imports.contacts_import"), Importance: widget.HighImportance, OnTapped: c.onImport}
	c.abortB = &widget.Button{Text: lang.L("recruit.import_abort"), OnTapped: func() { c.dlg.Hide() }}
	c.cancelB = &widget.Button{Text: lang.L("action.cancel"), OnTapped: func() {
		if c.cancel != nil {
			c.cancel()
		}
	}}
	c.cancelB.Hide()
	save := &widget.Button{Text: lang.L("imports.profile_save"), OnTapped: c.onSaveProfile}
	info := widget.NewLabel(lang.L("recruit.import_file", map[string]any{"File": c.name, "Encoding": c.table.Encoding,
		"Delimiter": delimiterLabel(c.table.Delimiter), "Rows": len(c.table.Rows)}))
	top := container.NewVBox(info, c.summary)
	if c.profile != "" {
		top.Add(widget.NewLabel(lang.L("imports.profile_used", map[string]any{"Name": c.profile})))
	}
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("imports.table_tab"), container.NewBorder(
			&widget.Label{Text: lang.L("imports.table_hint"), Wrapping: fyne.TextWrapWord}, nil, nil, nil, c.rows)),
		container.NewTabItem(lang.L("imports.contacts_left_out"), c.problems),
		container.NewTabItem(lang.L("field.mapping"), container.NewVScroll(c.columns.box)))
	bottom := container.NewVBox(c.msg, container.NewHBox(c.importB, c.abortB, c.cancelB, save))
	c.dlg = dialog.NewCustomWithoutButtons(lang.L("imports.contacts_title"), container.NewBorder(top, bottom, nil, nil, tabs), c.win)
	c.dlg.Resize(fyne.NewSize(900, 600))
	c.dlg.Show()
}

// The table: the row and what happens to it, the partner it is linked
// to, then every column of the file.
func (c *contactImport) size() (int, int) {
	if c.preview == nil {
		return 0, 0
	}
	return len(c.preview.Rows), len(c.table.Header) + 2
}

// header names table column col (from 1): the partner, then the file's
// columns.
func (c *contactImport) header(col int) string {
	if col == 1 {
		return lang.L("imports.contacts_partner")
	}
	return mappedHeader(c.table.Header[col-2], c.mapping[col-2])
}

func (c *contactImport) update(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if c.preview == nil || id.Row >= len(c.preview.Rows) {
		l.SetText("")
		return
	}
	r := &c.preview.Rows[id.Row]
	l.Importance = widget.MediumImportance
	switch id.Col {
	case 0:
		l.Importance = contactImportance(r)
		l.SetText(lang.L("imports.table_row_num", map[string]any{"Row": r.Num}) + " · " + contactActionText(r))
	case 1:
		if r.Action == importer.Skip {
			l.Importance = widget.WarningImportance
		}
		l.SetText(orDash(r.Partner))
	default:
		col := id.Col - 2
		if r.Action == importer.Reject && (r.Column == c.table.Header[col] || (r.Column == "" && c.mapping[col] == importer.FContactName)) {
			l.Importance = widget.DangerImportance
		}
		l.SetText(c.raw(id.Row, col))
	}
}

func (c *contactImport) raw(i, col int) string { return cellText(c.table, c.fixes, i, col) }

func contactImportance(r *importer.ContactRow) widget.Importance {
	switch r.Action {
	case importer.Reject:
		return widget.DangerImportance
	case importer.Skip:
		return widget.WarningImportance
	case importer.Merge:
		return widget.LowImportance
	}
	return widget.MediumImportance
}

func contactActionText(r *importer.ContactRow) string {
	return actionWord(r.Action, lang.L("imports.contact_state_there"), lang.L("imports.contact_state_unmatched"))
}

// askFix lets the user correct one cell of the file (a bad e-mail, the
// company's name so the contact finds its partner).
func (c *contactImport) askFix(i, col int) {
	if c.preview == nil || i < 0 || i >= len(c.preview.Rows) || col < 2 {
		return
	}
	col -= 2
	r := &c.preview.Rows[i]
	entry := widgets.NewText(&widget.Entry{Text: c.raw(i, col)})
	c.fixEntry = entry
	why := lang.L("imports.fix_hint")
	if r.Action == importer.Reject && r.Err != nil {
		why = importer.RowText(importer.Row{Num: r.Num, Action: importer.Reject, Column: r.Column, Err: r.Err})
	}
	c.fixSave = func() {
		if c.fixes == nil {
			c.fixes = map[importer.Cell]string{}
		}
		c.fixes[importer.Cell{Row: i, Col: col}] = strings.TrimSpace(entry.Text)
		c.replan()
	}
	askCellFix(c.win, r.Num, c.table.Header[col], entry, why, c.fixSave)
}

// onImport adds the new contacts and updates the known ones in one
// transaction; Cancel leaves everything as it was.
func (c *contactImport) onImport() {
	if c.preview == nil {
		return
	}
	ctx := startImport(c.importB, c.abortB, c.cancelB, &c.cancel)
	cancel := c.cancel
	p := c.preview
	var added, updated int
	var err error
	c.run(func() {
		added, updated, err = importer.ApplyContactsCounted(ctx, c.store, p)
	}, func() {
		cancel()
		c.cancelB.Hide()
		c.abortB.Enable()
		if err != nil {
			importFailed(c.msg, ctx, err)
			c.importB.Enable()
			return
		}
		c.msg.Importance = widget.SuccessImportance
		text := lang.L("imports.contacts_done", map[string]any{"Count": added})
		if updated > 0 {
			text += " " + lang.L("imports.done_updated", map[string]any{"Updated": updated})
		}
		c.msg.SetText(text)
		c.abortB.SetText(lang.L("recruit.capture_close"))
	})
}

func (c *contactImport) onSaveProfile() {
	askProfileName(c.win, c.profile, c.name, c.saveProfile)
}

// saveProfile keeps the column mapping under name for the next export.
func (c *contactImport) saveProfile(name string) error {
	src := ""
	if c.preview != nil {
		src = c.preview.Source
	}
	err := importer.SaveProfile(context.Background(), c.store, name, c.table.Header, c.mapping, importer.Options{Source: src})
	if err == nil {
		c.profile = name
	}
	return profileSaved(c.msg, name, err)
}
