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

// layer ranks ChannelDesk's packages: a package may import its own layer
// or one below, never one above (main → screens → app packages → data).
func layer(path string) int {
	switch {
	case path == "channeldesk":
		return 4
	case path == "channeldesk/screens":
		return 3
	case strings.HasPrefix(path, "channeldesk/screens/"):
		return 2 // widgets and the test window: below the screens
	case strings.HasPrefix(path, "channeldesk/app/"), strings.HasPrefix(path, "channeldesk/internal/"),
		strings.HasPrefix(path, "channeldesk/packaging/"):
		return 1
	default: // data, data/teamserver, assets
		return 0
	}
}

// No package imports one above it, and nothing below the screens links a
// window toolkit: data, the app packages and assets may use Fyne's lang
// (translations, which draw nothing) and the root package it needs, no more.
func TestPackagesImportOnlyDownward(t *testing.T) {
	out, err := exec.Command("go", "list", "-tags", "migrated_fynedo", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	pkgs := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		from := f[0]
		pkgs++
		for _, to := range f[1:] {
			if strings.HasPrefix(to, "channeldesk") && layer(to) > layer(from) {
				t.Errorf("%s imports %s, a layer above it", from, to)
			}
		}
	}
	if pkgs < 25 {
		t.Fatalf("go list found %d packages", pkgs)
	}
	deps, err := exec.Command("go", "list", "-tags", "migrated_fynedo", "-deps", "./data/...", "./app/...", "./assets/...").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, dep := range strings.Fields(string(deps)) {
		if strings.Contains(dep, "go-gl") || strings.HasPrefix(dep, "fyne.io/") && dep != "fyne.io/fyne/v2" && dep != "fyne.io/fyne/v2/lang" {
			t.Errorf("data, app or assets pull in %s", dep)
		}
	}
}
