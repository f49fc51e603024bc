package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"channeldesk/app/importer"
	"channeldesk/data"
)

// Contacts import in the GUI: rows as they land, linked to partners; a
// bad e-mail fixed in its cell; the mapping saved as a profile and used
// next time; a newer export updates the person by record ID.
func TestContactImportInTheGUI(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ctx := context.Background()
	u.Store.CreatePartner(ctx, &data.Partner{Name: "Summit Systems", Type: data.TypeReseller, Status: data.StatusActive,
		Website: "summit.example"})
	csv := "Record ID,First Name,Last Name,Email,Company Name,Job Title\n" +
		"11,Lisa,Ray,lisa@summit.example,Summit Systems,Partner Manager\n" +
		"12,Omar,Haddad,omar(at)summit,Summit Systems,Engineer\n" +
		"13,Nobody,Known,n@unknown.example,Unknown Co,\n"
	c := newContactImport(u.Store, u.Win, u.background)
	c.open("hubspot-contacts.csv", readCloser{strings.NewReader(csv)})
	u.Wait()
	if c.preview == nil || c.preview.Created != 1 || c.preview.Rejected != 1 || c.preview.Unmatched != 1 {
		t.Fatalf("preview %+v", c.preview)
	}
	l := c.rows.CreateCell().(*widget.Label)
	c.update(widget.TableCellID{Row: 0, Col: 1}, l)
	if l.Text != "Summit Systems" {
		t.Errorf("linked partner shows %q", l.Text)
	}
	c.update(widget.TableCellID{Row: 1, Col: 5}, l)
	if l.Text != "omar(at)summit" || l.Importance != widget.DangerImportance {
		t.Fatalf("bad e-mail cell %q %v", l.Text, l.Importance)
	}
	c.rows.OnSelected(widget.TableCellID{Row: 1, Col: 5})
	c.fixEntry.SetText("omar@summit.example")
	c.fixSave()
	u.Wait()
	if c.preview.Created != 2 || c.preview.Rejected != 0 {
		t.Fatalf("after the fix %+v", c.preview)
	}
	c.saveProfile("HubSpot contacts")
	c.onImport()
	u.Wait()
	if !strings.HasPrefix(c.msg.Text, "Imported 2 contacts.") {
		t.Fatalf("message %q", c.msg.Text)
	}
	newer := strings.Replace(csv, "Partner Manager", "VP Partnerships", 1)
	next := newContactImport(u.Store, u.Win, u.background)
	next.open("hubspot-contacts-2.csv", readCloser{strings.NewReader(newer)})
	u.Wait()
	if next.profile != "HubSpot contacts" || next.preview.Updated != 1 || next.preview.Rows[0].Action != importer.Update {
		t.Fatalf("second export: profile %q, %+v", next.profile, next.preview)
	}
	next.onImport()
	u.Wait()
	var n int
	var role string
	u.Store.DB().QueryRow(`SELECT count(*), max(role) FROM contacts WHERE name = 'Lisa Ray'`).Scan(&n, &role)
	if n != 1 || role != "VP Partnerships" {
		t.Errorf("Lisa Ray: %d contacts, role %q", n, role)
	}
}
