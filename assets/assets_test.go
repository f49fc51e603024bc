package assets

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestTranslationsAreComplete(t *testing.T) {
	en, err := Translations("en")
	if err != nil {
		t.Fatal(err)
	}
	ru, err := Translations("ru")
	if err != nil {
		t.Fatal(err)
	}
	if len(en) < 50 {
		t.Fatalf("only %d English strings", len(en))
	}
	for k, v := range en {
		if strings.TrimSpace(ru[k]) == "" {
			t.Errorf("%q has no Russian translation", k)
		}
		if strings.TrimSpace(v) == "" {
			t.Errorf("%q is empty in English", k)
		}
	}
	for k := range ru {
		if _, ok := en[k]; !ok {
			t.Errorf("%q is in Russian only", k)
		}
	}
}

// Every literal key the code passes to lang.L must exist, or the user
// sees the raw key.
func TestEveryKeyInCodeIsTranslated(t *testing.T) {
	en, _ := Translations("en")
	re := regexp.MustCompile(`lang\.L\("([a-z0-9_]+\.[a-z0-9_.]*[a-z0-9_])"`)
	files, _ := filepath.Glob("../*/*.go")
	more, _ := filepath.Glob("../*/*/*.go")
	for _, f := range append(files, more...) {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, _ := os.ReadFile(f)
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			if _, ok := en[m[1]]; !ok {
				t.Errorf("%s: key %q is not in the translations", f, m[1])
			}
		}
	}
}

func TestLanguage(t *testing.T) {
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "ru_RU.UTF-8")
	if got := detectSystemLanguage(); got != "ru" {
		t.Errorf("system ru: got %s", got)
	}
	if got := Language("en"); got != "en" {
		t.Errorf("override en: got %s", got)
	}
	t.Setenv("LANG", "de_DE.UTF-8")
	if got := detectSystemLanguage(); got != "en" {
		t.Errorf("system de falls back to en: got %s", got)
	}
}

// The area files merge into one table, so a key written in two files
// must say the same thing in both.
func TestOneTextPerKey(t *testing.T) {
	for _, l := range []string{"en", "ru"} {
		if _, err := Translations(l); err != nil {
			t.Error(err)
		}
	}
}
