package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2/lang"

	"channeldesk/app/importer"
	"channeldesk/data"
)

// importReq is what the command line asks of a partner import.
type importReq struct {
	maps, values, profile, saveAs string
	defaultType                   string // importer.ValueNone or a type; "" keeps the profile's or reseller
	order                         importer.DateOrder
	dry, skip                     bool
	keep                          map[importer.Field]bool
}

// mapping is the file's mapping and options: detected, or a saved
// profile's (named, or found by the file's headers), then --map and
// --values on top.
func (r importReq) mapping(ctx context.Context, s *data.Store, tab *importer.Table, stdout, stderr io.Writer) (importer.Mapping, importer.Options, error) {
	m, opt := importer.DetectMapping(tab.Header), importer.Options{Values: importer.ValueMap{}}
	var prof *data.ImportProfile
	var err error
	if r.profile != "" {
		prof, err = s.ImportProfileNamed(ctx, r.profile)
	} else {
		prof, err = importer.FindProfile(ctx, s, tab.Header)
	}
	if err != nil {
		return nil, opt, err
	}
	if prof != nil {
		if m, opt, err = importer.UseProfile(prof, tab.Header); err != nil {
			return nil, opt, err
		}
		fmt.Fprintln(stdout, lang.L("imports.profile_used", map[string]any{"Name": prof.Name}))
	}
	if err := applyMapFlag(m, tab.Header, r.maps, stderr); err != nil {
		return nil, opt, err
	}
	vm, err := parseValuesFlag(m, tab.Header, r.values, stderr)
	if err != nil {
		return nil, opt, err
	}
	opt.Values.Merge(vm)
	if r.defaultType != "" {
		opt.Values.SetDefault(importer.FType, r.defaultType)
	}
	opt.DateOrder, opt.KeepOurs = r.order, r.keep
	return m, opt, nil
}

// parseValuesFlag reads --values 'COLUMN:VALUE=OURS,...': COLUMN is a
// column of the file mapped to a category field (type, status, source,
// language), OURS one of our values in any spelling, default or skip.
func parseValuesFlag(m importer.Mapping, header []string, spec string, stderr io.Writer) (importer.ValueMap, error) {
	vm := importer.ValueMap{}
	if strings.TrimSpace(spec) == "" {
		return vm, nil
	}
	for _, pair := range strings.Split(spec, ",") {
		colVal, target, ok1 := cutLast(pair, "=")
		col, val, ok2 := strings.Cut(colVal, ":")
		if !ok1 || !ok2 {
			fmt.Fprintf(stderr, "channeldesk import: --values wants COLUMN:VALUE=OURS, got %q\n", pair)
			return nil, errUsage
		}
		f, found := columnField(m, header, col)
		if !found || !importer.CategoryField(f) {
			fmt.Fprintf(stderr, "channeldesk import: --values: the file has no type, status, source or language column %q\n", col)
			return nil, errUsage
		}
		t, ok := importer.ValueTarget(f, target)
		if !ok {
			fmt.Fprintf(stderr, "channeldesk import: --values: %q is not a %s of ours (nor default or skip)\n", target, f)
			return nil, errUsage
		}
		vm.Set(strings.TrimSpace(col), strings.TrimSpace(val), t)
	}
	return vm, nil
}

func cutLast(s, sep string) (before, after string, found bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// columnField finds the field the column named col is mapped to.
func columnField(m importer.Mapping, header []string, col string) (importer.Field, bool) {
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(h), strings.TrimSpace(col)) && i < len(m) {
			return m[i], true
		}
	}
	return importer.Ignore, false
}

// parseDatesFlag reads --dates: dmy, mdy or nothing (day first, and the
// preview says which columns were ambiguous).
func parseDatesFlag(s string, stderr io.Writer) (importer.DateOrder, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return importer.OrderUnknown, nil
	case "dmy", "d/m":
		return importer.OrderDMY, nil
	case "mdy", "m/d":
		return importer.OrderMDY, nil
	}
	fmt.Fprintf(stderr, "channeldesk import: --dates wants dmy or mdy, got %q\n", s)
	return importer.OrderUnknown, errUsage
}

// parseKeepFlag reads --keep-ours FIELD,...: fields an update leaves as stored.
func parseKeepFlag(spec string, stderr io.Writer) (map[importer.Field]bool, error) {
	keep := map[importer.Field]bool{}
	for _, name := range strings.Split(spec, ",") {
		if strings.TrimSpace(name) == "" {
			continue
		}
		f, ok := importer.ParseField(name)
		if !ok || f == importer.Ignore {
			fmt.Fprintf(stderr, "channeldesk import partners: --keep-ours: unknown field %q; fields: %s\n", name, fieldNames())
			return nil, errUsage
		}
		keep[f] = true
	}
	return keep, nil
}
