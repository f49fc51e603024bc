package assets

import (
	"os"
	"strings"
	"testing"
	"unsafe"

	"fyne.io/fyne/v2/lang"
	"golang.org/x/sys/windows"
)

// userDefaultLocaleName asks Windows itself, not through Fyne.
func userDefaultLocaleName(t *testing.T) string {
	t.Helper()
	buf := make([]uint16, 85) // LOCALE_NAME_MAX_LENGTH
	r, _, err := windows.NewLazySystemDLL("kernel32.dll").NewProc("GetUserDefaultLocaleName").
		Call(uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
	if r == 0 {
		t.Fatalf("GetUserDefaultLocaleName: %v", err)
	}
	return windows.UTF16ToString(buf)
}

// With no LANG, LC_* or LANGUAGE in the program's environment — as on a
// real Windows — the interface language is the Windows user locale's
// (GetUserDefaultLocaleName, read by Fyne's go-locale): Russian for ru-RU,
// English for any other. make test-windows runs this under Wine twice,
// with CD_WANT_WINDOWS_LOCALE=ru-RU and =en-US: Wine fixes a process's
// Windows locale from its Unix locale when it starts, so the variables
// can be emptied here, inside the process, without changing it.
func TestWindowsLocaleDecidesLanguageWithoutLANG(t *testing.T) {
	for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if was, ok := os.LookupEnv(v); ok {
			os.Unsetenv(v)
			t.Cleanup(func() { os.Setenv(v, was) })
		}
	}
	name := userDefaultLocaleName(t)
	if want := os.Getenv("CD_WANT_WINDOWS_LOCALE"); want != "" && !strings.EqualFold(name, want) {
		t.Fatalf("the Windows user locale is %q, the run set up %q: this run cannot prove what it should", name, want)
	}
	t.Logf("GetUserDefaultLocaleName: %s; Fyne's lang.SystemLocale: %s", name, lang.SystemLocale())
	if got := string(lang.SystemLocale()); len(got) < 2 || len(name) < 2 || !strings.EqualFold(got[:2], name[:2]) {
		t.Errorf("Fyne's lang.SystemLocale() is %q under the Windows locale %q", got, name)
	}
	want := "en"
	if strings.HasPrefix(strings.ToLower(name), "ru") {
		want = "ru"
	}
	if got := detectSystemLanguage(); got != want {
		t.Errorf("under the Windows locale %s with no LANG the interface language is %q, want %q", name, got, want)
	}
}
