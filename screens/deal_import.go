package screens

import (
	"context"
	"io"

	"channeldesk/app/dealimport"
	"channeldesk/app/format"
	"channeldesk/screens/widgets"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// onImport picks a CSV or XLSX file and shows its preview.
func (s *dealsScreen) onImport() {
	d := s.ui.newFileOpen(func(r fyne.URIReadCloser, err error) {
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
	var pv *dealimport.Preview
	var err error
	s.ui.background(func() {
		pv, err = dealimport.Check(context.Background(), s.ui.Store, name, content)
	}, func() {
		if err != nil {
			s.deals.msg.SetText(errorText(err))
			return
		}
		s.showPreview(pv)
	})
}

// showPreview lists every row with its problem; Import is offered only
// when no row has one (all or nothing).
func (s *dealsScreen) showPreview(pv *dealimport.Preview) {
	u := s.ui
	list := &widget.List{
		Length:     func() int { return len(pv.Rows) },
		CreateItem: func() fyne.CanvasObject { return &widget.Label{Text: "row", Truncation: fyne.TextTruncateEllipsis} },
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			r := pv.Rows[id]
			l := o.(*widget.Label)
			l.Importance = widget.MediumImportance
			if r.Err != nil {
				l.Importance = widget.DangerImportance
				l.SetText(lang.L("deals.import_row_error", map[string]any{"Line": r.Line, "Error": errorText(r.Err)}))
				return
			}
			l.SetText(joinNonEmpty(" · ", r.Partner, r.Deal.Customer, format.FormatMoney(r.Deal.Amount, u.Settings.Currency, u.Lang),
				dealStateLabel(r.Deal.State), u.date(r.Deal.RegisteredOn)))
		},
	}
	summary := widget.NewLabel(lang.L("deals.import_summary", map[string]any{"Format": dealimport.Describe(pv.Table), "Rows": len(pv.Rows), "Errors": pv.Errors}))
	msg := widgets.NewErrorLine()
	var dlg *dialog.CustomDialog
	ok := &widget.Button{Text: lang.L("deals.import_go"), Importance: widget.HighImportance, OnTapped: func() {
		if _, err := dealimport.Import(context.Background(), u.Store, pv); err != nil {
			msg.SetText(errorText(err))
			return
		}
		dlg.Hide()
		s.deals.changed()
	}}
	if pv.Errors > 0 {
		ok.Disable()
	}
	cancel := &widget.Button{Text: lang.L("action.cancel"), OnTapped: func() { dlg.Hide() }}
	dlg = dialog.NewCustomWithoutButtons(lang.L("deals.import"), container.NewBorder(summary, msg, nil, nil, list), u.Win)
	dlg.SetButtons([]fyne.CanvasObject{cancel, ok})
	dlg.Resize(fyne.NewSize(760, 520))
	dlg.Show()
}
