package tier

import (
	"sort"
	"time"

	"channeldesk/app/format"
	"channeldesk/data"
)

// RiskHorizonDays is how far ahead demotion risk looks: a partner that
// meets its tier today but would not in this many days, if nothing new
// happened, is at risk.
const RiskHorizonDays = 90

// CloseToNextFraction is how far along every requirement of the next tier
// a partner must be to count as close to it.
const CloseToNextFraction = 0.8

// WonDeal is a won deal as tier evaluation sees it.
type WonDeal struct {
	ClosedOn string
	Amount   int64
}

// CertSpan is one certification held by one contact of a partner.
type CertSpan struct {
	ContactID int64
	EarnedOn  string
	ExpiresOn string // "" never expires
}

// PartnerFacts is everything tier evaluation reads about one partner.
type PartnerFacts struct {
	PartnerID      int64
	Status         data.Status // "" counts as in the program
	AssignedTierID int64       // 0: none
	Won            []WonDeal
	Certs          []CertSpan
	OnboardedOn    string // "" while onboarding is not complete
	Custom         map[string]int64
	LeadDecisions  []data.LeadDecision // lead offers it accepted, declined or let expire
}

// Measures are a partner's numbers on one date.
type Measures struct {
	Revenue12m int64
	Deals12m   int64
	Certified  int64
	Onboarded  bool
	Custom     map[string]int64
	// LeadsDecided and LeadsAccepted are the lead offers the partner
	// decided in the trailing 12 months and how many of them it accepted.
	LeadsDecided  int64
	LeadsAccepted int64
}

// LeadAcceptance is the partner's lead acceptance rate in whole percent
// (rounded down, so "at least X %" is exact), and false when it decided
// no lead offer in the window: then there is no rate to judge.
func (m Measures) LeadAcceptance() (int64, bool) {
	if m.LeadsDecided == 0 {
		return 0, false
	}
	return m.LeadsAccepted * 100 / m.LeadsDecided, true
}

// WhatIf adds to a partner's numbers on a target date ("" = as of the
// evaluation date): what would it take to reach the next tier?
type WhatIf struct {
	Revenue   int64
	Deals     int64
	Certified int64
	// LeadsAccepted are lead offers the partner would accept (each one
	// decided, too) on top of its record in the window.
	LeadsAccepted int64
	Date          string
}

// ReqProgress is where a partner stands on one requirement.
type ReqProgress struct {
	Req      data.Requirement
	Actual   int64
	Target   int64
	Gap      int64   // how much is missing; 0 when met
	Fraction float64 // 0..1
	Met      bool
	// NoData: a lead acceptance requirement for a partner that decided no
	// lead offer in the window. It counts as met, and the screens say why.
	NoData bool
}

// Risk says whether a partner may lose its assigned tier.
type Risk string

// Demotion risks.
const (
	RiskNone Risk = ""
	RiskNow  Risk = "now"  // the assigned tier's requirements are not met today
	RiskSoon Risk = "soon" // met today, not in RiskHorizonDays if nothing new happens
)

// SuggestionKind is the change the program proposes.
type SuggestionKind string

// Suggestion kinds.
const (
	SuggestNone    SuggestionKind = ""
	SuggestPromote SuggestionKind = "promote"
	SuggestDemote  SuggestionKind = "demote"
)

// Evaluation is where one partner stands in the tier program on a date.
type Evaluation struct {
	PartnerID    int64
	AsOf         string
	Measures     Measures
	Assigned     *data.Tier // nil: none
	Qualified    *data.Tier // highest tier whose requirements are all met; nil: none
	Next         *data.Tier // the tier above both; nil at the top
	NextProgress []ReqProgress
	CloseToNext  bool
	Risk         Risk
	RiskReqs     []ReqProgress // the assigned tier's requirements that fail (now, or at the horizon)
	Suggest      SuggestionKind
}

// SuggestedTierID is the tier a suggestion moves to (0: no tier).
func (e *Evaluation) SuggestedTierID() int64 {
	if e.Qualified == nil {
		return 0
	}
	return e.Qualified.ID
}

// Program is the tier program, lowest rank first.
type Program struct {
	Tiers []data.Tier
}

// NewProgram orders tiers by rank.
func NewProgram(tiers []data.Tier) Program {
	ts := append([]data.Tier(nil), tiers...)
	sort.Slice(ts, func(i, j int) bool { return ts[i].Rank < ts[j].Rank })
	return Program{Tiers: ts}
}

