package kit_test

import (
	"context"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"channeldesk/app/kit"
	"channeldesk/data"
)

// TestMailDraftCarriesTheKit: with Mail, each kit gets an RFC 5322 draft
// to the partner's primary contact, subject and body filled from the
// template in the partner's language, kit and plan attached, and the
// draft is in the partner's timeline.
func TestMailDraftCarriesTheKit(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	pa, err := w.s.Partner(ctx, w.a)
	if err != nil {
		t.Fatal(err)
	}
	pa.DocLang = "ru"
	if err := w.s.UpdatePartner(ctx, pa); err != nil {
		t.Fatal(err)
	}
	rows, _ := w.s.PartnerRows(ctx)
	dir := t.TempDir()
	if _, err := kit.ExportAll(ctx, w.s, rows[:1], dir, kit.Options{Mail: true, PlanPDF: true}, nil); err != nil {
		t.Fatal(err)
	}
	emls, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
	if len(emls) != 1 {
		t.Fatalf("%d drafts", len(emls))
	}
	f, _ := os.Open(emls[0])
	defer f.Close()
	m, err := mail.ReadMessage(f)
	if err != nil {
		t.Fatal(err)
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if m.Header.Get("To") != "ann@alpha.example" || !strings.Contains(subject, "комплект партнёра") || !strings.Contains(subject, "Polar Partner Network") {
		t.Errorf("To %q, subject %q", m.Header.Get("To"), subject)
	}
	_, params, _ := mime.ParseMediaType(m.Header.Get("Content-Type"))
	mr := multipart.NewReader(m.Body, params["boundary"])
	var names []string
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		if p.FileName() != "" {
			names = append(names, p.FileName())
		}
	}
	if len(names) != 2 || !strings.HasSuffix(names[0], ".xlsx") || !strings.HasSuffix(names[1], ".pdf") {
		t.Errorf("attachments %v", names)
	}
	evs, _ := w.s.Events(ctx, w.a)
	logged := false
	for _, e := range evs {
		logged = logged || e.Kind == data.EventEmail && strings.Contains(e.Body, ".xlsx")
	}
	if !logged {
		t.Error("the draft is not in the partner's timeline")
	}
}
