package screens

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"channeldesk/app/format"
	"channeldesk/app/tier"
	"channeldesk/data"
	"channeldesk/screens/widgets"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tiersScreen is the tier program: suggestions to confirm or dismiss,
// partners close to the next tier, partners per tier and the editor.
type tiersScreen struct {
	store       *data.Store
	win         fyne.Window
	lang        format.Lang
	run         runner
	settings    func() data.Settings                                  // read when used: the currency may change
	confirmTier func(e tier.Evaluation, headText string, done func()) // moves a partner to its qualified tier

	overview    *tier.Overview
	names       map[int64]string
	suggestions []tier.Evaluation
	close       []tier.Evaluation
	atRisk      []tier.Evaluation
	perTier     []string

	suggestList, closeList, riskList, perTierList, programList *widget.List
	status                                                     *widget.Label
	tabs                                                       *container.AppTabs
	editor                                                     *tierEditor
}

// newTiersScreen builds the tier program screen for this window.
func newTiersScreen(u *UI) *tiersScreen {
	return &tiersScreen{store: u.Store, win: u.Win, lang: u.Lang, run: u.background,
		settings: func() data.Settings { return u.Settings }, confirmTier: u.confirmTier}
}

// loc shows tiers and amounts in the window's language and the current
// program currency.
func (s *tiersScreen) loc() locale { return locale{lang: s.lang, currency: s.settings().Currency} }

func (s *tiersScreen) buildUI() fyne.CanvasObject {
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.suggestList = &widget.List{
		Length: func() int { return len(s.suggestions) },
		CreateItem: func() fyne.CanvasObject {
			label := &widget.Label{Text: "Partner · Silver › Gold", Truncation: fyne.TextTruncateEllipsis}
			confirm := &widget.Button{Text: lang.L("tiers.confirm"), Importance: widget.HighImportance}
			dismiss := &widget.Button{Text: lang.L("tiers.dismiss")}
			return container.NewBorder(nil, nil, nil, container.NewHBox(confirm, dismiss), label)
		},
		UpdateItem: s.updateSuggestion,
	}
	s.closeList = s.textList(func() int { return len(s.close) }, func(i int) string { return s.closeLine(s.close[i]) })
	s.riskList = s.textList(func() int { return len(s.atRisk) }, func(i int) string {
		e := s.atRisk[i]
		return s.names[e.PartnerID] + " · " + s.loc().tierName(e.Assigned) + " · " + riskText(s.loc(), e)
	})
	s.perTierList = s.textList(func() int { return len(s.perTier) }, func(i int) string { return s.perTier[i] })
	editor := newTierEditor(s)
	s.editor = editor
	s.programList = editor.list()
	s.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("tiers.suggestions"), s.suggestList),
		container.NewTabItem(lang.L("tiers.close_to_next"), s.closeList),
		container.NewTabItem(lang.L("tiers.at_risk"), s.riskList),
		container.NewTabItem(lang.L("tiers.per_tier"), s.perTierList),
		container.NewTabItem(lang.L("tiers.program"), editor.buildUI()),
	)
	title := widget.NewLabelWithStyle(lang.L("tiers.nav"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	refresh := &widget.Button{Icon: theme.ViewRefreshIcon(), OnTapped: s.reload}
	s.reload()
	return container.NewBorder(container.NewBorder(nil, nil, title, refresh, s.status), nil, nil, nil, s.tabs)
}

func (s *tiersScreen) textList(n func() int, text func(int) string) *widget.List {
	return &widget.List{
		Length:     n,
		CreateItem: func() fyne.CanvasObject { return &widget.Label{Text: "line", Truncation: fyne.TextTruncateEllipsis} },
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(text(id)) },
	}
}

// reload installs the default program on first use, then evaluates every
// partner as of today off the UI goroutine.
func (s *tiersScreen) reload() {
	var o *tier.Overview
	var rows []data.PartnerRow
	var err error
	s.run(func() {
		ctx := context.Background()
		if _, err = tier.EnsureDefaultProgram(ctx, s.store); err != nil {
			return
		}
		if o, err = tier.EvaluateProgram(ctx, s.store, s.store.Today()); err != nil {
			return
		}
		rows, err = s.store.PartnerRows(ctx)
	}, func() {
		if err != nil {
			s.status.SetText(errorText(err))
			return
		}
		s.names = make(map[int64]string, len(rows))
		for _, r := range rows {
			s.names[r.ID] = r.Name
		}
		s.show(o)
	})
}

