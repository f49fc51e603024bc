package kit_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"channeldesk/app/kit"
	"channeldesk/data"
)

// setMarker changes one value of the hidden marker, as someone editing the
// kit to pose as another partner would.
func setMarker(t *testing.T, in, out, key, value string) {
	t.Helper()
	f, err := excelize.OpenFile(in)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("_kit")
	for i, r := range rows {
		if len(r) > 0 && r[0] == key {
			f.SetCellStr("_kit", fmt.Sprintf("B%d", i+1), value)
		}
	}
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func TestTamperedOrForeignKitIsRefused(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	dir := t.TempDir()
	kitA := exportA(t, w)
	filled := filepath.Join(dir, "filled.xlsx")
	fillAsPartner(t, w, kitA, filled)
	kitB := filepath.Join(dir, "b.xlsx")
	mB, err := kit.ExportFile(ctx, w.s, w.b, kitB, kit.Options{})
	if err != nil {
		t.Fatal(err)
	}

	posing := filepath.Join(dir, "posing.xlsx")
	setMarker(t, filled, posing, "partner_id", fmt.Sprint(w.b))
	// A's filled rows under B's whole (valid) marker: the rows name A's
	// records, which B's signed marker does not list.
	spliced := filepath.Join(dir, "spliced.xlsx")
	f, _ := excelize.OpenFile(filled)
	for i, kv := range [][2]string{{"kit_id", mB.KitID}, {"partner_id", fmt.Sprint(w.b)}, {"refs", strings.Join(mB.Refs, ",")}, {"signature", mB.Signature}, {"lang", mB.Lang}} {
		_ = i
		rows, _ := f.GetRows("_kit")
		for r, row := range rows {
			if len(row) > 0 && row[0] == kv[0] {
				f.SetCellStr("_kit", fmt.Sprintf("B%d", r+1), kv[1])
			}
		}
	}
	f.SaveAs(spliced)
	f.Close()

	plain := filepath.Join(dir, "plain.xlsx")
	pf := excelize.NewFile()
	pf.SetCellStr("Sheet1", "A1", "customer")
	pf.SaveAs(plain)

	other := openStore(t) // another database: another secret
	for name, c := range map[string]struct {
		s    *data.Store
		path string
		opt  kit.ImportOptions
		key  string
	}{
		"posing as another partner":     {w.s, posing, kit.ImportOptions{Commit: true}, "err.kit_tampered"},
		"rows of A under B's marker":    {w.s, spliced, kit.ImportOptions{Commit: true}, "err.kit_tampered"},
		"a workbook that is not a kit":  {w.s, plain, kit.ImportOptions{Commit: true}, "err.kit_foreign"},
		"another database's kit":        {other, filled, kit.ImportOptions{Commit: true}, "err.kit_tampered"},
		"B's kit where A's is expected": {w.s, kitB, kit.ImportOptions{PartnerID: w.a}, "err.kit_other_partner"},
	} {
		t.Run(name, func(t *testing.T) {
			before := counts(t, c.s)
			_, err := importFile(t, c.s, c.path, c.opt)
			if errKey(err) != c.key {
				t.Errorf("got %v, want %s", err, c.key)
			}
			if after := counts(t, c.s); after != before {
				t.Errorf("a refused kit changed the database:\n%s\n%s", before, after)
			}
		})
	}
}

// TestOlderKitNamesWhatChanged: the manager changed a contact's role and a
// plan actual after the kit went out; the partner changed the same ones.
// Neither is overwritten, each row says what changed; the rows the
// manager did not touch still land.
func TestOlderKitNamesWhatChanged(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	filled := filepath.Join(t.TempDir(), "filled.xlsx")
	fillAsPartner(t, w, exportA(t, w), filled)
	people, _ := w.s.Contacts(ctx, w.a)
	for _, c := range people {
		if c.ID == w.ann {
			c.Role = "Sales director"
			if err := w.s.SaveContact(ctx, &c); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.s.SetActual(ctx, w.objective, 2, 5); err != nil {
		t.Fatal(err)
	}
	if err := w.s.DeleteContact(ctx, w.boris); err != nil {
		t.Fatal(err)
	}
	pv, err := importFile(t, w.s, filled, kit.ImportOptions{Commit: true})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Ann Archer": "err.kit_contact_changed", "New customers": "err.kit_actual_changed",
		"Boris Brown": "err.kit_contact_gone", "Acme Corp": ""}
	for _, it := range pv.Items {
		for prefix, key := range want {
			if strings.HasPrefix(it.Summary, prefix) {
				if errKey(it.Err) != key {
					t.Errorf("%s: %v, want %s", it.Summary, it.Err, key)
				}
				delete(want, prefix)
			}
		}
	}
	if len(want) > 0 {
		t.Errorf("rows missing from the preview: %v", want)
	}
	cs, _ := w.s.Contacts(ctx, w.a)
	for _, c := range cs {
		if c.ID == w.ann && c.Role != "Sales director" {
			t.Errorf("the manager's newer role was overwritten: %q", c.Role)
		}
	}
	plan, _ := w.s.PlanFor(ctx, w.a, 2026)
	if got := plan.Objectives[1].Actuals[1]; got != 5 {
		t.Errorf("Q2 actual %d, want the manager's 5 kept", got)
	}
}

// TestRejectedRowReasonGoesBackInTheNextKit: the manager rejects a valid
// row with a reason; it is not stored and the partner's next kit lists it.
func TestRejectedRowReasonGoesBackInTheNextKit(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	filled := filepath.Join(t.TempDir(), "filled.xlsx")
	fillAsPartner(t, w, exportA(t, w), filled)
	pv, err := importFile(t, w.s, filled, kit.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dec := map[string]kit.Decision{}
	for _, it := range pv.Items {
		if strings.HasPrefix(it.Summary, "Acme Corp") {
			dec[it.Hash] = kit.Decision{Reject: true, Reason: "Acme buys direct from us"}
		}
	}
	if _, err := importFile(t, w.s, filled, kit.ImportOptions{Commit: true, Decisions: dec}); err != nil {
		t.Fatal(err)
	}
	deals, _ := w.s.Deals(ctx, data.DealFilter{PartnerID: w.a})
	for _, d := range deals {
		if d.Customer == "Acme Corp" {
			t.Error("a rejected registration was stored")
		}
	}
	next := exportA(t, w)
	f, _ := excelize.OpenFile(next)
	defer f.Close()
	rows, _ := f.GetRows("Read me")
	var all string
	for _, r := range rows {
		all += strings.Join(r, " ") + "\n"
	}
	if !strings.Contains(all, "Acme buys direct from us") || !strings.Contains(all, "12abc") {
		t.Errorf("the next kit does not list the rejected rows with their reasons:\n%s", all)
	}
}
