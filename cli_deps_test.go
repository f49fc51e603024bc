package main

import (
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The command line runs without a window: its files (cli_*.go, everything
// of package main but main.go, which starts the GUI) import neither the
// screens nor, through what they import, a window toolkit driver. Fyne's
// lang (translations) draws nothing and is allowed.
func TestCLIDoesNotImportScreens(t *testing.T) {
	files, err := filepath.Glob("cli_*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cli_*.go files (%v)", err)
	}
	imports := map[string]bool{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, spec := range f.Imports {
			path, _ := strconv.Unquote(spec.Path.Value)
			if path == "channeldesk/screens" || strings.HasPrefix(path, "channeldesk/screens/") {
				t.Errorf("%s imports %s: the command line must not depend on the GUI", name, path)
			}
			imports[path] = true
		}
	}
	args := []string{"list", "-tags", "migrated_fynedo", "-deps"}
	for path := range imports {
		args = append(args, path)
	}
	out, err := exec.Command("go", args...).Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "channeldesk/screens") || strings.Contains(dep, "go-gl") ||
			strings.HasPrefix(dep, "fyne.io/") && dep != "fyne.io/fyne/v2" && dep != "fyne.io/fyne/v2/lang" {
			t.Errorf("the command line's files pull in %s", dep)
		}
	}
}
