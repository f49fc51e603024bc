package importer_test

import (
	"context"
	"path/filepath"
	"testing"

	"channeldesk/app/importer"
)

func TestContactsAreLinkedByRecordIDNameAndDomain(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	if _, err := importer.Apply(ctx, s, plan(t, s, filepath.Join("crm", "salesforce-accounts.csv")), "", nil); err != nil {
		t.Fatal(err)
	}
	tab := read(t, filepath.Join("crm", "salesforce-contacts.csv"))
	p, err := importer.PlanContacts(ctx, s, tab, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		partner string
		by      importer.Field
		action  importer.Action
	}{
		{"Summit Systems Inc.", importer.FRecordID, importer.Create},
		{"Peak Integration LLC", importer.FRecordID, importer.Create}, // the file's account name differs; the ID links it
		{"Initech", importer.FWebsite, importer.Create},               // no company: the e-mail domain links it
		{"", "", importer.Skip},                                       // listed, not dropped
	}
	for i, w := range want {
		r := p.Rows[i]
		if r.Partner != w.partner || r.LinkedBy != w.by || r.Action != w.action {
			t.Errorf("row %d: linked to %q by %q, action %d; want %q by %q, %d", r.Num, r.Partner, r.LinkedBy, r.Action,
				w.partner, w.by, w.action)
		}
	}
	if p.Created != 3 || p.Unmatched != 1 || p.Rows[0].Contact.Name != "Lisa Ray" || p.Rows[0].Contact.Role != "Partner Manager" {
		t.Errorf("created %d unmatched %d first %+v", p.Created, p.Unmatched, p.Rows[0].Contact)
	}
	n, err := importer.ApplyContacts(ctx, s, p)
	if err != nil || n != 3 {
		t.Fatalf("%d %v", n, err)
	}
	again, err := importer.PlanContacts(ctx, s, tab, importer.Options{})
	if err != nil || again.Created != 0 || again.Existing != 3 {
		t.Errorf("a second import of the same contacts: %+v %v", again, err)
	}
}
