package screens

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Preference keys: per machine and user, not per database.
const (
	prefWinWidth   = "desk.window_width"
	prefWinHeight  = "desk.window_height"
	prefLastScreen = "desk.last_screen"
	prefTheme      = "desk.theme" // "", "light" or "dark"
)

var themeChoices = []string{"", "light", "dark"}

// restoreWindow gives the window its remembered size (Fyne cannot place a
// window, so the position is the window manager's), reopens the last
// screen and applies the theme choice. Closing the window remembers them.
func (u *UI) restoreWindow() {
	p := u.App.Preferences()
	w := float32(p.FloatWithFallback(prefWinWidth, 1280))
	h := float32(p.FloatWithFallback(prefWinHeight, 760))
	u.Win.Resize(fyne.NewSize(max(w, 640), max(h, 420)))
	if last := p.String(prefLastScreen); last != "" {
		u.show(last)
	}
	u.restored = true
	if choice := p.String(prefTheme); choice != "" {
		applyTheme(u.App, choice)
	}
	u.addRecent(u.Store.Path())
	u.Win.SetCloseIntercept(func() {
		u.saveWindow()
		u.Win.Close()
	})
}

// rememberScreen keeps the screen shown, to reopen it next time.
func (u *UI) rememberScreen(key string) {
	if !u.restored {
		return // the first screen build shows is not a choice
	}
	u.App.Preferences().SetString(prefLastScreen, key)
}

// saveWindow remembers the window size.
func (u *UI) saveWindow() {
	size := u.Win.Canvas().Size()
	if size.Width > 0 && size.Height > 0 {
		u.App.Preferences().SetFloat(prefWinWidth, float64(size.Width))
		u.App.Preferences().SetFloat(prefWinHeight, float64(size.Height))
	}
}

// quit remembers the window and ends the program (File → Quit).
func (u *UI) quit() {
	u.saveWindow()
	u.App.Quit()
}

// variantTheme is the default theme held to light or dark.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color answers in the held variant whatever the system asks for.
func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// applyTheme follows the system ("") or holds light or dark.
func applyTheme(a fyne.App, choice string) {
	switch choice {
	case "light":
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case "dark":
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		a.Settings().SetTheme(theme.DefaultTheme())
	}
}

// themeFormItem is the Settings row that chooses the theme; the choice
// applies at once and is kept in the preferences.
func themeFormItem(u *UI) *widget.FormItem {
	sel := newSelect([]string{lang.L("desk.theme.system"), lang.L("desk.theme.light"), lang.L("desk.theme.dark")}, nil)
	current := u.App.Preferences().String(prefTheme)
	for i, c := range themeChoices {
		if c == current {
			sel.SetSelectedIndex(i)
		}
	}
	sel.OnChanged = func(string) {
		choice := themeChoices[max(0, sel.SelectedIndex())]
		u.App.Preferences().SetString(prefTheme, choice)
		applyTheme(u.App, choice)
	}
	return widget.NewFormItem(lang.L("desk.theme"), sel)
}
