// Package metrics owns the figures the dashboard and the Today board show:
// the KPIs and charts, the Today list and its snooze and dismiss marks,
// partners at risk, contact cadence per tier and partners gone quiet.
// Plan figures come from app/plan through PlanFigures, because plan
// imports this package.
package metrics
