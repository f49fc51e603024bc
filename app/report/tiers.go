package report

import (
	"context"

	"channeldesk/app/tier"
	"channeldesk/data"
)

var tierCols = []column{
	{"report.col.partner", colText, false},
	{"report.col.assigned_tier", colText, false},
	{"report.col.qualified_tier", colText, false},
	{"report.col.suggestion", colText, false},
	{"report.col.demotion_risk", colText, false},
	{"report.col.tier", colText, false},
	{"report.col.requirement", colText, false},
	{"report.col.threshold", colNum, false},
	{"report.col.actual", colNum, false},
	{"report.col.progress", colPct, false},
	{"report.col.met", colText, false},
}

// writeTiers is, for every partner in the tier program, where the tier
// engine (tier.EvaluateProgram) places it: assigned and qualified tier, the
// promotion or demotion it suggests, the demotion risk, then its progress
// on each requirement of the assigned tier (is it still met?) and of the
// next tier up (what is missing). A requirement of the assigned tier that
// is no longer met is highlighted as at risk.
func writeTiers(ctx context.Context, b *Book, sheet string) error {
	ov, err := tier.EvaluateProgram(ctx, b.Store, b.iso(0))
	if err != nil {
		return err
	}
	byPartner := make(map[int64]*tier.Evaluation, len(ov.Evaluations))
	for i := range ov.Evaluations {
		byPartner[ov.Evaluations[i].PartnerID] = &ov.Evaluations[i]
	}
	ps, err := b.Store.PartnerBriefs(ctx)
	if err != nil {
		return err
	}
	var rows [][]any
	for _, p := range ps {
		if e := byPartner[p.ID]; e != nil && (tier.InProgram(p.Status) || e.Assigned != nil) {
			rows = append(rows, b.tierRows(p.Name, e)...)
		}
	}
	expr := `AND($B2=$F2,$K2=` + quote(b.L("report.no")) + `)`
	return b.writeTable(ctx, sheet, table{Name: "TierProgress", Cols: tierCols, Rows: rows, Conds: []condFormat{{expr, b.styles.atRisk}}})
}

// tierRows are one partner's rows: the assigned tier's requirements, then
// the next tier's; one row without a requirement when there is neither.
func (b *Book) tierRows(partner string, e *tier.Evaluation) [][]any {
	head := []any{partner, b.tierLabel(e.Assigned), b.tierLabel(e.Qualified), b.suggestion(e), b.riskLabel(e.Risk)}
	var rows [][]any
	add := func(t *data.Tier, ps []tier.ReqProgress) {
		for _, p := range ps {
			rows = append(rows, append(append([]any{}, head...), b.requirementCells(t, p)...))
		}
	}
	if e.Assigned != nil {
		add(e.Assigned, tier.Progress(e.Assigned, e.Measures))
	}
	if e.Next != nil {
		add(e.Next, e.NextProgress)
	}
	if len(rows) == 0 {
		rows = append(rows, append(head, "", "", nil, nil, nil, ""))
	}
	return rows
}

func (b *Book) requirementCells(t *data.Tier, p tier.ReqProgress) []any {
	label := b.L("report.req." + string(p.Req.Kind))
	if p.Req.Kind == data.ReqCustomValue {
		if l := b.tierName(p.Req.LabelEN, p.Req.LabelRU); l != "" {
			label = l
		}
	}
	var target, actual any = float64(p.Target), float64(p.Actual)
	if p.Req.Kind == data.ReqRevenue12m {
		target, actual = b.major(p.Target), b.major(p.Actual)
	}
	if p.NoData {
		actual = nil // no decided lead offer: no rate, counted as met
	}
	return []any{b.tierLabel(t), label, target, actual, p.Fraction, yesNo(b, p.Met)}
}

func (b *Book) tierLabel(t *data.Tier) string {
	if t == nil {
		return ""
	}
	return b.tierName(t.NameEN, t.NameRU)
}

// suggestion is the engine's proposal in words: "Promote to Gold".
func (b *Book) suggestion(e *tier.Evaluation) string {
	if e.Suggest == tier.SuggestNone {
		return ""
	}
	to := b.tierLabel(e.Qualified)
	if to == "" {
		to = b.L("report.no_tier")
	}
	return b.L("report.suggest."+string(e.Suggest)) + " " + to
}

func (b *Book) riskLabel(r tier.Risk) string {
	if r == tier.RiskNone {
		return ""
	}
	return b.L("report.tier_risk." + string(r))
}
