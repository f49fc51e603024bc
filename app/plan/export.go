package plan

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"channeldesk/app/files"
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
	return files.WriteFileAtomic(path, files.ExportMode, func(w io.Writer) error {
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
// called after each file with the count done and the total. The files are
// made in a hidden folder inside dir and moved into place together at the
// end, so a failure halfway (a full disk, the folder gone) leaves dir as it
// was; a cancelled ctx stops between files and places those finished. It
// returns the paths placed.
func ExportAll(ctx context.Context, s *data.Store, dir string, opt Options, progress func(done, total int)) ([]string, error) {
	partners, err := ActivePartners(ctx, s)
	if err != nil {
		return nil, err
	}
	return ExportPartners(ctx, s, dir, partners, opt, progress)
}

// ExportPartners writes one PDF per partner given into dir, as ExportAll
// does for the active ones (a selection in the partner list), with the
// same all-together placing.
func ExportPartners(ctx context.Context, s *data.Store, dir string, partners []data.PartnerRow, opt Options,
	progress func(done, total int)) ([]string, error) {
	_, statErr := os.Stat(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, data.FolderFailure(dir, err)
	}
	paths, err := exportStaged(ctx, s, dir, partners, opt, progress)
	if err != nil && len(paths) == 0 && errors.Is(statErr, os.ErrNotExist) {
		os.Remove(dir) // made for this export; a failure leaves none
	}
	return paths, err
}

func exportStaged(ctx context.Context, s *data.Store, dir string, partners []data.PartnerRow, opt Options, progress func(done, total int)) ([]string, error) {
	staging, err := os.MkdirTemp(dir, ".channeldesk-plans-*")
	if err != nil {
		return nil, data.FolderFailure(dir, err)
	}
	defer os.RemoveAll(staging)
	names, err := exportInto(ctx, s, staging, partners, opt, progress)
	if err != nil && !errors.Is(err, context.Canceled) {
		return nil, err
	}
	paths, perr := place(staging, dir, names)
	if perr != nil {
		return paths, perr
	}
	return paths, err
}

// exportInto writes the partners' plans into staging and returns the file
// names written, in order; it stops at the first failure or a cancel.
func exportInto(ctx context.Context, s *data.Store, staging string, partners []data.PartnerRow, opt Options, progress func(done, total int)) ([]string, error) {
	used := map[string]bool{}
	var names []string
	for i, p := range partners {
		if err := ctx.Err(); err != nil {
			return names, err
		}
		name := files.SafeFileName(p.Name)
		if used[strings.ToLower(name)] {
			name = fmt.Sprintf("%s (%d)", name, p.ID)
		}
		used[strings.ToLower(name)] = true
		if err := ExportFile(ctx, s, p.ID, filepath.Join(staging, name+".pdf"), opt); err != nil {
			if ctx.Err() != nil {
				return names, ctx.Err() // the cancel, not the query it cut short
			}
			if _, ok := data.AsFileError(err); ok {
				// Name the folder chosen, not the hidden one.
				return names, data.Naming(filepath.Join(filepath.Dir(staging), name+".pdf"), err)
			}
			return names, fmt.Errorf("partner %d: %w", p.ID, err) // an ID, not a name: errors reach the log
		}
		names = append(names, name+".pdf")
		if progress != nil {
			progress(i+1, len(partners))
		}
	}
	return names, nil
}

// place moves the finished files from staging into dir.
func place(staging, dir string, names []string) ([]string, error) {
	paths := make([]string, 0, len(names))
	for _, n := range names {
		to := filepath.Join(dir, n)
		if err := os.Rename(filepath.Join(staging, n), to); err != nil {
			return paths, data.FileFailure(to, err)
		}
		paths = append(paths, to)
	}
	return paths, nil
}
