package screens

import (
	"context"
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// asyncWork runs background work on its own goroutine for one test, as in
// the real app; the test must only touch widgets while that work waits.
func asyncWork(t *testing.T) {
	runInline = false
	t.Cleanup(func() { runInline = true })
}

func TestProgressShowsCountAndCancels(t *testing.T) {
	u := newTestUI(t, 0, "en")
	asyncWork(t)
	reported := make(chan struct{})
	var got error
	finished := false
	p := u.runWithProgress("Exporting", func(ctx context.Context, progress func(done, total int)) error {
		progress(3, 10)
		close(reported)
		<-ctx.Done()
		return ctx.Err()
	}, func(err error) { got, finished = err, true })
	<-reported
	if p.Bar.Value != 3 || p.Bar.Max != 10 || p.Count.Text != "Done: 3 of 10" || !p.Bar.Visible() {
		t.Errorf("bar %v/%v visible %v, count %q", p.Bar.Value, p.Bar.Max, p.Bar.Visible(), p.Count.Text)
	}
	if finished {
		t.Fatal("done ran before the work ended")
	}
	test.Tap(findButton(t, u, "Cancel"))
	u.Wait()
	if !finished || !errors.Is(got, context.Canceled) {
		t.Errorf("after Cancel: finished %v, error %v", finished, got)
	}
	if top := u.Win.Canvas().Overlays().Top(); top != nil {
		t.Error("the progress dialog is still open")
	}
}

func TestEscCancelsTheWorkInsteadOfHidingIt(t *testing.T) {
	u := newTestUI(t, 0, "en")
	asyncWork(t)
	var got error
	u.runWithProgress("Importing", func(ctx context.Context, _ func(int, int)) error {
		<-ctx.Done()
		return ctx.Err()
	}, func(err error) { got = err })
	u.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	u.Wait()
	if !errors.Is(got, context.Canceled) {
		t.Errorf("after Esc the work ended with %v", got)
	}
	if _, left := u.actions[actCancelWork]; left {
		t.Error("Esc still points at finished work")
	}
}

func TestProgressReportsTheWorkError(t *testing.T) {
	u := newTestUI(t, 0, "ru")
	boom := errors.New("disk full")
	var got error
	u.runWithProgress("Резервная копия", func(ctx context.Context, _ func(int, int)) error { return boom }, func(err error) { got = err })
	u.Wait()
	if !errors.Is(got, boom) {
		t.Errorf("done got %v", got)
	}
	if u.Win.Canvas().Overlays().Top() != nil {
		t.Error("dialog left open after the work failed")
	}
}
