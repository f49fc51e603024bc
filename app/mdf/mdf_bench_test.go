package mdf_test

import (
	"context"
	"fmt"
	"testing"

	"channeldesk/app/mdf"
	"channeldesk/data"
)

// seedMDFVolume writes n requests, half of them claimed and paid, for 300
// partners straight into the tables (what years of use would leave).
func seedMDFVolume(tb testing.TB, w *mdfWorld, n int) {
	tb.Helper()
	partners := w.partners
	err := w.s.WithTx(w.ctx, func(tx *data.Tx) error {
		for _, p := range partners {
			if err := w.s.InsertMDFEntryTx(w.ctx, tx, &data.MDFEntry{FundID: w.fund.ID, PartnerID: p, Kind: data.EntryAllocation,
				Bucket: data.BucketAllocated, Amount: 100_000_000, OnDate: "2026-01-01"}); err != nil {
				return err
			}
		}
		for i := range n {
			if err := seedOneRequest(w, tx, partners[i%len(partners)], i); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

func seedOneRequest(w *mdfWorld, tx *data.Tx, p int64, i int) error {
	r := &data.MDFRequest{FundID: w.fund.ID, PartnerID: p, Activity: data.ActivityEvent, Description: fmt.Sprint("Event ", i),
		StartsOn: "2026-02-01", EndsOn: "2026-02-02", Requested: 10_000}
	if err := w.s.InsertMDFRequestTx(w.ctx, tx, r); err != nil {
		return err
	}
	entry := func(kind data.MDFEntryKind, bucket string, amount int64) error {
		return w.s.InsertMDFEntryTx(w.ctx, tx, &data.MDFEntry{FundID: w.fund.ID, PartnerID: p, Kind: kind, Bucket: bucket,
			Amount: amount, RequestID: r.ID, OnDate: "2026-02-03"})
	}
	if err := entry(data.EntryReservation, data.BucketPending, 10_000); err != nil || i%4 == 0 {
		return err
	}
	if err := entry(data.EntryApproval, data.BucketPending, -10_000); err != nil {
		return err
	}
	if err := entry(data.EntryApproval, data.BucketApproved, 10_000); err != nil || i%2 == 0 {
		return err
	}
	if err := entry(data.EntryPayment, data.BucketApproved, -5_000); err != nil {
		return err
	}
	return entry(data.EntryPayment, data.BucketPaid, 5_000)
}

// BenchmarkMDFBalancesAllPartners sums the ledger for 300 partners after
// 20,000 requests and claims; the target is under 100 ms.
func BenchmarkMDFBalancesAllPartners(b *testing.B) {
	w := newMDFWorld(b, 300, 1<<50)
	seedMDFVolume(b, w, 20_000)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		bs, err := mdf.Balances(ctx, w.s.DB())
		if err != nil || len(bs) != 300 {
			b.Fatalf("%d balances, %v", len(bs), err)
		}
	}
}

// BenchmarkMDFPartnerView is one partner's MDF tab over the same volume.
func BenchmarkMDFPartnerView(b *testing.B) {
	w := newMDFWorld(b, 300, 1<<50)
	seedMDFVolume(b, w, 20_000)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := mdf.LoadPartnerMDF(ctx, w.s, w.partners[7]); err != nil {
			b.Fatal(err)
		}
	}
}
