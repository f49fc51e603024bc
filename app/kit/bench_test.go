package kit_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"channeldesk/app/demo"
	"channeldesk/app/kit"
	"channeldesk/data"
)

// BenchmarkKitsFor500Partners writes one kit per partner of a 500-partner
// program (the budget is 30 s for all of them).
func BenchmarkKitsFor500Partners(b *testing.B) {
	ctx := context.Background()
	s := openStore(b)
	if err := demo.Demo(ctx, s, demo.DemoOptions{Partners: 500, Seed: 3, Today: today}); err != nil {
		b.Fatal(err)
	}
	rows, err := s.PartnerRows(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		paths, err := kit.ExportAll(ctx, s, rows, b.TempDir(), kit.Options{}, nil)
		if err != nil || len(paths) != 500 {
			b.Fatalf("%d kits: %v", len(paths), err)
		}
	}
}

// BenchmarkImport200RowKit previews and stores a returned kit of 200
// filled rows: 150 deal registrations and 50 contact changes (the budget
// is 1 s).
func BenchmarkImport200RowKit(b *testing.B) {
	ctx := context.Background()
	w := newWorld(b)
	for i := 0; i < 48; i++ {
		if err := w.s.SaveContact(ctx, &data.Contact{PartnerID: w.a, Name: fmt.Sprintf("Person %02d", i), Role: "Sales"}); err != nil {
			b.Fatal(err)
		}
	}
	dir := b.TempDir()
	in := filepath.Join(dir, "kit.xlsx")
	if _, err := kit.ExportFile(ctx, w.s, w.a, in, kit.Options{DealRows: 150}); err != nil {
		b.Fatal(err)
	}
	p := openKit(b, in)
	for i := 0; i < 150; i++ {
		p.fill(shDeals, p.next(shDeals, "D"), 3, fmt.Sprintf("Customer %03d", i), "", "", "Desk", 1000+i, "EUR", "2026-12-01")
	}
	cs, _ := w.s.Contacts(ctx, w.a)
	for _, c := range cs {
		p.fill(shPeople, p.next(shPeople, fmt.Sprintf("K:%d", c.ID)), 4, "Senior "+c.Role)
	}
	filled := filepath.Join(dir, "filled.xlsx")
	p.save(filled)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s2 := copyStore(b, w.s)
		b.StartTimer()
		pv, err := importFile(b, s2, filled, kit.ImportOptions{Commit: true})
		if err != nil {
			b.Fatal(err)
		}
		if n := accepted(pv); n != 200 {
			b.Fatalf("%d rows accepted, want 200: %v", n, summaries(pv)[:3])
		}
	}
}

func accepted(pv *kit.Preview) int {
	n := 0
	for _, it := range pv.Items {
		if it.Accepted() {
			n++
		}
	}
	return n
}

// copyStore is a fresh copy of a database, so each round imports anew.
func copyStore(tb testing.TB, s *data.Store) *data.Store {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "copy.db")
	if err := s.BackupTo(path); err != nil {
		tb.Fatal(err)
	}
	c, err := data.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	c.Now = s.Now
	tb.Cleanup(func() { c.Close() })
	return c
}