// Tier returns the tier with an ID, or nil.
func (p Program) Tier(id int64) *data.Tier {
	for i := range p.Tiers {
		if p.Tiers[i].ID == id {
			return &p.Tiers[i]
		}
	}
	return nil
}

// WindowStart is the first day of the trailing 12 months that end on date
// (inclusive): as of 2026-11-27 the window is 2025-11-28 … 2026-11-27.
func WindowStart(date string) string {
	t, err := time.Parse(format.DateLayout, date)
	if err != nil {
		return date
	}
	return t.AddDate(-1, 0, 1).Format(format.DateLayout)
}

// MeasureAt computes a partner's numbers on date from what was known on
// cutoff: deals closed and certifications earned after cutoff do not count,
// so a later date shows what happens if nothing new comes in.
func MeasureAt(f *PartnerFacts, date, cutoff string) Measures {
	from := WindowStart(date)
	m := Measures{Custom: f.Custom}
	for _, d := range f.Won {
		if d.ClosedOn >= from && d.ClosedOn <= date && d.ClosedOn <= cutoff {
			m.Revenue12m += d.Amount
			m.Deals12m++
		}
	}
	seen := map[int64]bool{}
	for _, c := range f.Certs {
		if c.EarnedOn <= date && c.EarnedOn <= cutoff && (c.ExpiresOn == "" || c.ExpiresOn >= date) && !seen[c.ContactID] {
			seen[c.ContactID] = true
			m.Certified++
		}
	}
	m.Onboarded = f.OnboardedOn != "" && f.OnboardedOn <= cutoff
	for _, d := range f.LeadDecisions {
		if d.DecidedOn >= from && d.DecidedOn <= date && d.DecidedOn <= cutoff {
			m.LeadsDecided++
			if d.Accepted {
				m.LeadsAccepted++
			}
		}
	}
	return m
}

// Actual is what a partner has toward one requirement.
func (m Measures) Actual(r data.Requirement) int64 {
	switch r.Kind {
	case data.ReqRevenue12m:
		return m.Revenue12m
	case data.ReqDeals12m:
		return m.Deals12m
	case data.ReqCertified:
		return m.Certified
	case data.ReqOnboarded:
		if m.Onboarded {
			return 1
		}
		return 0
	case data.ReqLeadAcceptance:
		rate, _ := m.LeadAcceptance()
		return rate
	}
	return m.Custom[r.Metric]
}

// noData reports whether r cannot be judged on m: a lead acceptance rate
// of a partner that decided no lead offer in the window.
func (m Measures) noData(r data.Requirement) bool {
	_, ok := m.LeadAcceptance()
	return r.Kind == data.ReqLeadAcceptance && !ok
}

// Met reports whether m meets r. A lead acceptance rate without any
// decided offer counts as met (see data.ReqLeadAcceptance).
func (m Measures) Met(r data.Requirement) bool {
	return m.noData(r) || m.Actual(r) >= r.Threshold
}

// Progress measures every requirement of a tier.
func Progress(t *data.Tier, m Measures) []ReqProgress {
	out := make([]ReqProgress, 0, len(t.Requirements))
	for _, r := range t.Requirements {
		p := ReqProgress{Req: r, Actual: m.Actual(r), Target: r.Threshold, Fraction: 1, Met: true, NoData: m.noData(r)}
		if !m.Met(r) {
			p.Met, p.Gap = false, p.Target-p.Actual
			p.Fraction = float64(max(p.Actual, 0)) / float64(p.Target)
		}
		out = append(out, p)
	}
	return out
}

// Meets reports whether m meets every requirement of t.
func Meets(t *data.Tier, m Measures) bool {
	for _, r := range t.Requirements {
		if !m.Met(r) {
			return false
		}
	}
	return true
}

// QualifiedTier is the highest tier whose requirements m meets, or nil.
func (p Program) QualifiedTier(m Measures) *data.Tier {
	for i := len(p.Tiers) - 1; i >= 0; i-- {
		if Meets(&p.Tiers[i], m) {
			return &p.Tiers[i]
		}
	}
	return nil
}

func (p Program) nextAbove(rank int, any bool) *data.Tier {
	for i := range p.Tiers {
		if !any || p.Tiers[i].Rank > rank {
			return &p.Tiers[i]
		}
	}
	return nil
}

