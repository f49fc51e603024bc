package onboarding

import (
	"context"
	"sort"

	"channeldesk/app/fiscal"
	"channeldesk/data"
)

// OnboardingProgress is how far a partner's onboarding has come on a day.
type OnboardingProgress struct {
	Required     int // required tasks
	RequiredDone int // required tasks done
	Overdue      int // open tasks past their due date
	MaxLate      int // days the most overdue task is late
	DaysIn       int // days from the start to completion, or to today
	// FirstDealDays is the time to first deal in days from the start, -1
	// while there is none.
	FirstDealDays int
	Complete      bool                 // every required task done
	NextDue       *data.OnboardingTask // the open task due soonest, nil when none
}

// Fraction is required done / required, 0..1; a checklist with no
// required task counts as complete.
func (p OnboardingProgress) Fraction() float64 {
	if p.Required == 0 {
		return 1
	}
	return float64(p.RequiredDone) / float64(p.Required)
}

// Percent is Fraction as a whole percentage, rounded down.
func (p OnboardingProgress) Percent() int { return p.RequiredDone * 100 / max(p.Required, 1) }

// Progress measures a checklist on today (ISO); firstDeal is the day of
// the partner's first deal or "".
func Progress(cl *data.OnboardingChecklist, today, firstDeal string) OnboardingProgress {
	p := OnboardingProgress{FirstDealDays: -1}
	if cl == nil {
		return p
	}
	for i := range cl.Tasks {
		t := &cl.Tasks[i]
		if t.Required {
			p.Required++
			if t.State == data.TaskDone {
				p.RequiredDone++
			}
		}
		if t.Overdue(today) {
			p.Overdue++
			p.MaxLate = max(p.MaxLate, fiscal.DaysBetween(t.DueOn, today))
		}
		if t.State.Open() && (p.NextDue == nil || t.DueOn < p.NextDue.DueOn) {
			p.NextDue = t
		}
	}
	p.Complete = p.RequiredDone == p.Required
	end := today
	if cl.CompletedOn != "" {
		end = cl.CompletedOn
	}
	p.DaysIn = max(0, fiscal.DaysBetween(cl.StartedOn, end))
	if firstDeal != "" {
		p.FirstDealDays = max(0, fiscal.DaysBetween(cl.StartedOn, firstDeal))
	}
	return p
}

// Row is one partner on the Onboarding screen.
type Row struct {
	PartnerID int64
	Name      string
	Type      data.PartnerType
	Started   bool // has a checklist
	Progress  OnboardingProgress
	NextDue   data.OnboardingTask // zero when none
}

// Overview lists every partner in onboarding with its progress,
// most at risk first: most overdue tasks, then the longest late, then the
// least progress. The automatic rules run first, so the figures are current.
func Overview(ctx context.Context, s *data.Store, today string) ([]Row, error) {
	if _, err := ApplyAllAutoRules(ctx, s, today); err != nil {
		return nil, err
	}
	entries, err := s.OnboardingEntries(ctx)
	if err != nil {
		return nil, err
	}
	rows := make([]Row, 0, len(entries))
	for _, e := range entries {
		r := Row{PartnerID: e.PartnerID, Name: e.Name, Type: e.Type, Started: e.Checklist != nil}
		r.Progress = Progress(e.Checklist, today, "")
		if r.Progress.NextDue != nil {
			r.NextDue = *r.Progress.NextDue
			r.Progress.NextDue = nil
		}
		rows = append(rows, r)
	}
	SortByRisk(rows)
	return rows, nil
}

// SortByRisk orders rows most overdue first.
func SortByRisk(rows []Row) {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i].Progress, rows[j].Progress
		switch {
		case a.Overdue != b.Overdue:
			return a.Overdue > b.Overdue
		case a.MaxLate != b.MaxLate:
			return a.MaxLate > b.MaxLate
		default:
			return a.Fraction() < b.Fraction()
		}
	})
}
