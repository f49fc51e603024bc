package tier

import (
	"context"
	"strings"

	"channeldesk/app/format"
	"channeldesk/data"
)

// programScale is how many major units of a currency the default program's
// euro thresholds become: a Russian program counts in roubles.
var programScale = map[string]int64{"RUB": 100, "KZT": 500, "JPY": 160, "INR": 90, "CNY": 8}

// DefaultProgram is the tier program shipped with ChannelDesk: Registered,
// Silver, Gold, Platinum, with thresholds in the program currency.
func DefaultProgram(currency string) []data.Tier {
	currency = strings.ToUpper(currency)
	unit := int64(1)
	for range format.MinorDigits(currency) {
		unit *= 10
	}
	if k, ok := programScale[currency]; ok {
		unit *= k
	}
	rev := func(euros int64) data.Requirement {
		return data.Requirement{Kind: data.ReqRevenue12m, Threshold: euros * unit}
	}
	req := func(k data.RequirementKind, n int64) data.Requirement { return data.Requirement{Kind: k, Threshold: n} }
	return []data.Tier{
		{Rank: 1, NameEN: "Registered", NameRU: "Зарегистрированный", Color: "#8A8F98", DiscountBP: 1000,
			BenefitsEN: "Deal registration\nPartner portal and sales kit", BenefitsRU: "Регистрация сделок\nПартнёрский портал и комплект для продаж"},
		{Rank: 2, NameEN: "Silver", NameRU: "Серебряный", Color: "#A7B1BC", DiscountBP: 2000, MDFAccrualBP: 100,
			Requirements: []data.Requirement{req(data.ReqOnboarded, 1), rev(50_000), req(data.ReqDeals12m, 3), req(data.ReqCertified, 1)},
			BenefitsEN:   "Co-branded marketing materials\nLeads from the vendor", BenefitsRU: "Совместные маркетинговые материалы\nЛиды от вендора"},
		{Rank: 3, NameEN: "Gold", NameRU: "Золотой", Color: "#D4A62A", DiscountBP: 3000, MDFAccrualBP: 200,
			Requirements: []data.Requirement{req(data.ReqOnboarded, 1), rev(250_000), req(data.ReqDeals12m, 10), req(data.ReqCertified, 3)},
			BenefitsEN:   "Named channel account manager\nMDF for joint events", BenefitsRU: "Персональный менеджер\nMDF на совместные мероприятия"},
		{Rank: 4, NameEN: "Platinum", NameRU: "Платиновый", Color: "#5B6B7F", DiscountBP: 4000, MDFAccrualBP: 300,
			Requirements: []data.Requirement{req(data.ReqOnboarded, 1), rev(1_000_000), req(data.ReqDeals12m, 25), req(data.ReqCertified, 5)},
			BenefitsEN:   "Co-funded sales rep\nEarly access to the roadmap\nListing as a top partner", BenefitsRU: "Софинансирование продавца\nРанний доступ к планам развития\nСтатус ведущего партнёра"},
	}
}

// EnsureDefaultProgramTx installs the default program when the program
// has no tiers yet, and reports whether it did.
func EnsureDefaultProgramTx(ctx context.Context, tx *data.Tx, s *data.Store, currency string) (bool, error) {
	n, err := data.CountTiersTx(ctx, tx)
	if err != nil || n > 0 {
		return false, err
	}
	for _, t := range DefaultProgram(currency) {
		if err := s.SaveTierTx(ctx, tx, &t); err != nil {
			return false, err
		}
	}
	return true, nil
}

// EnsureDefaultProgram is EnsureDefaultProgramTx in its own transaction,
// in the program currency from the settings.
func EnsureDefaultProgram(ctx context.Context, s *data.Store) (bool, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return false, err
	}
	var done bool
	err = s.WithTx(ctx, func(tx *data.Tx) error {
		done, err = EnsureDefaultProgramTx(ctx, tx, s, st.Currency)
		return err
	})
	return done, err
}
