package kit

import (
	"context"
	"regexp"
	"strings"
	"unicode/utf8"

	"channeldesk/app/format"
	"channeldesk/data"
)

// Placeholders are what a mail template may use; each is filled per
// partner when a draft is made.
var Placeholders = []string{"{partner}", "{manager}", "{due}", "{program}", "{leads}"}

// Template lengths: a subject is one line, a body a short letter.
const (
	MaxSubjectLen = 200
	MaxBodyLen    = 5000
)

// MailTemplate is the subject and body of the e-mail drafts in one language.
type MailTemplate struct {
	Subject, Body string
	Custom        bool // the manager's own (false: the built-in one)
}

// MailTemplateFor is the template drafts in language l use now.
func MailTemplateFor(ctx context.Context, s *data.Store, l format.Lang) (MailTemplate, error) {
	t, err := translations(l)
	if err != nil {
		return MailTemplate{}, err
	}
	m := MailTemplate{Subject: template(ctx, s, SettingMailSubject, l, t), Body: template(ctx, s, SettingMailBody, l, t)}
	m.Custom = m.Subject != t[SettingMailSubject] || m.Body != t[SettingMailBody]
	return m, nil
}

var placeholderRE = regexp.MustCompile(`\{[^{}\s]*\}`)

// Validate checks a template: a subject on one line, a body, both within
// their lengths, and only known placeholders (a typo such as {parner}
// would reach every partner as written).
func (m *MailTemplate) Validate() error {
	m.Subject, m.Body = strings.TrimSpace(m.Subject), strings.TrimSpace(m.Body)
	switch {
	case m.Subject == "":
		return data.Invalid("mail_subject", "err.required", nil)
	case strings.ContainsAny(m.Subject, "\r\n"):
		return data.Invalid("mail_subject", "err.kit_subject_line", nil)
	case utf8.RuneCountInString(m.Subject) > MaxSubjectLen:
		return data.Invalid("mail_subject", "err.too_long", map[string]any{"Max": MaxSubjectLen})
	case m.Body == "":
		return data.Invalid("mail_body", "err.required", nil)
	case utf8.RuneCountInString(m.Body) > MaxBodyLen:
		return data.Invalid("mail_body", "err.too_long", map[string]any{"Max": MaxBodyLen})
	}
	for field, text := range map[string]string{"mail_subject": m.Subject, "mail_body": m.Body} {
		for _, p := range placeholderRE.FindAllString(text, -1) {
			known := false
			for _, k := range Placeholders {
				known = known || p == k
			}
			if !known {
				return data.Invalid(field, "err.kit_placeholder", map[string]any{"Value": p, "Known": strings.Join(Placeholders, " ")})
			}
		}
	}
	return nil
}

// SaveMailTemplate stores the manager's template for language l; a nil
// template goes back to the built-in one.
func SaveMailTemplate(ctx context.Context, s *data.Store, l format.Lang, m *MailTemplate) error {
	subject, body := "", ""
	if m != nil {
		if err := m.Validate(); err != nil {
			return err
		}
		subject, body = m.Subject, m.Body
	}
	return s.WithTx(ctx, func(tx *data.Tx) error {
		if err := data.SetSettingTx(ctx, tx, SettingMailSubject+"."+string(l), subject); err != nil {
			return err
		}
		return data.SetSettingTx(ctx, tx, SettingMailBody+"."+string(l), body)
	})
}

// MailPreview is a template filled for one partner.
type MailPreview struct {
	Partner, Subject, Body string
}

// PreviewMail fills a template as the draft for a partner would read
// (partnerID 0: the first active partner, or sample values when there is
// none).
func PreviewMail(ctx context.Context, s *data.Store, partnerID int64, l format.Lang, m MailTemplate) (MailPreview, error) {
	if partnerID == 0 {
		ps, err := Partners(ctx, s, Selection{All: true})
		if err != nil {
			return MailPreview{}, err
		}
		if len(ps) > 0 {
			partnerID = ps[0].ID
		}
	}
	name := "Example Partner Ltd"
	fill := strings.NewReplacer("{partner}", name, "{manager}", "Manager", "{due}", format.FormatDate(s.Today(), l),
		"{program}", "Partner Program")
	leads := ""
	if partnerID != 0 {
		c, err := Load(ctx, s, partnerID, Options{Lang: l})
		if err != nil {
			return MailPreview{}, err
		}
		t, err := translations(c.Lang)
		if err != nil {
			return MailPreview{}, err
		}
		name, fill, leads = c.PartnerName, fillFor(c), leadsBlock(c, t)
	}
	return MailPreview{Partner: name, Subject: fill.Replace(m.Subject), Body: withLeads(fill.Replace(m.Body), leads)}, nil
}

// fillFor fills the placeholders for a partner's kit content.
func fillFor(c *Content) *strings.Replacer {
	return strings.NewReplacer("{partner}", c.PartnerName, "{manager}", c.Manager.Name, "{due}", format.FormatDate(c.Due, c.Lang),
		"{program}", c.Program)
}
