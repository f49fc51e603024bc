package screens

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// No screen holds the whole window: each is given a deps struct with the
// store, the window, its language, a runner and the callbacks it uses
// (partnerDeps, dealDeps, settingsDeps…), so that what a screen can reach
// is written at its constructor. Only UI itself may name *UI in a struct.
func TestNoScreenHoldsTheWindow(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	structs := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok || ts.Name.Name == "UI" {
				return true
			}
			structs++
			if holdsUI(st) {
				t.Errorf("%s in %s holds *UI: give it a deps struct (see partnerDeps) instead", ts.Name.Name, f)
			}
			return true
		})
	}
	if structs < 40 {
		t.Fatalf("only %d struct types found in screens: is the test running in the package directory?", structs)
	}
}

// holdsUI says whether a struct has a field (or embeds) *UI or UI.
func holdsUI(st *ast.StructType) bool {
	for _, f := range st.Fields.List {
		typ := f.Type
		if s, ok := typ.(*ast.StarExpr); ok {
			typ = s.X
		}
		if id, ok := typ.(*ast.Ident); ok && id.Name == "UI" {
			return true
		}
	}
	return false
}
