package data

import "context"

// PlanHead is a plan without its objectives, with its partner's name and
// status: what the Today list needs to find the check-ins due.
type PlanHead struct {
	PlanID        int64
	PartnerID     int64
	Partner       string
	PartnerStatus Status
	Status        PlanStatus
}

// PlanHeads lists the plans of a fiscal year, by partner name.
func (s *Store) PlanHeads(ctx context.Context, year int) ([]PlanHead, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.partner_id, pr.name, pr.status, p.status FROM plans p
		JOIN partners pr ON pr.id = p.partner_id WHERE p.fiscal_year = ? ORDER BY lower(pr.name), p.id`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PlanHead
	for rows.Next() {
		var h PlanHead
		if err := rows.Scan(&h.PlanID, &h.PartnerID, &h.Partner, &h.PartnerStatus, &h.Status); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}
