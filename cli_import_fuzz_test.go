package main

import (
	"errors"
	"io"
	"strings"
	"testing"

	"channeldesk/app/importer"
)

// FuzzMapFlag feeds the `--map SRC=FIELD,...` option arbitrary specs over
// arbitrary headers: it must accept or refuse with a usage error, never
// panic, keep one entry per column, and a field it maps must be on one
// column only.
func FuzzMapFlag(f *testing.F) {
	f.Add("Company\x1fE-mail\x1fOwner", "Company=name,E-mail=contact_email")
	f.Add("Название\x1fТип", "Тип=type,Название=ignore")
	f.Add("a=b\x1fc", "a=b=name")
	f.Add("x\x1fy", ",,=,x=-,y=NAME ")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, headers, spec string) {
		header := strings.Split(headers, "\x1f")
		m := importer.DetectMapping(header)
		err := applyMapFlag(m, header, spec, io.Discard)
		if err != nil && !errors.Is(err, errUsage) {
			t.Fatalf("--map %q: %v is not a usage error", spec, err)
		}
		if len(m) != len(header) {
			t.Fatalf("mapping of %d columns has %d entries", len(header), len(m))
		}
		if err != nil {
			return
		}
		cols := map[importer.Field]string{}
		for i, fld := range m {
			if fld == importer.Ignore {
				continue
			}
			if prev, ok := cols[fld]; ok && !sameHeader(prev, header[i]) {
				t.Fatalf("--map %q over %q: %q on columns %q and %q", spec, header, fld, prev, header[i])
			}
			cols[fld] = header[i]
		}
	})
}

// sameHeader is true for two columns the mapping cannot tell apart (the
// same name once folded): --map names a column by its name, so both move.
func sameHeader(a, b string) bool {
	m := importer.Mapping{importer.Ignore, importer.Ignore}
	m.Override([]string{a, b}, a, importer.FNotes)
	return m[1] == importer.FNotes
}
