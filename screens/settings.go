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

	"channeldesk/screens/widgets"
)

// settingsScreen edits the program settings.
type settingsScreen struct {
	ui                                     *UI
	vendor, program, currency, managerName *widgets.TextEntry
	fyStart, uiLang                        *widget.Select
	msg                                    *widget.Label
}

var uiLangs = []string{"", "en", "ru"}

func newSettingsScreen(u *UI) *settingsScreen { return &settingsScreen{ui: u} }

func (s *settingsScreen) buildUI() fyne.CanvasObject {
	st := s.ui.Settings
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
		themeFormItem(s.ui),
	)
	save := &widget.Button{Text: lang.L("action.save"), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: s.onSave}
	s.ui.registerAction(actSave+"@nav.settings", s.onSave) // Ctrl+S
	title := widget.NewLabelWithStyle(lang.L("nav.settings"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	path := widget.NewLabel(lang.L("settings.db_path", map[string]any{"Path": s.ui.Store.Path()}))
	path.Wrapping = fyne.TextWrapBreak
	return container.NewVScroll(container.NewVBox(title, form, container.NewHBox(save), s.msg, widget.NewSeparator(), path,
		newScorecardSettings(s.ui.Store).buildUI(), newImportProfilesSection(s.ui.Store).buildUI(), newCadenceSettings(s.ui.Store, s.ui.Lang).buildUI(),
		newLeadSettings(s.ui.Store).buildUI(), newMailSettings(s.ui.Store, s.ui.Lang, s.ui.background).buildUI(),
		newBackupSection(s.ui.Store, s.ui.Win, s.ui.Lang, s.ui.background, s.ui.reopened).buildUI(),
		newTeamSection(s.ui).buildUI()))
}

func (s *settingsScreen) onSave() {
	st := s.ui.Settings
	st.VendorName, st.ProgramName, st.Currency, st.ManagerName = s.vendor.Text, s.program.Text, s.currency.Text, s.managerName.Text
	st.FiscalYearFrom = s.fyStart.SelectedIndex() + 1
	st.UILang = uiLangs[max(0, s.uiLang.SelectedIndex())]
	s.currency.SetValidationError(nil)
	if err := s.ui.Store.SaveSettings(context.Background(), st); err != nil {
		s.msg.Importance = widget.DangerImportance
		s.msg.SetText(errorText(err))
		if errorField(err) == "currency" {
			s.currency.SetValidationError(errors.New(errorText(err)))
		}
		return
	}
	langChanged := st.UILang != s.ui.Settings.UILang
	if langChanged || st.ProgramName != s.ui.Settings.ProgramName {
		s.ui.Rebuild()
		return
	}
	s.ui.Settings = st
	s.msg.Importance = widget.SuccessImportance
	s.msg.SetText(lang.L("settings.saved"))
}
