package screens

import (
	"context"

	"channeldesk/app/fiscal"
	"channeldesk/app/onboarding"
	"channeldesk/data"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// onboardingScreen is the manager's overview: every partner in onboarding
// with its progress, overdue tasks and the next task due, most at risk
// first. A row opens the partner.
type onboardingScreen struct {
	store         *data.Store
	win           fyne.Window
	loc           locale
	run           runner
	openPartner   func(id int64)
	editTemplates func()
	rows          []onboarding.Row
	today         string
	count         *widget.Label
	list          *widget.List
}

func newOnboardingScreen(store *data.Store, win fyne.Window, loc locale, run runner, openPartner func(id int64), editTemplates func()) *onboardingScreen {
	return &onboardingScreen{store: store, win: win, loc: loc, run: run, openPartner: openPartner, editTemplates: editTemplates}
}

func (s *onboardingScreen) buildUI() fyne.CanvasObject {
	s.count = widget.NewLabel("")
	s.list = &widget.List{
		Length:     func() int { return len(s.rows) },
		CreateItem: s.createRow,
		UpdateItem: s.updateRow,
		OnSelected: func(id widget.ListItemID) {
			s.list.UnselectAll()
			s.openPartner(s.rows[id].PartnerID)
		},
	}
	templates := &widget.Button{Text: lang.L("onboard.templates"), Icon: theme.DocumentCreateIcon(), OnTapped: func() {
		s.editTemplates()
	}}
	expiring := &widget.Button{Text: lang.L("onboard.expiring"), Icon: theme.WarningIcon(), OnTapped: s.onExpiring}
	refresh := &widget.Button{Icon: theme.ViewRefreshIcon(), OnTapped: s.reload}
	top := container.NewBorder(nil, nil, nil, container.NewHBox(expiring, templates, refresh), s.count)
	s.reload()
	return container.NewBorder(top, nil, nil, nil, s.list)
}

func (s *onboardingScreen) createRow() fyne.CanvasObject {
	name := widget.NewLabelWithStyle("Partner name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	bar := widget.NewProgressBar()
	overdue := widget.NewLabel("Overdue: 00")
	next := widget.NewLabel("Next: task")
	next.Truncation = fyne.TextTruncateEllipsis
	top := container.NewBorder(nil, nil, nil, overdue, container.NewGridWithColumns(2, name, bar))
	return container.NewVBox(top, next)
}

func (s *onboardingScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	r := s.rows[id]
	box := o.(*fyne.Container)
	top := box.Objects[0].(*fyne.Container)
	grid, overdue := top.Objects[0].(*fyne.Container), top.Objects[1].(*widget.Label)
	name := r.Name + " · " + typeLabel(r.Type)
	if r.Started {
		name += " · " + lang.L("onboard.days_in", map[string]any{"Days": r.Progress.DaysIn})
	}
	grid.Objects[0].(*widget.Label).SetText(name)
	grid.Objects[1].(*widget.ProgressBar).SetValue(r.Progress.Fraction())
	overdue.Importance = widget.MediumImportance
	if r.Progress.Overdue > 0 {
		overdue.Importance = widget.DangerImportance
	}
	overdue.SetText(lang.L("onboard.overdue_count", map[string]any{"Count": r.Progress.Overdue}))
	box.Objects[1].(*widget.Label).SetText(s.nextText(r))
	top.Refresh() // the overdue count's width changes with the language and number
}

func (s *onboardingScreen) nextText(r onboarding.Row) string {
	switch {
	case !r.Started:
		return lang.L("onboard.not_started")
	case r.NextDue.ID == 0:
		return lang.L("onboard.all_done")
	}
	return lang.L("onboard.next", map[string]any{"Task": r.NextDue.Title(string(s.loc.lang))}) + " · " + taskInfo(s.loc, r.NextDue, s.today)
}

// reload measures every partner in onboarding off the UI goroutine.
func (s *onboardingScreen) reload() {
	var rows []onboarding.Row
	var err error
	today := fiscal.ISODate(s.store.Now())
	s.run(func() {
		rows, err = onboarding.Overview(context.Background(), s.store, today)
	}, func() {
		if err != nil {
			s.count.SetText(errorText(err))
			return
		}
		s.rows, s.today = rows, today
		s.count.SetText(lang.L("onboard.count", map[string]any{"Count": len(rows)}))
		s.list.Refresh()
	})
}

// onExpiring lists the certifications that run out in the next 60 days.
func (s *onboardingScreen) onExpiring() {
	certs, err := onboarding.ExpiringSoon(context.Background(), s.store, s.store.Now())
	if err != nil {
		dialog.ShowInformation(lang.L("onboard.expiring"), errorText(err), s.win)
		return
	}
	list := &widget.List{
		Length:     func() int { return len(certs) },
		CreateItem: func() fyne.CanvasObject { return widget.NewLabel("partner · person · certification · date") },
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			c := certs[id]
			o.(*widget.Label).SetText(joinNonEmpty(" · ", s.loc.date(c.ExpiresOn), c.PartnerName, c.ContactName, c.Name, c.Level))
		},
	}
	var body fyne.CanvasObject = list
	if len(certs) == 0 {
		body = widget.NewLabel(lang.L("onboard.expiring_none"))
	}
	head := widget.NewLabel(lang.L("onboard.expiring_count", map[string]any{"Count": len(certs), "Days": onboarding.ExpiryWindowDays}))
	d := dialog.NewCustom(lang.L("onboard.expiring"), lang.L("onboard.close"), container.NewBorder(head, nil, nil, nil, body), s.win)
	d.Resize(fyne.NewSize(720, 480))
	d.Show()
}

// openPartner switches to the Partners screen with one partner open.
func (u *UI) openPartner(id int64) {
	u.show("nav.partners")
	u.partners.open(id)
}

// newOnboardingScreen builds the overview for this window: a row opens the
// partner, Templates opens the template editor.
func (u *UI) newOnboardingScreen() *onboardingScreen {
	return newOnboardingScreen(u.Store, u.Win, u.locale(), u.background, u.openPartner, func() { newTemplateEditor(u).show() })
}
