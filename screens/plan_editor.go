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
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// planEditor edits a plan's objectives, commitments and vendor contact in
// one dialog. Saving an agreed plan opens its next revision.
type planEditor struct {
	t    *planTab
	plan *data.Plan
	dlg  *dialog.CustomDialog

	rows    []*objectiveRow
	rowsBox *fyne.Container

	contactName, contactRole, contactEmail, contactPhone *widgets.TextEntry
	repShare                                             *widget.Select
	repCommit                                            *widgets.TextEntry
	training, mdf, otherVendor, partnerSide              *widgets.TextEntry
	msg                                                  *widget.Label
	saveBtn                                              *widget.Button
}

// objectiveRow is one editable objective.
type objectiveRow struct {
	id       int64
	actuals  [4]int64
	reported [4]bool // kept as they are: actuals are entered on the Plan tab
	measure  *widget.Select
	title    *widgets.TextEntry
	weight   *widgets.TextEntry
	targets  [4]*widgets.MoneyEntry // money for revenue, a count for the rest
	box      *fyne.Container
}

var repShares = []int{0, 5000, 7500}

func (t *planTab) openEditor(p *data.Plan) {
	e := &planEditor{t: t, plan: p}
	e.dlg = dialog.NewCustomWithoutButtons(lang.L("plans.editor_title", map[string]any{"Year": p.FiscalYear}), e.build(), t.d.win)
	e.saveBtn = &widget.Button{Text: lang.L("action.save"), Importance: widget.HighImportance, OnTapped: e.onSave}
	e.dlg.SetButtons([]fyne.CanvasObject{
		&widget.Button{Text: lang.L("action.cancel"), OnTapped: func() { e.dlg.Hide() }}, e.saveBtn,
	})
	e.dlg.Resize(fyne.NewSize(1100, 700))
	t.editor = e
	widgets.ShowForm(e.dlg, t.d.win)
}

func (e *planEditor) build() fyne.CanvasObject {
	p := e.plan
	e.contactName = widgets.NewText(&widget.Entry{Text: p.VendorContactName})
	e.contactRole = widgets.NewText(&widget.Entry{Text: p.VendorContactRole})
	e.contactEmail = widgets.NewText(&widget.Entry{Text: p.VendorContactEmail})
	e.contactPhone = widgets.NewText(&widget.Entry{Text: p.VendorContactPhone})
	shareLabels := []string{lang.L("plans.rep_none"), "50%", "75%"}
	e.repShare = newSelect(shareLabels, nil)
	for i, s := range repShares {
		if s == p.RepShareBP {
			e.repShare.SetSelectedIndex(i)
		}
	}
	e.repCommit = widgets.NewText(&widget.Entry{Text: p.RepCommitment, PlaceHolder: lang.L("plans.rep_commit_hint")})
	e.training = e.lines(data.SideVendor, data.CommitTraining)
	e.mdf = e.lines(data.SideVendor, data.CommitMDF)
	e.otherVendor = e.lines(data.SideVendor, data.CommitOther)
	e.partnerSide = e.lines(data.SidePartner, "")
	e.msg = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	e.rowsBox = container.NewVBox()
	for _, o := range p.Objectives {
		e.addRow(o)
	}
	add := &widget.Button{Text: lang.L("plans.objective_add"), Icon: theme.ContentAddIcon(), OnTapped: func() {
		e.addRow(data.Objective{Measure: data.MeasureRevenue, Weight: 10})
	}}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.vendor_contact_name"), e.contactName),
		widget.NewFormItem(lang.L("field.vendor_contact_role"), e.contactRole),
		widget.NewFormItem(lang.L("field.vendor_contact_email"), e.contactEmail),
		widget.NewFormItem(lang.L("field.vendor_contact_phone"), e.contactPhone),
		widget.NewFormItem(lang.L("field.rep_share"), e.repShare),
		widget.NewFormItem(lang.L("field.rep_commitment"), e.repCommit),
		widget.NewFormItem(lang.L("plans.commit_training"), e.training),
		widget.NewFormItem(lang.L("plans.commit_mdf"), e.mdf),
		widget.NewFormItem(lang.L("plans.commit_other"), e.otherVendor),
		widget.NewFormItem(lang.L("plans.commit_partner"), e.partnerSide),
	)
	objectives := container.NewBorder(container.NewHBox(widget.NewLabelWithStyle(lang.L("plans.objectives"), fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true}), add, widget.NewLabel(lang.L("plans.targets_hint"))), nil, nil, nil, e.rowsBox)
	body := container.NewVBox(objectives, widget.NewSeparator(), form)
	return container.NewBorder(nil, e.msg, nil, nil, container.NewVScroll(body))
}

// lines is a multi-line entry with one commitment per line.
func (e *planEditor) lines(side data.Side, kind string) *widgets.TextEntry {
	var ls []string
	for _, c := range e.plan.Commitments {
		if c.Side == side && (kind == "" || c.Kind == kind) {
			ls = append(ls, c.Body)
		}
	}
	en := widgets.NewText(&widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord, Text: strings.Join(ls, "\n"), PlaceHolder: lang.L("plans.one_per_line")})
	en.SetMinRowsVisible(2)
	return en
}

