package tier

import (
	"context"
	"fmt"
	"time"

	"channeldesk/app/format"
	"channeldesk/data"
)

// LoadFacts reads what tier evaluation needs about every partner (or one,
// when partnerID > 0) as of asOf, in six queries whatever the number of
// partners. Won deals are read from the start of the trailing window of
// asOf, certifications that are still valid on asOf.
func LoadFacts(ctx context.Context, s *data.Store, asOf string, partnerID int64) ([]PartnerFacts, error) {
	var facts []PartnerFacts
	idx := map[int64]int{}
	at := func(id int64) *PartnerFacts {
		if i, ok := idx[id]; ok {
			return &facts[i]
		}
		return nil
	}
	err := s.ReadTierFacts(ctx, asOf, WindowStart(asOf), partnerID, data.TierFactsReader{
		Partner: func(id, tierID int64, status data.Status) {
			idx[id] = len(facts)
			facts = append(facts, PartnerFacts{PartnerID: id, AssignedTierID: tierID, Status: status})
		},
		WonDeal: func(id int64, closedOn string, amount int64) {
			if f := at(id); f != nil {
				f.Won = append(f.Won, WonDeal{ClosedOn: closedOn, Amount: amount})
			}
		},
		Cert: func(id, contactID int64, earnedOn, expiresOn string) {
			if f := at(id); f != nil {
				f.Certs = append(f.Certs, CertSpan{ContactID: contactID, EarnedOn: earnedOn, ExpiresOn: expiresOn})
			}
		},
		Onboarded: func(id int64, on string) {
			if f := at(id); f != nil {
				f.OnboardedOn = on
			}
		},
		Custom: func(id int64, metric string, v int64) {
			if f := at(id); f != nil {
				if f.Custom == nil {
					f.Custom = map[string]int64{}
				}
				f.Custom[metric] = v
			}
		},
	})
	if err == nil && partnerID > 0 && len(facts) == 0 {
		err = data.NotFound("partner")
	}
	if err != nil {
		return nil, err
	}
	decisions, err := s.LeadDecisions(ctx, partnerID, WindowStart(asOf), asOf)
	if err != nil {
		return nil, err
	}
	for _, d := range decisions {
		if f := at(d.PartnerID); f != nil {
			f.LeadDecisions = append(f.LeadDecisions, d)
		}
	}
	return facts, nil
}

// Overview is the whole program evaluated on one date.
type Overview struct {
	Program     Program
	Evaluations []Evaluation // one per partner, by partner ID
	Dismissed   map[int64]map[int64]bool
}

// EvaluateProgram loads and evaluates every partner as of asOf.
func EvaluateProgram(ctx context.Context, s *data.Store, asOf string) (*Overview, error) {
	tiers, err := s.Tiers(ctx)
	if err != nil {
		return nil, err
	}
	facts, err := LoadFacts(ctx, s, asOf, 0)
	if err != nil {
		return nil, err
	}
	dis, err := s.Dismissals(ctx)
	if err != nil {
		return nil, err
	}
	p := NewProgram(tiers)
	return &Overview{Program: p, Evaluations: p.EvaluateAll(facts, asOf), Dismissed: dis}, nil
}

// Suggestions are the evaluations with a promotion or demotion the manager
// has not dismissed.
func (o *Overview) Suggestions() []Evaluation {
	var out []Evaluation
	for _, e := range o.Evaluations {
		if e.Suggest != SuggestNone && !o.Dismissed[e.PartnerID][e.SuggestedTierID()] {
			out = append(out, e)
		}
	}
	return out
}

// CloseToNext are the partners at ≥ 80% of every requirement of the next tier.
func (o *Overview) CloseToNext() []Evaluation {
	var out []Evaluation
	for _, e := range o.Evaluations {
		if e.CloseToNext {
			out = append(out, e)
		}
	}
	return out
}

// AtRisk are the evaluations of partners that may lose their assigned tier.
func (o *Overview) AtRisk() []Evaluation {
	var out []Evaluation
	for _, e := range o.Evaluations {
		if e.Risk != RiskNone {
			out = append(out, e)
		}
	}
	return out
}

// PerTier counts partners by assigned tier ID (0: none).
func (o *Overview) PerTier() map[int64]int {
	out := map[int64]int{}
	for _, e := range o.Evaluations {
		if e.Assigned != nil {
			out[e.Assigned.ID]++
		} else {
			out[0]++
		}
	}
	return out
}

// EvaluatePartner evaluates one partner as of asOf, with its program.
func EvaluatePartner(ctx context.Context, s *data.Store, partnerID int64, asOf string) (Program, *PartnerFacts, Evaluation, error) {
	tiers, err := s.Tiers(ctx)
	if err != nil {
		return Program{}, nil, Evaluation{}, err
	}
	facts, err := LoadFacts(ctx, s, asOf, partnerID)
	if err != nil {
		return Program{}, nil, Evaluation{}, err
	}
	p := NewProgram(tiers)
	return p, &facts[0], p.Evaluate(&facts[0], asOf), nil
}

// Name is a tier's name in a language, or the "no tier" text.
func Name(t *data.Tier, lang format.Lang, none string) string {
	if t == nil {
		return none
	}
	return t.Name(string(lang))
}

// ConfirmChange makes the manager's decision: the partner's assigned
// tier becomes toTierID (0: none), the change is kept with its reason and
// written into the timeline as "Silver › Gold: reason".
func ConfirmChange(ctx context.Context, s *data.Store, partnerID, toTierID int64, reason, author string, lang format.Lang, none string) error {
	tiers, err := s.Tiers(ctx)
	if err != nil {
		return err
	}
	p := NewProgram(tiers)
	if toTierID != 0 && p.Tier(toTierID) == nil {
		return data.NotFound("tier")
	}
	from, err := s.AssignedTier(ctx, partnerID)
	if err != nil {
		return err
	}
	body := fmt.Sprintf("%s › %s: %s", Name(p.Tier(from), lang, none), Name(p.Tier(toTierID), lang, none), reason)
	return s.ChangeTier(ctx, &data.TierChange{PartnerID: partnerID, ToTierID: toTierID, Reason: reason, Author: author}, body)
}

// QuarterEnd is the last day of the fiscal quarter that holds date, for a
// fiscal year starting in month fyStart (1–12): the what-if view's "end
// of the quarter".
func QuarterEnd(date string, fyStart int) string {
	t, err := time.Parse(format.DateLayout, date)
	if err != nil {
		return date
	}
	if fyStart < 1 || fyStart > 12 {
		fyStart = 1
	}
	offset := (int(t.Month()) - fyStart + 12) % 12 // months since the fiscal year began
	qStart := time.Date(t.Year(), t.Month()-time.Month(offset%3), 1, 0, 0, 0, 0, time.UTC)
	return qStart.AddDate(0, 3, -1).Format(format.DateLayout)
}
