package plan

import (
	"channeldesk/data"
)

// CapBP caps one objective's attainment (150 %), so that one objective far
// over target cannot hide the others in the weighted figure.
const CapBP = 15000

// NoTarget marks an attainment that cannot be computed: no target set.
const NoTarget = -1

// ObjectiveResult is an objective with its actuals and attainment.
type ObjectiveResult struct {
	data.Objective
	Actual     [4]int64 // computed from data or entered
	QuarterBP  [4]int   // attainment per quarter in basis points, or NoTarget
	YearTarget int64
	YearActual int64
	YearBP     int
	// Known marks the quarters with an actual to show: begun, and computed
	// from data or entered (a reported 0 included). An entered measure's
	// quarter nobody reported counts as 0 but shows no figure.
	Known [4]bool
}

// Attainment is a plan's weighted attainment per quarter and for the year,
// in basis points (NoTarget when no objective has a target there).
type Attainment struct {
	Objectives []ObjectiveResult
	QuarterBP  [4]int
	YearBP     int
	Started    int // quarters begun; later ones have no actuals and no attainment yet
}

// Computed holds a partner's actuals that come from data, per quarter.
type Computed struct {
	Revenue   [4]int64
	WonDeals  [4]int64
	Certified [4]int64 // valid certified people at the quarter's end (or today)
}

// actualsOf picks an objective's actuals: computed for measures that data
// answers, entered otherwise.
func actualsOf(o data.Objective, c Computed) [4]int64 {
	switch o.Measure {
	case data.MeasureRevenue:
		return c.Revenue
	case data.MeasureWonDeals:
		return c.WonDeals
	case data.MeasureCertifiedPeople:
		return c.Certified
	}
	return o.Actuals
}

// ratioBP is actual/target in basis points, capped; NoTarget for no target.
func ratioBP(actual, target int64) int {
	if target <= 0 {
		return NoTarget
	}
	bp := actual * 10000 / target
	if bp > CapBP {
		bp = CapBP
	}
	return int(bp)
}

// yearFigures sums counts over the quarters; a level (certified people) is
// judged by the last quarter with a target.
func yearFigures(o data.Objective, actual [4]int64, quartersDone int) (target, got int64) {
	if !o.Measure.Level() {
		for q := range 4 {
			target += o.Targets[q]
			got += actual[q]
		}
		return target, got
	}
	for q := range 4 {
		if o.Targets[q] > 0 {
			target = o.Targets[q]
		}
	}
	if quartersDone > 0 {
		got = actual[min(quartersDone, 4)-1]
	}
	return target, got
}

// Evaluate computes every objective's actuals and the weighted attainment.
// quartersDone is how many quarters have started (0–4); later quarters have
// no actuals yet.
func Evaluate(objs []data.Objective, c Computed, quartersDone int) Attainment {
	a := Attainment{Objectives: make([]ObjectiveResult, len(objs)), Started: quartersDone}
	var qSum, qWeight [4]int64
	var ySum, yWeight int64
	for i, o := range objs {
		r := ObjectiveResult{Objective: o, Actual: actualsOf(o, c)}
		for q := range 4 {
			r.QuarterBP[q] = ratioBP(r.Actual[q], o.Targets[q])
			r.Known[q] = o.Measure.Computed() || o.HasActual(q)
			if q >= quartersDone {
				r.Actual[q], r.QuarterBP[q], r.Known[q] = 0, NoTarget, false
			}
			if r.QuarterBP[q] != NoTarget {
				qSum[q] += int64(o.Weight) * int64(r.QuarterBP[q])
				qWeight[q] += int64(o.Weight)
			}
		}
		r.YearTarget, r.YearActual = yearFigures(o, r.Actual, quartersDone)
		r.YearBP = ratioBP(r.YearActual, r.YearTarget)
		if r.YearBP != NoTarget {
			ySum += int64(o.Weight) * int64(r.YearBP)
			yWeight += int64(o.Weight)
		}
		a.Objectives[i] = r
	}
	for q := range 4 {
		a.QuarterBP[q] = weighted(qSum[q], qWeight[q])
	}
	a.YearBP = weighted(ySum, yWeight)
	return a
}

func weighted(sum, weight int64) int {
	if weight == 0 {
		return NoTarget
	}
	return int(sum / weight)
}
