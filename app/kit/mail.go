package kit

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"net/textproto"
	"os"
	"path/filepath"
	"strings"
	"time"

	"channeldesk/app/files"
	"channeldesk/app/format"
	"channeldesk/app/plan"
	"channeldesk/data"
)

// Attachment is a file an e-mail draft carries.
type Attachment struct {
	Name    string
	Type    string // MIME type
	Content []byte
}

// Draft is an e-mail to a partner, not yet sent.
type Draft struct {
	To, Subject, Body string
	Attachments       []Attachment
	Date              time.Time
}

// SettingMailSubject and SettingMailBody are the settings keys of the
// editable templates, followed by ".en" or ".ru"; {partner}, {manager},
// {due} and {program} are filled in, and {leads} by the leads offered to
// the partner (without it they come before the body's last paragraph).
const (
	SettingMailSubject = "kit.mail.subject"
	SettingMailBody    = "kit.mail.body"
)

// Compose writes the draft as an RFC 5322 message (MIME multipart with
// base64 attachments), marked unsent so a mail client opens it as a draft.
func (d *Draft) Compose(w io.Writer) error {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	h := textproto.MIMEHeader{}
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Content-Transfer-Encoding", "base64")
	pw, err := mw.CreatePart(h)
	if err != nil {
		return err
	}
	writeBase64(pw, []byte(strings.ReplaceAll(d.Body, "\n", "\r\n")))
	for _, a := range d.Attachments {
		h := textproto.MIMEHeader{}
		h.Set("Content-Type", a.Type)
		h.Set("Content-Transfer-Encoding", "base64")
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.Name}))
		pw, err := mw.CreatePart(h)
		if err != nil {
			return err
		}
		writeBase64(pw, a.Content)
	}
	if err := mw.Close(); err != nil {
		return err
	}
	hdr := []string{
		"To: " + d.To,
		"Subject: " + mime.QEncoding.Encode("utf-8", d.Subject),
		"Date: " + d.Date.Format(time.RFC1123Z),
		"MIME-Version: 1.0",
		"X-Unsent: 1",
		"Content-Type: multipart/mixed; boundary=" + mw.Boundary(),
	}
	_, err = io.WriteString(w, strings.Join(hdr, "\r\n")+"\r\n\r\n"+body.String())
	return err
}

// writeBase64 writes b in base64 lines of 76 characters.
func writeBase64(w io.Writer, b []byte) {
	s := base64.StdEncoding.EncodeToString(b)
	for len(s) > 76 {
		io.WriteString(w, s[:76]+"\r\n")
		s = s[76:]
	}
	io.WriteString(w, s+"\r\n")
}

// MailOptions say what a draft attaches.
type MailOptions struct {
	KitPath string // the kit to attach ("" = none)
	PlanPDF bool   // attach the partner's plan PDF too
	Lang    format.Lang
}

// WriteDraft writes an e-mail draft for a partner into dir (its subject
// and body from the templates in the partner's language), logs it in the
// partner's timeline and returns the .eml path.
func WriteDraft(ctx context.Context, s *data.Store, partnerID int64, dir string, opt MailOptions) (string, error) {
	d, err := NewDraft(ctx, s, partnerID, opt)
	if err != nil {
		return "", err
	}
	p, err := s.Partner(ctx, partnerID)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, DraftName(p.Name))
	if err := files.WriteFileAtomic(path, 0o644, d.Compose); err != nil {
		return "", err
	}
	var names []string
	for _, a := range d.Attachments {
		names = append(names, a.Name)
	}
	err = s.WithTx(ctx, func(tx *data.Tx) error {
		return data.InsertEventTx(ctx, tx, &data.Event{PartnerID: partnerID, Kind: data.EventEmail, At: s.Now().UTC().Format(time.RFC3339),
			Body: d.Subject + " — " + strings.Join(names, ", ")})
	})
	return path, err
}

// DraftName is the file name of a partner's e-mail draft.
func DraftName(partnerName string) string { return files.SafeFileName(partnerName) + ".eml" }

// NewDraft composes the draft for a partner: to its primary contact, the
// templates filled with its name, the manager and the due date.
func NewDraft(ctx context.Context, s *data.Store, partnerID int64, opt MailOptions) (*Draft, error) {
	c, err := Load(ctx, s, partnerID, Options{Lang: opt.Lang})
	if err != nil {
		return nil, err
	}
	to := ""
	for _, p := range c.Contacts {
		if p.Email != "" && (to == "" || p.Primary) {
			to = p.Email
		}
	}
	t, err := translations(c.Lang)
	if err != nil {
		return nil, err
	}
	fill := fillFor(c)
	d := &Draft{To: to, Date: s.Now(), Subject: fill.Replace(template(ctx, s, SettingMailSubject, c.Lang, t)),
		Body: withLeads(fill.Replace(template(ctx, s, SettingMailBody, c.Lang, t)), leadsBlock(c, t))}
	if opt.KitPath != "" {
		b, err := os.ReadFile(opt.KitPath)
		if err != nil {
			return nil, err
		}
		d.Attachments = append(d.Attachments, Attachment{Name: filepath.Base(opt.KitPath), Content: b,
			Type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
	}
	if opt.PlanPDF {
		b, err := plan.RenderBytes(ctx, s, partnerID, plan.Options{Lang: c.Lang, Today: s.Now()})
		if err != nil {
			return nil, err
		}
		d.Attachments = append(d.Attachments, Attachment{Name: files.SafeFileName(c.PartnerName) + ".pdf", Content: b, Type: "application/pdf"})
	}
	return d, nil
}

// template is the manager's template from the settings, or the built-in one.
func template(ctx context.Context, s *data.Store, key string, l format.Lang, t map[string]string) string {
	if v, err := s.Setting(ctx, key+"."+string(l)); err == nil && strings.TrimSpace(v) != "" {
		return v
	}
	return t[key]
}
