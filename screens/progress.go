package screens

import (
	"context"

	"fyne.io/fyne/v2"

	"channeldesk/screens/widgets"
)

// runWithProgress runs work off the UI goroutine behind a progress dialog
// with a Cancel button that cancels work's context; the rest of the
// window keeps repainting. work reports progress(done, total) from any
// goroutine (total <= 0 when unknown). done runs on the UI goroutine with
// work's error (context.Canceled after Cancel) once the dialog is gone.
func (u *UI) runWithProgress(title string, work func(ctx context.Context, progress func(done, total int)) error, done func(error)) *widgets.ProgressDialog {
	ctx, cancel := context.WithCancel(context.Background())
	p := widgets.NewProgressDialog(title, u.Win, cancel)
	if u.actions == nil {
		u.actions = map[string]func(){}
	}
	u.actions[actCancelWork] = p.Cancel.OnTapped // Esc cancels the work instead of hiding its dialog
	var err error
	u.background(func() {
		defer cancel()
		err = work(ctx, func(n, total int) { fyne.Do(func() { p.Set(n, total) }) })
		if err != nil && ctx.Err() != nil {
			err = ctx.Err() // Cancel, not the closed statement it left behind
		}
	}, func() {
		u.releaseMemory()
		p.Close()
		delete(u.actions, actCancelWork)
		if done != nil {
			done(err)
		}
	})
	return p
}
