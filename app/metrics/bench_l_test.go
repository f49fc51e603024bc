package metrics_test

import (
	"context"
	"testing"

	"channeldesk/app/benchdata"
	"channeldesk/app/fiscal"
	"channeldesk/app/format"
	"channeldesk/app/mdf"
	"channeldesk/app/metrics"
	"channeldesk/app/tier"
)

// The benchmarks below run over dataset L (the demo with 5,000 partners,
// 100,000 deals, 20,000 MDF requests, …), built once per machine.

// BenchmarkEvaluateProgramL evaluates the tiers of every partner of L.
func BenchmarkEvaluateProgramL(b *testing.B) {
	s := benchdata.Open(b)
	ctx := context.Background()
	for b.Loop() {
		o, err := tier.EvaluateProgram(ctx, s, fiscal.ISODate(benchdata.Day))
		if err != nil || len(o.Evaluations) == 0 {
			b.Fatal(err)
		}
	}
}

// BenchmarkMDFBalancesL sums the ledger for every partner and fund of L.
func BenchmarkMDFBalancesL(b *testing.B) {
	s := benchdata.Open(b)
	ctx := context.Background()
	for b.Loop() {
		bs, err := mdf.Balances(ctx, s.DB())
		if err != nil || len(bs) == 0 {
			b.Fatalf("%d balances, %v", len(bs), err)
		}
	}
}

// BenchmarkDashboardFiguresL computes everything the dashboard shows for L.
func BenchmarkDashboardFiguresL(b *testing.B) {
	s := benchdata.Open(b)
	ctx := context.Background()
	day := benchdata.Day
	for b.Loop() {
		steps := []func() error{
			func() error { _, err := metrics.LoadKPIs(ctx, s, day, 1); return err },
			func() error { _, err := metrics.WonByQuarter(ctx, s, day, 1, 8); return err },
			func() error { _, err := metrics.PartnersByTier(ctx, s, format.EN); return err },
			func() error { _, err := metrics.PartnersByStatus(ctx, s); return err },
			func() error { _, err := metrics.TodayList(ctx, s, day); return err },
			func() error { _, err := metrics.FindAtRisk(ctx, s, day, metrics.DefaultRiskRules); return err },
		}
		for _, step := range steps {
			if err := step(); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkMDFROIL is the MDF screen's ROI view over L: every approved
// activity with its paid amount, attributed revenue and leads.
func BenchmarkMDFROIL(b *testing.B) {
	s := benchdata.Open(b)
	ctx := context.Background()
	for b.Loop() {
		acts, _, err := mdf.ROI(ctx, s)
		if err != nil || len(acts) == 0 {
			b.Fatalf("%d activities, %v", len(acts), err)
		}
	}
}

// BenchmarkPartnerRowsL loads the partner list of L (what the partner
// screen reads at start, before the in-memory search index is built).
func BenchmarkPartnerRowsL(b *testing.B) {
	s := benchdata.Open(b)
	ctx := context.Background()
	for b.Loop() {
		rows, err := s.PartnerRows(ctx)
		if err != nil || len(rows) != 5000 {
			b.Fatalf("%d rows, %v", len(rows), err)
		}
	}
}

// BenchmarkTodayL builds the Today list of L: every kind gathered, the
// partners gone quiet found, snoozes and dismissals applied, grouped
// (target ≤ 100 ms).
func BenchmarkTodayL(b *testing.B) {
	s := benchdata.Open(b)
	ctx := context.Background()
	for b.Loop() {
		board, err := metrics.BuildToday(ctx, s, benchdata.Day)
		if err != nil || board.Entries == 0 {
			b.Fatalf("%d entries, %v", board.Entries, err)
		}
	}
}
