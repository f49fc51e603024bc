package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// progressDialog is the window-modal progress of one piece of long work:
// a bar (endless while the total is unknown), a count and Cancel.
type progressDialog struct {
	dlg     *dialog.CustomDialog
	bar     *widget.ProgressBar
	endless *widget.ProgressBarInfinite
	count   *widget.Label
	cancel  *widget.Button
}

// runWithProgress runs work off the UI goroutine behind a progress dialog
// with a Cancel button that cancels work's context; the rest of the
// window keeps repainting. work reports progress(done, total) from any
// goroutine (total <= 0 when unknown). done runs on the UI goroutine with
// work's error (context.Canceled after Cancel) once the dialog is gone.
func (u *UI) runWithProgress(title string, work func(ctx context.Context, progress func(done, total int)) error, done func(error)) *progressDialog {
	ctx, cancel := context.WithCancel(context.Background())
	p := &progressDialog{
		bar:     widget.NewProgressBar(),
		endless: widget.NewProgressBarInfinite(),
		count:   widget.NewLabel(lang.L("desk.progress.starting")),
	}
	p.bar.Hide()
	p.cancel = &widget.Button{Text: lang.L("action.cancel"), Icon: theme.CancelIcon(), OnTapped: func() {
		cancel()
		p.cancel.Disable()
		p.count.SetText(lang.L("desk.progress.cancelling"))
	}}
	if u.actions == nil {
		u.actions = map[string]func(){}
	}
	u.actions[actCancelWork] = p.cancel.OnTapped // Esc cancels the work instead of hiding its dialog
	body := container.NewVBox(container.NewStack(p.bar, p.endless), p.count)
	p.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, container.NewCenter(p.cancel), nil, nil, body), u.Win)
	p.dlg.Resize(fyne.NewSize(420, p.dlg.MinSize().Height))
	p.dlg.Show()
	var err error
	u.background(func() {
		defer cancel()
		err = work(ctx, func(n, total int) { fyne.Do(func() { p.set(n, total) }) })
		if err != nil && ctx.Err() != nil {
			err = ctx.Err() // Cancel, not the closed statement it left behind
		}
	}, func() {
		u.releaseMemory()
		p.endless.Stop()
		p.dlg.Hide()
		delete(u.actions, actCancelWork)
		if done != nil {
			done(err)
		}
	})
	return p
}

// set shows done of total; an unknown total keeps the endless bar.
func (p *progressDialog) set(done, total int) {
	if total <= 0 {
		return
	}
	if p.endless.Visible() {
		p.endless.Stop()
		p.endless.Hide()
		p.bar.Show()
	}
	p.bar.Max = float64(total)
	p.bar.SetValue(float64(done))
	if p.cancel.Disabled() {
		return
	}
	p.count.SetText(lang.L("desk.progress.count", map[string]any{"Done": done, "Total": total}))
}
