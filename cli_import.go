package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/lang"

	"channeldesk/app/importer"
	"channeldesk/data"
)

// runImport is `channeldesk import partners FILE [--dry-run] [--skip-invalid]
// [--map SRC=FIELD,...] [--values COLUMN:VALUE=OURS,...] [--dates dmy|mdy]
// [--profile NAME] [--save-profile NAME] [--default-type TYPE|none] [--db PATH]`: it prints the
// preview, then imports in one transaction. Unknown values of category
// columns import with the default and are printed as warnings. A saved
// profile for the file's headers is used unless --profile names another;
// --map and --values apply on top of it.
// With rejected rows nothing is written (exit 1) unless --skip-invalid
// asks to import the valid rows alone.
func runImport(args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "contacts" {
		return runImportContacts(args[1:], stdout, stderr)
	}
	if len(args) == 0 || args[0] != "partners" {
		fmt.Fprintln(stderr, "channeldesk import: say what to import: import partners FILE, import contacts FILE, or import deals FILE")
		return errUsage
	}
	fs, db := newFlags("import partners", stderr)
	dry := fs.Bool("dry-run", false, "print the preview and write nothing")
	skip := fs.Bool("skip-invalid", false, "import the valid rows and skip the rejected ones")
	maps := fs.String("map", "", "column mapping overrides: SRC=FIELD,... (FIELD empty or 'ignore' to ignore)")
	values := fs.String("values", "", "value mapping: COLUMN:VALUE=OURS,... (OURS a type/status/source/language, default or skip)")
	dates := fs.String("dates", "", "how to read dates that could be either way: dmy (15/03) or mdy (03/15)")
	profile := fs.String("profile", "", "use the saved import profile NAME")
	saveAs := fs.String("save-profile", "", "save the columns and values used as import profile NAME")
	keep := fs.String("keep-ours", "", "fields an update by record ID leaves as stored: FIELD,...")
	defType := fs.String("default-type", "", "type of rows whose type is empty or unknown: a type, or none (no type)")
	file, tab, err := readOneFile(fs, args[1:], map[string]bool{"db": true, "map": true, "values": true, "dates": true,
		"profile": true, "save-profile": true, "keep-ours": true, "default-type": true}, "partners", stderr)
	if err != nil {
		return err
	}
	m := importer.DetectMapping(tab.Header)
	if err := applyMapFlag(m, tab.Header, *maps, stderr); err != nil {
		return err
	}
	if _, err := parseValuesFlag(m, tab.Header, *values, stderr); err != nil {
		return err
	}
	order, err := parseDatesFlag(*dates, stderr)
	if err != nil {
		return err
	}
	path, err := dbPath(*db)
	if err != nil {
		return err
	}
	_, statErr := os.Stat(path)
	created := errors.Is(statErr, os.ErrNotExist)
	if created && *dry {
		// a dry run writes nothing, not even a new empty database
		dir, err := os.MkdirTemp("", "channeldesk-dry-run")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "dry-run.db")
	}
	keepOurs, err := parseKeepFlag(*keep, stderr)
	if err != nil {
		return err
	}
	dt, err := parseDefaultType(*defType, stderr)
	if err != nil {
		return err
	}
	req := importReq{maps: *maps, values: *values, profile: *profile, saveAs: *saveAs, order: order, dry: *dry, skip: *skip,
		keep: keepOurs, defaultType: dt}
	err = importInto(path, file, tab, req, stdout, stderr)
	if err != nil && created {
		removeDB(path)
	}
	return err
}

func importInto(path, file string, tab *importer.Table, req importReq, stdout, stderr io.Writer) error {
	return withStore(path, func(ctx context.Context, s *data.Store) error {
		m, opt, err := req.mapping(ctx, s, tab, stdout, stderr)
		if err != nil {
			return err
		}
		p, err := importer.Plan(ctx, s, tab, m, opt)
		if err != nil {
			return err
		}
		printPreview(stdout, file, p)
		if err := finishImport(ctx, s, p, req.dry, req.skip, stdout); err != nil || req.dry || req.saveAs == "" {
			return err
		}
		if err := importer.SaveProfile(ctx, s, req.saveAs, tab.Header, m, opt); err != nil {
			return err
		}
		fmt.Fprintln(stdout, lang.L("imports.profile_saved", map[string]any{"Name": req.saveAs}))
		return nil
	})
}

