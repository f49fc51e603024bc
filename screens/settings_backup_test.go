package screens

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"channeldesk/app/files"
	"channeldesk/data"
)

func TestBackupNowAndRestore(t *testing.T) {
	u := newTestUI(t, 3, "en")
	ctx := context.Background()
	list, _ := files.ListBackups(u.Store.Path())
	if len(list) != 1 || list[0].Reason != "daily" {
		t.Fatalf("start-up backups: %+v, want one daily", list)
	}
	rebuilt := 0
	// The default hook rebuilds the window; rebuilding from a background
	// callback races in the test driver, which runs fyne.DoAndWait on the
	// calling goroutine; so the test only counts.
	u.Reopened = func() { rebuilt++ }
	u.show("nav.settings")
	u.Win.Resize(u.Win.Content().MinSize().AddWidthHeight(200, 400))
	test.Tap(findButton(t, u, "Back up now"))
	u.Wait()
	list, _ = files.ListBackups(u.Store.Path())
	if len(list) != 2 {
		t.Fatalf("after Back up now: %+v", list)
	}
	if err := u.Store.CreatePartner(ctx, &data.Partner{Name: "Made after the backup", Type: data.TypeMSP, Status: data.StatusProspect}); err != nil {
		t.Fatal(err)
	}
	test.Tap(findButton(t, u, "Restore…")) // the newest backup is first
	if rows, _ := u.Store.PartnerRows(ctx); len(rows) != 4 {
		t.Fatalf("restored before confirmation: %d partners", len(rows))
	}
	test.Tap(findButton(t, u, "Restore"))
	u.Wait()
	rows, _ := u.Store.PartnerRows(ctx)
	if len(rows) != 3 || rebuilt != 1 {
		t.Fatalf("after restore: %d partners (want 3), rebuilt %d times", len(rows), rebuilt)
	}
	list, _ = files.ListBackups(u.Store.Path())
	if len(list) != 3 || list[0].Reason != "prerestore" {
		t.Fatalf("the current data was not backed up first: %+v", list)
	}
}
