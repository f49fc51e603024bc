package demo

import (
	"context"
	"fmt"
	"time"

	"channeldesk/app/format"
	"channeldesk/data"
)

// Volume says how much synthetic data FillVolume writes.
type Volume struct {
	Partners, Deals int
	Today           time.Time
}

// FillVolume writes plain synthetic partners, tiers, contacts,
// certifications, onboarding checklists, escalations and deals straight
// with SQL, fast enough for benchmarks of 100,000 deals. It is for
// benchmarks and tests; the demo data is made by Demo. Values are
// deterministic; a few names look like formulas on purpose.
func FillVolume(ctx context.Context, s *data.Store, v Volume) error {
	return s.WithTx(ctx, func(tx *data.Tx) error {
		steps := []func(context.Context, *data.Tx, Volume) error{volumeTiers, volumePartners, volumeDeals}
		for _, step := range steps {
			if err := step(ctx, tx, v); err != nil {
				return err
			}
		}
		return nil
	})
}

func volumeTiers(ctx context.Context, tx *data.Tx, v Volume) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO tiers (id, rank, name_en, name_ru, discount_bp, mdf_accrual_bp) VALUES
		(1, 1, 'Registered', 'Зарегистрированный', 500, 0), (2, 2, 'Silver', 'Серебряный', 1000, 100),
		(3, 3, 'Gold', 'Золотой', 1500, 200);
		INSERT INTO tier_requirements (tier_id, kind, threshold) VALUES
		(2, 'revenue_12m', 5000000), (2, 'certified_people', 1), (3, 'revenue_12m', 20000000),
		(3, 'deals_12m', 10), (3, 'certified_people', 3), (3, 'onboarding_completed', 0)`)
	return err
}

var volumeStatuses = []string{"active", "active", "active", "onboarding", "prospect", "applied", "vetting", "at_risk", "offboarded", "active"}

// volumePartners writes partner i with a contact, a certification, and
// for onboarding partners a checklist started i%120 days ago.
func volumePartners(ctx context.Context, tx *data.Tx, v Volume) error {
	now := v.Today.UTC().Format(time.RFC3339)
	p, err := tx.PrepareContext(ctx, `INSERT INTO partners (id, name, type, status, country, region, city, tier_id, created_at, updated_at)
		VALUES (?, ?, 'reseller', ?, 'Germany', 'DACH', 'Berlin', ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer p.Close()
	for i := 1; i <= v.Partners; i++ {
		name := fmt.Sprintf("Partner %05d", i)
		if i == 2 {
			name = "=1+2" // formula-like names stay text in every export
		}
		var tier any
		if i%4 != 0 {
			tier = i%3 + 1
		}
		created := v.Today.AddDate(-2, 0, 0).Format(time.RFC3339)
		if _, err := p.ExecContext(ctx, i, name, volumeStatuses[i%len(volumeStatuses)], tier, created, now); err != nil {
			return err
		}
		if err := volumePartnerExtras(ctx, tx, v, i); err != nil {
			return err
		}
	}
	return nil
}

func volumePartnerExtras(ctx context.Context, tx *data.Tx, v Volume, i int) error {
	day := func(d int) string { return v.Today.AddDate(0, 0, d).Format(format.DateLayout) }
	if _, err := tx.ExecContext(ctx, `INSERT INTO contacts (id, partner_id, name) VALUES (?, ?, ?)`, i, i, fmt.Sprintf("Contact %d", i)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO certifications (contact_id, name, earned_on, expires_on) VALUES (?, 'Sales', ?, ?)`,
		i, day(-300), day(i%400)); err != nil {
		return err
	}
	if volumeStatuses[i%len(volumeStatuses)] == "onboarding" {
		completed := ""
		if i%3 == 0 {
			completed = day(-1)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO onboarding_checklists (partner_id, template_name, started_on, completed_on)
			VALUES (?, 'Reseller', ?, ?)`, i, day(-(i % 120)), completed); err != nil {
			return err
		}
	}
	if i%50 == 0 {
		_, err := tx.ExecContext(ctx, `INSERT INTO events (partner_id, kind, at, body, open) VALUES (?, 'escalation', ?, '@escalated', 1)`,
			i, v.Today.AddDate(0, 0, -2).UTC().Format(time.RFC3339))
		return err
	}
	return nil
}

var volumeDealStates = []string{"won", "won", "lost", "approved", "submitted", "won", "expired", "rejected", "approved", "won"}

// volumeDeals spreads deals over the partners and the last two years.
func volumeDeals(ctx context.Context, tx *data.Tx, v Volume) error {
	if v.Partners == 0 {
		return nil
	}
	now := v.Today.UTC().Format(time.RFC3339)
	st, err := tx.PrepareContext(ctx, `INSERT INTO deals (partner_id, customer, customer_key, product, amount, state,
		registered_on, expected_close_on, approved_on, protected_until, closed_on, created_at, updated_at)
		VALUES (?, ?, ?, 'Core', ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	for i := 0; i < v.Deals; i++ {
		state := volumeDealStates[i%len(volumeDealStates)]
		reg := v.Today.AddDate(0, 0, -(i*7)%730-31)
		closed, approved, protected := "", "", ""
		if state == "won" || state == "lost" {
			closed = reg.AddDate(0, 0, 30).Format(format.DateLayout)
		}
		if state == "approved" {
			approved = reg.AddDate(0, 0, 2).Format(format.DateLayout)
			protected = v.Today.AddDate(0, 0, i%40-10).Format(format.DateLayout)
		}
		customer := fmt.Sprintf("Customer %d", i%997)
		if i == 1 {
			customer = "+7 (495) 123-45-67"
		}
		amount := int64((i*7919)%1_000_000) * 100
		if _, err := st.ExecContext(ctx, 1+i%v.Partners, customer, customer, amount, state, reg.Format(format.DateLayout),
			reg.AddDate(0, 2, 0).Format(format.DateLayout), approved, protected, closed, now, now); err != nil {
			return err
		}
	}
	return nil
}
