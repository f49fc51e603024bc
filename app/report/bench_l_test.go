package report

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"channeldesk/app/benchdata"
)

// BenchmarkFullReportL writes the whole workbook for dataset L;
// peak-heap-MB is the largest Go heap seen (sampled every 20 ms),
// peak-sys-MB the memory the Go runtime took from the system.
func BenchmarkFullReportL(b *testing.B) {
	s := benchdata.Open(b)
	out := filepath.Join(b.TempDir(), "L.xlsx")
	stop := sampleHeap()
	for b.Loop() {
		if err := Write(context.Background(), s, out, Options{Today: benchdata.Day}); err != nil {
			b.Fatal(err)
		}
	}
	peak := stop()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(m.Sys)/(1<<20), "peak-sys-MB")
}

// sampleHeap samples the Go heap every 20 ms until the returned function
// is called, which gives the largest HeapAlloc seen.
func sampleHeap() func() uint64 {
	var peak uint64
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapAlloc)
			}
		}
	}()
	return func() uint64 { close(stop); <-done; return peak }
}
