package screens

import (
	"context"
	"strings"
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
	s := newImportProfilesSection(u.Store)
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

func TestValueMappingMovesRowsFromWarningsToReady(t *testing.T) {
	u := newTestUI(t, 0, "en")
	f := &importFlow{importDeps: u.importDeps()}
	csv := "Company name,Type\nAlpha,Partner\nBeta,Partner\nGamma,Reseller\nDelta,Vendor\n"
	f.open("hubspot.csv", readCloser{strings.NewReader(csv)})
	u.Wait()
	if f.preview == nil || f.preview.Warned != 3 || f.preview.Created != 4 {
		t.Fatalf("preview %+v", f.preview)
	}
	partner := f.valueBox.selects["Type\x00Partner"]
	if partner == nil {
		t.Fatalf("no choice for «Partner»: %v", f.valueBox.selects)
	}
	partner.SetSelected("Reseller")
	u.Wait()
	if f.preview.Warned != 1 || f.preview.Created != 4 {
		t.Errorf("after mapping Partner → reseller: %d warned, %d new; want 1 and 4", f.preview.Warned, f.preview.Created)
	}
	f.valueBox.selects["Type\x00Vendor"].SetSelected("skip these rows")
	u.Wait()
	if f.preview.Warned != 0 || f.preview.Skipped != 1 || !strings.Contains(f.summary.Text, "Left out by the value mapping: 1") {
		t.Errorf("after skipping Vendor: %d warned, %d skipped, summary %q", f.preview.Warned, f.preview.Skipped, f.summary.Text)
	}
	if sel := f.valueBox.selects["Type\x00Partner"]; sel == nil || sel.Selected != "Reseller" {
		t.Error("the choice made is not shown after the preview is rebuilt")
	}
}

func TestGUIImportSavesAProfileAndFindsItNextTime(t *testing.T) {
	u := newTestUI(t, 0, "en")
	csv := "Company name,Type\nAlpha,Partner\n"
	f := &importFlow{importDeps: u.importDeps()}
	f.open("first.csv", readCloser{strings.NewReader(csv)})
	u.Wait()
	f.valueBox.selects["Type\x00Partner"].SetSelected("MSP")
	u.Wait()
	f.saveProfile("HubSpot companies")
	if f.msg.Text != "Saved the columns and values as import profile «HubSpot companies»" {
		t.Fatalf("message %q", f.msg.Text)
	}
	f.close()
	next := &importFlow{importDeps: u.importDeps()}
	next.open("second.csv", readCloser{strings.NewReader("Type,Company name\nPartner,Beta\n")})
	u.Wait()
	if next.profile != "HubSpot companies" || next.preview == nil || next.preview.Rows[0].Partner.Type != "msp" || next.preview.Warned != 0 {
		t.Errorf("profile %q, preview %+v", next.profile, next.preview)
	}
}
