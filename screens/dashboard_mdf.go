package screens

import (
	"channeldesk/app/metrics"
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// buildMDFTile is the MDF tile of the dashboard: what the current funds
// have used and what is still available to partners.
func (d *dashboardScreen) buildMDFTile() fyne.CanvasObject {
	d.mdf = newKPITile(lang.L("dash.kpi.mdf"))
	// Two amounts: a smaller size keeps them inside the tile.
	d.mdf.value.TextSize = theme.TextSize() * 1.5
	return d.mdf.card
}

// mdfStep loads the MDF tile's figures.
func (d *dashboardScreen) mdfStep(ctx context.Context) func() {
	k, err := metrics.LoadMDFKPI(ctx, d.store, d.now())
	return func() {
		switch {
		case err != nil:
			d.mdf.set("—", errorText(err))
		case k.Funds == 0:
			d.mdf.set("—", lang.L("dash.kpi.mdf_none"))
		default:
			cur := d.currency()
			d.mdf.set(compactMoney(k.Used, cur, d.lang)+" / "+compactMoney(k.Available, cur, d.lang),
				lang.L("dash.kpi.mdf_note", map[string]any{"Budget": compactMoney(k.Budget, cur, d.lang)}))
		}
	}
}
