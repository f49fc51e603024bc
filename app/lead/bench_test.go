package lead_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"channeldesk/app/lead"
	"channeldesk/data"
)

var (
	benchRegions  = []string{"Moscow", "Tatarstan", "Bashkortostan", "Novosibirsk", "Sverdlovsk", "Krasnodar", "Samara", "Perm"}
	benchProducts = []string{"Backup", "Mail", "Cloud", "VPN", "Monitoring"}
)

// benchStore is a program of n partners (with tiers and certifications)
// and leads leads, spread over regions and products, on a file in a temp
// folder.
func benchStore(b *testing.B, n, leads int) *data.Store {
	b.Helper()
	ctx := context.Background()
	s, err := data.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	s.Now = func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) }
	err = s.WithTx(ctx, func(tx *data.Tx) error {
		var tiers []int64
		for r := 1; r <= 4; r++ {
			t := &data.Tier{Rank: r, NameEN: fmt.Sprint("T", r), NameRU: fmt.Sprint("T", r), Color: "#888888"}
			if err := s.SaveTierTx(ctx, tx, t); err != nil {
				return err
			}
			tiers = append(tiers, t.ID)
		}
		for i := range n {
			p := &data.Partner{Name: fmt.Sprintf("Partner %04d", i), Type: data.TypeReseller, Status: data.StatusActive,
				Country: "Russia", Region: benchRegions[i%len(benchRegions)],
				Products: []string{benchProducts[i%len(benchProducts)], benchProducts[(i/3)%len(benchProducts)]}}
			if i%10 == 9 {
				p.Status = data.StatusAtRisk
			}
			if err := s.CreatePartnerTx(ctx, tx, p); err != nil {
				return err
			}
			if err := s.ChangeTierTx(ctx, tx, &data.TierChange{PartnerID: p.ID, ToTierID: tiers[i%4], Reason: "bench"}, "bench"); err != nil {
				return err
			}
			c := &data.Contact{PartnerID: p.ID, Name: "Engineer"}
			if err := s.SaveContactTx(ctx, tx, c); err != nil {
				return err
			}
			cert := &data.Certification{ContactID: c.ID, Name: benchProducts[i%len(benchProducts)] + " Engineer", EarnedOn: "2026-01-10"}
			if err := data.SaveCertificationTx(ctx, tx, cert); err != nil {
				return err
			}
		}
		for i := range leads {
			l := &data.Lead{Company: fmt.Sprintf("Customer %04d", i), Country: "Russia", Region: benchRegions[(i*7)%len(benchRegions)],
				Product: benchProducts[i%len(benchProducts)], EventName: "Expo", EventDate: "2026-11-20"}
			if err := s.CreateLeadTx(ctx, tx, l); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkLeadSuggest5000 ranks 5,000 partners for one lead and
// explains the best 5, with the routing facts read once (the Leads
// screen reads them with its list; a click on a lead only ranks).
func BenchmarkLeadSuggest5000(b *testing.B) {
	ctx := context.Background()
	s := benchStore(b, 5000, 10)
	r, err := lead.Load(ctx, s, nil)
	if err != nil {
		b.Fatal(err)
	}
	l := &data.Lead{ID: 1, Company: "Kazan Steel", Country: "Russia", Region: "Tatarstan", Product: "Backup"}
	b.ResetTimer()
	for b.Loop() {
		if res := r.Suggest(l, 5); len(res.Suggestions) != 5 {
			b.Fatal(len(res.Suggestions))
		}
	}
}

// BenchmarkLeadRouterLoad5000 reads the routing facts of 5,000 partners
// (tiers, certifications, loads, past offers, protection windows).
func BenchmarkLeadRouterLoad5000(b *testing.B) {
	ctx := context.Background()
	s := benchStore(b, 5000, 10)
	b.ResetTimer()
	for b.Loop() {
		if _, err := lead.Load(ctx, s, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLeadRouteBatch1000 routes 1,000 new leads over 5,000 partners
// and writes the offers in one transaction.
func BenchmarkLeadRouteBatch1000(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		s := benchStore(b, 5000, 1000)
		b.StartTimer()
		out, err := lead.RouteBatch(ctx, s, lead.BatchOptions{Author: "bench"})
		if err != nil || len(out) != 1000 {
			b.Fatal(err, len(out))
		}
	}
}
