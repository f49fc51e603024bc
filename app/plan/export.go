package plan

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"channeldesk/data"
)

// WriteFileAtomic writes b to path through a temporary file in the same
// folder, synced and then renamed into place, so a failure never leaves a
// broken file nor destroys an older one.
func WriteFileAtomic(path string, b []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	name := tmp.Name()
	_, err = tmp.Write(b)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = data.ReplaceFile(name, path)
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}

// windowsReserved are names Windows refuses whatever the extension.
var windowsReserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true, "COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true, "LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true}

// SafeFileName turns a partner name into a file name (without extension)
// that every file system accepts: no path separators or reserved
// characters, no control characters, no leading dots, no trailing dots or
// spaces, no Windows device names, at most 80 characters. Letters of any
// script stay.
func SafeFileName(name string) string {
	var b strings.Builder
	for _, c := range name {
		switch {
		case unicode.IsControl(c), strings.ContainsRune(`<>:"/\|?*`, c):
			b.WriteRune('_')
		case unicode.IsSpace(c):
			b.WriteRune(' ')
		default:
			b.WriteRune(c)
		}
	}
	s := strings.Join(strings.Fields(b.String()), " ")
	s = strings.TrimLeft(s, ". ")
	if rs := []rune(s); len(rs) > 80 {
		s = string(rs[:80])
	}
	s = strings.TrimRight(s, ". ")
	base := strings.ToUpper(s)
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	if s == "" || windowsReserved[strings.TrimSpace(base)] {
		s = "partner_" + s
	}
	return s
}

// RenderBytes loads and renders one partner's plan.
func RenderBytes(ctx context.Context, s *data.Store, partnerID int64, opt Options) ([]byte, error) {
	doc, err := Load(ctx, s, partnerID, opt)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := Render(doc, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ExportFile writes one partner's plan to path.
func ExportFile(ctx context.Context, s *data.Store, partnerID int64, path string, opt Options) error {
	b, err := RenderBytes(ctx, s, partnerID, opt)
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, b)
}

// ActivePartners lists the partners a batch export covers: active and at
// risk ones (at risk is internal; the partner is still active to itself).
func ActivePartners(ctx context.Context, s *data.Store) ([]data.PartnerRow, error) {
	rows, err := s.PartnerRows(ctx)
	if err != nil {
		return nil, err
	}
	out := rows[:0]
	for _, r := range rows {
		if r.Status == data.StatusActive || r.Status == data.StatusAtRisk {
			out = append(out, r)
		}
	}
	return out, nil
}

// ExportAll writes one PDF per active partner into dir, named after the
// partner (made safe, and unique when two names collide). progress is
// called after each file with the count done and the total; a cancelled
// ctx stops between files. It returns the paths written.
func ExportAll(ctx context.Context, s *data.Store, dir string, opt Options, progress func(done, total int)) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	partners, err := ActivePartners(ctx, s)
	if err != nil {
		return nil, err
	}
	used := map[string]bool{}
	var paths []string
	for i, p := range partners {
		if err := ctx.Err(); err != nil {
			return paths, err
		}
		name := SafeFileName(p.Name)
		if used[strings.ToLower(name)] {
			name = fmt.Sprintf("%s (%d)", name, p.ID)
		}
		used[strings.ToLower(name)] = true
		path := filepath.Join(dir, name+".pdf")
		if err := ExportFile(ctx, s, p.ID, path, opt); err != nil {
			if ctx.Err() != nil {
				return paths, ctx.Err() // the cancel, not the query it cut short
			}
			return paths, fmt.Errorf("%s: %w", p.Name, err)
		}
		paths = append(paths, path)
		if progress != nil {
			progress(i+1, len(partners))
		}
	}
	return paths, nil
}
