package metrics

import (
	"context"
	"sort"
	"strings"
	"time"

	"channeldesk/app/format"
	"channeldesk/data"
)

// DefaultCadenceDays is how often a partner of a tier expects contact
// when the manager has not set it, by the tier's English name.
var DefaultCadenceDays = map[string]int{"platinum": 30, "gold": 45, "silver": 60, "registered": 90}

// FallbackCadenceDays is the cadence of partners without a tier, and of
// tiers with a name DefaultCadenceDays does not know.
const FallbackCadenceDays = 90

// TierCadence is one tier's contact cadence.
type TierCadence struct {
	Tier data.Tier
	Days int
}

// Cadence says how many days may pass between contacts, per tier.
type Cadence struct {
	Tiers  []TierCadence // best tier first
	byTier map[int64]int
}

// LoadCadence reads the cadence of every tier: the manager's setting, or
// the default for the tier's name.
func LoadCadence(ctx context.Context, s *data.Store) (Cadence, error) {
	tiers, err := s.Tiers(ctx)
	if err != nil {
		return Cadence{}, err
	}
	set, err := s.Cadences(ctx)
	if err != nil {
		return Cadence{}, err
	}
	sort.SliceStable(tiers, func(i, j int) bool { return tiers[i].Rank > tiers[j].Rank })
	c := Cadence{byTier: map[int64]int{}}
	for _, t := range tiers {
		days, ok := set[t.ID]
		if !ok {
			days = defaultCadence(t.NameEN)
		}
		c.byTier[t.ID] = days
		c.Tiers = append(c.Tiers, TierCadence{Tier: t, Days: days})
	}
	return c, nil
}

func defaultCadence(nameEN string) int {
	if d, ok := DefaultCadenceDays[strings.ToLower(strings.TrimSpace(nameEN))]; ok {
		return d
	}
	return FallbackCadenceDays
}

// Days is the cadence of a tier (0: no tier).
func (c Cadence) Days(tierID int64) int {
	if d, ok := c.byTier[tierID]; ok {
		return d
	}
	return FallbackCadenceDays
}

// DaysSince counts whole days from an ISO date to today (0 for "").
func DaysSince(day string, today time.Time) int {
	t, err := format.ParseDate(day)
	if err != nil {
		return 0
	}
	y, m, d := today.Date()
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(t).Hours() / 24)
}

// QuietPartner is a partner past its contact cadence.
type QuietPartner struct {
	data.ContactState
	Since   string // the last contact, or the day the partner was added when never contacted
	Days    int    // days since then
	Cadence int    // the partner's cadence in days
}

// GoneQuiet lists the partners in the program (onboarding, active, at
// risk) whose last contact is more than their tier's cadence ago; on the
// cadence's last day a partner is not yet quiet. Longest silence first.
func GoneQuiet(ctx context.Context, s *data.Store, today time.Time, cad Cadence) ([]QuietPartner, error) {
	states, err := s.ContactStates(ctx)
	if err != nil {
		return nil, err
	}
	var out []QuietPartner
	for _, st := range states {
		since := st.LastContact
		if since == "" {
			since = st.Created
		}
		q := QuietPartner{ContactState: st, Since: since, Days: DaysSince(since, today), Cadence: cad.Days(st.TierID)}
		if q.Days > q.Cadence {
			out = append(out, q)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Days-out[i].Cadence > out[j].Days-out[j].Cadence })
	return out, nil
}
