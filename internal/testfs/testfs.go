//go:build linux

// Package testfs gives tests real file-system conditions on Linux: a small
// tmpfs that fills up, a read-only remount. Mounting needs root (CI runs
// as root); elsewhere the test is skipped with a reason saying so loudly.
package testfs

import (
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// Small mounts a tmpfs of size (as mount takes it: "2m", "512k") in a
// fresh temporary folder, unmounted when the test ends, and returns it.
func Small(tb testing.TB, size string) string {
	tb.Helper()
	needRoot(tb)
	dir := tb.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size+",mode=0755"); err != nil {
		tb.Skipf("SKIPPED — GUARANTEE NOT TESTED: cannot mount a tmpfs (%v); run as root with CAP_SYS_ADMIN", err)
	}
	tb.Cleanup(func() {
		if err := syscall.Unmount(dir, syscall.MNT_DETACH); err != nil {
			tb.Errorf("unmount %s: %v", dir, err)
		}
	})
	return dir
}

// ReadOnly remounts the tmpfs at dir (from Small) read-only; root's
// permission override does not reach past a read-only mount.
func ReadOnly(tb testing.TB, dir string) {
	tb.Helper()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		tb.Fatalf("remount %s read-only: %v", dir, err)
	}
}

// Fill writes a file in dir until no more than leave bytes are free.
func Fill(tb testing.TB, dir string, leave int64) {
	tb.Helper()
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 4096)
	for free(tb, dir) > leave+int64(len(block)) {
		if _, err := f.Write(block); err != nil {
			break
		}
	}
}

func free(tb testing.TB, dir string) int64 {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		tb.Fatal(err)
	}
	return int64(st.Bavail) * int64(st.Bsize)
}

func needRoot(tb testing.TB) {
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		tb.Skipf("SKIPPED — GUARANTEE NOT TESTED: mounting a tmpfs for a real full disk needs Linux and root (GOOS %s, uid %d)", runtime.GOOS, os.Geteuid())
	}
}
