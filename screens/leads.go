package screens

import (
	"context"
	"strings"

	"channeldesk/app/format"
	"channeldesk/app/lead"
	"channeldesk/data"
	"channeldesk/screens/widgets"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// withLeadsTab puts the Leads screen beside the deal registrations:
// leads become deals, and the sidebar keeps its nine areas (Alt+1…9).
func withLeadsTab(u *UI, deals fyne.CanvasObject) fyne.CanvasObject {
	u.leads = u.newLeadsScreen()
	u.leads.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("leads.tab_deals"), deals),
		container.NewTabItem(lang.L("leads.tab_leads"), u.leads.buildUI()))
	return u.leads.tabs
}

// leadsScreen lists the end-customer leads with filters by state and
// event; the selected lead shows its details, the suggested partners
// with their reasons, its history and the steps its state allows.
type leadsScreen struct {
	leadsDeps
	filter data.LeadFilter
	leads  []data.Lead
	sel    int
	router *lead.Router // read with the list; ranks the selected lead at once
	tabs   *container.AppTabs
	notice string // shown by the next reload
	result lead.Result

	state, event *widget.Select
	events       []string
	table        *widget.Table
	count, msg   *widget.Label
	detail       *widget.Label
	why          *fyne.Container
	whyTitle     *widget.Label
	actions      *fyne.Container
	history      *widget.Label
}

var leadColumns = []struct {
	key   string
	width float32
}{
	{"leads.col.company", 220}, {"leads.col.event", 150}, {"leads.col.place", 150}, {"leads.col.product", 100},
	{"leads.col.size", 110}, {"leads.col.state", 100}, {"leads.col.partner", 180}, {"leads.col.until", 100},
}

// leadsDeps is what the Leads tab is given: the store, the window and its
// language, a runner, the current settings, and quick capture to open.
type leadsDeps struct {
	store    *data.Store
	win      fyne.Window
	lang     format.Lang
	run      runner
	settings func() data.Settings // read when used: the program currency and the manager who acts

	showLeadCapture func() // "New lead": quick capture in its customer-lead mode (leads_capture.go)
}

// loc shows dates and money in the window's language and the current
// program currency.
func (d leadsDeps) loc() locale { return locale{lang: d.lang, currency: d.settings().Currency} }

func newLeadsScreen(deps leadsDeps) *leadsScreen { return &leadsScreen{leadsDeps: deps, sel: -1} }

// newLeadsScreen builds the Leads tab for this window.
func (u *UI) newLeadsScreen() *leadsScreen {
	return newLeadsScreen(leadsDeps{store: u.Store, win: u.Win, lang: u.Lang, run: u.background,
		settings: func() data.Settings { return u.Settings }, showLeadCapture: u.ShowLeadCapture})
}

