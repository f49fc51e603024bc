//go:build race

package mdf_test

// raceEnabled: the race detector slows tests about tenfold; the longest
// property tests run fewer rounds under it (make test runs them in full
// without it).
const raceEnabled = true
