package importer_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"channeldesk/app/importer"
)

// A newer contacts export updates each person it knows by contact record
// ID (a new title, a new phone, even a new e-mail) instead of adding a
// second contact.
func TestContactsUpdateByRecordID(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	if _, err := importer.Apply(ctx, s, plan(t, s, filepath.Join("crm", "salesforce-accounts.csv")), "", nil); err != nil {
		t.Fatal(err)
	}
	tab := read(t, filepath.Join("crm", "salesforce-contacts.csv"))
	m := importer.ContactMapping(tab.Header)
	if m[0] != importer.FRecordID || m[len(m)-1] == importer.FRecordID {
		t.Fatalf("Contact ID must be the person's record ID, Account ID not: %v", m)
	}
	p, err := importer.PlanContacts(ctx, s, tab, importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := importer.ApplyContacts(ctx, s, p); err != nil {
		t.Fatal(err)
	}
	newer, err := importer.ReadCSV(strings.NewReader("Contact ID,First Name,Last Name,Title,Email,Phone,Account Name,Account ID\n" +
		"0035g00000Xy001,Lisa,Ray,VP Partnerships,lisa@summit-new.example,(303) 555-0199,Summit Systems Inc.,0015g00000AbCdE\n"))
	if err != nil {
		t.Fatal(err)
	}
	p2, err := importer.PlanContacts(ctx, s, newer, importer.Options{Source: p.Source})
	if err != nil {
		t.Fatal(err)
	}
	r := p2.Rows[0]
	if r.Action != importer.Update || len(r.Changes) != 3 || p2.Updated != 1 {
		t.Fatalf("row: action %v changes %+v", r.Action, r.Changes)
	}
	added, updated, err := importer.ApplyContactsCounted(ctx, s, p2)
	if err != nil || added != 0 || updated != 1 {
		t.Fatalf("added %d updated %d %v", added, updated, err)
	}
	var n int
	var role, email string
	s.DB().QueryRow(`SELECT count(*), max(role), max(email) FROM contacts WHERE name = 'Lisa Ray'`).Scan(&n, &role, &email)
	if n != 1 || role != "VP Partnerships" || email != "lisa@summit-new.example" {
		t.Errorf("Lisa Ray: %d contacts, %q %q", n, role, email)
	}
}
