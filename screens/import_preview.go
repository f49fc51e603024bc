package screens

import (
	"context"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/importer"
)

// What the partner import (recruit_import.go, import_table.go) and the
// contacts import (import_contacts.go) share: the file question, the
// preview table's frame, the column mapping, the cell text, and the
// messages after an import or a saved profile.

// importFileExts are the files the import dialogs offer.
var importFileExts = []string{".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".htm", ".html"}

// askImportFile asks for a file to import and hands it to open (which
// closes it).
func (u *UI) askImportFile(open func(name string, r io.ReadCloser)) {
	d := u.newFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		open(rc.URI().Name(), rc)
	})
	d.SetFilter(storage.NewExtensionFileFilter(importFileExts))
	d.Show()
}

// newImportRows is an import preview's table: bold column names ("Row",
// then header(col) for col from 1) over the rows, no row headers;
// clicking a cell asks to fix it.
func newImportRows(size func() (int, int), update func(widget.TableCellID, fyne.CanvasObject), header func(col int) string,
	fix func(row, col int)) *widget.Table {
	t := widget.NewTableWithHeaders(size, func() fyne.CanvasObject {
		return &widget.Label{Text: "Northwind Integrators", Truncation: fyne.TextTruncateEllipsis}
	}, update)
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		switch {
		case id.Row >= 0:
			l.SetText("")
		case id.Col == 0:
			l.SetText(lang.L("imports.table_row"))
		default:
			l.SetText(header(id.Col))
		}
	}
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll()
		fix(id.Row, id.Col)
	}
	return t
}

// mappedHeader is a column's name in the preview table, with the field it
// fills when that is named otherwise ("Org › Company").
func mappedHeader(h string, fl importer.Field) string {
	if fl != importer.Ignore && !strings.EqualFold(h, fieldLabel(string(fl))) {
		h += " › " + fieldLabel(string(fl))
	}
	return h
}

// cellText is the file's text of a cell, or the user's fix of it.
func cellText(t *importer.Table, fixes map[importer.Cell]string, i, c int) string {
	if v, ok := fixes[importer.Cell{Row: i, Col: c}]; ok {
		return v
	}
	if rec := t.Rows[i]; c < len(rec) {
		return strings.TrimSpace(rec[c])
	}
	return ""
}

// columnMapping is the mapping tab: per column of the file, a choice of
// the field it fills (or none); a field chosen for one column leaves the
// column that had it.
type columnMapping struct {
	fields  []importer.Field
	selects []*widget.Select
	box     *fyne.Container
}

// newColumnMapping shows m (changed in place on a choice, then changed
// runs).
func newColumnMapping(header []string, fields []importer.Field, m importer.Mapping, changed func()) *columnMapping {
	cm := &columnMapping{fields: fields, box: container.NewVBox()}
	options := []string{lang.L("recruit.field_ignored")}
	for _, fl := range fields {
		options = append(options, fieldLabel(string(fl)))
	}
	for i, h := range header {
		sel := newSelect(options, nil)
		sel.SetSelectedIndex(cm.index(m[i]))
		sel.OnChanged = func(string) {
			if cm.remap(m, i, sel.SelectedIndex()) {
				changed()
			}
		}
		cm.selects = append(cm.selects, sel)
		cm.box.Add(container.NewGridWithColumns(2, widget.NewLabel(h), sel))
	}
	return cm
}

// index is a field's place among the choices (0: ignored).
func (cm *columnMapping) index(fl importer.Field) int {
	for i, g := range cm.fields {
		if g == fl {
			return i + 1
		}
	}
	return 0
}

// remap maps column i to the choice (0 = ignored) and reports whether
// that changed anything.
func (cm *columnMapping) remap(m importer.Mapping, i, choice int) bool {
	fl := importer.Ignore
	if choice > 0 {
		fl = cm.fields[choice-1]
	}
	if m[i] == fl {
		return false
	}
	for j := range m {
		if fl != importer.Ignore && m[j] == fl && j != i {
			m[j] = importer.Ignore
			cm.selects[j].SetSelectedIndex(0)
		}
	}
	m[i] = fl
	return true
}

// importFailed says on msg why an import wrote nothing: the user
// cancelled it, or what went wrong.
func importFailed(msg *widget.Label, ctx context.Context, err error) {
	msg.Importance = widget.DangerImportance
	if ctx.Err() != nil {
		msg.SetText(lang.L("recruit.import_cancelled"))
	} else {
		msg.SetText(errorText(err))
	}
}

// profileSaved says on msg that the import profile name is saved, or why
// not, and passes err on (the name dialog stays open on one).
func profileSaved(msg *widget.Label, name string, err error) error {
	if err != nil {
		msg.Importance = widget.DangerImportance
		msg.SetText(errorText(err))
		return err
	}
	msg.Importance = widget.SuccessImportance
	msg.SetText(lang.L("imports.profile_saved", map[string]any{"Name": name}))
	return nil
}

// startImport disables Import and Abort and shows Cancel while an import
// runs; Cancel (through *cancel) stops it.
func startImport(importB, abortB, cancelB *widget.Button, cancel *context.CancelFunc) context.Context {
	ctx, stop := context.WithCancel(context.Background())
	*cancel = stop
	importB.Disable()
	abortB.Disable()
	cancelB.Show()
	return ctx
}
