package screens

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/theme"

	"channeldesk/app/demo"
	"channeldesk/data"
)

func TestOpenDatabaseSwitchesAndRemembers(t *testing.T) {
	u := newTestUI(t, 0, "en")
	first := u.Store.Path()
	other := filepath.Join(t.TempDir(), "vendor2.db")
	s, err := data.Open(other)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Demo(context.Background(), s, demo.DemoOptions{Partners: 4, Seed: 9, Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	u.openDatabase(other)
	u.Wait()
	t.Cleanup(func() { u.Store.Close() })
	if u.Store.Path() != other || len(u.partners.Rows()) != 4 {
		t.Fatalf("after Open: store %s lists %d partners", u.Store.Path(), len(u.partners.Rows()))
	}
	recent := menuItem(u, "Open recent")
	if recent == nil || len(recent.ChildMenu.Items) != 1 || recent.ChildMenu.Items[0].Label != first {
		t.Fatalf("Open recent: %+v", recent)
	}
	recent.ChildMenu.Items[0].Action()
	u.Wait()
	if u.Store.Path() != first || len(u.partners.Rows()) != 0 {
		t.Errorf("back to the first file: store %s lists %d partners", u.Store.Path(), len(u.partners.Rows()))
	}
}

func TestOpenDatabaseThatFailsKeepsTheOpenOne(t *testing.T) {
	u := newTestUI(t, 2, "ru")
	junk := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(junk, []byte("just some text, not SQLite at all, long enough to have a header"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := u.Store.Path()
	u.openDatabase(junk)
	u.Wait()
	if u.Store.Path() != before || len(u.partners.Rows()) != 2 {
		t.Errorf("a bad file replaced the store: %s", u.Store.Path())
	}
	if u.Win.Canvas().Overlays().Top() == nil {
		t.Error("no error shown")
	}
	if _, err := u.Store.Settings(context.Background()); err != nil {
		t.Errorf("the open store no longer works: %v", err)
	}
}

func TestThemeOverride(t *testing.T) {
	u := newTestUI(t, 0, "en")
	item := themeFormItem(u)
	sel := item.Widget.(interface{ SetSelectedIndex(int) })
	sel.SetSelectedIndex(2)
	th, ok := u.App.Settings().Theme().(variantTheme)
	if !ok || th.variant != theme.VariantDark || u.App.Preferences().String(prefTheme) != "dark" {
		t.Errorf("dark chosen: theme %T %+v", u.App.Settings().Theme(), th)
	}
	sel.SetSelectedIndex(0)
	if _, held := u.App.Settings().Theme().(variantTheme); held || u.App.Preferences().String(prefTheme) != "" {
		t.Error("'as the system' still holds a variant")
	}
}
