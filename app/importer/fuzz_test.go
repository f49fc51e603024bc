package importer_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"channeldesk/app/importer"
)

func FuzzReadCSV(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.csv")
	for _, name := range files {
		b, _ := os.ReadFile(name)
		f.Add(b)
	}
	f.Add([]byte("a;b\n\"x\n;y\";\"\"\"\"\n\n"))
	f.Add([]byte{0xEF, 0xBB, 0xBF, 'n', ',', 0xC0})
	f.Fuzz(func(t *testing.T, raw []byte) {
		tab, err := importer.ReadCSV(bytes.NewReader(raw))
		if err != nil {
			return
		}
		if tab.Header == nil || len(tab.Rows) != len(tab.RowNums) {
			t.Fatalf("header %v, %d rows, %d numbers", tab.Header, len(tab.Rows), len(tab.RowNums))
		}
		last := 1
		for _, n := range tab.RowNums {
			if n <= last {
				t.Fatalf("row numbers not increasing after the header: %v", tab.RowNums)
			}
			last = n
		}
		for _, rec := range tab.Rows {
			for _, v := range rec {
				if !utf8Valid(v) {
					t.Fatalf("cell %q is not UTF-8", v)
				}
			}
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

func FuzzMapper(f *testing.F) {
	f.Add("Company name\x1fType\x1fE-mail\x1fname", "Channel Partner / Reseller")
	f.Add("Название\x1fТип партнёра\x1fСтатус", "Реселлер")
	f.Add("\x1f\x1f", "")
	f.Fuzz(func(t *testing.T, headers, value string) {
		header := strings.Split(headers, "\x1f")
		m := importer.DetectMapping(header)
		if len(m) != len(header) {
			t.Fatalf("mapping of %d columns has %d entries", len(header), len(m))
		}
		seen := map[importer.Field]bool{}
		for _, f := range m {
			if f != importer.Ignore && seen[f] {
				t.Fatalf("field %q mapped twice: %v", f, m)
			}
			seen[f] = true
		}
		m.Override(header, value, importer.FName)
		if pt, ok := importer.MatchType(value); ok && !pt.Valid() {
			t.Fatalf("MatchType(%q) gave unknown %q", value, pt)
		}
		if st, ok := importer.MatchStatus(value); ok && !st.Valid() {
			t.Fatalf("MatchStatus(%q) gave unknown %q", value, st)
		}
	})
}
