//go:build !linux

package testfs

import (
	"runtime"
	"testing"
)

// Small skips: only Linux can mount a tmpfs for a real full disk.
func Small(tb testing.TB, size string) string {
	tb.Skipf("SKIPPED — GUARANTEE NOT TESTED: a real full disk needs a Linux tmpfs (GOOS %s)", runtime.GOOS)
	return ""
}

// ReadOnly is not reached: Small skips first.
func ReadOnly(tb testing.TB, dir string) {}

// Fill is not reached: Small skips first.
func Fill(tb testing.TB, dir string, leave int64) {}
