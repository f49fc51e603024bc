package screens

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/files"
	"channeldesk/app/format"
	"channeldesk/app/plan"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// measureLabel is an objective measure in the interface language.
func measureLabel(m data.Measure) string { return lang.L("plans.measure." + string(m)) }

func objectiveName(o data.Objective) string {
	if o.Measure == data.MeasureCustom {
		return o.Title
	}
	return joinNonEmpty(" — ", measureLabel(o.Measure), o.Title)
}

var objectiveColumns = []struct {
	key   string
	width float32
}{
	{"plans.col_objective", 210}, {"plans.col_weight", 50}, {"plans.col_q1", 150}, {"plans.col_q2", 150},
	{"plans.col_q3", 150}, {"plans.col_q4", 150}, {"plans.col_year", 70},
}

// newObjectiveTable lists the objectives: "actual / target (attainment)"
// per quarter. Tapping a quarter of an entered measure records its actual.
func newObjectiveTable(t *planTab) *widget.Table {
	tbl := &widget.Table{
		Length: func() (int, int) { return len(t.att.Objectives), len(objectiveColumns) },
		CreateCell: func() fyne.CanvasObject {
			return &widget.Label{Text: "1 000 000 € / 1 000 000 €", Truncation: fyne.TextTruncateEllipsis}
		},
		UpdateCell: func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(t.cellText(id))
		},
		ShowHeaderRow: true,
		UpdateHeader: func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Col >= 0 {
				o.(*widget.Label).SetText(lang.L(objectiveColumns[id.Col].key))
			}
		},
	}
	tbl.OnSelected = func(id widget.TableCellID) {
		tbl.UnselectAll()
		t.onCell(id)
	}
	for i, c := range objectiveColumns {
		tbl.SetColumnWidth(i, c.width)
	}
	return tbl
}

func (t *planTab) cellText(id widget.TableCellID) string {
	if id.Row >= len(t.att.Objectives) {
		return ""
	}
	o := t.att.Objectives[id.Row]
	switch id.Col {
	case 0:
		return objectiveName(o.Objective)
	case 1:
		return strconv.Itoa(o.Weight)
	case 6:
		return bpText(o.YearBP, t.d.lang)
	}
	q := id.Col - 2
	if q >= t.att.Started {
		return "— / " + t.value(o.Targets[q], o.Measure)
	}
	actual := "—" // begun, but nothing reported yet
	if o.Known[q] {
		actual = t.value(o.Actual[q], o.Measure)
	}
	return actual + " / " + t.value(o.Targets[q], o.Measure) + " (" + bpText(o.QuarterBP[q], t.d.lang) + ")"
}

func (t *planTab) value(v int64, m data.Measure) string {
	if m.Money() {
		return format.FormatMoney(v, t.d.settings().Currency, t.d.lang)
	}
	return format.FormatNumber(v, t.d.lang)
}

// onCell records an entered actual; computed measures come from data.
// The entry starts empty for a quarter not reported yet; saving a figure,
// 0 included, reports the quarter, and saving it empty takes the report
// back.
func (t *planTab) onCell(id widget.TableCellID) {
	if id.Row >= len(t.att.Objectives) || id.Col < 2 || id.Col > 5 || t.plan.Status == data.PlanCompleted {
		return
	}
	o := t.att.Objectives[id.Row]
	q := id.Col - 1
	if o.Measure.Computed() {
		dialog.ShowInformation(objectiveName(o.Objective), lang.L("plans.computed_hint"), t.d.win)
		return
	}
	entry := widgets.NewCountEntry("actual", t.d.lang)
	entry.Optional = true
	if o.HasActual(q - 1) {
		entry.SetValue(o.Actuals[q-1])
	}
	title := lang.L("plans.actual_title", map[string]any{"Quarter": q})
	save := func() error {
		if strings.TrimSpace(entry.Text) == "" {
			return t.d.store.ClearActual(context.Background(), o.ID, q)
		}
		v, err := entry.Value()
		if err != nil {
			return err
		}
		return t.d.store.SetActual(context.Background(), o.ID, q, v)
	}
	item := widget.NewFormItem(objectiveName(o.Objective), entry)
	item.HintText = lang.L("plans.actual_hint")
	(&widgets.FormDialog{Title: title, Items: []*widget.FormItem{item},
		Size: fyne.NewSize(420, 200), OnSave: save, OnDone: t.reload}).Show(t.d.win)
}

// onRevisions shows the agreed revisions, each as it was frozen.
func (t *planTab) onRevisions() {
	if t.plan == nil {
		return
	}
	revs, err := t.d.store.PlanRevisions(context.Background(), t.plan.ID)
	if err != nil {
		dialog.ShowError(errors.New(errorText(err)), t.d.win)
		return
	}
	var b strings.Builder
	if len(revs) == 0 {
		b.WriteString(lang.L("plans.no_revisions"))
	}
	for i := len(revs) - 1; i >= 0; i-- {
		r := revs[i]
		b.WriteString(lang.L("plans.revision_line", map[string]any{"Revision": r.Revision, "Date": t.d.loc().date(r.AgreedOn)}) + "\n")
		for _, o := range r.Plan.Objectives {
			targets := make([]string, 4)
			for q := range 4 {
				targets[q] = t.value(o.Targets[q], o.Measure)
			}
			b.WriteString("  • " + objectiveName(o) + " (" + strconv.Itoa(o.Weight) + "): " + strings.Join(targets, " · ") + "\n")
		}
		for _, c := range r.Plan.Commitments {
			b.WriteString("  – " + c.Body + "\n")
		}
		b.WriteString("\n")
	}
	l := widget.NewLabel(b.String())
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("plans.revisions"), lang.L("plans.close"), container.NewVScroll(l), t.d.win)
	d.Resize(fyne.NewSize(720, 520))
	d.Show()
}

// onExport asks where to save the partner's plan PDF, in the partner's
// document language.
func (t *planTab) onExport() {
	if t.d.partner == nil || t.d.partner.ID == 0 {
		return
	}
	fd := t.d.fileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			t.d.showError(saveDialogFailure(err), t.onExport)
		}
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		t.exportTo(path)
	})
	fd.SetFileName(files.SafeFileName(t.d.partner.Name) + ".pdf")
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	fd.Show()
}

// exportTo writes the plan PDF to path off the UI goroutine.
func (t *planTab) exportTo(path string) {
	id, year := t.partnerID, t.year
	var err error
	t.d.run(func() {
		err = plan.ExportFile(context.Background(), t.d.store, id, path, plan.Options{Year: year})
	}, func() {
		if err != nil {
			t.d.showError(err, t.onExport)
			return
		}
		dialog.ShowInformation(lang.L("plans.export"), lang.L("plans.exported", map[string]any{"Path": path}), t.d.win)
	})
}
