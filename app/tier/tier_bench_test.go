package tier

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"channeldesk/app/format"
	"channeldesk/data"
)

// benchStore holds 5,000 partners with 100,000 deals over three years,
// two contacts each with certifications, and the default program.
func benchStore(b *testing.B) *data.Store {
	b.Helper()
	s, err := data.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 2))
	base := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	err = s.WithTx(ctx, func(tx *data.Tx) error {
		if _, err := EnsureDefaultProgramTx(ctx, tx, s, "EUR"); err != nil {
			return err
		}
		for i := 1; i <= 5000; i++ {
			if _, err := tx.ExecContext(ctx, `INSERT INTO partners (id, name, type, status, created_at, updated_at, tier_id)
				VALUES (?, ?, 'reseller', 'active', '', '', ?)`, i, fmt.Sprintf("P%d", i), 1+r.IntN(4)); err != nil {
				return err
			}
			for c := range 2 {
				cid := i*2 + c
				tx.ExecContext(ctx, `INSERT INTO contacts (id, partner_id, name) VALUES (?, ?, 'x')`, cid, i)
				earned := base.AddDate(0, 0, -r.IntN(900)).Format(format.DateLayout)
				tx.ExecContext(ctx, `INSERT INTO certifications (contact_id, name, earned_on, expires_on) VALUES (?, 'Sales', ?, ?)`,
					cid, earned, base.AddDate(0, 0, r.IntN(400)-100).Format(format.DateLayout))
			}
		}
		states := []string{"won", "won", "lost", "approved", "expired", "submitted"}
		for i := range 100_000 {
			reg := base.AddDate(0, 0, -r.IntN(1095)).Format(format.DateLayout)
			st := states[r.IntN(len(states))]
			closed := ""
			if st == "won" || st == "lost" {
				closed = reg
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO deals (partner_id, customer, customer_key, amount, state, registered_on, closed_on, created_at, updated_at)
				VALUES (?, 'c', 'c', ?, ?, ?, ?, '', '')`, 1+i%5000, r.Int64N(5_000_000_00), st, reg, closed); err != nil {
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

func BenchmarkEvaluateProgram5000Partners100000Deals(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		o, err := EvaluateProgram(ctx, s, "2026-11-27")
		if err != nil || len(o.Evaluations) != 5000 {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluatePure is the rules alone, without the database.
func BenchmarkEvaluatePure5000Partners(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	tiers, _ := s.Tiers(ctx)
	facts, err := LoadFacts(ctx, s, "2026-11-27", 0)
	if err != nil {
		b.Fatal(err)
	}
	p := NewProgram(tiers)
	b.ResetTimer()
	for b.Loop() {
		p.EvaluateAll(facts, "2026-11-27")
	}
}
