package plan

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"channeldesk/app"
	"channeldesk/data"
)

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
	return app.WriteFileAtomic(path, app.ExportMode, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
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
		name := app.SafeFileName(p.Name)
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
