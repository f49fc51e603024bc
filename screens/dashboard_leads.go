package screens

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"channeldesk/data"
)

// buildLeadsTile is the leads tile of the dashboard: leads waiting for a
// partner and offered, with the program's acceptance and conversion.
func (d *dashboardScreen) buildLeadsTile() fyne.CanvasObject {
	d.leadsTile = newKPITile(lang.L("leads.kpi"))
	d.leadsTile.value.TextSize = theme.TextSize() * 1.5
	return d.leadsTile.card
}

// leadsStep loads the leads tile's figures.
func (d *dashboardScreen) leadsStep(ctx context.Context) func() {
	counts, err := d.store.LeadStateCounts(ctx)
	return func() {
		if err != nil {
			d.leadsTile.set("—", errorText(err))
			return
		}
		total := 0
		for _, n := range counts {
			total += n
		}
		if total == 0 {
			d.leadsTile.set("—", lang.L("leads.kpi_none"))
			return
		}
		waiting := counts[data.LeadNew] + counts[data.LeadDeclined]
		d.leadsTile.set(strconv.Itoa(waiting)+" / "+strconv.Itoa(counts[data.LeadOffered]),
			lang.L("leads.kpi_note", map[string]any{"Accepted": counts[data.LeadAccepted], "Converted": counts[data.LeadConverted]}))
	}
}