func (e *planEditor) addRow(o data.Objective) {
	labels := make([]string, len(data.Measures))
	for i, m := range data.Measures {
		labels[i] = measureLabel(m)
	}
	r := &objectiveRow{id: o.ID, actuals: o.Actuals, reported: o.Reported}
	r.measure = newSelect(labels, nil)
	for i, m := range data.Measures {
		if m == o.Measure {
			r.measure.SetSelectedIndex(i)
		}
	}
	r.title = widgets.NewText(&widget.Entry{Text: o.Title, PlaceHolder: lang.L("field.objective_title")})
	r.weight = widgets.NewText(&widget.Entry{Text: strconv.Itoa(o.Weight), PlaceHolder: lang.L("field.weight")})
	grid := container.NewGridWithColumns(6, r.title, r.weight)
	for q := range 4 {
		t := e.t.d.loc().moneyEntry("target_q" + strconv.Itoa(q+1))
		t.Optional, t.Whole, t.PlaceHolder = true, !o.Measure.Money(), quarterLabel(q+1)
		if o.Targets[q] != 0 {
			t.SetValue(o.Targets[q])
		}
		r.targets[q] = t
		grid.Add(t)
	}
	r.measure.OnChanged = func(string) {
		money := data.Measures[max(r.measure.SelectedIndex(), 0)].Money()
		for _, t := range r.targets {
			t.SetWhole(!money)
		}
	}
	remove := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance}
	r.box = container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(230, r.measure.MinSize().Height), r.measure), remove, grid)
	remove.OnTapped = func() {
		for i, x := range e.rows {
			if x == r {
				e.rows = append(e.rows[:i], e.rows[i+1:]...)
			}
		}
		e.rowsBox.Remove(r.box)
	}
	e.rows = append(e.rows, r)
	e.rowsBox.Add(r.box)
}

// collect reads the dialog into a plan, or says which input is wrong.
func (e *planEditor) collect() (*data.Plan, error) {
	p := *e.plan
	p.VendorContactName, p.VendorContactRole = e.contactName.Text, e.contactRole.Text
	p.VendorContactEmail, p.VendorContactPhone = e.contactEmail.Text, e.contactPhone.Text
	p.RepShareBP = repShares[max(e.repShare.SelectedIndex(), 0)]
	p.RepCommitment = e.repCommit.Text
	p.Objectives = nil
	for i, r := range e.rows {
		o, err := e.objective(r)
		if err != nil {
			return nil, &objectiveError{n: i + 1, title: strings.TrimSpace(r.title.Text), err: err}
		}
		p.Objectives = append(p.Objectives, o)
	}
	p.Commitments = nil
	for _, part := range []struct {
		side data.Side
		kind string
		en   *widgets.TextEntry
	}{{data.SideVendor, data.CommitTraining, e.training}, {data.SideVendor, data.CommitMDF, e.mdf},
		{data.SideVendor, data.CommitOther, e.otherVendor}, {data.SidePartner, data.CommitOther, e.partnerSide}} {
		for _, line := range strings.Split(part.en.Text, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				p.Commitments = append(p.Commitments, data.Commitment{Side: part.side, Kind: part.kind, Body: line})
			}
		}
	}
	return &p, nil
}

func (e *planEditor) objective(r *objectiveRow) (data.Objective, error) {
	o := data.Objective{ID: r.id, Actuals: r.actuals, Reported: r.reported, Title: r.title.Text, Measure: data.Measures[max(r.measure.SelectedIndex(), 0)]}
	w, err := strconv.Atoi(strings.TrimSpace(r.weight.Text))
	if err != nil {
		return o, data.Invalid("weight", "err.plans_weight", nil)
	}
	o.Weight = w
	for q, t := range r.targets {
		t.Whole = !o.Measure.Money()
		if o.Targets[q], err = t.Value(); err != nil {
			e.t.d.win.Canvas().Focus(t)
			return o, err
		}
	}
	return o, nil
}

// objectiveError names the objective row an input error is in.
type objectiveError struct {
	n     int // 1-based row
	title string
	err   error
}

func (e *objectiveError) Error() string { return e.err.Error() }
func (e *objectiveError) Unwrap() error { return e.err }

// text is "Objective 2 (New customers): Q3 target: "x" is not a whole number".
func (e *objectiveError) text() string {
	args := map[string]any{"N": e.n, "Title": e.title, "Error": errorText(e.err)}
	if e.title == "" {
		return lang.L("plans.objective_error_untitled", args)
	}
	return lang.L("plans.objective_error", args)
}

func (e *planEditor) onSave() {
	p, err := e.collect()
	if err == nil {
		if p.ID == 0 {
			err = e.t.d.store.CreatePlan(context.Background(), p)
		} else {
			err = e.t.d.store.SavePlan(context.Background(), p)
		}
	}
	if err != nil {
		var oe *objectiveError
		if errors.As(err, &oe) {
			e.msg.SetText(oe.text())
		} else {
			e.msg.SetText(errorText(err))
		}
		return
	}
	e.dlg.Hide()
	e.t.reload()
}