func (s *tiersScreen) show(o *tier.Overview) {
	s.overview = o
	s.suggestions, s.close, s.atRisk = o.Suggestions(), o.CloseToNext(), o.AtRisk()
	s.perTier = s.perTierLines(o)
	s.status.SetText(lang.L("tiers.status", map[string]any{"Suggestions": len(s.suggestions), "Close": len(s.close)}))
	s.suggestList.Refresh()
	s.closeList.Refresh()
	s.riskList.Refresh()
	s.perTierList.Refresh()
	s.programList.Refresh()
}

// perTierLines are "Gold: 12 — Orbit, Vector, …", highest tier first.
func (s *tiersScreen) perTierLines(o *tier.Overview) []string {
	members := map[int64][]string{}
	for _, e := range o.Evaluations {
		id := int64(0)
		if e.Assigned != nil {
			id = e.Assigned.ID
		}
		members[id] = append(members[id], s.names[e.PartnerID])
	}
	line := func(name string, id int64) string {
		l := lang.L("tiers.per_tier_line", map[string]any{"Tier": name, "Count": len(members[id])})
		if len(members[id]) > 0 {
			sort.Strings(members[id])
			l += " — " + strings.Join(members[id], ", ")
		}
		return l
	}
	var out []string
	for i := len(o.Program.Tiers) - 1; i >= 0; i-- {
		t := &o.Program.Tiers[i]
		out = append(out, line(s.loc().tierName(t), t.ID))
	}
	return append(out, line(lang.L("tiers.none"), 0))
}

func (s *tiersScreen) suggestionLine(e tier.Evaluation) string {
	return fmt.Sprintf("%s · %s › %s · %s", s.names[e.PartnerID], s.loc().tierName(e.Assigned), s.loc().tierName(e.Qualified),
		lang.L("tiers.kind."+string(e.Suggest)))
}

func (s *tiersScreen) closeLine(e tier.Evaluation) string {
	return fmt.Sprintf("%s · %s › %s · %s", s.names[e.PartnerID], s.loc().tierName(e.Assigned), s.loc().tierName(e.Next),
		s.loc().gapsText(e.NextProgress))
}

func (s *tiersScreen) updateSuggestion(id widget.ListItemID, o fyne.CanvasObject) {
	e := s.suggestions[id]
	row := o.(*fyne.Container)
	row.Objects[0].(*widget.Label).SetText(s.suggestionLine(e))
	btns := row.Objects[1].(*fyne.Container)
	btns.Objects[0].(*widget.Button).OnTapped = func() { s.confirm(e) }
	btns.Objects[1].(*widget.Button).OnTapped = func() { s.dismiss(e) }
}

// confirm asks for the reason and changes the partner's assigned tier.
func (s *tiersScreen) confirm(e tier.Evaluation) { s.confirmTier(e, s.suggestionLine(e), s.reload) }

// confirmTier asks for the reason (prefilled from the evaluation), then
// moves the partner to the tier it qualifies for and calls done.
func (u *UI) confirmTier(e tier.Evaluation, headText string, done func()) {
	reason := widgets.NewText(&widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord})
	reason.SetText(lang.L("tiers.reason_default", map[string]any{"Tier": u.tierName(e.Qualified), "Date": u.date(e.AsOf)}))
	reason.SetMinRowsVisible(3)
	save := func() error {
		return tier.ConfirmChange(context.Background(), u.Store, e.PartnerID, e.SuggestedTierID(), reason.Text,
			u.Settings.ManagerName, u.Lang, lang.L("tiers.none"))
	}
	head := widget.NewLabel(headText)
	head.Wrapping = fyne.TextWrapWord
	(&widgets.FormDialog{Title: lang.L("tiers.confirm_title"), Confirm: lang.L("tiers.confirm"), Head: head,
		Items: []*widget.FormItem{widget.NewFormItem(lang.L("field.reason"), reason)},
		Size:  fyne.NewSize(520, 300), OnSave: save, OnDone: done}).Show(u.Win)
}

func (s *tiersScreen) dismiss(e tier.Evaluation) {
	if err := s.store.DismissSuggestion(context.Background(), e.PartnerID, e.SuggestedTierID()); err != nil {
		s.status.SetText(errorText(err))
		return
	}
	s.reload()
}
