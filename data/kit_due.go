package data

import (
	"context"
	"fmt"
	"strings"
)

// PartnersMissingActuals lists the partners, in name order, whose plan for
// fiscalYear has an objective the partner reports itself (a measure not
// computed from data) with a target for quarter (1–4) and no actual for
// it yet. Plans never agreed (a first draft) owe no figures. A quarter
// reported as 0 is reported: only a quarter with no reported mark and no
// actual above 0 is missing (see Objective.HasActual).
func (s *Store) PartnersMissingActuals(ctx context.Context, fiscalYear, quarter int) ([]int64, error) {
	if quarter < 1 || quarter > 4 {
		return nil, Invalid("quarter", "err.plans_quarter", nil)
	}
	var typed []any
	for _, m := range Measures {
		if !m.Computed() {
			typed = append(typed, string(m))
		}
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(typed)), ",")
	q := fmt.Sprintf(`SELECT p.id FROM partners p JOIN plans pl ON pl.partner_id = p.id
		WHERE pl.fiscal_year = ? AND NOT (pl.status = 'draft' AND pl.revision = 1)
		AND EXISTS (SELECT 1 FROM plan_objectives o WHERE o.plan_id = pl.id AND o.measure IN (%s)
			AND o.target_q%[2]d > 0 AND o.actual_q%[2]d = 0 AND o.reported_q%[2]d = 0)
		ORDER BY p.name COLLATE NOCASE, p.id`, marks, quarter)
	return idsQ(ctx, s.db, q, append([]any{fiscalYear}, typed...)...)
}
