package plan

import (
	"channeldesk/app/format"
	"channeldesk/app/lead"
	"channeldesk/data"
	"context"
	"strconv"
)

// LeadFigures are the partner's own lead figures: counts and its own
// revenue only, never another partner's data nor a lead's internal notes.
type LeadFigures struct {
	Offered, Accepted, Converted int
	AcceptanceRate               int   // percent of the offers it answered
	Revenue                      int64 // won revenue of the deals its leads became, minor units
}

func init() {
	for l, texts := range map[format.Lang]map[string]string{
		format.EN: {"leads": "Leads from the vendor", "leads_offered": "Leads offered", "leads_accepted": "Accepted",
			"leads_rate": "Acceptance rate", "leads_converted": "Converted into deals", "leads_revenue": "Won revenue from them"},
		format.RU: {"leads": "Лиды от вендора", "leads_offered": "Предложено лидов", "leads_accepted": "Принято",
			"leads_rate": "Доля принятых", "leads_converted": "Стали сделками", "leads_revenue": "Выигранная выручка по ним"},
	} {
		for k, v := range texts {
			docTexts[l][k] = v
		}
	}
}

func loadLeads(ctx context.Context, s *data.Store, partnerID int64) (LeadFigures, error) {
	ms, err := lead.PartnerTable(ctx, s, partnerID)
	if err != nil || len(ms) == 0 {
		return LeadFigures{}, err
	}
	m := ms[0]
	return LeadFigures{Offered: m.Offered, Accepted: m.Accepted, Converted: m.Converted, AcceptanceRate: m.AcceptanceRate,
		Revenue: m.Revenue}, nil
}

// leads shows the partner's lead figures, when it was offered any.
func (r *renderer) leads() {
	f := r.d.Leads
	if f.Offered == 0 {
		return
	}
	r.h1(r.t("leads"))
	r.kv(r.t("leads_offered"), strconv.Itoa(f.Offered))
	r.kv(r.t("leads_accepted"), strconv.Itoa(f.Accepted))
	r.kv(r.t("leads_rate"), percent(f.AcceptanceRate*100, r.l))
	r.kv(r.t("leads_converted"), strconv.Itoa(f.Converted))
	r.kv(r.t("leads_revenue"), r.money(f.Revenue))
}
