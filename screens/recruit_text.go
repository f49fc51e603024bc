package screens

import (
	"fyne.io/fyne/v2/lang"

	"channeldesk/app/importer"
	"channeldesk/data"
)

// ImportRowText describes a merged or rejected import row in one line,
// naming the row, the column and the reason; "" for a new partner. The
// command line prints the same lines.
func ImportRowText(r importer.Row) string {
	switch r.Action {
	case importer.Reject:
		reason := errorText(&data.Error{Code: r.Err.Code, Key: r.Err.Key, Args: r.Err.Args})
		if r.Column == "" {
			return lang.L("recruit.row_rejected", map[string]any{"Row": r.Num, "Reason": reason})
		}
		return lang.L("recruit.row_rejected_col", map[string]any{"Row": r.Num, "Column": r.Column, "Reason": reason})
	case importer.Merge:
		return lang.L("recruit.row_merged", map[string]any{"Row": r.Num, "Name": r.MergeName})
	}
	return ""
}
