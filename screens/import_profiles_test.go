package screens

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"channeldesk/app/importer"
)

func TestImportProfilesAreRenamedAndDeletedInSettings(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ctx := context.Background()
	for _, n := range []string{"Bitrix24", "HubSpot"} {
		if err := importer.SaveProfile(ctx, u.Store, n, []string{"Name", n}, importer.Mapping{importer.FName, ""}, importer.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	s := newImportProfilesSection(u)
	s.buildUI()
	if len(s.rows) != 2 || s.rows[0].name.Text != "Bitrix24" {
		t.Fatalf("%d rows listed", len(s.rows))
	}
	s.rows[0].name.SetText("HubSpot")
	test.Tap(s.rows[0].rename)
	if s.msg.Text != "There is already an import profile named «HubSpot»" || s.rows[0].name.Text != "HubSpot" {
		t.Errorf("rename onto a taken name: %q, entry %q", s.msg.Text, s.rows[0].name.Text)
	}
	s.rows[0].name.SetText("Bitrix24 companies")
	test.Tap(s.rows[0].rename)
	test.Tap(s.rows[1].deleteB) // HubSpot
	ps, _ := u.Store.ImportProfiles(ctx)
	if len(ps) != 1 || ps[0].Name != "Bitrix24 companies" || len(s.rows) != 1 {
		t.Errorf("stored %+v, listed %d", ps, len(s.rows))
	}
}
