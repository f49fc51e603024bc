package importer

import (
	"channeldesk/app/format"
	"channeldesk/data"
	"context"
	"strings"
)

// Fields only a leads file has.
const (
	FProductInterest Field = "product_interest"
	FEstAmount       Field = "est_amount"
	FCurrency        Field = "currency"
	FNotesShareable  Field = "notes_shareable"
)

// LeadFields lists the fields a leads file's columns can fill.
var LeadFields = []Field{FName, FINN, FWebsite, FContactName, FContactFirst, FContactLast, FContactSecond, FContactRole,
	FContactEmail, FContactPhone, FCountry, FRegion, FCity, FProductInterest, FEstAmount, FCurrency, FSource, FEventName,
	FEventDate, FNotes, FNotesShareable}

// leadHeaderNames are the column names of a leads file (a badge-scanner
// or web-form export) beyond those partner files share.
var leadHeaderNames = map[Field][]string{
	FProductInterest: {"product interest", "product of interest", "interest", "interested in", "product", "products",
		"solution", "интерес", "интересует", "продукт", "интересующий продукт", "продукты"},
	FEstAmount: {"estimated size", "estimated value", "deal size", "budget", "amount", "potential", "opportunity amount",
		"бюджет", "сумма", "оценка", "оценка сделки", "потенциал", "объем"},
	FCurrency:       {"currency", "валюта"},
	FNotesShareable: {"shareable notes", "notes for partner", "comment for partner", "комментарий для партнера"},
	FName:           {"customer", "end customer", "client", "клиент", "заказчик", "конечный клиент"},
	FContactName:    {"visitor", "attendee", "full name", "посетитель", "участник", "фио", "имя"},
	FContactRole:    {"job title", "title", "position", "должность"},
}

// ParseLeadField returns the leads-file field with the given name ("" or
// "ignore" ignores).
func ParseLeadField(s string) (Field, bool) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "" || s == "ignore" || s == "-" {
		return Ignore, true
	}
	for _, f := range LeadFields {
		if string(f) == s {
			return f, true
		}
	}
	return Ignore, false
}

// DetectLeadMapping maps a leads file's headers: the names partner files
// use, then the leads' own; a products column is the product of interest
// and fields a lead has not are ignored.
func DetectLeadMapping(header []string) Mapping {
	m := DetectMapping(header)
	lead := map[Field]bool{}
	for _, f := range LeadFields {
		lead[f] = true
	}
	for i, f := range m {
		switch {
		case f == FProducts:
			m[i] = FProductInterest
		case !lead[f]:
			m[i] = Ignore
		}
	}
	personNamed(m, header)
	for i, h := range header {
		if m[i] != Ignore {
			continue
		}
		k := headerKey(h)
		for f, names := range leadHeaderNames {
			for _, n := range names {
				if n == k && !m.Has(f) {
					m[i] = f
				}
			}
		}
	}
	return m
}

// LeadOptions tune a leads import.
type LeadOptions struct {
	Event     string // the event every lead of the file was met at ("" : the file's own column)
	EventDate string // its date, YYYY-MM-DD
	Currency  string // the program currency, for amounts without one
	Values    ValueMap
	DateOrder DateOrder
	Author    string
}

// LeadRow is one row of a leads file as the import will treat it.
type LeadRow struct {
	Num       int
	Action    Action // Create, Merge (the lead is already stored or earlier in the file) or Reject
	Lead      data.Lead
	Column    string      // the column at fault
	Err       *data.Error // why rejected
	Duplicate string      // the stored lead or registered customer it repeats
}

// LeadPreview is what a leads import would do.
type LeadPreview struct {
	Table                       *Table
	Mapping                     Mapping
	Rows                        []LeadRow
	Created, Existing, Rejected int
}

// ErrNoCompanyColumn is returned when no column holds the customer's company.
var ErrNoCompanyColumn = data.Invalid("mapping", "imports.err_leads_no_company", nil)

// PlanLeads reads a leads file with the mapping m: each row becomes a
// lead in the pool, a repeat of a stored lead (same company and event)
// or of an earlier row is left out, and a row that cannot be read is
// rejected with its column and reason.
func PlanLeads(ctx context.Context, s *data.Store, t *Table, m Mapping, opt LeadOptions) (*LeadPreview, error) {
	if !m.Has(FName) {
		return nil, ErrNoCompanyColumn
	}
	stored, err := s.Leads(ctx, data.LeadFilter{})
	if err != nil {
		return nil, err
	}
	seen := map[string]string{}
	for _, l := range stored {
		seen[l.CompanyKey+"|"+l.EventName] = l.Company
	}
	p := &LeadPreview{Table: t, Mapping: m}
	for i, rec := range t.Rows {
		if i%1000 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		r := readLeadRow(t, m, rec, opt)
		r.Num = t.RowNums[i]
		if r.Action == Create {
			key := r.Lead.CompanyKey + "|" + r.Lead.EventName
			if prev, dup := seen[key]; dup {
				r.Action, r.Duplicate = Merge, prev
			}
			seen[key] = r.Lead.Company
		}
		switch r.Action {
		case Create:
			p.Created++
		case Merge:
			p.Existing++
		default:
			p.Rejected++
		}
		p.Rows = append(p.Rows, r)
	}
	return p, nil
}

