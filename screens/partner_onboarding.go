package screens

import (
	"context"
	"errors"

	"channeldesk/app/fiscal"
	"channeldesk/app/format"
	"channeldesk/app/onboarding"
	"channeldesk/data"
	"channeldesk/screens/widgets"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// onboardingTab is a partner's checklist in the partner detail: a task is
// ticked done (or unticked) with one click; the menu beside it sets the
// other states.
type onboardingTab struct {
	d         *partnerDetail
	checklist *data.OnboardingChecklist
	progress  onboarding.OnboardingProgress

	bar         *widget.ProgressBar
	summary     *widget.Label
	list        *widget.List
	startBtn    *widget.Button
	updateBtn   *widget.Button
	activateBtn *widget.Button
	suggestion  *fyne.Container
	empty       *widget.Label
}

func newOnboardingTab(d *partnerDetail) *onboardingTab { return &onboardingTab{d: d} }

func (o *onboardingTab) buildUI() fyne.CanvasObject {
	o.bar = widget.NewProgressBar()
	o.summary = widget.NewLabel("")
	o.summary.Wrapping = fyne.TextWrapWord
	o.startBtn = &widget.Button{Text: lang.L("onboard.start"), Icon: theme.MediaPlayIcon(), OnTapped: o.onStart}
	o.updateBtn = &widget.Button{Text: lang.L("onboard.update_from_template"), Icon: theme.ViewRefreshIcon(), OnTapped: o.onUpdate}
	o.activateBtn = &widget.Button{Text: lang.L("onboard.move_to_active"), Icon: theme.ConfirmIcon(), Importance: widget.SuccessImportance, OnTapped: o.onActivate}
	o.suggestion = widgets.NewRow(widget.NewLabel(lang.L("onboard.all_done")), o.activateBtn)
	o.suggestion.Hide()
	o.empty = widget.NewLabel(lang.L("onboard.no_checklist"))
	o.list = &widget.List{Length: func() int { return o.length() }, CreateItem: o.createRow, UpdateItem: o.updateRow}
	top := container.NewVBox(widgets.NewRow(o.startBtn, o.updateBtn), o.bar, o.summary, o.suggestion, o.empty)
	return container.NewBorder(top, nil, nil, nil, o.list)
}

func (o *onboardingTab) length() int {
	if o.checklist == nil {
		return 0
	}
	return len(o.checklist.Tasks)
}

func (o *onboardingTab) today() string { return fiscal.ISODate(o.d.store.Now()) }

// set shows a partner's checklist, loading it (and running the automatic
// rules) off the UI goroutine.
func (o *onboardingTab) set(p *data.Partner) {
	o.checklist = nil
	o.refresh()
	if p == nil || p.ID == 0 {
		return
	}
	o.load(p.ID)
}

func (o *onboardingTab) load(partnerID int64) {
	var cl *data.OnboardingChecklist
	var first string
	var err error
	ctx, today := context.Background(), o.today()
	o.d.run(func() {
		if _, err = onboarding.ApplyAutoRules(ctx, o.d.store, partnerID, today); err != nil {
			return
		}
		if cl, err = o.d.store.Checklist(ctx, partnerID); err != nil {
			return
		}
		first, err = onboarding.FirstDealOn(ctx, o.d.store, partnerID, today)
	}, func() {
		if err != nil {
			o.summary.SetText(errorText(err))
			return
		}
		if o.d.partner == nil || o.d.partner.ID != partnerID {
			return // another partner was opened meanwhile
		}
		o.checklist = cl
		o.progress = onboarding.Progress(cl, today, first)
		o.refresh()
	})
}

// refresh updates the header and the list from the loaded checklist.
func (o *onboardingTab) refresh() {
	has := o.checklist != nil
	creating := o.d.partner == nil || o.d.partner.ID == 0
	o.empty.Hidden = has
	o.bar.Hidden, o.summary.Hidden = !has, !has
	if creating {
		o.startBtn.Disable()
		o.updateBtn.Disable()
	} else {
		o.startBtn.Enable()
		o.updateBtn.Enable()
	}
	o.startBtn.Hidden, o.updateBtn.Hidden = has, !has
	o.suggestion.Hidden = !(has && o.progress.Complete && o.d.partner != nil && o.d.partner.Status == data.StatusOnboarding)
	if has {
		o.bar.SetValue(o.progress.Fraction())
		o.summary.SetText(o.summaryText())
	}
	o.empty.Refresh()
	o.startBtn.Refresh()
	o.updateBtn.Refresh()
	o.suggestion.Refresh()
	o.list.Refresh()
}

func (o *onboardingTab) summaryText() string {
	p := o.progress
	s := lang.L("onboard.progress", map[string]any{"Done": p.RequiredDone, "Total": p.Required}) + " · " +
		lang.L("onboard.days_in", map[string]any{"Days": p.DaysIn}) + " · " +
		lang.L("onboard.overdue_count", map[string]any{"Count": p.Overdue})
	if p.FirstDealDays >= 0 {
		s += " · " + lang.L("onboard.first_deal_days", map[string]any{"Days": p.FirstDealDays})
	} else {
		s += " · " + lang.L("onboard.no_first_deal")
	}
	return s + " · " + lang.L("onboard.started_on", map[string]any{"Date": o.d.loc().date(o.checklist.StartedOn)})
}

func (o *onboardingTab) createRow() fyne.CanvasObject {
	check := widget.NewCheck("", nil)
	title := widget.NewLabel("Stage · task title")
	title.Truncation = fyne.TextTruncateEllipsis
	info := widget.NewLabel("due · state")
	info.Truncation = fyne.TextTruncateEllipsis
	more := &widget.Button{Icon: theme.MoreHorizontalIcon(), Importance: widget.LowImportance}
	return container.NewBorder(nil, nil, check, more, container.NewVBox(title, info))
}

func (o *onboardingTab) updateRow(id widget.ListItemID, obj fyne.CanvasObject) {
	if o.checklist == nil || id >= len(o.checklist.Tasks) {
		return
	}
	t := o.checklist.Tasks[id]
	row := obj.(*fyne.Container)
	box := row.Objects[0].(*fyne.Container)
	check, more := row.Objects[1].(*widget.Check), row.Objects[2].(*widget.Button)
	check.OnChanged = nil
	check.SetChecked(t.State == data.TaskDone)
	check.OnChanged = func(on bool) { o.onTick(t.ID, on) }
	more.OnTapped = func() { o.onStateMenu(t) }
	title := box.Objects[0].(*widget.Label)
	title.SetText(taskTitle(t, o.d.lang))
	info := box.Objects[1].(*widget.Label)
	info.Importance = widget.MediumImportance
	if t.Overdue(o.today()) {
		info.Importance = widget.DangerImportance
	}
	info.SetText(taskInfo(o.d.loc(), t, o.today()))
}

// taskTitle is "Stage · title", with a mark for optional tasks.
func taskTitle(t data.OnboardingTask, l format.Lang) string {
	s := t.StageName(string(l)) + " · " + t.Title(string(l))
	if !t.Required {
		s += " (" + lang.L("onboard.optional") + ")"
	}
	return s
}

// taskInfo is the due date, owner, state and what goes with the state.
func taskInfo(loc locale, t data.OnboardingTask, today string) string {
	due := lang.L("onboard.due", map[string]any{"Date": loc.date(t.DueOn)})
	if t.Overdue(today) {
		due = lang.L("onboard.overdue_by", map[string]any{"Date": loc.date(t.DueOn), "Days": fiscal.DaysBetween(t.DueOn, today)})
	}
	parts := []string{due, lang.L("onboard.owner." + string(t.Owner)), lang.L("onboard.state." + string(t.State))}
	if t.Reason != "" {
		parts = append(parts, t.Reason)
	}
	if t.DoneOn != "" {
		by := t.DoneBy
		if by == data.AutoAuthor {
			by = lang.L("onboard.auto")
		}
		parts = append(parts, joinNonEmpty(" ", loc.date(t.DoneOn), by))
	}
	return joinNonEmpty(" · ", parts...)
}

// onTick marks a task done today, or back to pending when unticked.
func (o *onboardingTab) onTick(taskID int64, done bool) {
	c := data.TaskChange{State: data.TaskPending}
	if done {
		c = data.TaskChange{State: data.TaskDone, On: o.today(), By: o.d.settings().ManagerName}
	}
	o.change(taskID, c)
}

func (o *onboardingTab) change(taskID int64, c data.TaskChange) error {
	if _, err := onboarding.SetTaskState(context.Background(), o.d.store, taskID, c); err != nil {
		dialog.ShowError(errors.New(errorText(err)), o.d.win)
		o.list.Refresh()
		return err
	}
	o.load(o.d.partner.ID)
	return nil
}

// onStateMenu sets any state, asking for the reason blocked and skipped need.
func (o *onboardingTab) onStateMenu(t data.OnboardingTask) {
	labels := make([]string, len(data.TaskStates))
	for i, st := range data.TaskStates {
		labels[i] = lang.L("onboard.state." + string(st))
	}
	sel := newSelect(labels, nil)
	sel.SetSelectedIndex(max(0, indexOfState(t.State)))
	reason := widgets.NewText(&widget.Entry{Text: t.Reason, PlaceHolder: lang.L("onboard.reason_hint")})
	save := func() error {
		c := data.TaskChange{State: data.TaskStates[max(0, sel.SelectedIndex())], Reason: reason.Text, On: o.today(), By: o.d.settings().ManagerName}
		_, err := onboarding.SetTaskState(context.Background(), o.d.store, t.ID, c)
		return err
	}
	(&widgets.FormDialog{Title: t.Title(string(o.d.lang)),
		Items: []*widget.FormItem{widget.NewFormItem(lang.L("onboard.state"), sel), widget.NewFormItem(lang.L("field.reason"), reason)},
		Size:  fyne.NewSize(460, 260), OnSave: save, OnDone: func() { o.load(o.d.partner.ID) }}).Show(o.d.win)
}

func indexOfState(st data.TaskState) int {
	for i, x := range data.TaskStates {
		if x == st {
			return i
		}
	}
	return -1
}

func (o *onboardingTab) onStart() {
	if o.d.partner == nil || o.d.partner.ID == 0 {
		return
	}
	if _, err := onboarding.Start(context.Background(), o.d.store, o.d.partner.ID, o.d.store.Now()); err != nil {
		dialog.ShowError(errors.New(errorText(err)), o.d.win)
		return
	}
	o.load(o.d.partner.ID)
}

func (o *onboardingTab) onUpdate() {
	if o.d.partner == nil || o.d.partner.ID == 0 {
		return
	}
	dialog.ShowConfirm(lang.L("onboard.update_from_template"), lang.L("onboard.update_confirm"), func(yes bool) {
		if !yes {
			return
		}
		if _, err := onboarding.UpdateFromTemplate(context.Background(), o.d.store, o.d.partner.ID, o.d.store.Now()); err != nil {
			dialog.ShowError(errors.New(errorText(err)), o.d.win)
			return
		}
		o.load(o.d.partner.ID)
	}, o.d.win)
}

// onActivate moves a partner whose required tasks are all done to active.
func (o *onboardingTab) onActivate() {
	p := o.d.partner
	if p == nil || p.ID == 0 {
		return
	}
	err := o.d.store.ChangeStatus(context.Background(), p.ID, data.StatusActive, lang.L("onboard.activated_reason"), o.d.settings().ManagerName)
	if err != nil {
		dialog.ShowError(errors.New(errorText(err)), o.d.win)
		return
	}
	o.d.saved(p.ID)
}
