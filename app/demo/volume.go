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
// into a new database (data.VolumeWriter), fast enough for benchmarks of
// 100,000 deals. It is for benchmarks and tests; the demo data is made by
// Demo. Values are deterministic; a few names look like formulas on purpose.
func FillVolume(ctx context.Context, s *data.Store, v Volume) error {
	return s.WithTx(ctx, func(tx *data.Tx) error {
		w, err := s.NewVolumeWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.Close()
		steps := []func(context.Context, *data.VolumeWriter, Volume) error{volumeTiers, volumePartners, volumeDeals}
		for _, step := range steps {
			if err := step(ctx, w, v); err != nil {
				return err
			}
		}
		return nil
	})
}

// volumeTiers is the program: Registered, Silver and Gold.
func volumeTiers(ctx context.Context, w *data.VolumeWriter, _ Volume) error {
	req := func(kind data.RequirementKind, threshold int64) data.Requirement {
		return data.Requirement{Kind: kind, Threshold: threshold}
	}
	tiers := []data.Tier{
		{ID: 1, Rank: 1, NameEN: "Registered", NameRU: "Зарегистрированный", DiscountBP: 500},
		{ID: 2, Rank: 2, NameEN: "Silver", NameRU: "Серебряный", DiscountBP: 1000, MDFAccrualBP: 100,
			Requirements: []data.Requirement{req("revenue_12m", 5000000), req("certified_people", 1)}},
		{ID: 3, Rank: 3, NameEN: "Gold", NameRU: "Золотой", DiscountBP: 1500, MDFAccrualBP: 200,
			Requirements: []data.Requirement{req("revenue_12m", 20000000), req("deals_12m", 10), req("certified_people", 3),
				req("onboarding_completed", 0)}},
	}
	for i := range tiers {
		if err := w.Tier(ctx, &tiers[i]); err != nil {
			return err
		}
	}
	return nil
}

var volumeStatuses = []data.Status{"active", "active", "active", "onboarding", "prospect", "applied", "vetting", "at_risk", "offboarded", "active"}

// volumePartners writes partner i with a contact, a certification, and
// for onboarding partners a checklist started i%120 days ago.
func volumePartners(ctx context.Context, w *data.VolumeWriter, v Volume) error {
	now := v.Today.UTC().Format(time.RFC3339)
	for i := 1; i <= v.Partners; i++ {
		name := fmt.Sprintf("Partner %05d", i)
		if i == 2 {
			name = "=1+2" // formula-like names stay text in every export
		}
		var tier int64
		if i%4 != 0 {
			tier = int64(i%3 + 1)
		}
		created := v.Today.AddDate(-2, 0, 0).Format(time.RFC3339)
		p := &data.Partner{ID: int64(i), Name: name, Type: "reseller", Status: volumeStatuses[i%len(volumeStatuses)],
			Country: "Germany", Region: "DACH", City: "Berlin", CreatedAt: created, UpdatedAt: now}
		if err := w.Partner(ctx, p, tier); err != nil {
			return err
		}
		if err := volumePartnerExtras(ctx, w, v, i); err != nil {
			return err
		}
	}
	return nil
}

func volumePartnerExtras(ctx context.Context, w *data.VolumeWriter, v Volume, i int) error {
	day := func(d int) string { return v.Today.AddDate(0, 0, d).Format(format.DateLayout) }
	id := int64(i)
	if err := w.Contact(ctx, &data.Contact{ID: id, PartnerID: id, Name: fmt.Sprintf("Contact %d", i)}); err != nil {
		return err
	}
	if err := w.Certification(ctx, &data.Certification{ContactID: id, Name: "Sales", EarnedOn: day(-300), ExpiresOn: day(i % 400)}); err != nil {
		return err
	}
	if volumeStatuses[i%len(volumeStatuses)] == "onboarding" {
		completed := ""
		if i%3 == 0 {
			completed = day(-1)
		}
		cl := &data.OnboardingChecklist{PartnerID: id, TemplateName: "Reseller", StartedOn: day(-(i % 120)), CompletedOn: completed}
		if err := w.Checklist(ctx, cl); err != nil {
			return err
		}
	}
	if i%50 == 0 {
		return w.Event(ctx, &data.Event{PartnerID: id, Kind: "escalation", At: v.Today.AddDate(0, 0, -2).UTC().Format(time.RFC3339),
			Body: "@escalated", Open: true})
	}
	return nil
}

var volumeDealStates = []data.DealState{"won", "won", "lost", "approved", "submitted", "won", "expired", "rejected", "approved", "won"}

// volumeDeals spreads deals over the partners and the last two years.
func volumeDeals(ctx context.Context, w *data.VolumeWriter, v Volume) error {
	if v.Partners == 0 {
		return nil
	}
	now := v.Today.UTC().Format(time.RFC3339)
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
		d := &data.Deal{PartnerID: int64(1 + i%v.Partners), Customer: customer, CustomerKey: customer, Product: "Core",
			Amount: int64((i*7919)%1_000_000) * 100, State: state, RegisteredOn: reg.Format(format.DateLayout),
			ExpectedCloseOn: reg.AddDate(0, 2, 0).Format(format.DateLayout), ApprovedOn: approved, ProtectedUntil: protected,
			ClosedOn: closed, CreatedAt: now, UpdatedAt: now}
		if err := w.Deal(ctx, d); err != nil {
			return err
		}
	}
	return nil
}
