package screens

import (
	"testing"
)

// BenchmarkSearchKeystroke5000 measures one keystroke in the partner search
// over 5,000 partners, including the table refresh (target < 10 ms).
func BenchmarkSearchKeystroke5000(b *testing.B) {
	u := newTestUI(b, 5000, "en")
	p := u.partners
	queries := []string{"b", "bl", "blu", "blue", "blue h", "мос", "м", ""}
	for i := 0; b.Loop(); i++ {
		p.search.SetText(queries[i%len(queries)])
	}
	b.ReportMetric(float64(len(p.Rows())), "rows")
}
