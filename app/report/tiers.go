package report

import (
	"context"
)

// tierDef is a tier and its requirements.
type tierDef struct {
	id, rank int64
	name     string
	reqs     []tierReq
}

type tierReq struct {
	kind, label string
	threshold   int64
}

// partnerActuals are the figures requirements are measured against.
type partnerActuals struct {
	revenue12m, deals12m, certified, onboarded int64
}

var tierCols = []column{
	{"report.col.partner", colText, false},
	{"report.col.assigned_tier", colText, false},
	{"report.col.tier", colText, false},
	{"report.col.requirement", colText, false},
	{"report.col.threshold", colNum, false},
	{"report.col.actual", colNum, false},
	{"report.col.progress", colPct, false},
	{"report.col.met", colText, false},
}

// writeTiers is, for every partner with a tier, its progress on each
// requirement of the assigned tier (is it still met?) and of the next
// tier up (what is missing). A requirement of the assigned tier that is
// no longer met is highlighted: a demotion risk.
func writeTiers(ctx context.Context, b *Book, sheet string) error {
	tiers, err := b.loadTiers(ctx)
	if err != nil {
		return err
	}
	var rows [][]any
	var id, tierID int64
	var name string
	var a partnerActuals
	since, today := b.iso(-365), b.iso(0)
	err = queryRows(ctx, b.Store.DB(), `SELECT p.id, p.name, coalesce(p.tier_id, 0),
		(SELECT coalesce(sum(amount), 0) FROM deals d INDEXED BY deals_partner_state WHERE d.partner_id = p.id AND d.state = 'won' AND d.closed_on >= ?1),
		(SELECT count(*) FROM deals d WHERE d.partner_id = p.id AND d.state = 'won' AND d.closed_on >= ?1),
		(SELECT count(DISTINCT k.id) FROM contacts k JOIN certifications c ON c.contact_id = k.id
			WHERE k.partner_id = p.id AND c.earned_on <= ?2 AND (c.expires_on = '' OR c.expires_on >= ?2)),
		(SELECT count(*) FROM onboarding_checklists o WHERE o.partner_id = p.id AND o.completed_on <> '')
		FROM partners p WHERE p.status NOT IN ('offboarded', 'declined') AND (p.tier_id IS NOT NULL OR ?3)
		ORDER BY p.name COLLATE NOCASE, p.id`, []any{since, today, len(tiers) > 0},
		[]any{&id, &name, &tierID, &a.revenue12m, &a.deals12m, &a.certified, &a.onboarded},
		func() error {
			rows = append(rows, b.tierRows(name, tierID, tiers, a)...)
			return nil
		})
	if err != nil {
		return err
	}
	expr := `AND($B2=$C2,$H2=` + quote(b.L("report.no")) + `)`
	return b.writeTable(ctx, sheet, table{Name: "TierProgress", Cols: tierCols, Rows: rows, Conds: []condFormat{{expr, b.styles.atRisk}}})
}

// tierRows are one partner's rows: the assigned tier's requirements, then
// the next tier's.
func (b *Book) tierRows(partner string, assigned int64, tiers []tierDef, a partnerActuals) [][]any {
	var rows [][]any
	assignedName := ""
	next := 0 // index of the tier above the assigned one; tiers are by rank, lowest first
	for i, t := range tiers {
		if t.id == assigned {
			assignedName = t.name
			next = i + 1
		}
	}
	for i, t := range tiers {
		if t.id != assigned && i != next {
			continue
		}
		for _, r := range t.reqs {
			rows = append(rows, b.requirementRow(partner, assignedName, t.name, r, a))
		}
	}
	return rows
}

func (b *Book) requirementRow(partner, assigned, tier string, r tierReq, a partnerActuals) []any {
	threshold := float64(r.threshold)
	var actual float64
	known := true
	switch r.kind {
	case "revenue_12m":
		threshold, actual = b.major(r.threshold), b.major(a.revenue12m)
	case "deals_12m":
		actual = float64(a.deals12m)
	case "certified_people":
		actual = float64(a.certified)
	case "onboarding_completed":
		threshold, actual = 1, float64(a.onboarded)
	default:
		known = false
	}
	label := b.L("report.req." + r.kind)
	if r.kind == "custom" && r.label != "" {
		label = r.label
	}
	if !known {
		return []any{partner, assigned, tier, label, threshold, nil, nil, ""}
	}
	progress := 1.0
	if threshold > 0 {
		progress = min(actual/threshold, 1)
	}
	return []any{partner, assigned, tier, label, threshold, actual, progress, yesNo(b, actual >= threshold)}
}

func (b *Book) loadTiers(ctx context.Context) ([]tierDef, error) {
	var tiers []tierDef
	byID := map[int64]int{}
	var id, rank int64
	var en, ru string
	err := queryRows(ctx, b.Store.DB(), `SELECT id, rank, name_en, name_ru FROM tiers ORDER BY rank`, nil,
		[]any{&id, &rank, &en, &ru}, func() error {
			byID[id] = len(tiers)
			tiers = append(tiers, tierDef{id: id, rank: rank, name: b.tierName(en, ru)})
			return nil
		})
	if err != nil {
		return nil, err
	}
	var tierID, threshold int64
	var kind string
	err = queryRows(ctx, b.Store.DB(), `SELECT tier_id, kind, threshold, label_en, label_ru FROM tier_requirements ORDER BY tier_id, id`, nil,
		[]any{&tierID, &kind, &threshold, &en, &ru}, func() error {
			if i, ok := byID[tierID]; ok {
				tiers[i].reqs = append(tiers[i].reqs, tierReq{kind: kind, threshold: threshold, label: b.tierName(en, ru)})
			}
			return nil
		})
	return tiers, err
}