func readLeadRow(t *Table, m Mapping, rec []string, opt LeadOptions) LeadRow {
	vals, cols := cells(m, rec)
	reject := func(f Field, e *data.Error) LeadRow {
		r := LeadRow{Action: Reject, Err: e}
		if c, ok := cols[f]; ok && c < len(t.Header) {
			r.Column = t.Header[c]
		}
		return r
	}
	l := data.Lead{Company: vals[FName], TaxID: taxDigits(vals[FINN]), Website: vals[FWebsite], ContactRole: vals[FContactRole],
		ContactEmail: vals[FContactEmail], ContactPhone: vals[FContactPhone], Country: vals[FCountry], Region: vals[FRegion],
		City: vals[FCity], Product: vals[FProductInterest], NotesInternal: vals[FNotes], NotesShareable: vals[FNotesShareable],
		EventName: vals[FEventName], CreatedBy: opt.Author}
	if l.TaxID == "" {
		l.TaxID = strings.TrimSpace(vals[FINN])
	}
	l.CompanyKey = format.NormalizeCompany(l.Company)
	l.ContactName = vals[FContactName]
	if l.ContactName == "" {
		l.ContactName = strings.Join(strings.Fields(vals[FContactLast]+" "+vals[FContactFirst]+" "+vals[FContactSecond]), " ")
	}
	if opt.Event != "" {
		l.EventName, l.EventDate = opt.Event, opt.EventDate
	} else if d := vals[FEventDate]; d != "" {
		iso, ok := ReadDate(d, opt.DateOrder)
		if !ok {
			return reject(FEventDate, data.Invalid("event_date", "err.recruit_date", map[string]any{"Value": d}))
		}
		l.EventDate = iso
	}
	src, e := leadSource(vals[FSource], t, cols, opt.Values, l.EventName != "")
	if e != nil {
		return reject(FSource, e)
	}
	l.Source = src
	if a := vals[FEstAmount]; a != "" {
		cur := vals[FCurrency]
		if cur == "" {
			cur = opt.Currency
		}
		minor, c, ok := ReadAmount(a, cur)
		if !ok || minor < 0 {
			return reject(FEstAmount, data.Invalid("est_amount", "imports.err_leads_amount", map[string]any{"Value": a}))
		}
		if c == "" {
			c = cur
		}
		l.EstAmount, l.Currency = minor, c
	}
	if err := l.Validate(); err != nil {
		e, _ := data.AsError(err)
		f := Field(e.Field)
		if e.Field == "company" {
			f = FName
		}
		return reject(f, e)
	}
	return LeadRow{Action: Create, Lead: l}
}

// leadSourceWords are the spellings of lead sources in files, folded.
var leadSourceWords = map[string]data.LeadSource{
	"event": data.LeadFromEvent, "trade show": data.LeadFromEvent, "tradeshow": data.LeadFromEvent, "expo": data.LeadFromEvent,
	"conference": data.LeadFromEvent, "booth": data.LeadFromEvent, "мероприятие": data.LeadFromEvent, "выставка": data.LeadFromEvent,
	"конференция": data.LeadFromEvent, "стенд": data.LeadFromEvent,
	"website": data.LeadFromWebsite, "web": data.LeadFromWebsite, "web form": data.LeadFromWebsite, "site": data.LeadFromWebsite,
	"inbound": data.LeadFromWebsite, "сайт": data.LeadFromWebsite, "форма на сайте": data.LeadFromWebsite,
	"referral": data.LeadFromReferral, "partner referral": data.LeadFromReferral, "рекомендация": data.LeadFromReferral,
	"реферал":  data.LeadFromReferral,
	"campaign": data.LeadFromCampaign, "marketing campaign": data.LeadFromCampaign, "email campaign": data.LeadFromCampaign,
	"webinar": data.LeadFromCampaign, "кампания": data.LeadFromCampaign, "рассылка": data.LeadFromCampaign, "вебинар": data.LeadFromCampaign,
}

// leadSource reads a source cell: the value map first, then the words
// files use; an empty cell is an event when the lead has one, else the
// website. A value nobody can place is refused with a way out (--values).
func leadSource(v string, t *Table, cols map[Field]int, vm ValueMap, event bool) (data.LeadSource, *data.Error) {
	if strings.TrimSpace(v) == "" {
		if event {
			return data.LeadFromEvent, nil
		}
		return data.LeadFromWebsite, nil
	}
	if c, ok := cols[FSource]; ok && c < len(t.Header) {
		if target, ok := vm.Lookup(t.Header[c], v); ok {
			if s := data.LeadSource(target); s.Valid() {
				return s, nil
			}
		}
	}
	if s, ok := leadSourceWords[headerKey(v)]; ok {
		return s, nil
	}
	return "", data.Invalid("source", "imports.err_leads_source", map[string]any{"Value": v})
}

// ApplyLeads stores the new leads of a preview in one transaction. A
// preview with rejected rows writes nothing: the file is fixed first.
func ApplyLeads(ctx context.Context, s *data.Store, p *LeadPreview) (int, error) {
	if p.Rejected > 0 {
		return 0, data.Invalid("file", "imports.err_leads_rejected", map[string]any{"Count": p.Rejected})
	}
	n := 0
	err := s.WithTx(ctx, func(tx *data.Tx) error {
		n = 0
		for i := range p.Rows {
			if i%500 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			if p.Rows[i].Action != Create {
				continue
			}
			l := p.Rows[i].Lead
			if err := s.CreateLeadTx(ctx, tx, &l); err != nil {
				return err
			}
			n++
		}
		return ctx.Err()
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// personNamed fixes a badge-scanner export's "Name" beside "Company":
// there the name is the visitor's and the company the customer.
func personNamed(m Mapping, header []string) {
	name, company := -1, -1
	for i, h := range header {
		switch headerKey(h) {
		case "name", "имя", "full name", "фио":
			name = i
		case "company", "company name", "organization", "organisation", "компания", "организация":
			company = i
		}
	}
	if name < 0 || company < 0 || m.Has(FContactName) {
		return
	}
	m[name], m[company] = FContactName, FName
}
