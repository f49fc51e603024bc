// Package metrics owns the figures the dashboard and the Today board show:
// the KPIs and charts, the Today list and its snooze and dismiss marks,
// partners at risk, contact cadence per tier and partners gone quiet.
// Plan figures (missed targets, check-ins due, the quarter's target) are
// computed here from app/plan's attainment (plans.go).
package metrics
