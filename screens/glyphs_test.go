package screens

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font/sfnt"
)

// Every character the interface writes is drawn from the font Fyne ships
// inside the program (Noto Sans), so text looks the same on every system.
// A character outside it is drawn from whatever system font has it, and
// Windows (Wine's fonts at least) had none for "≤": the dashboard tile read
// "Protection ends �14 days". Checked: every text in the translation files
// and every string literal in screens/ and app/ (timeline texts come from
// there), in the regular and the bold face.
func TestEveryInterfaceCharacterIsInTheBundledFont(t *testing.T) {
	faces := map[string]*sfnt.Font{}
	for name, res := range map[string][]byte{"regular": theme.DefaultTextFont().Content(), "bold": theme.DefaultTextBoldFont().Content()} {
		f, err := sfnt.Parse(res)
		if err != nil {
			t.Fatal(err)
		}
		faces[name] = f
	}
	var buf sfnt.Buffer
	reported := map[rune]bool{}
	check := func(where, text string) {
		for _, r := range text {
			if r < ' ' || r == '\u00a0' || r == '\ufeff' || r == unicode.ReplacementChar || reported[r] {
				continue
			}
			for name, f := range faces {
				if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
					reported[r] = true
					t.Errorf("%s: %q (%U) is not in the bundled %s font; it renders as � where no system font has it (use another character)", where, r, r, name)
					break
				}
			}
		}
	}
	files, _ := filepath.Glob("../assets/translations/*.json")
	if len(files) < 2 {
		t.Fatal("no translation files found")
	}
	for _, p := range files {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for k, v := range flattenTexts(m) {
			check(filepath.Base(p)+" "+k, v)
		}
	}
	var sources []string
	for _, pattern := range []string{"*.go", "../app/*.go", "../app/*/*.go"} {
		more, _ := filepath.Glob(pattern)
		sources = append(sources, more...)
	}
	for _, p := range sources {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					check(p, s)
				}
			}
			return true
		})
	}
}

// flattenTexts returns the string values of a translation file by key (plural
// forms as key.one, key.other).
func flattenTexts(m map[string]any) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		switch x := v.(type) {
		case string:
			out[k] = x
		case map[string]any:
			for kk, vv := range flattenTexts(x) {
				out[k+"."+kk] = vv
			}
		}
	}
	return out
}
