package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"channeldesk/app/importer"
	"channeldesk/data"
)

func tableText(t *testing.T, f *importFlow, row, col int) (string, widget.Importance) {
	t.Helper()
	l := f.rowsTable.table.CreateCell().(*widget.Label)
	f.rowsTable.update(widget.TableCellID{Row: row, Col: col}, l)
	return l.Text, l.Importance
}

// The preview shows the rows as they will land, a bad cell in red; the
// user corrects it in place, the row is ready and imports with the fix,
// and nothing else changes.
func TestPreviewTableFixesOneCell(t *testing.T) {
	u := newTestUI(t, 0, "en")
	f := &importFlow{importDeps: u.importDeps()}
	csv := "Company name,Type,Email\nAlpha,Partner,anna@alpha.example\nBeta,Reseller,not-an-email\nGamma,,g@gamma.example\n"
	f.open("crm.csv", readCloser{strings.NewReader(csv)})
	u.Wait()
	if f.preview == nil || f.preview.Rejected != 1 {
		t.Fatalf("preview %+v", f.preview)
	}
	if rows, cols := f.rowsTable.size(); rows != 3 || cols != 4 {
		t.Fatalf("table %dx%d, want 3 rows and row + 3 columns", rows, cols)
	}
	if txt, _ := tableText(t, f, 0, 2); txt != "Reseller" {
		t.Errorf("Alpha's type shows %q: an unknown type lands as the default, Reseller", txt)
	}
	if _, imp := tableText(t, f, 0, 2); imp != widget.WarningImportance {
		t.Error("the warned type cell is not marked")
	}
	txt, imp := tableText(t, f, 1, 3)
	if txt != "not-an-email" || imp != widget.DangerImportance {
		t.Fatalf("bad e-mail cell %q %v, want it red", txt, imp)
	}
	f.rowsTable.table.OnSelected(widget.TableCellID{Row: 1, Col: 3})
	if f.rowsTable.fixEntry == nil || f.rowsTable.fixEntry.Text != "not-an-email" {
		t.Fatal("clicking the cell opens no fix with its text")
	}
	f.rowsTable.fixEntry.SetText("b@beta.example")
	test.Tap(overlayButton(t, u, "Save"))
	u.Wait()
	if f.preview.Rejected != 0 || f.preview.Created != 3 {
		t.Fatalf("after the fix: %d rejected, %d new", f.preview.Rejected, f.preview.Created)
	}
	if txt, imp := tableText(t, f, 1, 3); txt != "b@beta.example" || imp == widget.DangerImportance {
		t.Errorf("fixed cell %q %v", txt, imp)
	}
	f.onImport()
	u.Wait()
	cs, _ := u.Store.DB().Query(`SELECT email FROM contacts ORDER BY email`)
	var got []string
	for cs.Next() {
		var e string
		cs.Scan(&e)
		got = append(got, e)
	}
	cs.Close()
	if strings.Join(got, " ") != "anna@alpha.example b@beta.example g@gamma.example" {
		t.Errorf("contacts stored %q", got)
	}
}

// Ambiguous dates are asked once, with the file's values; the answer
// changes how they are read and is kept in the saved profile.
func TestPreviewAsksAmbiguousDatesAndTheProfileRemembers(t *testing.T) {
	u := newTestUI(t, 0, "en")
	csv := "Company name,Trade show,Event date\nAlpha,Expo,01/02/2026\nBeta,Expo,03/04/2026\n"
	f := &importFlow{importDeps: u.importDeps()}
	f.open("expo.csv", readCloser{strings.NewReader(csv)})
	u.Wait()
	if !f.dates.box.Visible() || !strings.Contains(f.dates.label.Text, "01/02/2026, 03/04/2026") {
		t.Fatalf("dates question %q (shown %v)", f.dates.label.Text, f.dates.box.Visible())
	}
	if got := f.dates.radio.Options[1]; got != "month first: 01/02/2026 = 2 Jan 2026" {
		t.Errorf("month-first choice reads %q", got)
	}
	if d := f.preview.Rows[0].Source.EventDate; d != "2026-02-01" {
		t.Errorf("read day first by default, got %s", d)
	}
	f.dates.radio.SetSelected(f.dates.radio.Options[1])
	u.Wait()
	if d := f.preview.Rows[0].Source.EventDate; d != "2026-01-02" {
		t.Errorf("after month first: %s", d)
	}
	f.saveProfile("Expo list")
	next := &importFlow{importDeps: u.importDeps()}
	next.open("expo2.csv", readCloser{strings.NewReader(csv)})
	u.Wait()
	if next.dateOrder != importer.OrderMDY || next.preview.Rows[1].Source.EventDate != "2026-03-04" {
		t.Errorf("the profile forgot the date order: %v %s", next.dateOrder, next.preview.Rows[1].Source.EventDate)
	}
}

