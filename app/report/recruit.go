package report

import (
	"context"

	"channeldesk/app/recruit"
	"channeldesk/data"
)

// recruitStages are the recruitment stages in pipeline order.
var recruitStages = []data.Status{data.StatusProspect, data.StatusApplied, data.StatusVetting, data.StatusOnboarding, data.StatusDeclined}

var recruitCols = []column{
	{"report.col.id", colID, false},
	{"report.col.partner", colText, false},
	{"report.col.type", colText, false},
	{"report.col.stage", colText, false},
	{"report.col.source", colText, false},
	{"report.col.event", colText, false},
	{"report.col.event_date", colDate, false},
	{"report.col.referred_by", colText, false},
	{"report.col.country", colText, false},
	{"report.col.city", colText, false},
	{"report.col.added", colDate, false},
	{"report.col.fit_score", colInt, false},
}

// writeRecruitment is the recruitment pipeline by stage, best fit first
// within a stage, with where each prospect came from and its weighted
// scorecard score (recruit.LoadPipeline). The workbook is the manager's own,
// so the internal score belongs here; it never goes to a partner.
func writeRecruitment(ctx context.Context, b *Book, sheet string) error {
	pl, err := recruit.LoadPipeline(ctx, b.Store)
	if err != nil {
		return err
	}
	var rows [][]any
	for _, st := range recruitStages {
		for _, p := range pl.Find(st, recruit.Filter{}, true) {
			var score any
			if p.Scored {
				score = p.Score
			}
			source := ""
			if p.Source != "" {
				source = b.L("source." + string(p.Source))
			}
			rows = append(rows, []any{p.ID, p.Name, b.L("type." + string(p.Type)), b.L("status." + string(p.Status)), source,
				p.EventName, p.EventDate, p.ReferredBy, p.Country, p.City, firstDay(p.Created), score})
		}
	}
	return b.writeTable(ctx, sheet, table{Name: "Recruitment", Cols: recruitCols, Rows: rows})
}

// firstDay is the date part of an RFC 3339 instant or ISO date.
func firstDay(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	return s
}
