package demo

import (
	"context"
	"math/rand/v2"

	"channeldesk/data"
)

var demoEvents = []struct {
	name string
	days int // before today
}{
	{"CeBIT Partner Day", 20}, {"ЦИПР", 45}, {"GITEX Europe", 90}, {"ИТ-Форум Казань", 120}, {"Channel Summit", 200},
}

var (
	demoReferrers = []string{"Northwind Integrators", "Орбита Софт", "Mark Brenner", "Ольга Савина"}
	demoInterest  = map[string][]string{
		"en": {"Analytics for hospitals", "Cloud reselling", "Security bundle for SMB", "Managed backup"},
		"ru": {"Аналитика для госсектора", "Облачная перепродажа", "Безопасность для МСБ", "Интеграция с 1С"},
	}
	demoScoreComments = map[string][]string{
		"en": {"", "", "Strong references", "Only two presales engineers", "Covers the whole region"},
		"ru": {"", "", "Хорошие рекомендации", "Всего два пресейла", "Покрывают весь регион"},
	}
)

// demoRecruit gives the partners in recruitment stages a source and the
// vetted ones a scorecard; approved (onboarding) ones score higher than
// declined ones, as they would.
func demoRecruit(ctx context.Context, tx *data.Tx, s *data.Store, r *rand.Rand, opt DemoOptions, partners []data.Partner) error {
	crit, err := demoCriteria(ctx, tx)
	if err != nil {
		return err
	}
	for _, p := range partners {
		switch p.Status {
		case data.StatusProspect, data.StatusApplied, data.StatusVetting, data.StatusOnboarding, data.StatusDeclined:
		default:
			continue
		}
		if err := s.SaveProspectSourceTx(ctx, tx, demoSource(r, opt, p)); err != nil {
			return err
		}
		if p.Status == data.StatusProspect || p.Status == data.StatusApplied {
			continue
		}
		if err := data.SaveScoresTx(ctx, tx, p.ID, demoScores(r, p, crit)); err != nil {
			return err
		}
	}
	return nil
}

func demoCriteria(ctx context.Context, tx *data.Tx) ([]int64, error) {
	return data.CriterionIDsTx(ctx, tx)
}

func demoSource(r *rand.Rand, opt DemoOptions, p data.Partner) *data.ProspectSource {
	src := &data.ProspectSource{PartnerID: p.ID, Source: pick(r, data.Sources), Interest: pick(r, demoInterest[p.DocLang]),
		CapturedAt: p.CreatedAt}
	switch src.Source {
	case data.SourceEvent:
		ev := pick(r, demoEvents)
		src.EventName, src.EventDate = ev.name, opt.Today.AddDate(0, 0, -ev.days).Format("2006-01-02")
	case data.SourceReferral:
		src.ReferredBy = pick(r, demoReferrers)
	}
	return src
}

func demoScores(r *rand.Rand, p data.Partner, crit []int64) []data.Score {
	low, spread := 2, 3 // vetting: anything from 2 to 4
	switch p.Status {
	case data.StatusOnboarding:
		low, spread = 3, 3
	case data.StatusDeclined:
		low, spread = 1, 3
	}
	out := make([]data.Score, 0, len(crit))
	for _, id := range crit {
		out = append(out, data.Score{CriterionID: id, Score: min(5, low+r.IntN(spread)),
			Comment: pick(r, demoScoreComments[p.DocLang])})
	}
	return out
}
