package screens

import (
	"context"
	"errors"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/format"
	"channeldesk/app/recruit"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// recruitScreen is the recruitment pipeline: prospects by stage with
// counts, filtered by source and event, sortable by fit score, beside the
// selected prospect's source, scorecard and decision.
type recruitScreen struct {
	ui *UI

	pipeline *recruit.Pipeline
	criteria []data.Criterion
	stage    data.Status
	filter   recruit.Filter
	byScore  bool
	rows     []recruit.Prospect

	stageBtns []*widget.Button
	stagesBox *fyne.Container
	sourceSel *widget.Select
	eventSel  *widget.Select
	sortCheck *widget.Check
	list      *widget.List
	card      *scorecardPane
}

func newRecruitScreen(u *UI) *recruitScreen {
	return &recruitScreen{ui: u, pipeline: recruit.NewPipeline(nil, nil, nil), stage: data.StatusProspect}
}

func (s *recruitScreen) buildUI() fyne.CanvasObject {
	s.ui.recruit = s
	stages := container.NewHBox()
	s.stagesBox, s.stageBtns = stages, nil
	for _, st := range data.RecruitStatuses {
		b := &widget.Button{Text: lang.L("recruit.stage_count", map[string]any{"Stage": stageLabel(st), "Count": 0}),
			OnTapped: func() { s.setStage(st) }}
		s.stageBtns = append(s.stageBtns, b)
		stages.Add(b)
	}
	s.sourceSel = newSelect(nil, nil)
	s.eventSel = newSelect(nil, nil)
	s.fillSources()
	s.sortCheck = widget.NewCheck(lang.L("recruit.sort_by_score"), func(on bool) { s.byScore = on; s.apply() })
	capture := &widget.Button{Text: lang.L("recruit.capture"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance,
		OnTapped: s.ui.ShowQuickCapture}
	importBtn := &widget.Button{Text: lang.L("recruit.import"), Icon: theme.UploadIcon(), OnTapped: s.ui.ShowImport}
	filters := container.NewHBox(s.sourceSel, s.eventSel, s.sortCheck, capture, importBtn)
	top := container.NewVBox(widget.NewLabelWithStyle(lang.L("nav.recruitment"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		stages, filters)
	s.list = s.newList()
	s.card = newScorecardPane(s)
	split := container.NewHSplit(s.list, s.card.buildUI())
	split.Offset = 0.45
	s.reload()
	return container.NewBorder(top, nil, nil, nil, split)
}

func (s *recruitScreen) fillSources() {
	filterChoices(s.sourceSel, lang.L("recruit.all_sources"), data.Sources, sourceLabel, &s.filter.Source, s.apply)
	valueFilter(s.eventSel, &s.filter.Event, s.apply)
	s.fillEvents()
}

func (s *recruitScreen) fillEvents() {
	setValueChoices(s.eventSel, lang.L("recruit.all_events"), s.pipeline.Events(), s.filter.Event)
}

func (s *recruitScreen) newList() *widget.List {
	return &widget.List{
		Length: func() int { return len(s.rows) },
		CreateItem: func() fyne.CanvasObject {
			name := &widget.Label{Text: "Prospect company name", Truncation: fyne.TextTruncateEllipsis, TextStyle: fyne.TextStyle{Bold: true}}
			src := &widget.Label{Text: "Source", Truncation: fyne.TextTruncateEllipsis}
			return container.NewBorder(nil, nil, nil, widget.NewLabel("100"), container.NewVBox(name, src))
		},
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			p := s.rows[id]
			c := o.(*fyne.Container)
			texts := c.Objects[0].(*fyne.Container)
			texts.Objects[0].(*widget.Label).SetText(p.Name)
			texts.Objects[1].(*widget.Label).SetText(recruit.SourceText(p.RecruitRow, sourceLabel, s.ui.Lang))
			c.Objects[1].(*widget.Label).SetText(scoreText(p))
		},
		OnSelected: func(id widget.ListItemID) {
			if id >= 0 && id < len(s.rows) {
				s.card.load(s.rows[id].RecruitRow)
			}
		},
	}
}

func scoreText(p recruit.Prospect) string {
	if !p.Scored {
		return "—"
	}
	return strconv.Itoa(p.Score)
}

func (s *recruitScreen) setStage(st data.Status) {
	s.stage = st
	s.apply()
}

// reload reads the pipeline off the UI goroutine.
func (s *recruitScreen) reload() {
	var pl *recruit.Pipeline
	var crit []data.Criterion
	var err error
	s.ui.background(func() {
		ctx := context.Background()
		if pl, err = recruit.LoadPipeline(ctx, s.ui.Store); err == nil {
			crit, err = s.ui.Store.Criteria(ctx)
		}
	}, func() {
		if err != nil {
			s.card.fail(err)
			return
		}
		s.pipeline, s.criteria = pl, crit
		s.fillEvents()
		s.apply()
	})
}

// apply filters the pipeline, updates the stage counts and the list.
func (s *recruitScreen) apply() {
	if s.list == nil {
		return
	}
	counts := s.pipeline.Counts(s.filter)
	for i, st := range data.RecruitStatuses {
		b := s.stageBtns[i]
		b.SetText(lang.L("recruit.stage_count", map[string]any{"Stage": stageLabel(st), "Count": counts[st]}))
		b.Importance = widget.MediumImportance
		if st == s.stage {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
	s.stagesBox.Refresh()
	s.rows = s.pipeline.Find(s.stage, s.filter, s.byScore)
	s.list.UnselectAll()
	s.list.Refresh()
}

// stageLabel names a status as the recruitment pipeline shows it:
// onboarding is the "approved" stage.
func stageLabel(st data.Status) string {
	if st == data.StatusOnboarding {
		return lang.L("recruit.stage_approved")
	}
	return statusLabel(st)
}

// sourceLabel is a prospect source in the interface language.
func sourceLabel(src data.Source) string { return lang.L("source." + string(src)) }

// scorecardPane shows the selected prospect: where it came from, its
// scorecard (internal), approve and decline.
type scorecardPane struct {
	s       *recruitScreen
	row     data.RecruitRow
	title   *widget.Label
	source  *widget.Select
	event   *widgets.TextEntry
	date    *widgets.DateEntry
	refBy   *widgets.TextEntry
	marks   []*widget.Select
	notes   []*widgets.TextEntry
	total   *widget.Label
	reason  *widgets.TextEntry
	msg     *widget.Label
	form    *fyne.Container
	body    *fyne.Container
	scroll  *container.Scroll
	empty   fyne.CanvasObject
	approve *widget.Button
	decline *widget.Button
	answers *answersPane // the application's answers beside the scorecard (recruit_answers.go)
}

func newScorecardPane(s *recruitScreen) *scorecardPane { return &scorecardPane{s: s} }

func (c *scorecardPane) buildUI() fyne.CanvasObject {
	c.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	opts := []string{}
	for _, src := range data.Sources {
		opts = append(opts, sourceLabel(src))
	}
	c.source = newSelect(opts, nil)
	c.event = widgets.NewText(&widget.Entry{PlaceHolder: lang.L("field.event_name")})
	c.date = newDateEntry(c.s.ui, "event_date")
	c.date.Optional = true
	c.refBy = widgets.NewText(&widget.Entry{PlaceHolder: lang.L("field.referred_by")})
	c.total = widget.NewLabel("")
	c.reason = widgets.NewText(&widget.Entry{PlaceHolder: lang.L("recruit.decline_reason")})
	c.msg = &widget.Label{Wrapping: fyne.TextWrapWord}
	c.form = container.NewVBox()
	c.approve = &widget.Button{Text: lang.L("recruit.approve"), Icon: theme.ConfirmIcon(), Importance: widget.SuccessImportance, OnTapped: c.onApprove}
	c.decline = &widget.Button{Text: lang.L("recruit.decline"), Icon: theme.CancelIcon(), Importance: widget.DangerImportance, OnTapped: c.onDecline}
	save := &widget.Button{Text: lang.L("action.save"), Icon: theme.DocumentSaveIcon(), OnTapped: c.onSave}
	sourceForm := widget.NewForm(widget.NewFormItem(lang.L("field.source"), c.source),
		widget.NewFormItem(lang.L("field.event_name"), container.NewGridWithColumns(2, c.event, c.date)),
		widget.NewFormItem(lang.L("field.referred_by"), c.refBy))
	internal := widget.NewLabelWithStyle(lang.L("recruit.scorecard_internal"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	decision := container.NewBorder(nil, nil, nil, container.NewHBox(c.approve, c.decline), c.reason)
	content := container.NewVBox(c.title, sourceForm, widget.NewSeparator(), internal, c.form, c.total,
		container.NewHBox(save), widget.NewSeparator(), decision, c.msg)
	c.empty = container.NewCenter(widget.NewLabel(lang.L("recruit.none_selected")))
	c.scroll = container.NewVScroll(content)
	c.answers = newAnswersPane()
	c.body = container.NewStack(c.empty, c.answers.beside(c.scroll))
	c.body.Objects[1].Hide()
	return c.body
}

// load shows a prospect: its source and its marks, read off the UI goroutine.
func (c *scorecardPane) load(row data.RecruitRow) {
	var scores []data.Score
	var answers []data.ApplicationAnswer
	var err error
	c.s.ui.background(func() {
		if scores, err = c.s.ui.Store.Scores(context.Background(), row.ID); err == nil {
			answers, err = c.s.ui.Store.ApplicationAnswers(context.Background(), row.ID)
		}
	}, func() {
		if err != nil {
			c.fail(err)
			return
		}
		c.row = row
		c.show(scores)
		c.answers.set(answers)
	})
}

func (c *scorecardPane) show(scores []data.Score) {
	c.body.Objects[0].Hide()
	c.body.Objects[1].Show()
	c.title.SetText(c.row.Name + " · " + stageLabel(c.row.Status))
	c.source.SetSelectedIndex(max(0, indexOfSource(c.row.Source)))
	c.event.SetText(c.row.EventName)
	c.date.SetValue(c.row.EventDate)
	c.refBy.SetText(c.row.ReferredBy)
	c.reason.SetText("")
	c.msg.SetText("")
	byID := map[int64]data.Score{}
	for _, sc := range scores {
		byID[sc.CriterionID] = sc
	}
	c.form.Objects = nil
	c.marks, c.notes = nil, nil
	marks := []string{"—", "1", "2", "3", "4", "5"}
	for _, cr := range c.s.criteria {
		sel := newSelect(marks, func(string) { c.updateTotal() })
		sel.SetSelectedIndex(byID[cr.ID].Score)
		note := widgets.NewText(&widget.Entry{Text: byID[cr.ID].Comment, PlaceHolder: lang.L("field.comment")})
		c.marks, c.notes = append(c.marks, sel), append(c.notes, note)
		name := cr.NameEN
		if c.s.ui.Lang == format.RU {
			name = cr.NameRU
		}
		label := &widget.Label{Text: lang.L("recruit.criterion", map[string]any{"Name": name, "Weight": cr.Weight}), Truncation: fyne.TextTruncateEllipsis}
		c.form.Add(container.NewGridWithColumns(2, label, container.NewBorder(nil, nil, nil, sel, note)))
	}
	c.form.Refresh()
	c.scroll.Content.Refresh()
	c.scroll.Refresh()
	c.updateTotal()
	decided := c.row.Status == data.StatusOnboarding || c.row.Status == data.StatusDeclined
	c.approve.Disable()
	c.decline.Disable()
	if !decided {
		c.approve.Enable()
		c.decline.Enable()
	}
}

func indexOfSource(src data.Source) int {
	for i, s := range data.Sources {
		if s == src {
			return i
		}
	}
	return -1
}

// entered returns the marks as they are in the form.
func (c *scorecardPane) entered() []data.Score {
	var out []data.Score
	for i, cr := range c.s.criteria {
		if m := c.marks[i].SelectedIndex(); m > 0 {
			out = append(out, data.Score{CriterionID: cr.ID, Score: m, Comment: c.notes[i].Text})
		}
	}
	return out
}

func (c *scorecardPane) updateTotal() {
	if len(c.marks) != len(c.s.criteria) {
		return
	}
	if score, ok := recruit.WeightedScore(c.s.criteria, c.entered()); ok {
		c.total.SetText(lang.L("recruit.score_total", map[string]any{"Score": score}))
	} else {
		c.total.SetText(lang.L("recruit.score_none"))
	}
}

// onSave stores the source and the marks.
func (c *scorecardPane) onSave() {
	src := &data.ProspectSource{PartnerID: c.row.ID, Source: data.Sources[max(0, c.source.SelectedIndex())],
		EventName: c.event.Text, ReferredBy: c.refBy.Text}
	var dateErr error
	src.EventDate, dateErr = c.date.Value()
	scores := c.entered()
	c.run(func(ctx context.Context) error {
		if dateErr != nil {
			return dateErr
		}
		if err := c.s.ui.Store.SaveProspectSource(ctx, src); err != nil {
			return err
		}
		return c.s.ui.Store.SaveScores(ctx, c.row.ID, scores)
	}, "recruit.saved")
}

func (c *scorecardPane) onApprove() {
	note := lang.L("recruit.approved_note")
	if score, ok := recruit.WeightedScore(c.s.criteria, c.entered()); ok {
		note = lang.L("recruit.approved_note_score", map[string]any{"Score": score})
	}
	c.run(func(ctx context.Context) error {
		return recruit.Approve(ctx, c.s.ui.Store, c.row.ID, note, c.s.ui.Settings.ManagerName)
	}, "recruit.approved")
}

func (c *scorecardPane) onDecline() {
	reason := c.reason.Text
	c.run(func(ctx context.Context) error {
		return recruit.Decline(ctx, c.s.ui.Store, c.row.ID, reason, c.s.ui.Settings.ManagerName)
	}, "recruit.declined")
}

// run does a change off the UI goroutine, then says how it went and
// reloads the pipeline when it worked.
func (c *scorecardPane) run(work func(ctx context.Context) error, okKey string) {
	var err error
	c.s.ui.background(func() { err = work(context.Background()) }, func() {
		if err != nil {
			c.fail(err)
			if errorField(err) == "reason" {
				c.reason.SetValidationError(errors.New(errorText(err)))
			}
			return
		}
		c.msg.Importance = widget.SuccessImportance
		c.msg.SetText(lang.L(okKey))
		if okKey != "recruit.saved" {
			// decided: the prospect has left the stage it was shown in
			c.approve.Disable()
			c.decline.Disable()
		}
		c.s.reload()
	})
}

func (c *scorecardPane) fail(err error) {
	c.msg.Importance = widget.DangerImportance
	c.msg.SetText(errorText(err))
}
