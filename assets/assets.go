// Package assets embeds what ships inside the binary: translations, the
// icon and, for documents, fonts.
package assets

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

//go:embed translations/*.json
var translations embed.FS

// IconPNG is the application icon; the window makes it a Fyne resource
// (screens.Icon), so that nothing that only writes documents links the
// toolkit's resources for it.
//
//go:embed icon.png
var IconPNG []byte

// Languages the interface is translated into.
var Languages = []string{"en", "ru"}

// Translations returns the merged translation table of one language: every
// translations/[area.]LANG.json file, so each area keeps its own file.
func Translations(language string) (map[string]string, error) {
	out := map[string]string{}
	files, err := fs.Glob(translations, "translations/*.json")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		base := strings.TrimSuffix(f[strings.LastIndex(f, "/")+1:], ".json")
		if base != language && !strings.HasSuffix(base, "."+language) {
			continue
		}
		b, err := translations.ReadFile(f)
		if err != nil {
			return nil, err
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		for k, v := range m {
			if was, ok := out[k]; ok && was != v {
				// Files merge into one table: a key with two texts would
				// show one area's wording in another area.
				return nil, fmt.Errorf("%s: %q is %q here and %q in another file", f, k, v, was)
			}
			out[k] = v
		}
	}
	return out, nil
}

// Language resolves the interface language: the override ("en", "ru")
// when set, otherwise the one the system locale asks for.
func Language(override string) string {
	if override == "en" || override == "ru" {
		return override
	}
	return SystemLanguage()
}

// LoadTranslations registers one language's table with Fyne's lang
// package under every locale, so the choice holds whatever the system says
// and on every platform; lang.L then speaks that language.
func LoadTranslations(language string) error {
	m, err := Translations(language)
	if err != nil {
		return err
	}
	b, _ := json.Marshal(m)
	// Fyne's own strings (dialog buttons) follow LANGUAGE on Linux, and a
	// "C" locale would otherwise make Fyne log a parse error per call.
	os.Setenv("LANGUAGE", language)
	for _, l := range Languages {
		if err := lang.AddTranslationsForLocale(b, fyne.Locale(l)); err != nil {
			return err
		}
	}
	return nil
}

// systemLanguage is read once, before LoadTranslations sets LANGUAGE.
var systemLanguage = detectSystemLanguage()

// SystemLanguage is the interface language the system locale asks for:
// "ru" for a Russian locale, otherwise "en".
func SystemLanguage() string { return systemLanguage }

func detectSystemLanguage() string {
	for _, env := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(env); v != "" {
			return langOf(v)
		}
	}
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return langOf(string(lang.SystemLocale()))
	}
	return "en"
}

func langOf(locale string) string {
	if strings.HasPrefix(strings.ToLower(locale), "ru") {
		return "ru"
	}
	return "en"
}