// finishImport writes a previewed partner import unless it is a dry run:
// with rejected rows nothing is written unless skip asks for the valid
// rows alone.
func finishImport(ctx context.Context, s *data.Store, p *importer.Preview, dry, skip bool, stdout io.Writer) error {
	return applyUnlessDry(stdout, dry, func() error {
		if p.Rejected > 0 && !skip {
			return data.Invalid("", "err.recruit_rejected_rows", map[string]any{"Count": p.Rejected})
		}
		st, _ := s.Settings(ctx)
		res, err := importer.Apply(ctx, s, p, st.ManagerName, nil)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, lang.L("recruit.import_done", map[string]any{"Created": res.Created, "Merged": res.Merged,
			"Skipped": res.Skipped}))
		if res.Updated > 0 {
			fmt.Fprintln(stdout, lang.L("imports.done_updated", map[string]any{"Updated": res.Updated}))
		}
		return nil
	})
}

// parseDefaultType reads --default-type: one of our types in any
// spelling, or none (the rows stay without a type, shown as "—").
func parseDefaultType(v string, stderr io.Writer) (string, error) {
	if strings.TrimSpace(v) == "" {
		return "", nil
	}
	t, ok := importer.ValueTarget(importer.FType, v)
	if !ok || t == importer.ValueSkip || t == importer.ValueDefault {
		fmt.Fprintf(stderr, "channeldesk import partners: --default-type wants a partner type or none, got %q\n", v)
		return "", errUsage
	}
	return t, nil
}

// splitArgs separates flags (with the values of those that take one) from
// positional arguments, so FILE may come before or after the flags.
func splitArgs(args []string, withValue map[string]bool) (flags, rest []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return flags, append(rest, args[i+1:]...)
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if withValue[name] && i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	return flags, rest
}

// applyMapFlag applies --map SRC=FIELD,... to the detected mapping.
func applyMapFlag(m importer.Mapping, header []string, spec string, stderr io.Writer) error {
	if strings.TrimSpace(spec) == "" {
		return nil
	}
	for _, pair := range strings.Split(spec, ",") {
		i := strings.LastIndex(pair, "=")
		if i < 0 {
			fmt.Fprintf(stderr, "channeldesk import partners: --map wants SRC=FIELD, got %q\n", pair)
			return errUsage
		}
		f, ok := importer.ParseField(pair[i+1:])
		if !ok {
			fmt.Fprintf(stderr, "channeldesk import partners: unknown field %q; fields: %s\n", pair[i+1:], fieldNames())
			return errUsage
		}
		if !m.Override(header, pair[:i], f) {
			fmt.Fprintf(stderr, "channeldesk import partners: the file has no column %q\n", pair[:i])
			return errUsage
		}
	}
	return nil
}

func fieldNames() string {
	names := make([]string, len(importer.Fields))
	for i, f := range importer.Fields {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// printPreview writes what the import will do: the file, the columns, the
// counts, every rejected row with its column and reason, every merge.
func printPreview(w io.Writer, file string, p *importer.Preview) {
	t := p.Table
	fmt.Fprintln(w, lang.L("recruit.import_file", map[string]any{"File": file, "Encoding": t.Encoding,
		"Delimiter": delimiterName(t.Delimiter), "Rows": len(t.Rows)}))
	for i, h := range t.Header {
		field := lang.L("recruit.field_ignored")
		if p.Mapping[i] != importer.Ignore {
			field = string(p.Mapping[i])
		}
		fmt.Fprintf(w, "  %q → %s\n", h, field)
	}
	fmt.Fprintln(w, lang.L("recruit.import_counts", map[string]any{"Created": p.Created, "Merged": p.Merged,
		"Rejected": p.Rejected}))
	if p.Updated > 0 {
		fmt.Fprintln(w, lang.L("imports.counts_updated", map[string]any{"Updated": p.Updated}))
	}
	if p.Skipped+p.Warned > 0 {
		fmt.Fprintln(w, lang.L("imports.counts_more", map[string]any{"Skipped": p.Skipped, "Warned": p.Warned}))
	}
	for _, line := range importer.DetailLines(p) {
		fmt.Fprintln(w, "  "+line)
	}
	for _, r := range p.Rows {
		if line := importer.RowText(r); line != "" {
			fmt.Fprintln(w, "  "+line)
		}
	}
}

func delimiterName(d rune) string {
	switch d {
	case 0:
		return "-"
	case '\t':
		return "tab"
	}
	return string(d)
}
