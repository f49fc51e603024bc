package check_test

import (
	"context"
	"path/filepath"
	"testing"

	"channeldesk/app/check"
	demox "channeldesk/app/demo"
	"channeldesk/app/onboarding"
	"channeldesk/app/partners"
	"channeldesk/data"
	"channeldesk/internal/testutil"
)

// referencingCounts counts the rows of every table whose foreign key
// points at partners.
func referencingCounts(t *testing.T, s *data.Store) map[string]int {
	t.Helper()
	rows, err := s.DB().Query(`SELECT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f
		WHERE m.type = 'table' AND f."table" = 'partners' GROUP BY m.name`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	out := map[string]int{}
	for _, tb := range append(tables, "partners") {
		var n int
		if err := s.DB().QueryRow(`SELECT count(*) FROM "` + tb + `"`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[tb] = n
	}
	return out
}

// Migration 0014 rebuilds the partners table so a partner may have no
// type; every contact, deal, event, fund… that points at a partner must
// still be there afterwards, and foreign keys must be on again.
func TestNoTypeMigrationKeepsEveryReference(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := demox.Demo(ctx, s, demox.DemoOptions{Partners: 60, Seed: 3, Today: testutil.DemoDay}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`INSERT INTO partner_source_ids (source, record_id, partner_id)
		SELECT 'hubspot', 'HS' || id, id FROM partners LIMIT 7`); err != nil {
		t.Fatal(err)
	}
	before := referencingCounts(t, s)
	if len(before) < 8 {
		t.Fatalf("only %d tables reference partners: %v", len(before), before)
	}
	// run 0014 again on the filled file, as an upgrade does
	if _, err := s.DB().Exec(`DELETE FROM schema_migrations WHERE version = 14`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = data.Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	after := referencingCounts(t, s)
	for tb, n := range before {
		if after[tb] != n {
			t.Errorf("%s: %d rows before the rebuild, %d after", tb, n, after[tb])
		}
	}
	var fk int
	s.DB().QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
	if fk != 1 {
		t.Error("foreign keys stay off after the migration")
	}
	if found, _ := check.RunChecks(ctx, s); len(found) > 0 {
		t.Errorf("check after the rebuild: %+v", found)
	}
	// deleting a partner still cascades to its contacts
	var pid int64
	s.DB().QueryRow(`SELECT partner_id FROM contacts LIMIT 1`).Scan(&pid)
	if _, err := s.DB().Exec(`DELETE FROM partners WHERE id = ?`, pid); err != nil {
		t.Fatal(err)
	}
	var left int
	s.DB().QueryRow(`SELECT count(*) FROM contacts WHERE partner_id = ?`, pid).Scan(&left)
	if left != 0 {
		t.Errorf("%d contacts of a deleted partner remain: the rebuilt table lost its cascade", left)
	}
}

// A partner without a type is stored, listed by the "no type" filter,
// gets the generic onboarding checklist and passes the check.
func TestPartnerWithoutType(t *testing.T) {
	ctx := context.Background()
	s := testutil.OpenStore(t)
	p := &data.Partner{Name: "Untyped LLC", Type: data.TypeNone, Status: data.StatusOnboarding, DocLang: "en"}
	if err := s.CreatePartner(ctx, p); err != nil {
		t.Fatalf("a partner without a type is refused: %v", err)
	}
	typed := &data.Partner{Name: "Typed", Type: data.TypeMSP, Status: data.StatusActive, DocLang: "en"}
	if err := s.CreatePartner(ctx, typed); err != nil {
		t.Fatal(err)
	}
	if err := (&data.Partner{Name: "Bad", Type: "wizard", Status: data.StatusActive, DocLang: "en"}).Validate(); err == nil {
		t.Error("an unknown type is accepted")
	}
	got, err := s.Partner(ctx, p.ID)
	if err != nil || got.Type != data.TypeNone {
		t.Fatalf("stored type %q, %v", got.Type, err)
	}
	rows, _ := s.PartnerRows(ctx)
	ix := partners.NewPartnerIndex(rows)
	none := ix.Find(partners.PartnerFilter{Type: partners.FilterNoType}, partners.SortName, false)
	if len(none) != 1 || none[0].Name != "Untyped LLC" {
		t.Errorf("no-type filter: %+v", none)
	}
	if all := ix.Find(partners.PartnerFilter{}, partners.SortName, false); len(all) != 2 {
		t.Errorf("all types: %d rows", len(all))
	}
	if msp := ix.Find(partners.PartnerFilter{Type: data.TypeMSP}, partners.SortName, false); len(msp) != 1 {
		t.Errorf("msp filter: %d rows", len(msp))
	}
	cl, err := onboarding.Start(ctx, s, p.ID, testutil.DemoDay)
	if err != nil || cl == nil || len(cl.Tasks) == 0 {
		t.Fatalf("onboarding of a partner without a type: %v", err)
	}
	if found, _ := check.RunChecks(ctx, s); len(found) > 0 {
		t.Errorf("check finds a partner without a type wrong: %+v", found)
	}
}
