package importer_test

import (
	"context"
	"strings"
	"testing"

	"channeldesk/app/importer"
	"channeldesk/data"
)

func TestASavedProfileIsFoundForTheSameHeaders(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	tab, err := importer.ReadCSV(strings.NewReader(crmValues))
	if err != nil {
		t.Fatal(err)
	}
	m := importer.DetectMapping(tab.Header)
	m.Override(tab.Header, "Language", importer.Ignore)
	vm := importer.ValueMap{}
	vm.Set("Type", "Partner", "msp")
	vm.Set("Type", "Vendor", importer.ValueSkip)
	if err := importer.SaveProfile(ctx, s, "HubSpot companies", tab.Header, m, importer.Options{Values: vm}); err != nil {
		t.Fatal(err)
	}
	// the same export, its columns in another order
	moved, err := importer.ReadCSV(strings.NewReader("Language,Type,Company name,Lifecycle Stage\nen,Partner,Alpha,Lead\nen,Vendor,Gamma,Lead\n"))
	if err != nil {
		t.Fatal(err)
	}
	prof, err := importer.FindProfile(ctx, s, moved.Header)
	if err != nil || prof == nil || prof.Name != "HubSpot companies" {
		t.Fatalf("profile %+v %v, want the saved one", prof, err)
	}
	pm, opt, err := importer.UseProfile(prof, moved.Header)
	if err != nil {
		t.Fatal(err)
	}
	if pm[0] != importer.Ignore || pm[2] != importer.FName {
		t.Errorf("mapping %v, want Language ignored and the name found", pm)
	}
	p, err := importer.Plan(ctx, s, moved, pm, opt)
	if err != nil {
		t.Fatal(err)
	}
	if p.Created != 1 || p.Skipped != 1 || p.Rows[0].Partner.Type != data.TypeMSP || p.Warned != 0 {
		t.Errorf("created %d skipped %d type %q warned %d; want the profile's values applied", p.Created, p.Skipped,
			p.Rows[0].Partner.Type, p.Warned)
	}
	if other, _ := importer.FindProfile(ctx, s, []string{"Name", "City"}); other != nil {
		t.Errorf("a file with other headers found %q", other.Name)
	}
}

func TestProfilesAreRenamedAndDeleted(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	for _, n := range []string{"One", "Two"} {
		if err := importer.SaveProfile(ctx, s, n, []string{"Name", n}, importer.Mapping{importer.FName, ""}, importer.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	ps, err := s.ImportProfiles(ctx)
	if err != nil || len(ps) != 2 {
		t.Fatalf("%v %v", ps, err)
	}
	if err := s.RenameImportProfile(ctx, ps[0].ID, "Two"); data.ErrorCode(err) != data.ECONFLICT {
		t.Errorf("rename onto a taken name: %v", err)
	}
	if err := s.RenameImportProfile(ctx, ps[0].ID, "Three"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteImportProfile(ctx, ps[1].ID); err != nil {
		t.Fatal(err)
	}
	ps, _ = s.ImportProfiles(ctx)
	if len(ps) != 1 || ps[0].Name != "Three" {
		t.Errorf("after rename and delete: %+v", ps)
	}
}