func (s *leadsScreen) buildUI() fyne.CanvasObject {
	s.count, s.msg = widget.NewLabel(""), &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	states := []string{lang.L("leads.all_states"), lang.L("leads.unrouted")}
	for _, st := range data.LeadStates {
		states = append(states, leadStateLabel(st))
	}
	s.state = newSelect(states, func(string) { s.onFilter() })
	s.state.SetSelectedIndex(0)
	s.event = newSelect([]string{lang.L("leads.all_events")}, func(string) { s.onFilter() })
	s.event.SetSelectedIndex(0)
	s.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(s.leads), len(leadColumns) },
		func() fyne.CanvasObject {
			return &widget.Label{Text: "Template company", Truncation: fyne.TextTruncateEllipsis}
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(s.leads) {
				o.(*widget.Label).SetText(s.cell(&s.leads[id.Row], id.Col))
			}
		})
	s.table.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 {
			o.(*widget.Label).SetText(lang.L(leadColumns[id.Col].key))
		} else {
			o.(*widget.Label).SetText("")
		}
	}
	s.table.ShowHeaderColumn = false
	for i, c := range leadColumns {
		s.table.SetColumnWidth(i, c.width)
	}
	s.table.OnSelected = func(id widget.TableCellID) { s.selectLead(id.Row) }
	s.detail = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.history = &widget.Label{Wrapping: fyne.TextWrapWord}
	s.why, s.actions = container.NewVBox(), container.NewGridWrap(fyne.NewSize(240, 36))
	top := container.NewHBox(s.state, s.event,
		&widget.Button{Text: lang.L("leads.route_event"), Icon: theme.MailForwardIcon(), OnTapped: s.onRouteBatch},
		&widget.Button{Text: lang.L("leads.new"), Icon: theme.ContentAddIcon(), OnTapped: s.showLeadCapture},
		s.count)
	s.whyTitle = widget.NewLabelWithStyle(lang.L("leads.suggested"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	side := container.NewVScroll(container.NewVBox(s.detail, s.actions, widget.NewSeparator(), s.whyTitle, s.why,
		widget.NewSeparator(), s.history))
	split := container.NewHSplit(s.table, side)
	split.Offset = 0.62
	s.reload()
	return container.NewBorder(container.NewVBox(top, s.msg), nil, nil, nil, split)
}

func (s *leadsScreen) cell(l *data.Lead, col int) string {
	switch col {
	case 0:
		return l.Company
	case 1:
		return l.EventName
	case 2:
		return joinNonEmpty(", ", l.City, l.Region, l.Country)
	case 3:
		return l.Product
	case 4:
		if l.EstAmount == 0 {
			return ""
		}
		return format.FormatMoney(l.EstAmount, orProgram(l.Currency, s.settings().Currency), s.lang)
	case 5:
		return leadStateLabel(l.State)
	case 6:
		return l.PartnerName
	case 7:
		if l.State == data.LeadOffered {
			return s.loc().date(l.ExpiresOn)
		}
	}
	return ""
}

func orProgram(cur, program string) string {
	if cur == "" {
		return program
	}
	return cur
}

// onFilter reads the two filters into the store filter and reloads.
func (s *leadsScreen) onFilter() {
	if s.table == nil {
		return
	}
	s.filter = data.LeadFilter{}
	switch i := s.state.SelectedIndex(); {
	case i == 1:
		s.filter.Unrouted = true
	case i > 1:
		s.filter.State = data.LeadStates[i-2]
	}
	if i := s.event.SelectedIndex(); i > 0 && i-1 < len(s.events) {
		s.filter.Event = s.events[i-1]
	}
	s.reload()
}

// reload returns expired offers to the pool, then reads the list, the
// events and the routing facts off the UI goroutine.
func (s *leadsScreen) reload() {
	var leads []data.Lead
	var events []string
	var router *lead.Router
	var err error
	f := s.filter
	s.run(func() {
		ctx := context.Background()
		if _, err = s.store.ExpireLeadOffers(ctx, s.store.Today()); err != nil {
			return
		}
		if leads, err = s.store.Leads(ctx, f); err != nil {
			return
		}
		if events, err = s.store.LeadEvents(ctx); err != nil {
			return
		}
		router, err = lead.Load(ctx, s.store, nil)
	}, func() {
		if err != nil {
			s.msg.Importance = widget.DangerImportance
			s.msg.SetText(errorText(err))
			return
		}
		// a notice from the step that asked for this reload (a batch
		// routed) stays; an old error goes
		s.msg.SetText(s.notice)
		s.notice = ""
		s.leads, s.events, s.router, s.sel = leads, events, router, -1
		opts := []string{lang.L("leads.all_events")}
		s.event.Options = append(opts, events...)
		s.event.Refresh()
		s.count.SetText(lang.L("leads.count", map[string]any{"Count": len(leads)}))
		s.table.UnselectAll()
		s.table.Refresh()
		s.showLead()
	})
}

func (s *leadsScreen) selectLead(row int) {
	if row < 0 || row >= len(s.leads) {
		return
	}
	s.sel = row
	s.showLead()
}

func (s *leadsScreen) current() *data.Lead {
	if s.sel < 0 || s.sel >= len(s.leads) {
		return nil
	}
	return &s.leads[s.sel]
}

// showLead fills the side panel for the selected lead.
func (s *leadsScreen) showLead() {
	s.why.Objects, s.actions.Objects = nil, nil
	l := s.current()
	if l == nil {
		s.detail.SetText(lang.L("leads.pick_one"))
		s.whyTitle.Hide()
		s.history.SetText("")
		s.why.Refresh()
		s.actions.Refresh()
		return
	}
	s.detail.SetText(s.detailText(l))
	s.whyTitle.Hidden = !l.State.Open()
	s.whyTitle.Refresh()
	if l.State.Open() && s.router != nil {
		s.result = s.router.Suggest(l, 5)
		s.showSuggestions(l)
	}
	s.showActions(l)
	s.why.Refresh()
	s.actions.Refresh()
	s.loadHistory(l.ID)
}

func (s *leadsScreen) detailText(l *data.Lead) string {
	lines := []string{l.Company + "  ·  " + leadStateLabel(l.State)}
	lines = append(lines, joinNonEmpty(" · ", l.ContactName, l.ContactRole, l.ContactEmail, l.ContactPhone))
	lines = append(lines, joinNonEmpty(" · ", joinNonEmpty(", ", l.City, l.Region, l.Country), l.Product, s.cell(l, 4)))
	src := leadSourceLabel(l.Source)
	if l.EventName != "" {
		src += ": " + joinNonEmpty(", ", l.EventName, s.loc().date(l.EventDate))
	}
	lines = append(lines, src)
	if l.PartnerName != "" {
		p := lang.L("leads.partner_is", map[string]any{"Partner": l.PartnerName})
		if l.State == data.LeadOffered {
			p += " · " + lang.L("leads.offer_until", map[string]any{"Date": s.loc().date(l.ExpiresOn)})
		}
		lines = append(lines, p)
	}
	if l.DealID > 0 {
		lines = append(lines, lang.L("leads.deal_is", map[string]any{"ID": l.DealID}))
	}
	if l.Reason != "" {
		lines = append(lines, lang.L("leads.reason_is", map[string]any{"Reason": l.Reason}))
	}
	if l.NotesInternal != "" {
		lines = append(lines, lang.L("leads.note_internal", map[string]any{"Note": l.NotesInternal}))
	}
	if l.NotesShareable != "" {
		lines = append(lines, lang.L("leads.note_shareable", map[string]any{"Note": l.NotesShareable}))
	}
	var out []string
	for _, ln := range lines {
		if strings.TrimSpace(ln) != "" {
			out = append(out, ln)
		}
	}
	return strings.Join(out, "\n")
}

// showSuggestions lists the best partners for an open lead, each with its
// reasons and a button to offer the lead to it.
func (s *leadsScreen) showSuggestions(l *data.Lead) {
	if s.result.NoLocation {
		s.why.Add(&widget.Label{Text: lang.L("leads.why.no_location"), Importance: widget.WarningImportance})
	}
	if len(s.result.Suggestions) == 0 {
		s.why.Add(widget.NewLabel(lang.L("leads.no_partner")))
	}
	for _, sug := range s.result.Suggestions {
		sug := sug
		head := &widget.Button{Text: lang.L("leads.offer_to", map[string]any{"Partner": sug.Name, "Score": sug.Score}),
			Alignment: widget.ButtonAlignLeading, OnTapped: func() { s.offer(l.ID, sug.PartnerID) }}
		if sug.Protected {
			head.Importance = widget.HighImportance
		}
		why := &widget.Label{Text: LeadReasonsText(sug, s.lang), Wrapping: fyne.TextWrapWord}
		if len(sug.Warnings) > 0 {
			why.Importance = widget.WarningImportance
		}
		s.why.Add(container.NewVBox(head, why))
	}
}

// showActions offers the steps the lead's state allows.
func (s *leadsScreen) showActions(l *data.Lead) {
	add := func(key string, fn func()) { s.actions.Add(&widget.Button{Text: lang.L(key), OnTapped: fn}) }
	id := l.ID
	switch l.State {
	case data.LeadNew, data.LeadDeclined:
		if len(s.result.Suggestions) > 0 {
			top := s.result.Suggestions[0]
			s.actions.Add(&widget.Button{Text: lang.L("leads.offer_top"), Importance: widget.HighImportance,
				OnTapped: func() { s.offer(id, top.PartnerID) }})
		}
		add("leads.pick_partner", func() { s.pickPartner(id) })
		add("leads.act.lost", func() { s.askReason("leads.act.lost", func(r string) error { return s.move(id, "lost", r) }) })
	case data.LeadOffered:
		add("leads.act.accepted", func() {
			s.step(func(ctx context.Context, m data.LeadMove) error { return lead.Accept(ctx, s.store, id, m) })
		})
		add("leads.act.declined", func() { s.askReason("leads.act.declined", func(r string) error { return s.move(id, "declined", r) }) })
		add("leads.act.withdraw", func() {
			s.step(func(ctx context.Context, m data.LeadMove) error { return s.store.ReturnLead(ctx, id, m) })
		})
		add("leads.pick_partner", func() { s.pickPartner(id) })
	case data.LeadAccepted:
		add("leads.act.converted", func() {
			if data.LeadSizeForeign(l, s.settings().Currency) {
				// the deal comes without an amount: say why on the next reload
				s.msg.Importance = widget.WarningImportance
				s.notice = lang.L("leads.deal_no_amount", map[string]any{
					"Size": format.FormatMoney(l.EstAmount, strings.ToUpper(l.Currency), s.lang), "Currency": s.settings().Currency})
			}
			s.step(func(ctx context.Context, m data.LeadMove) error {
				_, err := s.store.ConvertLeadToNewDeal(ctx, id, m)
				return err
			})
		})
		add("leads.act.lost", func() { s.askReason("leads.act.lost", func(r string) error { return s.move(id, "lost", r) }) })
		add("leads.act.return", func() {
			s.step(func(ctx context.Context, m data.LeadMove) error { return s.store.ReturnLead(ctx, id, m) })
		})
	case data.LeadLost:
		add("leads.act.reopen", func() {
			s.step(func(ctx context.Context, m data.LeadMove) error { return s.store.ReturnLead(ctx, id, m) })
		})
	}
}

// move declines or loses a lead with a reason.
func (s *leadsScreen) move(id int64, to, reason string) error {
	s.step(func(ctx context.Context, m data.LeadMove) error {
		m.Reason = reason
		if to == "declined" {
			return lead.Decline(ctx, s.store, id, m)
		}
		return s.store.LoseLead(ctx, id, m)
	})
	return nil
}

// step does one workflow step dated today by the manager, then reloads.
func (s *leadsScreen) step(do func(ctx context.Context, m data.LeadMove) error) {
	var err error
	m := data.LeadMove{On: s.store.Today(), Author: s.settings().ManagerName}
	s.run(func() { err = do(context.Background(), m) }, func() {
		if err != nil {
			s.notice = ""
			s.msg.Importance = widget.DangerImportance
			s.msg.SetText(errorText(err))
			return
		}
		keep := s.sel
		s.reloadKeeping(keep)
	})
}

func (s *leadsScreen) offer(leadID, partnerID int64) {
	s.step(func(ctx context.Context, m data.LeadMove) error {
		return lead.Offer(ctx, s.store, leadID, partnerID, m.Author)
	})
}

// reloadKeeping reloads and selects the same lead again when it is still
// listed.
func (s *leadsScreen) reloadKeeping(row int) {
	var id int64
	if row >= 0 && row < len(s.leads) {
		id = s.leads[row].ID
	}
	s.reload()
	for i := range s.leads {
		if s.leads[i].ID == id {
			s.table.Select(widget.TableCellID{Row: i, Col: 0})
			return
		}
	}
}

// askReason asks for the reason of a decline or a loss.
func (s *leadsScreen) askReason(titleKey string, done func(reason string) error) {
	e := widgets.NewText(&widget.Entry{PlaceHolder: lang.L("leads.reason_hint")})
	(&widgets.FormDialog{Title: lang.L(titleKey), Confirm: lang.L("leads.ok"), Size: fyne.NewSize(460, 0),
		Items: []*widget.FormItem{widget.NewFormItem(lang.L("leads.reason"), e)},
		OnSave: func() error {
			if strings.TrimSpace(e.Text) == "" {
				return data.Invalid("reason", "err.reason_required", nil)
			}
			return done(e.Text)
		}}).Show(s.win)
}

// pickPartner offers the lead to a partner the manager chooses.
func (s *leadsScreen) pickPartner(id int64) {
	var rows []data.PartnerRow
	var err error
	s.run(func() { rows, err = s.store.PartnerRows(context.Background()) }, func() {
		if err != nil {
			s.msg.Importance = widget.DangerImportance
			s.msg.SetText(errorText(err))
			return
		}
		active := rows[:0]
		for _, r := range rows {
			if r.Status == data.StatusActive || r.Status == data.StatusAtRisk {
				active = append(active, r)
			}
		}
		p := widgets.NewPartnerPicker(active, 0)
		(&widgets.FormDialog{Title: lang.L("leads.pick_partner"), Confirm: lang.L("leads.offer"), Body: p.Box,
			Size: fyne.NewSize(460, 360), OnSave: func() error {
				if p.ID() <= 0 {
					return data.Invalid("partner", "err.required", nil)
				}
				s.offer(id, p.ID())
				return nil
			}}).Show(s.win)
		s.win.Canvas().Focus(p.Entry)
	})
}

// loadHistory shows the lead's own timeline.
func (s *leadsScreen) loadHistory(id int64) {
	var steps []data.LeadStep
	var err error
	s.run(func() { steps, err = s.store.LeadSteps(context.Background(), id) }, func() {
		if err != nil || s.current() == nil || s.current().ID != id {
			return
		}
		lines := []string{lang.L("leads.history")}
		for _, st := range steps {
			line := s.loc().date(st.At) + " · " + lang.L("leads.step."+string(st.Kind))
			line = joinNonEmpty(" · ", line, st.PartnerName, st.Body, st.Author)
			lines = append(lines, line)
		}
		s.history.SetText(strings.Join(lines, "\n"))
	})
}

// onRouteBatch offers every lead waiting for a partner (of the event in
// the filter, or all) to its top suggestion, after a look at the plan.
func (s *leadsScreen) onRouteBatch() {
	event := s.filter.Event
	var plan []lead.Routed
	var err error
	s.run(func() {
		plan, err = lead.RouteBatch(context.Background(), s.store, lead.BatchOptions{Event: event, DryRun: true})
	}, func() {
		if err != nil {
			s.msg.Importance = widget.DangerImportance
			s.msg.SetText(errorText(err))
			return
		}
		if len(plan) == 0 {
			dialog.ShowInformation(lang.L("leads.route_event"), lang.L("leads.nothing_to_route"), s.win)
			return
		}
		lines := LeadRoutedLines(plan, s.lang)
		text := &widget.Label{Text: strings.Join(lines, "\n"), Wrapping: fyne.TextWrapWord}
		scroll := container.NewVScroll(text)
		scroll.SetMinSize(fyne.NewSize(640, 320))
		title := lang.L("leads.route_confirm", map[string]any{"Count": len(plan)})
		d := dialog.NewCustomConfirm(title, lang.L("leads.offer"), lang.L("leads.cancel"), scroll, func(ok bool) {
			if ok {
				s.routeBatch(event)
			}
		}, s.win)
		d.Show()
	})
}

func (s *leadsScreen) routeBatch(event string) {
	var out []lead.Routed
	var err error
	s.run(func() {
		out, err = lead.RouteBatch(context.Background(), s.store, lead.BatchOptions{Event: event, Author: s.settings().ManagerName})
	}, func() {
		if err != nil {
			s.msg.Importance = widget.DangerImportance
			s.msg.SetText(errorText(err))
			return
		}
		routed := 0
		for _, rt := range out {
			if rt.Suggestion != nil {
				routed++
			}
		}
		s.msg.Importance = widget.SuccessImportance
		s.notice = lang.L("leads.route_done", map[string]any{"Routed": routed, "Count": len(out)})
		s.reload()
	})
}

// showLeads opens the Leads tab, with the offered leads when offered.
func (u *UI) showLeads(offered bool) {
	u.show("deals.nav")
	if u.leads == nil || u.leads.tabs == nil {
		return
	}
	u.leads.tabs.SelectIndex(1)
	if offered {
		u.leads.state.SetSelectedIndex(2 + 1) // All, Waiting, New, Offered
	}
}

// showMarkButtons shows or hides a Today row's snooze and dismiss buttons.
func showMarkButtons(b []fyne.CanvasObject, show bool) {
	for _, o := range b[1:3] {
		if show {
			o.Show()
		} else {
			o.Hide()
		}
	}
}
