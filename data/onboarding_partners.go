package data

import (
	"context"
	"database/sql"
)

// OnboardingPartnerTx reads what a partner's checklist is built from: its
// type and products (the returned Partner holds only ID, Type and
// Products). A missing partner is NotFound("partner").
func OnboardingPartnerTx(ctx context.Context, tx *Tx, partnerID int64) (*Partner, error) {
	p := &Partner{ID: partnerID}
	var products string
	err := tx.QueryRowContext(ctx, `SELECT type, products FROM partners WHERE id = ?`, partnerID).Scan(&p.Type, &products)
	if err == sql.ErrNoRows {
		return nil, NotFound("partner")
	} else if err != nil {
		return nil, err
	}
	p.Products = SplitList(products)
	return p, nil
}

// OpenChecklistPartnersTx lists the partners in onboarding whose
// checklist is not complete yet: those the automatic rules look at.
func OpenChecklistPartnersTx(ctx context.Context, tx *Tx) ([]int64, error) {
	return idsQ(ctx, tx, `SELECT c.partner_id FROM onboarding_checklists c JOIN partners p ON p.id = c.partner_id
		WHERE p.status = 'onboarding' AND c.completed_on = ''`)
}

// idsQ runs q, which selects one integer column, and returns its values.
func idsQ(ctx context.Context, q Querier, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
