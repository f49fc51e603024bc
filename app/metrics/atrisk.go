package metrics

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"channeldesk/app/fiscal"
	"channeldesk/data"
)

// RiskKind is why a partner is listed as at risk.
type RiskKind string

// Reasons a partner is at risk.
const (
	RiskNoWonDeal         RiskKind = "no_won_deal"        // active, but no deal won for a long time
	RiskStalledOnboarding RiskKind = "stalled_onboarding" // onboarding open, no task done for a long time
	RiskMissedTarget      RiskKind = "missed_target"      // the agreed plan's last fiscal quarter fell short
	RiskNoContact         RiskKind = "no_contact"         // past its tier's contact cadence
)

// RiskExtras are the at-risk rules other areas add (leads: a partner
// that lets offers expire); each registers in init.
var RiskExtras []func(ctx context.Context, s *data.Store, today time.Time) ([]AtRisk, error)

// RiskRules say how long is too long.
type RiskRules struct {
	NoWonMonths int // an active partner with no won deal for this many months
	StalledDays int // onboarding open with no task done (or started) for this many days
	DismissDays int // a dismissed warning stays hidden this long
	// MissedBP is the weighted attainment, in basis points, under which an
	// agreed plan's previous fiscal quarter counts as a missed target.
	MissedBP int
}

// MissedTargetBP is the default missed-target line: 80 % attainment.
const MissedTargetBP = 8000

// DefaultRiskRules are the thresholds the dashboard uses.
var DefaultRiskRules = RiskRules{NoWonMonths: 6, StalledDays: 60, DismissDays: 30, MissedBP: MissedTargetBP}

// AtRisk is one partner flagged by a rule.
type AtRisk struct {
	PartnerID int64
	Name      string
	Status    data.Status
	Kind      RiskKind
	Since     string // last won deal (or when the partner was added) / last onboarding task done (or start) / quarter end; ISO date
}

// FindAtRisk applies the rules on today, leaving out warnings the manager
// dismissed less than DismissDays ago. Partners already marked at risk are
// listed too, so the manager sees why.
func FindAtRisk(ctx context.Context, s *data.Store, today time.Time, rules RiskRules) ([]AtRisk, error) {
	dismissed, err := s.SettingKeysAfter(ctx, dismissPrefix, fiscal.ISODate(today.AddDate(0, 0, -rules.DismissDays)))
	if err != nil {
		return nil, err
	}
	noWon, err := s.PartnersWithoutWinSince(ctx, fiscal.ISODate(today.AddDate(0, -rules.NoWonMonths, 0)))
	if err != nil {
		return nil, err
	}
	stalled, err := s.OnboardingIdleSince(ctx, fiscal.ISODate(today.AddDate(0, 0, -rules.StalledDays)))
	if err != nil {
		return nil, err
	}
	found := append(risks(RiskNoWonDeal, noWon), risks(RiskStalledOnboarding, stalled)...)
	if rules.MissedBP > 0 {
		missed, err := MissedTargets(ctx, s, today, rules.MissedBP)
		if err != nil {
			return nil, err
		}
		found = append(found, missed...)
	}
	quiet, err := quietRisks(ctx, s, today)
	if err != nil {
		return nil, err
	}
	found = append(found, quiet...)
	for _, more := range RiskExtras {
		extra, err := more(ctx, s, today)
		if err != nil {
			return nil, err
		}
		found = append(found, extra...)
	}
	var out []AtRisk
	for _, r := range found {
		if !dismissed[dismissKey(r.PartnerID, r.Kind)] {
			out = append(out, r)
		}
	}
	return out, nil
}

// risks are the partners a rule found, as warnings of kind.
func risks(kind RiskKind, ps []data.PartnerSince) []AtRisk {
	out := make([]AtRisk, 0, len(ps))
	for _, p := range ps {
		out = append(out, AtRisk{PartnerID: p.PartnerID, Name: p.Name, Status: p.Status, Kind: kind, Since: p.Since})
	}
	return out
}

const dismissPrefix = "dash.dismissed."

func dismissKey(partnerID int64, kind RiskKind) string {
	return fmt.Sprintf("%s%d.%s", dismissPrefix, partnerID, kind)
}

// DismissRisk hides one warning about a partner for RiskRules.DismissDays
// from today; the choice is kept in the settings table.
func DismissRisk(ctx context.Context, s *data.Store, partnerID int64, kind RiskKind, today time.Time) error {
	if kind != RiskNoWonDeal && kind != RiskStalledOnboarding && kind != RiskMissedTarget && kind != RiskNoContact &&
		kind != RiskLetsLeadsExpire {
		return data.Invalid("kind", "err.unknown_kind", map[string]any{"Value": string(kind)})
	}
	return s.SetSetting(ctx, dismissKey(partnerID, kind), fiscal.ISODate(today))
}

// LastTaskDone is the day a checklist last moved: the latest completion
// date of a done task, or the start when no task is done yet. Stalled
// onboarding is measured from it.
func LastTaskDone(cl *data.OnboardingChecklist) string {
	last := cl.StartedOn
	for _, t := range cl.Tasks {
		if t.State == data.TaskDone && t.DoneOn > last {
			last = t.DoneOn
		}
	}
	return last
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// FiscalFromSetting is a defensive read of the fiscal year start month.
func FiscalFromSetting(st data.Settings) int {
	if st.FiscalYearFrom < 1 || st.FiscalYearFrom > 12 {
		return 1
	}
	return st.FiscalYearFrom
}

// quietRisks are the partners past their contact cadence; Since is the
// last contact (or the day the partner was added).
func quietRisks(ctx context.Context, s *data.Store, today time.Time) ([]AtRisk, error) {
	cad, err := LoadCadence(ctx, s)
	if err != nil {
		return nil, err
	}
	quiet, err := GoneQuiet(ctx, s, today, cad)
	if err != nil {
		return nil, err
	}
	out := make([]AtRisk, len(quiet))
	for i, q := range quiet {
		out[i] = AtRisk{PartnerID: q.PartnerID, Name: q.Name, Status: q.Status, Kind: RiskNoContact, Since: q.Since}
	}
	return out, nil
}
