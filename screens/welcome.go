package screens

import (
	"context"
	"errors"
	"log"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	demox "channeldesk/app/demo"
	"channeldesk/app/format"
	"channeldesk/assets"
	"channeldesk/data"
	"channeldesk/screens/widgets"
)

// demoPartnersOnFirstRun is how many demo partners the welcome loads.
const demoPartnersOnFirstRun = 60

// welcome is the first-run dialog: it asks for the program's basics and
// offers demo data or an empty start.
type welcome struct {
	welcomeDeps
	dlg *dialog.CustomDialog

	vendor, program *widgets.TextEntry
	currency        *widgets.TextEntry
	fyStart, uiLang *widget.Select
	msg             *widget.Label
	demoBtn, empty  *widget.Button
	importBtn       *widget.Button
}

// ShowWelcome opens the first-run dialog; main calls it when the database
// did not exist before this start.
func (u *UI) ShowWelcome() { u.showWelcome() }

// welcomeDeps is what the first-run dialog is given: the store, the
// window and its language, the settings it starts from, and what it hands
// back to the window when the user has chosen how to start.
type welcomeDeps struct {
	store      *data.Store
	win        fyne.Window
	lang       format.Lang          // the language chosen so far; the language choice changes it
	settings   func() data.Settings // the settings the form starts from and saves over
	setLang    func(format.Lang)    // the window follows the language chosen in the welcome
	rebuild    func()               // the window is built again with the saved settings
	showImport func()               // the partner import, starting with its file chooser (recruit_import.go)
	// runWithProgress loads the demo data behind a progress dialog with Cancel (progress.go)
	runWithProgress func(title string, work func(ctx context.Context, progress func(done, total int)) error,
		done func(error)) *widgets.ProgressDialog
}

func newWelcome(deps welcomeDeps) *welcome { return &welcome{welcomeDeps: deps} }

// showWelcome opens the first-run dialog over this window.
func (u *UI) showWelcome() *welcome {
	w := newWelcome(welcomeDeps{store: u.Store, win: u.Win, lang: u.Lang,
		settings: func() data.Settings { return u.Settings }, setLang: func(l format.Lang) { u.Lang = l },
		rebuild: u.Rebuild, showImport: u.ShowImport, runWithProgress: u.runWithProgress})
	w.show()
	return w
}

func (w *welcome) show() {
	w.dlg = dialog.NewCustomWithoutButtons(lang.L("desk.welcome.title"), w.buildUI(), w.win)
	w.dlg.Resize(fyne.NewSize(560, w.dlg.MinSize().Height))
	w.dlg.Show()
	w.win.Canvas().Focus(w.vendor)
}

func (w *welcome) buildUI() fyne.CanvasObject {
	st := w.settings()
	keep := func(e *widgets.TextEntry, fallback string) string {
		if e != nil {
			return e.Text
		}
		return fallback
	}
	w.vendor = widgets.NewText(&widget.Entry{Text: keep(w.vendor, st.VendorName), PlaceHolder: lang.L("desk.welcome.vendor_hint")})
	w.program = widgets.NewText(&widget.Entry{Text: keep(w.program, st.ProgramName), PlaceHolder: lang.L("desk.welcome.program_hint")})
	cur := st.Currency
	if cur == data.DefaultSettings().Currency && w.lang == format.RU {
		cur = "RUB" // a fresh database in Russian most likely counts roubles
	}
	if w.currency != nil {
		cur = w.currency.Text
	}
	w.currency = widgets.NewText(&widget.Entry{Text: cur, PlaceHolder: "EUR, RUB, USD…"})
	month := st.FiscalYearFrom - 1
	if w.fyStart != nil {
		month = w.fyStart.SelectedIndex()
	}
	months := make([]string, 12)
	for i := range months {
		months[i] = lang.L("month." + strconv.Itoa(i+1))
	}
	w.fyStart = newSelect(months, nil)
	w.fyStart.SetSelectedIndex(max(0, month))
	w.uiLang = newSelect([]string{lang.L("lang.en"), lang.L("lang.ru")}, nil)
	w.uiLang.SetSelectedIndex(map[format.Lang]int{format.EN: 0, format.RU: 1}[w.lang])
	w.uiLang.OnChanged = func(string) { w.switchLanguage() }
	intro := widget.NewLabel(lang.L("desk.welcome.intro"))
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(lang.L("field.ui_lang"), w.uiLang),
		widget.NewFormItem(lang.L("field.vendor_name"), w.vendor),
		widget.NewFormItem(lang.L("field.program_name"), w.program),
		widget.NewFormItem(lang.L("field.currency"), w.currency),
		widget.NewFormItem(lang.L("field.fiscal_year_from"), w.fyStart),
	)
	w.msg = widget.NewLabel("")
	w.msg.Importance = widget.DangerImportance
	w.msg.Wrapping = fyne.TextWrapWord
	w.msg.Hide()
	w.demoBtn = &widget.Button{Text: lang.L("desk.welcome.demo"), Icon: theme.DownloadIcon(), Importance: widget.HighImportance,
		OnTapped: func() { w.finish(true) }}
	w.empty = &widget.Button{Text: lang.L("desk.welcome.empty"), Icon: theme.FileIcon(), OnTapped: func() { w.finish(false) }}
	w.importBtn = &widget.Button{Text: lang.L("imports.welcome_import"), Icon: theme.UploadIcon(), OnTapped: w.startImport}
	return container.NewVBox(intro, form, w.msg, container.NewHBox(w.demoBtn, w.empty, w.importBtn))
}

// save stores the settings typed; on bad input the dialog stays open
// with the field named and save reports false.
func (w *welcome) save() bool {
	st := w.settings()
	st.VendorName, st.ProgramName, st.Currency = w.vendor.Text, w.program.Text, w.currency.Text
	st.FiscalYearFrom = w.fyStart.SelectedIndex() + 1
	st.UILang = string(w.lang)
	if err := w.store.SaveSettings(context.Background(), st); err != nil {
		w.msg.SetText(errorText(err))
		w.msg.Show()
		return false
	}
	return true
}

// startImport is the third start: the settings, then straight into the
// partner import with its file chooser.
func (w *welcome) startImport() {
	if !w.save() {
		return
	}
	w.dlg.Hide()
	w.rebuild()
	w.showImport()
}

// switchLanguage redraws the welcome in the language just chosen,
// keeping what was typed.
func (w *welcome) switchLanguage() {
	language := []string{"en", "ru"}[max(0, w.uiLang.SelectedIndex())]
	if format.Lang(language) == w.lang {
		return
	}
	if err := assets.LoadTranslations(language); err != nil {
		log.Printf("translations: %v", err)
	}
	w.lang = format.Lang(language)
	w.setLang(w.lang)
	w.dlg.Hide()
	w.show()
}

// finish stores the settings, then loads demo data or starts empty; the
// window is rebuilt in the chosen language. Bad input keeps the dialog
// open with the field named.
func (w *welcome) finish(demo bool) {
	if !w.save() {
		return
	}
	w.dlg.Hide()
	if !demo {
		w.rebuild()
		return
	}
	w.runWithProgress(lang.L("desk.welcome.loading"), func(ctx context.Context, _ func(int, int)) error {
		return demox.Demo(ctx, w.store, demox.DemoOptions{Partners: demoPartnersOnFirstRun, Seed: 1, Today: w.store.Now()})
	}, func(err error) {
		w.rebuild()
		if err != nil && !errors.Is(err, context.Canceled) {
			dialog.ShowError(errors.New(errorText(err)), w.win)
		}
	})
}
