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
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// settingsScreen edits the program settings.
type settingsScreen struct {
	settingsDeps
	vendor, program, currency, managerName *widgets.TextEntry
	fyStart, uiLang                        *widget.Select
	msg                                    *widget.Label
}

var uiLangs = []string{"", "en", "ru"}

// settingsDeps is what the settings screen is given: the store, the
// window and its language, a runner, the window's settings (read and
// replaced), and the window-wide things it changes or shows.
type settingsDeps struct {
	store          *data.Store
	win            fyne.Window
	lang           format.Lang
	run            runner
	settings       func() data.Settings
	setSettings    func(data.Settings)        // the saved settings take effect
	rebuild        func()                     // a new language or program name: the window is built again
	reopened       func()                     // a restore replaced the data (settings_backup.go)
	registerAction func(id string, fn func()) // Ctrl+S (menu.go)
	themeItem      func() *widget.FormItem    // the theme choice (window_prefs.go)
	teamSection    func() fyne.CanvasObject   // the team's sync (settings_team.go)
}

func newSettingsScreen(deps settingsDeps) *settingsScreen { return &settingsScreen{settingsDeps: deps} }

// newSettingsScreen builds the settings screen for this window.
func (u *UI) newSettingsScreen() *settingsScreen {
	return newSettingsScreen(settingsDeps{store: u.Store, win: u.Win, lang: u.Lang, run: u.background,
		settings: func() data.Settings { return u.Settings }, setSettings: func(st data.Settings) { u.Settings = st },
		rebuild: u.Rebuild, reopened: u.reopened, registerAction: u.registerAction,
		themeItem:   func() *widget.FormItem { return themeFormItem(u) },
		teamSection: func() fyne.CanvasObject { return u.newTeamSection().buildUI() }})
}

func (s *settingsScreen) buildUI() fyne.CanvasObject {
	st := s.settings()
	s.vendor = widgets.NewText(&widget.Entry{Text: st.VendorName})
	s.program = widgets.NewText(&widget.Entry{Text: st.ProgramName})
	s.currency = widgets.NewText(&widget.Entry{Text: st.Currency, PlaceHolder: "EUR, RUB, USD…"})
	s.managerName = widgets.NewText(&widget.Entry{Text: st.ManagerName})
	months := make([]string, 12)
	for i := range months {
		months[i] = lang.L("month." + strconv.Itoa(i+1))
	}
	s.fyStart = newSelect(months, nil)
	s.fyStart.SetSelectedIndex(st.FiscalYearFrom - 1)
	s.uiLang = newSelect([]string{lang.L("lang.system"), lang.L("lang.en"), lang.L("lang.ru")}, nil)
	for i, l := range uiLangs {
		if l == st.UILang {
			s.uiLang.SetSelectedIndex(i)
		}
	}
	s.msg = widget.NewLabel("")
	s.msg.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.vendor_name"), s.vendor),
		widget.NewFormItem(lang.L("field.program_name"), s.program),
		widget.NewFormItem(lang.L("field.currency"), s.currency),
		widget.NewFormItem(lang.L("field.fiscal_year_from"), s.fyStart),
		widget.NewFormItem(lang.L("field.ui_lang"), s.uiLang),
		widget.NewFormItem(lang.L("field.manager_name"), s.managerName),
		s.themeItem(),
	)
	save := &widget.Button{Text: lang.L("action.save"), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: s.onSave}
	s.registerAction(actSave+"@nav.settings", s.onSave) // Ctrl+S
	title := widget.NewLabelWithStyle(lang.L("nav.settings"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	path := widget.NewLabel(lang.L("settings.db_path", map[string]any{"Path": s.store.Path()}))
	path.Wrapping = fyne.TextWrapBreak
	return container.NewVScroll(container.NewVBox(title, form, container.NewHBox(save), s.msg, widget.NewSeparator(), path,
		newScorecardSettings(s.store).buildUI(), newImportProfilesSection(s.store).buildUI(), newCadenceSettings(s.store, s.lang).buildUI(),
		newLeadSettings(s.store).buildUI(), newMailSettings(s.store, s.lang, s.run).buildUI(),
		newBackupSection(s.store, s.win, s.lang, s.run, s.reopened).buildUI(),
		s.teamSection()))
}

func (s *settingsScreen) onSave() {
	st := s.settings()
	st.VendorName, st.ProgramName, st.Currency, st.ManagerName = s.vendor.Text, s.program.Text, s.currency.Text, s.managerName.Text
	st.FiscalYearFrom = s.fyStart.SelectedIndex() + 1
	st.UILang = uiLangs[max(0, s.uiLang.SelectedIndex())]
	s.currency.SetValidationError(nil)
	if err := s.store.SaveSettings(context.Background(), st); err != nil {
		s.msg.Importance = widget.DangerImportance
		s.msg.SetText(errorText(err))
		if errorField(err) == "currency" {
			s.currency.SetValidationError(errors.New(errorText(err)))
		}
		return
	}
	langChanged := st.UILang != s.settings().UILang
	if langChanged || st.ProgramName != s.settings().ProgramName {
		s.rebuild()
		return
	}
	s.setSettings(st)
	s.msg.Importance = widget.SuccessImportance
	s.msg.SetText(lang.L("settings.saved"))
}
