package kit

import (
	"context"
	"errors"
	"io"
	"strings"

	"channeldesk/app/files"
	"channeldesk/app/format"
	"channeldesk/data"
)

// applicationQuestions are the scorecard's questions as an applicant
// answers them (header keys kit.doc.col.q_*).
var applicationQuestions = []column{
	{key: "q_company", field: "company", kind: cText, max: shortText, req: true},
	{key: "q_legal_name", field: "legal_name", kind: cText, max: shortText},
	{key: "q_tax_id", field: "customer_tax_id", kind: cText, max: taxIDText},
	{key: "q_country", field: "country", kind: cText, max: shortText},
	{key: "q_region", field: "region", kind: cText, max: shortText},
	{key: "q_website", field: "website", kind: cText, max: shortText},
	{key: "q_type", field: "type", kind: cChoice, list: listPartnerType},
	{key: "q_verticals", field: "verticals", kind: cText, max: maxTextInCell},
	{key: "q_capabilities", field: "capabilities", kind: cText, max: maxTextInCell},
	{key: "q_customers", field: "notes", kind: cText, max: maxTextInCell},
	{key: "q_team_size", field: "value", kind: cCount},
	{key: "q_why_us", field: "notes", kind: cText, max: maxTextInCell},
	{key: "q_contact_name", field: "contact_name", kind: cText, max: shortText, req: true},
	{key: "q_email", field: "email", kind: cText, max: shortText},
	{key: "q_phone", field: "phone", kind: cText, max: phoneText},
}

// RenderApplication writes a blank partner application in language l.
func RenderApplication(program string, l format.Lang, kitDate string, secret []byte, w io.Writer) error {
	b, err := newBook(l, "EUR")
	if err != nil {
		return err
	}
	if err := b.makeSheets(sheetApply); err != nil {
		return err
	}
	types := make([]string, len(data.PartnerTypes))
	for i, t := range data.PartnerTypes {
		types[i] = b.t["type."+string(t)]
	}
	b.addList(listPartnerType, 4, types)
	if err := b.newSheet(sheetApply); err != nil {
		return err
	}
	_ = b.f.SetColWidth(b.sheet, colName(firstCol), colName(firstCol), 40)
	_ = b.f.SetColWidth(b.sheet, colName(firstCol+1), colName(firstCol+1), 70)
	b.wide, b.chars = 2, 100
	b.title(b.L("apply.title", program), b.st.title)
	b.hint(b.L("apply.hint"))
	for _, q := range applicationQuestions {
		b.str(firstCol, b.row, b.L("col."+q.key), b.st.label)
		if err := b.inputRows(func(int) string { return tagAnswer + q.key }, 1, firstCol+1, []column{q}, nil, nil); err != nil {
			return err
		}
	}
	m := &Marker{Kind: KindApplication, KitID: newKitID(), Program: program, KitDate: kitDate, Lang: string(l)}
	m.Sign(secret)
	b.writeMarker(m)
	if err := b.protect([]string{b.sheet}); err != nil {
		return err
	}
	return b.save(w)
}

// ExportApplication writes a blank application form to path.
func ExportApplication(ctx context.Context, s *data.Store, path string, l format.Lang) error {
	secret, err := s.KitSecret(ctx)
	if err != nil {
		return err
	}
	st, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	program := st.ProgramName
	if program == "" {
		program = st.VendorName
	}
	return files.WriteFileAtomic(path, 0o644, func(w io.Writer) error {
		return RenderApplication(program, l, s.Now().Format(format.DateLayout), secret, w)
	})
}

// answers maps each question key to the applicant's answer.
func answers(ret *Returned) (map[string]string, []data.ApplicationAnswer) {
	byKey := map[string]string{}
	var list []data.ApplicationAnswer
	for _, r := range ret.Rows {
		if r.Sheet != sheetApply || !strings.HasPrefix(r.Tag, tagAnswer) {
			continue
		}
		k := strings.TrimPrefix(r.Tag, tagAnswer)
		byKey[k] = r.cellAt(1)
		list = append(list, data.ApplicationAnswer{Question: k, Answer: r.cellAt(1)})
	}
	return byKey, list
}

