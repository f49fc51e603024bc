package screens

import (
	"context"
	"errors"

	"fyne.io/fyne/v2/lang"

	"channeldesk/app/format"
	"channeldesk/app/kit"
)

// errNoFiguresDue: the partner kit's "figures due" selection is empty.
var errNoFiguresDue = errors.New("no figures due")

// dueText says whose figures are due: the quarter, its deadline and
// how many active partners have not reported them.
func (f *kitFlow) dueText() string {
	ctx := context.Background()
	q, err := kit.DueQuarter(ctx, f.store)
	if err != nil {
		return errorText(err)
	}
	ps, err := kit.Partners(ctx, f.store, kit.Selection{Due: true})
	if err != nil {
		return errorText(err)
	}
	args := map[string]any{"Quarter": q.Label(), "Date": format.FormatDate(kit.DueBy(q), f.lang), "Count": len(ps)}
	if len(ps) == 0 {
		return lang.L("kit.due.none", args)
	}
	return lang.L("kit.due.some", args)
}
