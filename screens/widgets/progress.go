package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ProgressDialog is the window-modal progress of one piece of long work:
// a bar (endless while the total is unknown), a count and Cancel.
type ProgressDialog struct {
	Bar     *widget.ProgressBar // the bar once the total is known
	Count   *widget.Label       // "Done: 3 of 10", or that it is cancelling
	Cancel  *widget.Button      // cancels the work
	dlg     *dialog.CustomDialog
	endless *widget.ProgressBarInfinite
}

// NewProgressDialog shows the progress of the work called title on w;
// Cancel (once) calls cancel and says the work is cancelling.
func NewProgressDialog(title string, w fyne.Window, cancel func()) *ProgressDialog {
	p := &ProgressDialog{
		Bar:     widget.NewProgressBar(),
		endless: widget.NewProgressBarInfinite(),
		Count:   widget.NewLabel(lang.L("desk.progress.starting")),
	}
	p.Bar.Hide()
	p.Cancel = &widget.Button{Text: lang.L("action.cancel"), Icon: theme.CancelIcon(), OnTapped: func() {
		cancel()
		p.Cancel.Disable()
		p.Count.SetText(lang.L("desk.progress.cancelling"))
	}}
	body := container.NewVBox(container.NewStack(p.Bar, p.endless), p.Count)
	p.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, container.NewCenter(p.Cancel), nil, nil, body), w)
	p.dlg.Resize(fyne.NewSize(420, p.dlg.MinSize().Height))
	p.dlg.Show()
	return p
}

// Set shows done of total; an unknown total keeps the endless bar.
func (p *ProgressDialog) Set(done, total int) {
	if total <= 0 {
		return
	}
	if p.endless.Visible() {
		p.endless.Stop()
		p.endless.Hide()
		p.Bar.Show()
	}
	p.Bar.Max = float64(total)
	p.Bar.SetValue(float64(done))
	if p.Cancel.Disabled() {
		return
	}
	p.Count.SetText(lang.L("desk.progress.count", map[string]any{"Done": done, "Total": total}))
}

// Close stops the bar and hides the dialog.
func (p *ProgressDialog) Close() {
	p.endless.Stop()
	p.dlg.Hide()
}
