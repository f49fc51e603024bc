package importer_test

import (
	"context"
	"testing"

	"channeldesk/app/importer"
)

const hubspotV1 = "Record ID,Company name,City,Website\n101,Acme,San Francisco,acme.example\n"
const hubspotV2 = "Record ID,Company name,City,Website\n101,Acme,San Jose,acme2.example\n"

// A field the user changed in ChannelDesk after the last import is not
// overwritten by a re-import: the preview lists it as edited and keeps
// theirs, unless they take the file's; unedited fields update as before.
func TestReimportKeepsFieldsEditedSinceTheLastImport(t *testing.T) {
	ctx := context.Background()
	for _, take := range []bool{false, true} {
		s := openStore(t)
		if _, err := importer.Apply(ctx, s, planText(t, s, hubspotV1, importer.Options{}), "me", nil); err != nil {
			t.Fatal(err)
		}
		rows, _ := s.PartnerRows(ctx)
		p, _ := s.Partner(ctx, rows[0].ID)
		p.City = "Oakland" // the manager knows better
		if err := s.UpdatePartner(ctx, p); err != nil {
			t.Fatal(err)
		}
		opt := importer.Options{}
		if take {
			opt.TakeFile = map[string]bool{importer.EditKey("101", importer.FCity): true}
		}
		pv := planText(t, s, hubspotV2, opt)
		r := pv.Rows[0]
		if r.Action != importer.Update {
			t.Fatalf("row action %v, want update", r.Action)
		}
		var city, site *importer.Change
		for i := range r.Changes {
			switch r.Changes[i].Field {
			case importer.FCity:
				city = &r.Changes[i]
			case importer.FWebsite:
				site = &r.Changes[i]
			}
		}
		if city == nil || !city.Edited || city.Old != "Oakland" || city.New != "San Jose" || city.Kept == take {
			t.Fatalf("take=%v: city change %+v", take, city)
		}
		if site == nil || site.Edited || site.Kept {
			t.Fatalf("website change %+v: it was not edited, it updates", site)
		}
		if _, err := importer.Apply(ctx, s, pv, "me", nil); err != nil {
			t.Fatal(err)
		}
		p, _ = s.Partner(ctx, p.ID)
		want := "Oakland"
		if take {
			want = "San Jose"
		}
		if p.City != want || p.Website != "acme2.example" {
			t.Errorf("take=%v: city %q website %q, want %q and acme2.example", take, p.City, p.Website, want)
		}
		// the same file once more: nothing is edited since, nothing changes
		again := planText(t, s, hubspotV2, importer.Options{})
		for _, c := range again.Rows[0].Changes {
			if !c.Kept || c.Field != importer.FCity {
				t.Errorf("take=%v: third import changes %+v", take, c)
			}
		}
	}
}
