// Package fullstore opens, for tests, a database with demo data on a disk
// that is then filled up (a small Linux tmpfs; see testfs).
package fullstore

import (
	"context"
	"path/filepath"
	"testing"

	"channeldesk/app/demo"
	"channeldesk/data"
	"channeldesk/internal/testfs"
)

// Open opens channeldesk.db with 40 partners and 300 deals on a 4 MB
// tmpfs and fills the disk to leave 16 KB; it returns the store and the
// folder. The store is closed when the test ends.
func Open(t testing.TB) (*data.Store, string) {
	t.Helper()
	dir := testfs.Small(t, "4m")
	s, err := data.Open(filepath.Join(dir, "channeldesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.FillVolume(context.Background(), s, demo.Volume{Partners: 40, Deals: 300}); err != nil {
		t.Fatal(err)
	}
	testfs.Fill(t, dir, 16<<10)
	return s, dir
}
