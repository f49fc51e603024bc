package kit

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"channeldesk/app/files"
	"channeldesk/app/format"
	"channeldesk/data"
)

// ExportFile writes one partner's kit to path (atomically) and returns
// its marker.
func ExportFile(ctx context.Context, s *data.Store, partnerID int64, path string, opt Options) (*Marker, error) {
	secret, err := s.KitSecret(ctx)
	if err != nil {
		return nil, err
	}
	return exportFile(ctx, s, secret, partnerID, path, opt)
}

func exportFile(ctx context.Context, s *data.Store, secret []byte, partnerID int64, path string, opt Options) (*Marker, error) {
	c, err := Load(ctx, s, partnerID, opt)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	m, err := Render(c, secret, &buf)
	if err != nil {
		return nil, err
	}
	return m, files.WriteFileAtomic(path, 0o644, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	})
}

// Selection says which partners get a kit. Exactly one field is set.
type Selection struct {
	PartnerIDs []int64
	All        bool   // active and at-risk partners
	Tier       string // the assigned tier's name
	Type       data.PartnerType
	Due        bool // the partners whose figures are due (FiguresDue)
}

// Partners resolves a selection to partners, in name order. All, a tier,
// a type and the figures due cover active partners only (at risk counts
// as active: the partner is not told).
func Partners(ctx context.Context, s *data.Store, sel Selection) ([]data.PartnerRow, error) {
	rows, err := s.PartnerRows(ctx)
	if err != nil {
		return nil, err
	}
	want := map[int64]bool{}
	for _, id := range sel.PartnerIDs {
		want[id] = true
	}
	if sel.Tier != "" {
		ids, err := s.PartnersOfTier(ctx, sel.Tier)
		if err != nil {
			return nil, err
		}
		if len(ids) == 0 {
			return nil, data.NotFound("tier")
		}
		for _, id := range ids {
			want[id] = true
		}
	}
	if sel.Due {
		_, ids, err := FiguresDue(ctx, s)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			want[id] = true
		}
	}
	var out []data.PartnerRow
	for _, r := range rows {
		active := r.Status == data.StatusActive || r.Status == data.StatusAtRisk
		switch {
		case len(sel.PartnerIDs) > 0 && want[r.ID],
			sel.All && active,
			sel.Tier != "" && want[r.ID] && active,
			sel.Due && want[r.ID] && active,
			sel.Type != "" && r.Type == sel.Type && active:
			out = append(out, r)
		}
	}
	return out, nil
}

// FileName is the kit's file name for a partner: its name made safe for
// every file system.
func FileName(partnerName string, lang format.Lang) string {
	word := "kit"
	if lang == format.RU {
		word = "комплект"
	}
	return files.SafeFileName(partnerName+" — "+word) + ".xlsx"
}

// ExportAll writes one kit per partner into dir, named after the partner
// (unique when two names collide). progress is called after each file; a
// cancelled ctx stops between files and removes nothing already written.
// It returns the paths written.
func ExportAll(ctx context.Context, s *data.Store, partners []data.PartnerRow, dir string, opt Options, progress func(done, total int)) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	secret, err := s.KitSecret(ctx)
	if err != nil {
		return nil, err
	}
	used := map[string]bool{}
	var paths []string
	for i, p := range partners {
		if err := ctx.Err(); err != nil {
			return paths, err
		}
		l := opt.Lang
		if l == "" {
			l = partnerLang(ctx, s, p.ID)
		}
		name := FileName(p.Name, l)
		if used[strings.ToLower(name)] {
			name = strings.TrimSuffix(name, ".xlsx") + fmt.Sprintf(" (%d).xlsx", p.ID)
		}
		used[strings.ToLower(name)] = true
		path := filepath.Join(dir, name)
		if _, err := exportFile(ctx, s, secret, p.ID, path, opt); err != nil {
			if ctx.Err() != nil {
				return paths, ctx.Err()
			}
			return paths, fmt.Errorf("%s: %w", p.Name, err)
		}
		paths = append(paths, path)
		if opt.Mail {
			if _, err := WriteDraft(ctx, s, p.ID, dir, MailOptions{KitPath: path, PlanPDF: opt.PlanPDF, Lang: opt.Lang}); err != nil {
				return paths, fmt.Errorf("%s: %w", p.Name, err)
			}
		}
		if progress != nil {
			progress(i+1, len(partners))
		}
	}
	return paths, nil
}

func partnerLang(ctx context.Context, s *data.Store, id int64) format.Lang {
	if p, err := s.Partner(ctx, id); err == nil && p.DocLang == string(format.RU) {
		return format.RU
	}
	return format.EN
}
