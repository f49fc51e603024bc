package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportValuesFlag(t *testing.T) {
	t.Setenv("LANGUAGE", "en")
	dir := t.TempDir()
	file := filepath.Join(dir, "hubspot.csv")
	csv := "Company name,Type\nAlpha,Partner\nBeta,Partner\nGamma,Vendor\nDelta,Reseller\n"
	if err := os.WriteFile(file, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		values   string
		code     int
		partners int
		out      string
	}{
		{"unmapped values warn and import", "", 0, 4, "«Partner» (2 rows) is not a value we know"},
		{"bad target", "Type:Partner=franchise", 2, -1, "not a type of ours"},
		{"no such column", "Kind:Partner=reseller", 2, -1, "no type, status, source or language column"},
		{"mapped and skipped", "Type:Partner=msp,Type:Vendor=skip", 0, 3, "«Vendor» (1 rows) → skip these rows"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "_")+".db")
			args := []string{"import", "partners", file, "--db", db}
			if c.values != "" {
				args = append(args, "--values", c.values)
			}
			var stdout, stderr bytes.Buffer
			code := run(args, &stdout, &stderr)
			all := stdout.String() + stderr.String()
			if code != c.code || !strings.Contains(all, c.out) {
				t.Fatalf("exit %d, want %d; output:\n%s", code, c.code, all)
			}
			if c.partners < 0 {
				if _, err := os.Stat(db); !os.IsNotExist(err) {
					t.Errorf("a bad --values created %s", db)
				}
				return
			}
			if n := countPartners(t, db); n != c.partners {
				t.Errorf("%d partners stored, want %d", n, c.partners)
			}
		})
	}
}
