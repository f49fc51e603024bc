package tier

import (
	"testing"

	"channeldesk/data"
)

// testProgram: Registered (no requirements), Silver (100 000 revenue, 2
// deals, 1 certified), Gold (500 000, 5 deals, 3 certified, onboarding).
func testProgram() Program {
	return NewProgram([]data.Tier{
		{ID: 3, Rank: 3, NameEN: "Gold", Requirements: []data.Requirement{
			{Kind: data.ReqRevenue12m, Threshold: 500_000}, {Kind: data.ReqDeals12m, Threshold: 5},
			{Kind: data.ReqCertified, Threshold: 3}, {Kind: data.ReqOnboarded, Threshold: 1}}},
		{ID: 1, Rank: 1, NameEN: "Registered"},
		{ID: 2, Rank: 2, NameEN: "Silver", Requirements: []data.Requirement{
			{Kind: data.ReqRevenue12m, Threshold: 100_000}, {Kind: data.ReqDeals12m, Threshold: 2},
			{Kind: data.ReqCertified, Threshold: 1}}},
	})
}

func certs(n int, expires string) []CertSpan {
	out := make([]CertSpan, n)
	for i := range out {
		out[i] = CertSpan{ContactID: int64(i + 1), EarnedOn: "2025-01-10", ExpiresOn: expires}
	}
	return out
}

func won(amount int64, dates ...string) []WonDeal {
	out := make([]WonDeal, len(dates))
	for i, d := range dates {
		out[i] = WonDeal{ClosedOn: d, Amount: amount}
	}
	return out
}

func tierID(t *data.Tier) int64 {
	if t == nil {
		return 0
	}
	return t.ID
}

func TestQualifiedTierOnBoundaries(t *testing.T) {
	const asOf = "2026-11-27"
	tests := map[string]struct {
		facts PartnerFacts
		want  int64
	}{
		"no deals at all: only the tier with no requirements": {PartnerFacts{}, 1},
		"exactly at the Silver thresholds":                    {PartnerFacts{Won: won(50_000, "2026-03-01", "2026-06-01"), Certs: certs(1, "")}, 2},
		"one minor unit short of Silver":                      {PartnerFacts{Won: won(49_999, "2026-03-01", "2026-06-01"), Certs: certs(1, "")}, 1},
		"deal on the first day of the window counts": {
			PartnerFacts{Won: won(50_000, "2025-11-28", "2026-11-27"), Certs: certs(1, "")}, 2},
		"deal the day before the window does not count": {
			PartnerFacts{Won: won(50_000, "2025-11-27", "2026-11-27"), Certs: certs(1, "")}, 1},
		"deal on the evaluation date counts, the day after not": {
			PartnerFacts{Won: won(50_000, "2026-11-27", "2026-11-28"), Certs: certs(1, "")}, 1},
		"certification expiring on the evaluation date is still valid": {
			PartnerFacts{Won: won(50_000, "2026-03-01", "2026-06-01"), Certs: certs(1, asOf)}, 2},
		"certification expired the day before is not": {
			PartnerFacts{Won: won(50_000, "2026-03-01", "2026-06-01"), Certs: certs(1, "2026-11-26")}, 1},
		"two certifications of one person count once for Gold": {
			PartnerFacts{Won: won(100_000, "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"),
				Certs: append(certs(2, ""), CertSpan{ContactID: 1, EarnedOn: "2025-05-01"}), OnboardedOn: "2025-02-01"}, 2},
		"Gold with onboarding complete": {
			PartnerFacts{Won: won(100_000, "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"),
				Certs: certs(3, ""), OnboardedOn: "2025-02-01"}, 3},
		"Gold numbers without onboarding stay Silver": {
			PartnerFacts{Won: won(100_000, "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"),
				Certs: certs(3, "")}, 2},
	}
	p := testProgram()
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			e := p.Evaluate(&tc.facts, asOf)
			if got := tierID(e.Qualified); got != tc.want {
				t.Errorf("qualified tier %d, want %d (measures %+v)", got, tc.want, e.Measures)
			}
		})
	}
}

func TestEmptyProgramQualifiesNobody(t *testing.T) {
	e := NewProgram(nil).Evaluate(&PartnerFacts{Won: won(1, "2026-01-01")}, "2026-11-27")
	if e.Qualified != nil || e.Next != nil || e.Suggest != SuggestNone {
		t.Errorf("empty program: %+v", e)
	}
}

func TestNextTierProgressGivesExactGaps(t *testing.T) {
	p := testProgram()
	f := PartnerFacts{AssignedTierID: 2, Won: won(60_000, "2026-02-01", "2026-05-01", "2026-08-01"), Certs: certs(2, "")}
	e := p.Evaluate(&f, "2026-11-27")
	if tierID(e.Next) != 3 {
		t.Fatalf("next tier %v, want Gold", e.Next)
	}
	want := map[data.RequirementKind]struct{ actual, gap int64 }{
		data.ReqRevenue12m: {180_000, 320_000}, data.ReqDeals12m: {3, 2}, data.ReqCertified: {2, 1}, data.ReqOnboarded: {0, 1},
	}
	for _, rp := range e.NextProgress {
		w := want[rp.Req.Kind]
		if rp.Actual != w.actual || rp.Gap != w.gap || rp.Met {
			t.Errorf("%s: actual %d gap %d met %v, want %d/%d", rp.Req.Kind, rp.Actual, rp.Gap, rp.Met, w.actual, w.gap)
		}
	}
	if rp := e.NextProgress[0]; rp.Fraction != 0.36 {
		t.Errorf("revenue fraction %v, want 0.36", rp.Fraction)
	}
	if e.CloseToNext {
		t.Error("36% of the revenue is not close to the next tier")
	}
}

