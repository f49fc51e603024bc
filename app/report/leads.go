package report

import (
	"context"
	"strings"

	"channeldesk/app/format"
	"channeldesk/app/lead"
	"channeldesk/data"
)

// The leads sheets join the report after the others: every lead with
// where it stands, the funnel of each event, and how each partner
// handled the leads it was offered.
func init() {
	Sheets = append(Sheets,
		Sheet{"leads.sheet.leads", writeLeads},
		Sheet{"leads.sheet.events", writeLeadEvents},
		Sheet{"leads.sheet.partners", writeLeadPartners})
}

var leadCols = []column{
	{"report.col.id", colID, false},
	{"leads.col.company", colText, false},
	{"leads.col.event", colText, false},
	{"report.col.event_date", colDate, false},
	{"leads.col.source", colText, false},
	{"report.col.country", colText, false},
	{"leads.col.region", colText, false},
	{"report.col.city", colText, false},
	{"leads.col.product", colText, false},
	{"leads.col.size", colMoney, true},
	{"leads.col.size_other", colText, false},
	{"leads.col.state", colText, false},
	{"leads.col.partner", colText, false},
	{"leads.col.offered", colDate, false},
	{"leads.col.until", colDate, false},
	{"leads.col.reason", colText, false},
	{"leads.col.captured", colDate, false},
}

// writeLeads lists every lead (the workbook is the manager's own, so
// reasons belong here).
func writeLeads(ctx context.Context, b *Book, sheet string) error {
	leads, err := b.Store.Leads(ctx, data.LeadFilter{})
	if err != nil {
		return err
	}
	rows := make([][]any, 0, len(leads))
	for _, l := range leads {
		size, other := b.leadSize(&l)
		rows = append(rows, []any{l.ID, l.Company, l.EventName, l.EventDate, b.L("leads.source." + string(l.Source)),
			l.Country, l.Region, l.City, l.Product, size, other, b.L("leads.state." + string(l.State)), l.PartnerName,
			l.OfferedOn, l.ExpiresOn, l.Reason, firstDay(l.CreatedAt)})
	}
	return b.writeTable(ctx, sheet, table{Name: "Leads", Cols: leadCols, Rows: rows})
}

// leadSize splits a lead's estimated size between the program-currency
// column (which the table totals) and, for a lead sized in another
// currency, a text in that currency: the app keeps no exchange rates, so
// such a size is shown as it was given and never added to the total.
func (b *Book) leadSize(l *data.Lead) (any, string) {
	if l.Currency == "" || strings.EqualFold(l.Currency, b.Settings.Currency) {
		return l.EstAmount, ""
	}
	return nil, format.FormatMoney(l.EstAmount, strings.ToUpper(l.Currency), b.Opt.Lang)
}

var leadEventCols = []column{
	{"leads.col.event", colText, false},
	{"report.col.event_date", colDate, false},
	{"leads.col.captured_n", colInt, true},
	{"leads.col.routed_n", colInt, true},
	{"leads.col.converted_n", colInt, true},
	{"leads.col.revenue", colMoney, true},
}

// writeLeadEvents is each event's funnel: captured, routed, converted and
// the won revenue of the deals its leads became.
func writeLeadEvents(ctx context.Context, b *Book, sheet string) error {
	evs, err := b.Store.LeadEventCounts(ctx)
	if err != nil {
		return err
	}
	rows := make([][]any, 0, len(evs))
	for _, e := range evs {
		name := e.Event
		if name == "" {
			name = b.L("leads.no_event")
		}
		rows = append(rows, []any{name, e.EventDate, e.Captured, e.Routed, e.Converted, e.Revenue})
	}
	return b.writeTable(ctx, sheet, table{Name: "LeadsByEvent", Cols: leadEventCols, Rows: rows})
}

var leadPartnerCols = []column{
	{"report.col.partner", colText, false},
	{"leads.col.offered_n", colInt, true},
	{"leads.col.accepted_n", colInt, true},
	{"leads.col.declined_n", colInt, true},
	{"leads.col.expired_n", colInt, true},
	{"leads.col.acceptance", colPct, false},
	{"leads.col.median_days", colNum, false},
	{"leads.col.converted_n", colInt, true},
	{"leads.col.conversion", colPct, false},
	{"leads.col.revenue", colMoney, true},
}

// writeLeadPartners is each partner's lead record.
func writeLeadPartners(ctx context.Context, b *Book, sheet string) error {
	ms, err := lead.PartnerTable(ctx, b.Store, 0)
	if err != nil {
		return err
	}
	rows := make([][]any, 0, len(ms))
	for _, m := range ms {
		var median any
		if m.MedianDays >= 0 {
			median = m.MedianDays
		}
		rows = append(rows, []any{m.Name, m.Offered, m.Accepted, m.Declined, m.Expired, float64(m.AcceptanceRate) / 100,
			median, m.Converted, float64(m.ConversionRate) / 100, m.Revenue})
	}
	return b.writeTable(ctx, sheet, table{Name: "LeadsByPartner", Cols: leadPartnerCols, Rows: rows})
}
