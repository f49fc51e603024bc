package screens

import (
	"context"
	"errors"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/format"
	"channeldesk/app/plan"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// planTab shows a partner's business plan for one fiscal year: objectives
// with targets, actuals and attainment, check-ins, and the actions that
// move the plan from draft to agreed to completed.
type planTab struct {
	d         *partnerDetail
	partnerID int64
	year      int

	plan     *data.Plan // nil: no plan for the year
	att      plan.Attainment
	checkIns []data.CheckIn

	yearSel    *widget.Select
	status     *widget.Label
	summary    *widget.Label
	newBtn     *widget.Button
	editBtn    *widget.Button
	agreeBtn   *widget.Button
	doneBtn    *widget.Button
	revBtn     *widget.Button
	checkBtn   *widget.Button
	exportBtn  *widget.Button
	table      *widget.Table
	checkLabel *widget.Label
	editor     *planEditor  // the open editor, for tests
	checkForm  *checkInForm // the open check-in dialog, for tests
}

func newPlanTab(d *partnerDetail) *planTab { return &planTab{d: d} }

// planYears are the fiscal years the tab offers: last year to next year.
func (t *planTab) planYears() []string {
	cur := plan.FiscalYearOf(t.d.store.Now(), t.d.settings().FiscalYearFrom)
	out := []string{}
	for y := cur - 2; y <= cur+1; y++ {
		out = append(out, strconv.Itoa(y))
	}
	return out
}

func (t *planTab) buildUI() fyne.CanvasObject {
	t.year = plan.FiscalYearOf(t.d.store.Now(), t.d.settings().FiscalYearFrom)
	t.yearSel = newSelect(t.planYears(), func(s string) {
		if y, err := strconv.Atoi(s); err == nil && y != t.year {
			t.year = y
			t.reload()
		}
	})
	t.yearSel.SetSelected(strconv.Itoa(t.year))
	t.status = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.summary = widget.NewLabel("")
	t.newBtn = &widget.Button{Text: lang.L("plans.new"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: t.onNew}
	t.editBtn = &widget.Button{Text: lang.L("plans.edit"), Icon: theme.DocumentCreateIcon(), OnTapped: t.onEdit}
	t.agreeBtn = &widget.Button{Text: lang.L("plans.agree"), Icon: theme.ConfirmIcon(), OnTapped: t.onAgree}
	t.doneBtn = &widget.Button{Text: lang.L("plans.complete"), OnTapped: t.onComplete}
	t.revBtn = &widget.Button{Text: lang.L("plans.revisions"), Icon: theme.HistoryIcon(), OnTapped: t.onRevisions}
	t.checkBtn = &widget.Button{Text: lang.L("plans.checkin_add"), Icon: theme.ContentAddIcon(), OnTapped: func() { t.editCheckIn(nil) }}
	t.exportBtn = &widget.Button{Text: lang.L("plans.export"), Icon: theme.DocumentSaveIcon(), OnTapped: t.onExport}
	t.table = newObjectiveTable(t)
	t.checkLabel = widget.NewLabel("")
	t.checkLabel.Wrapping = fyne.TextWrapWord
	t.summary.Wrapping = fyne.TextWrapWord
	t.status.Wrapping = fyne.TextWrapWord
	// the plan's state under the year, the whole width: beside it, a
	// sentence such as "No plan for FY 2026 yet." had a sliver of the pane
	year := container.NewHBox(widget.NewLabel(lang.L("plans.year")), t.yearSel)
	actions := widgets.NewRow(t.newBtn, t.editBtn, t.agreeBtn, t.doneBtn, t.revBtn, t.exportBtn)
	head := container.NewVBox(year, t.status, actions, t.summary)
	checks := container.NewBorder(widgets.NewRow(widget.NewLabelWithStyle(lang.L("plans.checkins"), fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true}), t.checkBtn), nil, nil, nil, container.NewVScroll(t.checkLabel))
	split := container.NewVSplit(t.table, checks)
	split.Offset = 0.65
	t.show()
	return container.NewBorder(head, nil, nil, nil, split)
}

// set shows the plan of a partner (nil or unsaved: nothing).
func (t *planTab) set(p *data.Partner) {
	t.partnerID = 0
	if p != nil {
		t.partnerID = p.ID
	}
	t.reload()
}

// reload reads the plan, its actuals and check-ins off the UI goroutine.
func (t *planTab) reload() {
	if t.partnerID == 0 {
		t.plan, t.checkIns = nil, nil
		t.show()
		return
	}
	id, year, fy := t.partnerID, t.year, t.d.settings().FiscalYearFrom
	var p *data.Plan
	var att plan.Attainment
	var cs []data.CheckIn
	var err error
	t.d.run(func() {
		p, att, cs, err = loadPartnerPlan(t.d.store, id, year, fy)
	}, func() {
		if err != nil {
			dialog.ShowError(errors.New(errorText(err)), t.d.win)
			return
		}
		if id == t.partnerID && year == t.year {
			t.plan, t.att, t.checkIns = p, att, cs
			t.show()
		}
	})
}

func loadPartnerPlan(s *data.Store, partnerID int64, year, fyStart int) (*data.Plan, plan.Attainment, []data.CheckIn, error) {
	ctx := context.Background()
	p, err := s.PlanFor(ctx, partnerID, year)
	if data.ErrorCode(err) == data.ENOTFOUND {
		return nil, plan.Attainment{}, nil, nil
	} else if err != nil {
		return nil, plan.Attainment{}, nil, err
	}
	today := s.Now()
	c, err := plan.ComputeActualsFor(ctx, s, partnerID, year, fyStart, today)
	if err != nil {
		return nil, plan.Attainment{}, nil, err
	}
	cs, err := s.CheckIns(ctx, p.ID)
	return p, plan.Evaluate(p.Objectives, c, plan.QuartersStarted(year, fyStart, today)), cs, err
}

// show puts the loaded plan on screen and enables what its status allows.
func (t *planTab) show() {
	p := t.plan
	has := p != nil
	setEnabled(t.newBtn, !has && t.partnerID != 0)
	setEnabled(t.editBtn, has && p.Status != data.PlanCompleted)
	setEnabled(t.agreeBtn, has && p.Status == data.PlanDraft)
	setEnabled(t.doneBtn, has && p.Status == data.PlanAgreed)
	setEnabled(t.revBtn, has)
	setEnabled(t.checkBtn, has)
	setEnabled(t.exportBtn, t.partnerID != 0)
	t.status.SetText(t.statusText())
	t.summary.SetText(t.summaryText())
	t.checkLabel.SetText(t.checkInsText())
	t.table.Refresh()
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

func (t *planTab) statusText() string {
	p := t.plan
	switch {
	case p == nil:
		return lang.L("plans.none", map[string]any{"Year": t.year})
	case p.Status == data.PlanAgreed:
		return lang.L("plans.status_agreed", map[string]any{"Date": t.d.loc().date(p.AgreedOn), "Revision": p.Revision})
	case p.Status == data.PlanCompleted:
		return lang.L("plans.status_completed", map[string]any{"Revision": p.Revision})
	}
	return lang.L("plans.status_draft", map[string]any{"Revision": p.Revision})
}

func (t *planTab) summaryText() string {
	if t.plan == nil {
		return ""
	}
	a := t.att
	line := lang.L("plans.attainment_line", map[string]any{"Q1": bpText(a.QuarterBP[0], t.d.lang),
		"Q2": bpText(a.QuarterBP[1], t.d.lang), "Q3": bpText(a.QuarterBP[2], t.d.lang),
		"Q4": bpText(a.QuarterBP[3], t.d.lang), "Year": bpText(a.YearBP, t.d.lang)})
	var held [4]bool
	for _, c := range t.checkIns {
		held[c.Quarter-1] = true
	}
	if due := plan.DueQuarters(t.year, t.d.settings().FiscalYearFrom, t.d.store.Now(), held); len(due) > 0 && t.plan.Status != data.PlanCompleted {
		line += "\n" + lang.L("plans.due_line", map[string]any{"Quarters": dueText(due)})
	}
	return line
}

func (t *planTab) checkInsText() string {
	if t.plan == nil {
		return ""
	}
	if len(t.checkIns) == 0 {
		return lang.L("plans.no_checkins")
	}
	out := ""
	for _, c := range t.checkIns {
		vis := lang.L("timeline.internal")
		if c.Shareable {
			vis = lang.L("timeline.shareable_short")
		}
		out += lang.L("plans.checkin_line", map[string]any{"Quarter": c.Quarter, "Date": t.d.loc().date(c.HeldOn)}) +
			" · " + vis + "\n" + joinNonEmpty("\n", c.Attendees, c.Notes) + "\n\n"
	}
	return out
}

// bpText shows basis points as a percentage, "—" when there is no target.
func bpText(bp int, l format.Lang) string {
	if bp == plan.NoTarget {
		return "—"
	}
	s := strconv.Itoa(bp / 100)
	if l == format.RU {
		return s + "\u00a0%"
	}
	return s + "%"
}

func (t *planTab) onNew() {
	p := &data.Plan{PartnerID: t.partnerID, FiscalYear: t.year, VendorContactName: t.d.settings().ManagerName}
	t.openEditor(p)
}

func (t *planTab) onEdit() {
	if t.plan != nil {
		cp := *t.plan
		cp.Objectives = append([]data.Objective(nil), t.plan.Objectives...)
		cp.Commitments = append([]data.Commitment(nil), t.plan.Commitments...)
		t.openEditor(&cp)
	}
}

func (t *planTab) onAgree() {
	if t.plan == nil {
		return
	}
	msg := lang.L("plans.agree_confirm", map[string]any{"Revision": t.plan.Revision})
	dialog.ShowConfirm(lang.L("plans.agree"), msg, func(ok bool) {
		if !ok {
			return
		}
		if err := t.d.store.AgreePlan(context.Background(), t.plan.ID, t.d.store.Today()); err != nil {
			dialog.ShowError(errors.New(errorText(err)), t.d.win)
			return
		}
		t.reload()
	}, t.d.win)
}

func (t *planTab) onComplete() {
	if t.plan == nil {
		return
	}
	if err := t.d.store.CompletePlan(context.Background(), t.plan.ID); err != nil {
		dialog.ShowError(errors.New(errorText(err)), t.d.win)
		return
	}
	t.reload()
}