// Evaluate places one partner in the program as of asOf (YYYY-MM-DD).
func (p Program) Evaluate(f *PartnerFacts, asOf string) Evaluation {
	return p.evaluate(f, asOf, MeasureAt(f, asOf, asOf))
}

// WhatIfEvaluate evaluates a partner on w.Date (default asOf) from what is
// known on asOf plus w's extra revenue, deals and certified people.
func (p Program) WhatIfEvaluate(f *PartnerFacts, asOf string, w WhatIf) Evaluation {
	date := asOf
	if w.Date != "" && w.Date > asOf {
		date = w.Date
	}
	m := MeasureAt(f, date, asOf)
	m.Revenue12m += w.Revenue
	m.Deals12m += w.Deals
	m.Certified += w.Certified
	m.LeadsDecided += w.LeadsAccepted
	m.LeadsAccepted += w.LeadsAccepted
	return p.evaluate(f, date, m)
}

func (p Program) evaluate(f *PartnerFacts, asOf string, m Measures) Evaluation {
	e := Evaluation{PartnerID: f.PartnerID, AsOf: asOf, Measures: m}
	e.Assigned = p.Tier(f.AssignedTierID)
	e.Qualified = p.QualifiedTier(m)
	e.Next = p.nextTier(e.Assigned, e.Qualified)
	if e.Next != nil {
		e.NextProgress = Progress(e.Next, m)
		e.CloseToNext = closeTo(e.NextProgress)
	}
	e.Suggest = suggestion(e.Assigned, e.Qualified)
	if !InProgram(f.Status) {
		e.Suggest, e.CloseToNext = SuggestNone, false
	}
	e.Risk, e.RiskReqs = p.risk(f, asOf, e.Assigned, m)
	return e
}

func (p Program) nextTier(assigned, qualified *data.Tier) *data.Tier {
	switch {
	case assigned == nil && qualified == nil:
		return p.nextAbove(0, false)
	case qualified == nil:
		return p.nextAbove(assigned.Rank, true)
	case assigned == nil || qualified.Rank > assigned.Rank:
		return p.nextAbove(qualified.Rank, true)
	}
	return p.nextAbove(assigned.Rank, true)
}

// InProgram reports whether a partner with status st takes part in the
// tier program: onboarding, active or at risk. Prospects, applicants and
// former partners get no suggestions.
func InProgram(st data.Status) bool {
	switch st {
	case "", data.StatusOnboarding, data.StatusActive, data.StatusAtRisk:
		return true
	}
	return false
}

func closeTo(ps []ReqProgress) bool {
	allMet := true
	for _, rp := range ps {
		if rp.Fraction < CloseToNextFraction {
			return false
		}
		allMet = allMet && rp.Met
	}
	return !allMet
}

func suggestion(assigned, qualified *data.Tier) SuggestionKind {
	switch {
	case assigned == nil && qualified == nil:
		return SuggestNone
	case assigned == nil:
		return SuggestPromote
	case qualified == nil:
		return SuggestDemote
	case qualified.Rank > assigned.Rank:
		return SuggestPromote
	case qualified.Rank < assigned.Rank:
		return SuggestDemote
	}
	return SuggestNone
}

// risk checks the assigned tier today and at the horizon.
func (p Program) risk(f *PartnerFacts, asOf string, assigned *data.Tier, m Measures) (Risk, []ReqProgress) {
	if assigned == nil {
		return RiskNone, nil
	}
	if failing := failingReqs(assigned, m); len(failing) > 0 {
		return RiskNow, failing
	}
	later := MeasureAt(f, data.AddDays(asOf, RiskHorizonDays), asOf)
	if failing := failingReqs(assigned, later); len(failing) > 0 {
		return RiskSoon, failing
	}
	return RiskNone, nil
}

func failingReqs(t *data.Tier, m Measures) []ReqProgress {
	var out []ReqProgress
	for _, rp := range Progress(t, m) {
		if !rp.Met {
			out = append(out, rp)
		}
	}
	return out
}

// EvaluateAll evaluates every partner's facts as of asOf.
func (p Program) EvaluateAll(facts []PartnerFacts, asOf string) []Evaluation {
	out := make([]Evaluation, len(facts))
	for i := range facts {
		out[i] = p.Evaluate(&facts[i], asOf)
	}
	return out
}
