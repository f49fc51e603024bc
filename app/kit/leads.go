package kit

import (
	"context"
	"strconv"
	"strings"

	"channeldesk/app/format"
	"channeldesk/app/lead"
	"channeldesk/data"
)

// OfferedLead is a lead offered to the partner, as its kit and e-mail show
// it: only what the partner may know about the customer (never the
// internal notes, the source or who captured it).
type OfferedLead struct {
	ID                    int64
	Company               string
	City, Region, Country string
	Product               string
	EstAmount             int64
	Currency              string // the size's own currency; "" is the program's
	ContactName           string
	ContactRole           string
	ContactEmail          string
	ContactPhone          string
	Notes                 string // the shareable notes
	OfferedOn             string
	ExpiresOn             string // the last day to accept
}

// Place is where the customer is: "Kazan, Tatarstan, Russia".
func (l OfferedLead) Place() string { return joinNonEmpty(", ", l.City, l.Region, l.Country) }

// Contact is the customer's contact in one line.
func (l OfferedLead) Contact() string {
	return joinNonEmpty(", ", l.ContactName, l.ContactRole, l.ContactEmail, l.ContactPhone)
}

// Size is the estimated size in its own currency, "" when not given.
func (l OfferedLead) Size(program string, lang format.Lang) string {
	if l.EstAmount == 0 {
		return ""
	}
	cur := strings.ToUpper(l.Currency)
	if cur == "" {
		cur = program
	}
	return format.FormatMoney(l.EstAmount, cur, lang)
}

func loadLeads(ctx context.Context, s *data.Store, c *Content) error {
	ls, err := s.Leads(ctx, data.LeadFilter{State: data.LeadOffered, PartnerID: c.PartnerID})
	if err != nil {
		return err
	}
	for _, l := range ls {
		if lead.Expired(l.ExpiresOn, c.KitDate) {
			continue // it goes back to the vendor: nothing left to answer
		}
		c.Leads = append(c.Leads, OfferedLead{ID: l.ID, Company: l.Company, City: l.City, Region: l.Region, Country: l.Country,
			Product: l.Product, EstAmount: l.EstAmount, Currency: l.Currency, ContactName: l.ContactName, ContactRole: l.ContactRole,
			ContactEmail: l.ContactEmail, ContactPhone: l.ContactPhone, Notes: l.NotesShareable, OfferedOn: l.OfferedOn,
			ExpiresOn: l.ExpiresOn})
	}
	// the offer ending first comes first
	for i := 1; i < len(c.Leads); i++ {
		for j := i; j > 0 && c.Leads[j].ExpiresOn < c.Leads[j-1].ExpiresOn; j-- {
			c.Leads[j], c.Leads[j-1] = c.Leads[j-1], c.Leads[j]
		}
	}
	return nil
}

// leadShown are the read-only columns of an offered lead's row, before
// its inputs.
var leadShown = []string{"lead_company", "lead_place", "product", "lead_size", "lead_contact", "lead_notes", "lead_answer_by"}

var leadCols = []column{
	{key: "lead_decision", field: "kit_lead_decision", kind: cChoice, list: listLeadDecision, req: true},
	{key: "lead_reason", field: "reason", kind: cText, max: shortText},
}

// leads writes the "Leads for you" sheet: each offered lead with the
// partner's answer (accept or decline) and a reason.
func (b *book) leads(c *Content) error {
	if err := b.newSheet(sheetLeads); err != nil {
		return err
	}
	for j, w := range []float64{26, 24, 14, 14, 36, 36, 14, 16, 30} {
		_ = b.f.SetColWidth(b.sheet, colName(firstCol+j), colName(firstCol+j), w)
	}
	b.title(b.L("leads.title"), b.st.title)
	b.hint(b.L("leads.hint"))
	b.header(append(append([]string{}, leadShown...), colKeys(leadCols)...)...)
	start := b.row
	for i, l := range c.Leads {
		for j, v := range []string{l.Company, l.Place(), l.Product, l.Size(c.Currency, c.Lang), l.Contact(), l.Notes, b.date(l.ExpiresOn)} {
			b.str(firstCol+j, start+i, v, b.st.text)
		}
		b.refs = append(b.refs, tagLead+strconv.FormatInt(l.ID, 10))
	}
	ls := c.Leads
	return b.inputRows(func(i int) string { return tagLead + strconv.FormatInt(ls[i].ID, 10) }, len(ls), firstCol+len(leadShown),
		leadCols, nil, func(i int) string { return ls[i].OfferedOn })
}