// applyApplication imports a returned application as an applied prospect
// with source "inbound", its contact and its answers; the same form
// imported twice creates nothing.
func applyApplication(ctx context.Context, s *data.Store, ret *Returned, opt ImportOptions) (*Preview, error) {
	byKey, list := answers(ret)
	it := Item{Sheet: sheetApply, Line: 1, Kind: RowApplication, Summary: byKey["q_company"], Hash: "application"}
	pv := &Preview{Marker: ret.Marker, PartnerName: byKey["q_company"]}
	err := s.WithTx(ctx, func(tx *data.Tx) error {
		if done, err := data.KitDoneTx(ctx, tx, ret.Marker.KitID); err != nil || done {
			it.Done = done
			return err
		}
		p, err := applicant(byKey, ret.Lang)
		if err != nil {
			it.Err = err
			return errPreview
		}
		if err := createApplicant(ctx, tx, s, p, byKey, list); err != nil {
			if _, ok := data.AsError(err); ok {
				it.Err = err
				return errPreview
			}
			return err
		}
		if !opt.Commit {
			return errPreview
		}
		return s.InsertKitRowTx(ctx, tx, &data.KitRow{KitID: ret.Marker.KitID, Sheet: sheetApply, RowHash: it.Hash, PartnerID: p.ID,
			KitDate: ret.Marker.KitDate, Outcome: data.KitAccepted, Summary: it.Summary})
	})
	if errors.Is(err, errPreview) {
		err = nil
	}
	pv.Items = []Item{it}
	return pv, err
}

// applicant is the partner an application describes.
func applicant(a map[string]string, l format.Lang) (*data.Partner, error) {
	p := &data.Partner{Name: a["q_company"], LegalName: a["q_legal_name"], Type: data.TypeReseller, Status: data.StatusApplied,
		Country: a["q_country"], Region: a["q_region"], Website: a["q_website"], DocLang: string(l),
		Verticals: splitList(a["q_verticals"]), Capabilities: splitList(a["q_capabilities"])}
	if v := a["q_type"]; v != "" {
		t, ok := partnerType(v)
		if !ok {
			return nil, data.Invalid("type", "err.unknown_type", map[string]any{"Value": v})
		}
		p.Type = t
	}
	if v := a["q_team_size"]; v != "" {
		if _, err := count(v, "value", l); err != nil {
			return nil, err
		}
	}
	return p, p.Validate()
}

func partnerType(label string) (data.PartnerType, bool) {
	for _, l := range []format.Lang{format.EN, format.RU} {
		t, _ := translations(l)
		for _, pt := range data.PartnerTypes {
			if strings.EqualFold(t["type."+string(pt)], label) || strings.EqualFold(string(pt), label) {
				return pt, true
			}
		}
	}
	return "", false
}

func splitList(s string) []string {
	var out []string
	for _, v := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func createApplicant(ctx context.Context, tx *data.Tx, s *data.Store, p *data.Partner, a map[string]string, list []data.ApplicationAnswer) error {
	if err := s.CreatePartnerTx(ctx, tx, p); err != nil {
		return err
	}
	c := &data.Contact{PartnerID: p.ID, Name: a["q_contact_name"], Email: a["q_email"], Phone: a["q_phone"], Primary: true}
	if err := s.SaveContactTx(ctx, tx, c); err != nil {
		return err
	}
	if err := s.SaveProspectSourceTx(ctx, tx, &data.ProspectSource{PartnerID: p.ID, Source: data.SourceInbound, Interest: a["q_why_us"]}); err != nil {
		return err
	}
	return data.SaveApplicationAnswersTx(ctx, tx, p.ID, list)
}
