package importer

import (
	"context"
	"encoding/json"
	"sort"
	"strings"

	"channeldesk/data"
)

// dateOrderKey keeps, among a profile's value defaults, how its
// ambiguous dates are read.
const dateOrderKey Field = "date_order"

var dateOrderNames = map[DateOrder]string{OrderDMY: "dmy", OrderMDY: "mdy"}

// HeaderKey is what a file's set of headers is recognised by: the folded
// names, sorted, so the same export with its columns moved still matches.
func HeaderKey(header []string) string {
	keys := make([]string, 0, len(header))
	for _, h := range header {
		if k := headerKey(h); k != "" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return strings.Join(keys, "|")
}

// SaveProfile stores the mapping (columns, values, source) used for a
// file under name, to be found again for files with the same headers.
func SaveProfile(ctx context.Context, s *data.Store, name string, header []string, m Mapping, opt Options) error {
	cols := map[string]Field{}
	for i, h := range header {
		if i < len(m) {
			cols[headerKey(h)] = m[i]
		}
	}
	cj, err := json.Marshal(cols)
	if err != nil {
		return err
	}
	values := ValueMap{}
	values.Merge(opt.Values)
	if opt.DateOrder != OrderUnknown {
		values.SetDefault(dateOrderKey, dateOrderNames[opt.DateOrder])
	}
	vj, err := json.Marshal(values)
	if err != nil {
		return err
	}
	return s.SaveImportProfile(ctx, &data.ImportProfile{Name: name, HeaderKey: HeaderKey(header), Columns: string(cj),
		Values: string(vj), Source: opt.Source})
}

// UseProfile makes the mapping and options a saved profile gives a file:
// its columns by name (a column it does not know keeps the detected
// field), its value map and its source.
func UseProfile(p *data.ImportProfile, header []string) (Mapping, Options, error) {
	m := DetectMapping(header)
	var cols map[string]Field
	opt := Options{Values: ValueMap{}, Source: p.Source}
	if err := json.Unmarshal([]byte(p.Columns), &cols); err != nil {
		return nil, opt, data.Invalid("profile", "imports.err_profile", map[string]any{"Name": p.Name})
	}
	if err := json.Unmarshal([]byte(p.Values), &opt.Values); err != nil {
		return nil, opt, data.Invalid("profile", "imports.err_profile", map[string]any{"Name": p.Name})
	}
	for i, h := range header {
		if f, ok := cols[headerKey(h)]; ok {
			m[i] = f
		}
	}
	if opt.Values == nil {
		opt.Values = ValueMap{}
	}
	for o, name := range dateOrderNames {
		if opt.Values.Default(dateOrderKey) == name {
			opt.DateOrder = o
		}
	}
	return m, opt, nil
}

// FindProfile returns the saved profile for files with these headers, or nil.
func FindProfile(ctx context.Context, s *data.Store, header []string) (*data.ImportProfile, error) {
	return s.ImportProfileFor(ctx, HeaderKey(header))
}