func TestCloseToNextNeedsEightyPercentOfEverything(t *testing.T) {
	p := testProgram()
	f := PartnerFacts{AssignedTierID: 2, OnboardedOn: "2025-01-01", Certs: certs(3, ""),
		Won: won(100_000, "2026-02-01", "2026-05-01", "2026-08-01", "2026-09-01")} // 400 000 = 80%, 4 deals = 80%
	if e := p.Evaluate(&f, "2026-11-27"); !e.CloseToNext {
		t.Errorf("at 80%% of every Gold requirement: not close (%+v)", e.NextProgress)
	}
	f.Won[0].Amount--
	if e := p.Evaluate(&f, "2026-11-27"); e.CloseToNext {
		t.Error("just under 80% of the revenue counts as close")
	}
}

func TestSuggestionsAndDemotionRisk(t *testing.T) {
	p := testProgram()
	silver := PartnerFacts{Won: won(50_000, "2026-03-01", "2026-10-01"), Certs: certs(1, "")}
	tests := map[string]struct {
		facts   PartnerFacts
		suggest SuggestionKind
		risk    Risk
	}{
		"no tier assigned, qualifies for Silver: promote":          {silver, SuggestPromote, RiskNone},
		"assigned what it qualifies for: nothing":                  {withTier(silver, 2), SuggestNone, RiskNone},
		"Gold assigned, qualifies for Silver: demote, at risk now": {withTier(silver, 3), SuggestDemote, RiskNow},
		"revenue drops out of the window within 90 days": {
			withTier(PartnerFacts{Won: won(50_000, "2025-12-15", "2026-10-01"), Certs: certs(1, "")}, 2), SuggestNone, RiskSoon},
		"certification expires within 90 days": {
			withTier(PartnerFacts{Won: won(50_000, "2026-03-01", "2026-10-01"), Certs: certs(1, "2027-01-31")}, 2), SuggestNone, RiskSoon},
		"certification expires just after 90 days": {
			withTier(PartnerFacts{Won: won(50_000, "2026-03-01", "2026-10-01"), Certs: certs(1, "2027-02-25")}, 2), SuggestNone, RiskNone},
		"a tier with no requirements is never at risk": {withTier(PartnerFacts{}, 1), SuggestNone, RiskNone},
		"a prospect gets no suggestion":                {PartnerFacts{Status: data.StatusProspect}, SuggestNone, RiskNone},
		"an onboarding partner does":                   {PartnerFacts{Status: data.StatusOnboarding}, SuggestPromote, RiskNone},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			e := p.Evaluate(&tc.facts, "2026-11-27")
			if e.Suggest != tc.suggest || e.Risk != tc.risk {
				t.Errorf("suggest %q risk %q, want %q %q (failing %+v)", e.Suggest, e.Risk, tc.suggest, tc.risk, e.RiskReqs)
			}
		})
	}
}

func withTier(f PartnerFacts, id int64) PartnerFacts { f.AssignedTierID = id; return f }

func TestWhatIf(t *testing.T) {
	p := testProgram()
	f := PartnerFacts{AssignedTierID: 2, OnboardedOn: "2025-01-01", Certs: certs(2, ""),
		Won: won(100_000, "2026-02-01", "2026-05-01", "2026-08-01")}
	e := p.WhatIfEvaluate(&f, "2026-11-27", WhatIf{Revenue: 200_000, Deals: 2, Certified: 1})
	if tierID(e.Qualified) != 3 {
		t.Errorf("with the extras: qualified %d, want Gold", tierID(e.Qualified))
	}
	// On 2027-02-05 the February deal has left the window: 200 000 short of 500 000 minus extras.
	e = p.WhatIfEvaluate(&f, "2026-11-27", WhatIf{Revenue: 200_000, Deals: 2, Certified: 1, Date: "2027-02-05"})
	if tierID(e.Qualified) != 2 || e.NextProgress[0].Gap != 100_000 || e.NextProgress[1].Gap != 1 {
		t.Errorf("at the target date: qualified %d, progress %+v", tierID(e.Qualified), e.NextProgress)
	}
}

func TestFiscalYearDoesNotMoveTheTrailingWindow(t *testing.T) {
	tests := map[string]struct {
		date    string
		fyStart int
		qEnd    string
	}{
		"calendar year":                {"2026-11-27", 1, "2026-12-31"},
		"fiscal year from April":       {"2026-11-27", 4, "2026-12-31"},
		"fiscal year from February":    {"2026-11-27", 2, "2027-01-31"},
		"fiscal year from July, in Q3": {"2027-02-10", 7, "2027-03-31"},
		"first day of a quarter":       {"2026-10-01", 10, "2026-12-31"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := QuarterEnd(tc.date, tc.fyStart); got != tc.qEnd {
				t.Errorf("quarter end %s, want %s", got, tc.qEnd)
			}
			if got := WindowStart(tc.date); got != data.AddDays(tc.date, -365) && got != data.AddDays(tc.date, -364) {
				t.Errorf("window start %s depends on something else", got)
			}
		})
	}
}
