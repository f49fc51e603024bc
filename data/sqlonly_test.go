package data_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// sqlOutsideDataAllowed are the directories besides data/ that may hold
// SQL: the PostgreSQL side of team sync and the throw-away PostgreSQL of
// its tests speak to another database than the store.
var sqlOutsideDataAllowed = []string{"data", "internal/pgtest"}

// sqlPending lists the files outside data/ that still hold SQL text,
// import database/sql or call Store.DB() (issue 16). It only shrinks: a file whose SQL has
// moved into data must leave the list, and the test says so.
var sqlPending = map[string]bool{
	// app/mdf, app/metrics, app/plan, app/report (k16a)
	"app/mdf/mdf.go":               true,
	"app/mdf/mdf_accrual.go":       true,
	"app/mdf/mdf_balance.go":       true,
	"app/mdf/mdf_claim.go":         true,
	"app/mdf/mdf_view.go":          true,
	"app/metrics/atrisk.go":        true,
	"app/metrics/dashboard.go":     true,
	"app/metrics/dashboard_mdf.go": true,
	"app/plan/dashboard.go":        true,
	"app/plan/doc.go":              true,
	"app/plan/overview.go":         true,
	"app/plan/pending.go":          true,
	"app/plan/tier.go":             true,
	"app/report/mdf.go":            true,
	"app/report/plans.go":          true,
	"app/report/sheets.go":         true,
	"app/report/summary.go":        true,
	"app/report/tiers.go":          true,
	// the crash harness checks the file's integrity after a kill
	"internal/testutil/crash.go": true,
}

// sqlText finds statements in Go string literals.
var sqlText = regexp.MustCompile(`\b(SELECT\s[\s\S]*\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|PRAGMA\s+\w+|SAVEPOINT\s+\w+|RELEASE\s+\w+)\b`)

// TestNoSQLOutsideData walks every non-test Go file of the module outside
// data/: none imports database/sql, calls Store.DB() or holds SQL text in
// a string literal; every query lives in data, behind typed methods
// (issue 16).
func TestNoSQLOutsideData(t *testing.T) {
	root := ".."
	var offenders []string
	walked := 0
	stillPending := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "vendor" || allowedSQLDir(rel)) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") || strings.HasSuffix(rel, "_test.go") {
			return nil
		}
		walked++
		why := sqlIn(t, path)
		if why == "" {
			return nil
		}
		if sqlPending[rel] {
			stillPending[rel] = true
			return nil
		}
		offenders = append(offenders, rel+": "+why)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if walked < 100 {
		t.Fatalf("walked only %d Go files from %s; the walk is broken", walked, root)
	}
	sort.Strings(offenders)
	for _, o := range offenders {
		t.Errorf("SQL outside data/ (move it into a typed data method): %s", o)
	}
	for f := range sqlPending {
		if !stillPending[f] {
			t.Errorf("%s holds no SQL any more: take it off sqlPending", f)
		}
	}
}

// The detector itself: each kind of offence is found, plain text is not.
func TestSQLDetector(t *testing.T) {
	for name, src := range map[string]string{
		"import": "package p\nimport _ \"database/sql\"\n",
		"select": "package p\nvar q = `SELECT id\n\tFROM partners`\n",
		"insert": "package p\nvar q = \"INSERT INTO deals (id) VALUES (1)\"\n",
		"update": "package p\nvar q = \"UPDATE deals SET amount = 1\"\n",
		"delete": "package p\nvar q = \"DELETE FROM deals\"\n",
		"db":     "package p\nfunc f(s interface{ DB() any }) { s.DB() }\n",
	} {
		if why := sqlIn(t, writeGo(t, src)); why == "" {
			t.Errorf("%s: not found", name)
		}
	}
	if why := sqlIn(t, writeGo(t, "package p\nvar s = \"Select a partner from the list\"\n")); why != "" {
		t.Errorf("plain text taken for SQL: %s", why)
	}
}

func writeGo(t *testing.T, src string) string {
	path := filepath.Join(t.TempDir(), "f.go")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func allowedSQLDir(rel string) bool {
	for _, a := range sqlOutsideDataAllowed {
		if rel == a {
			return true
		}
	}
	return false
}

// sqlIn says why the file at path counts as holding SQL, or "".
func sqlIn(t *testing.T, path string) string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for _, im := range f.Imports {
		if p, _ := strconv.Unquote(im.Path.Value); p == "database/sql" {
			return `imports "database/sql"`
		}
	}
	var why string
	ast.Inspect(f, func(n ast.Node) bool {
		if why != "" {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 0 {
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "DB" {
				why = "calls DB() (the store's *sql.DB)"
				return false
			}
		}
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		s, err := strconv.Unquote(lit.Value)
		if err != nil {
			return true
		}
		if m := sqlText.FindString(s); m != "" {
			why = "SQL text " + strconv.Quote(firstLine(m))
		}
		return true
	})
	return why
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + "…"
	}
	return s
}
