package metrics

import (
	"context"
	"time"

	"channeldesk/data"
)

// PlanHooks are what the dashboard needs from the joint business plans.
// Plan attainment lives in app/plan, which imports metrics, so metrics cannot call
// it: app/plan fills PlanFigures in its init.
// A nil hook leaves its figure out (as in tests of package metrics alone).
type PlanHooks struct {
	// MissedTargets lists the partners whose agreed plan's weighted
	// attainment in the fiscal quarter before today's is under minBP.
	MissedTargets func(ctx context.Context, s *data.Store, today time.Time, minBP int) ([]AtRisk, error)
	// CheckInsDue lists the plan check-ins that are due or overdue.
	CheckInsDue func(ctx context.Context, s *data.Store, today time.Time) ([]TodayItem, error)
	// QuarterTarget sums the revenue targets of the agreed plans (of partners in the program) for
	// today's fiscal quarter; ok is false when no agreed plan has one.
	QuarterTarget func(ctx context.Context, s *data.Store, today time.Time) (target int64, ok bool, err error)
}

// PlanFigures is set by app/plan.
var PlanFigures PlanHooks
