package screens

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/metrics"
	"channeldesk/data"
)

// buildRisks lists the partners at risk with the reason, and lets the
// manager open the partner, mark it at risk or dismiss the warning.
func (d *dashboardScreen) buildRisks() fyne.CanvasObject {
	d.riskMsg = widget.NewLabel("…")
	d.riskList = &widget.List{
		Length: func() int { return len(d.risks) },
		CreateItem: func() fyne.CanvasObject {
			mark := &widget.Button{Text: lang.L("dash.mark_at_risk"), Importance: widget.WarningImportance}
			dismiss := &widget.Button{Text: lang.L("dash.dismiss"), Importance: widget.LowImportance}
			open := &widget.Button{Icon: theme.NavigateNextIcon(), Importance: widget.LowImportance}
			name := &widget.Label{Text: "Partner name", Truncation: fyne.TextTruncateEllipsis, TextStyle: fyne.TextStyle{Bold: true}}
			reason := &widget.Label{Text: "Reason", Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText}
			text := container.New(layout.NewCustomPaddedVBoxLayout(0), name, reason)
			return container.NewBorder(nil, nil, nil, container.NewHBox(mark, dismiss, open), text)
		},
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) { d.updateRisk(d.risks[id], o.(*fyne.Container)) },
	}
	title := widget.NewLabelWithStyle(lang.L("dash.at_risk"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(container.NewVBox(title, d.riskMsg), nil, nil, nil, d.riskList)
}

func (d *dashboardScreen) updateRisk(r metrics.AtRisk, row *fyne.Container) {
	text := row.Objects[0].(*fyne.Container).Objects
	text[0].(*widget.Label).SetText(r.Name)
	text[1].(*widget.Label).SetText(d.riskText(r))
	buttons := row.Objects[1].(*fyne.Container).Objects
	mark, dismiss, open := buttons[0].(*widget.Button), buttons[1].(*widget.Button), buttons[2].(*widget.Button)
	if r.Status.CanMoveTo(data.StatusAtRisk) {
		mark.Show()
	} else {
		mark.Hide()
	}
	mark.OnTapped = func() { d.markAtRisk(r) }
	dismiss.OnTapped = func() { d.dismiss(r) }
	open.OnTapped = func() { d.openPartner(r.PartnerID) }
	row.Refresh() // the buttons' width changed: lay the row out again
}

// riskText is why a partner is at risk and since when.
func (d *dashboardScreen) riskText(r metrics.AtRisk) string {
	return lang.L("dash.risk."+string(r.Kind)) + " · " + lang.L("dash.risk.since", map[string]any{"Date": d.date(r.Since)})
}

func (d *dashboardScreen) riskStep(ctx context.Context) func() {
	risks, err := metrics.FindAtRisk(ctx, d.store, d.now(), metrics.DefaultRiskRules)
	return func() {
		d.risks = nil
		switch {
		case err != nil:
			d.riskMsg.SetText(errorText(err))
		case len(risks) == 0:
			d.riskMsg.SetText(lang.L("dash.at_risk.empty"))
		default:
			d.risks = risks
			d.riskMsg.SetText(lang.L("dash.at_risk.count", map[string]any{"Count": len(risks)}))
		}
		d.riskList.Refresh()
	}
}

// markAtRisk sets the partner's status to at risk, with the warning as
// the reason in its timeline.
func (d *dashboardScreen) markAtRisk(r metrics.AtRisk) {
	reason := lang.L("dash.risk."+string(r.Kind)) + " (" + lang.L("dash.risk.since", map[string]any{"Date": d.date(r.Since)}) + ")"
	d.run(func(ctx context.Context) func() {
		err := d.store.ChangeStatus(ctx, r.PartnerID, data.StatusAtRisk, reason, d.settings().ManagerName)
		return d.showError(err)
	}, d.kpiStep, d.riskStep)
}

// dismiss hides the warning for a while.
func (d *dashboardScreen) dismiss(r metrics.AtRisk) {
	d.run(func(ctx context.Context) func() {
		return d.showError(metrics.DismissRisk(ctx, d.store, r.PartnerID, r.Kind, d.now()))
	}, d.riskStep)
}

func (d *dashboardScreen) showError(err error) func() {
	return func() {
		if err != nil {
			dialog.ShowError(errors.New(errorText(err)), d.win)
		}
	}
}