// leadDecision reads the partner's answer in either language: true to
// accept; ok false when the cell says neither.
func leadDecision(s string) (accept, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, l := range []string{"en", "ru"} {
		t, _ := translations(format.Lang(l))
		switch s {
		case strings.ToLower(t["kit.doc.lead.accept"]):
			return true, true
		case strings.ToLower(t["kit.doc.lead.decline"]):
			return false, true
		}
	}
	return false, false
}

// lead applies the partner's answer to one offered lead through the same
// rules as the Leads tab (app/lead): accepting, or declining with a
// reason. An offer that expired or was taken back is refused saying so;
// the same answer given again changes nothing.
func (im *importer) lead(r Row, it *Item) error {
	in := len(leadShown)
	if r.blank(in, len(leadCols)) {
		return nil
	}
	id := tagID(r.Tag, tagLead)
	it.Kind, it.Summary = RowLeadAnswer, joinNonEmpty(" · ", r.cellAt(0), r.cellAt(in), r.cellAt(in+1))
	reason, err := text(r, in+1, leadCols[1])
	if err != nil {
		return err
	}
	accept, ok := leadDecision(r.cellAt(in))
	if !ok {
		return data.Invalid(leadCols[0].field, "err.kit_lead_decision", map[string]any{"Value": r.cellAt(in)})
	}
	if accept {
		it.Kind = RowLeadAccept
	} else {
		it.Kind = RowLeadDecline
	}
	if l, err := data.LeadTx(im.ctx, im.tx, id); err != nil {
		return err
	} else if l.State == data.LeadOffered && l.PartnerID == im.m.PartnerID && l.OfferedOn != r.Orig {
		// offered again since the kit was made: the answer was to the old offer
		return data.Conflict("err.kit_lead_reoffered", map[string]any{"Date": l.OfferedOn})
	}
	changed, err := lead.RespondTx(im.ctx, im.s, im.tx, id, im.m.PartnerID, accept,
		data.LeadMove{On: im.today, Reason: reason, Author: im.opt.Author})
	if err == nil && !changed {
		it.Kind, it.Summary = "", "" // answered so already: nothing to show or store
	}
	return err
}

// leadsBlock lists a partner's open offers for its e-mail draft, one line
// each (company, city, product, last day), under a heading; "" when none.
func leadsBlock(c *Content, t map[string]string) string {
	if len(c.Leads) == 0 {
		return ""
	}
	lines := []string{t["kit.mail.leads"]}
	for _, l := range c.Leads {
		tpl := t["kit.mail.lead_line"]
		if l.City == "" && l.Region == "" {
			tpl = strings.Replace(tpl, ", {place}", "", 1)
		}
		if l.Product == "" {
			tpl = strings.Replace(tpl, " – {product}", "", 1)
		}
		lines = append(lines, strings.NewReplacer("{company}", l.Company, "{place}", joinNonEmpty(", ", l.City, l.Region),
			"{product}", l.Product, "{expires}", format.FormatDate(l.ExpiresOn, c.Lang)).Replace(tpl))
	}
	return strings.Join(lines, "\n")
}

// withLeads puts the offers into a draft's body: where the template says
// {leads}, else before its last paragraph (the greeting).
func withLeads(body, block string) string {
	if strings.Contains(body, "{leads}") || block == "" {
		return strings.ReplaceAll(body, "{leads}", block)
	}
	if i := strings.LastIndex(body, "\n\n"); i >= 0 {
		return body[:i] + "\n\n" + block + body[i:]
	}
	return body + "\n\n" + block
}
