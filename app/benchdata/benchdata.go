// Package benchdata gives benchmarks dataset L (the demo with 5,000
// partners), built once per machine into the temp folder and copied into
// each benchmark process's own temp folder, so that every package's
// benchmarks share one build.
package benchdata

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"channeldesk/app/demo"
	"channeldesk/data"
)

// Day is the fixed "today" dataset L is built for.
var Day = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// version changes whenever the demo changes shape, so that a stale cached
// file is not reused.
const version = 8

var (
	once    sync.Once
	path    string
	errOnce error
)

// L returns the path of a private copy of dataset L for this process.
// Benchmarks may read it; one that writes should copy it again with Copy.
func L(tb testing.TB) string {
	tb.Helper()
	once.Do(func() {
		var cached string
		if cached, errOnce = cachedL(); errOnce != nil {
			return
		}
		dir, err := os.MkdirTemp("", "channeldesk-L-")
		if err != nil {
			errOnce = err
			return
		}
		path = filepath.Join(dir, "L.db")
		errOnce = copyFile(cached, path)
	})
	if errOnce != nil {
		tb.Fatal(errOnce)
	}
	return path
}

// Open opens this process's copy of dataset L.
func Open(tb testing.TB) *data.Store {
	tb.Helper()
	s, err := data.Open(L(tb))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// cachedL builds dataset L once per machine; a lock folder keeps
// concurrent test processes from building it twice.
func cachedL() (string, error) {
	file := filepath.Join(os.TempDir(), fmt.Sprintf("channeldesk-bench-L-v%d.db", version))
	lock := file + ".lock"
	for start := time.Now(); ; time.Sleep(500 * time.Millisecond) {
		if _, err := os.Stat(file); err == nil {
			return file, nil
		}
		if os.Mkdir(lock, 0o700) == nil {
			break
		}
		if time.Since(start) > 5*time.Minute {
			os.Remove(lock)
		}
	}
	defer os.Remove(lock)
	tmp := file + ".building"
	for _, p := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
		os.Remove(p)
	}
	s, err := data.Open(tmp)
	if err != nil {
		return "", err
	}
	err = demo.Demo(context.Background(), s, demo.DemoOptions{Partners: 5000, Seed: 1, Today: Day})
	if err == nil {
		err = s.Checkpoint()
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", err
	}
	return file, os.Rename(tmp, file)
}

// Copy copies dataset L to a new file in dir and returns its path.
func Copy(tb testing.TB, dir string) string {
	tb.Helper()
	dst := filepath.Join(dir, "L.db")
	if err := copyFile(L(tb), dst); err != nil {
		tb.Fatal(err)
	}
	return dst
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