// A re-import lists the fields the user edited since the last import,
// keeps theirs by default and takes the file's when ticked.
func TestPreviewListsFieldsEditedSinceTheLastImport(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ctx := context.Background()
	first := &importFlow{importDeps: u.importDeps()}
	first.open("hubspot.csv", readCloser{strings.NewReader("Record ID,Company name,City\n7,Acme,Boston\n")})
	u.Wait()
	first.onImport()
	u.Wait()
	rows, _ := u.Store.PartnerRows(ctx)
	p, _ := u.Store.Partner(ctx, rows[0].ID)
	p.City = "Cambridge"
	u.Store.UpdatePartner(ctx, p)
	f := &importFlow{importDeps: u.importDeps()}
	f.open("hubspot.csv", readCloser{strings.NewReader("Record ID,Company name,City\n7,Acme,Salem\n")})
	u.Wait()
	chk := f.edited.checks[importer.EditKey("7", importer.FCity)]
	if chk == nil || chk.Checked {
		t.Fatalf("edited city not listed, or not kept by default: %v", f.edited.checks)
	}
	if txt, imp := tableText(t, f, 0, 3); txt != "Cambridge" || imp != widget.WarningImportance {
		t.Errorf("the table shows city %q (%v), want the kept Cambridge marked", txt, imp)
	}
	chk.SetChecked(true)
	u.Wait()
	f.onImport()
	u.Wait()
	p, _ = u.Store.Partner(ctx, p.ID)
	if p.City != "Salem" {
		t.Errorf("city %q after taking the file's", p.City)
	}
}

// Rows without a known type can be left without one.
func TestDefaultTypeNone(t *testing.T) {
	u := newTestUI(t, 0, "en")
	f := &importFlow{importDeps: u.importDeps()}
	f.open("crm.csv", readCloser{strings.NewReader("Company name,Type\nAlpha,Hot stuff\n")})
	u.Wait()
	f.values.SetDefault(importer.FType, importer.ValueNone)
	f.replan()
	u.Wait()
	if f.preview.Rows[0].Partner.Type != data.TypeNone {
		t.Fatalf("type %q", f.preview.Rows[0].Partner.Type)
	}
	if txt, _ := tableText(t, f, 0, 2); txt != "—" {
		t.Errorf("no type shows %q, want —", txt)
	}
}

// Deal import: an unknown CRM stage is listed with its rows, the user
// maps it, the deals follow, and the choice is kept in a profile.
func TestDealImportMapsCRMStages(t *testing.T) {
	u := newTestUI(t, 0, "en")
	ctx := context.Background()
	u.Store.CreatePartner(ctx, &data.Partner{Name: "Orbit", Type: data.TypeReseller, Status: data.StatusActive})
	ds := newDealsScreen(u)
	u.Win.SetContent(ds.buildUI())
	u.Wait()
	csv := "Partner Account,Account Name,Amount,Created Date,Stage\nOrbit,Acme,10,3/15/2026,Verbal Commit\nOrbit,Beta,20,3/16/2026,Prospecting\n"
	d := &dealImport{s: ds, name: "opps.csv", content: []byte(csv)}
	d.check(nil)
	u.Wait()
	if d.pv.Errors != 0 || d.pv.UnknownStages != 1 || !strings.Contains(d.summary.Text, "Deals with a stage ChannelDesk does not know: 1") {
		t.Fatalf("preview: %d errors, %d unknown, %q", d.pv.Errors, d.pv.UnknownStages, d.summary.Text)
	}
	sel := d.selects["Verbal Commit"]
	if sel == nil {
		t.Fatalf("no choice for the unknown stage: %v", d.selects)
	}
	sel.SetSelected(dealStateLabel(data.DealApproved))
	u.Wait()
	if d.pv.UnknownStages != 0 || d.pv.Rows[0].Deal.State != data.DealApproved {
		t.Fatalf("after mapping: %d unknown, state %s", d.pv.UnknownStages, d.pv.Rows[0].Deal.State)
	}
	d.saveProfile("SF opps")
	next := &dealImport{s: ds, name: "opps2.csv", content: []byte(csv)}
	next.check(nil)
	u.Wait()
	if next.pv.Rows[0].Deal.State != data.DealApproved || !strings.Contains(next.summary.Text, "SF opps") {
		t.Errorf("profile not used: %s, %q", next.pv.Rows[0].Deal.State, next.summary.Text)
	}
	next.onImport()
	u.Wait()
	if len(ds.deals.deals) != 2 {
		t.Errorf("%d deals after import", len(ds.deals.deals))
	}
}

// A partner without a type shows "—" in the list and is found by the
// "No type" filter.
func TestPartnerListFiltersNoType(t *testing.T) {
	u := newTestUI(t, 6, "en")
	ctx := context.Background()
	if err := u.Store.CreatePartner(ctx, &data.Partner{Name: "Untyped Co", Type: data.TypeNone, Status: data.StatusActive,
		DocLang: "en"}); err != nil {
		t.Fatal(err)
	}
	s := u.partners
	s.reload()
	u.Wait()
	s.typeSel.SetSelected("No type")
	u.Wait()
	if len(s.rows) != 1 || s.rows[0].Name != "Untyped Co" || typeLabel(s.rows[0].Type) != "—" {
		t.Fatalf("no-type filter shows %d rows", len(s.rows))
	}
}
