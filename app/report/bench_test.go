package report

import (
	"context"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkFullReport writes the whole workbook for 5,000 partners,
// 100,000 deals and 20,000 MDF requests (with their ledger rows);
// peak-heap-MB samples the Go heap while it runs.
func BenchmarkFullReport(b *testing.B) {
	s := openMDFStore(b, 5000, 100_000, 20_000)
	out := filepath.Join(b.TempDir(), "big.xlsx")
	var peak atomic.Uint64
	stop := make(chan struct{})
	go func() {
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
				runtime.ReadMemStats(&m)
				if m.HeapAlloc > peak.Load() {
					peak.Store(m.HeapAlloc)
				}
			}
		}
	}()
	b.ResetTimer()
	for b.Loop() {
		if err := Write(context.Background(), s, out, Options{Today: today}); err != nil {
			b.Fatal(err)
		}
	}
	close(stop)
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
}
