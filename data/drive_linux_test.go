package data

import (
	"path/filepath"
	"testing"
)

func TestDriveKindOf(t *testing.T) {
	for _, c := range []struct {
		fs   int64
		dir  string
		want string
	}{
		{magicNFS, "/home/a", DriveNetwork},
		{magicCIFS, "/mnt/share", DriveNetwork},
		{magicFUSE, "/home/a/OneDrive", DriveNetwork},
		{magicVFAT, "/mnt/usb", DriveRemovable},
		{0xEF53, "/media/a/STICK", DriveRemovable}, // ext4 on a stick
		{0xEF53, "/run/media/a/STICK", DriveRemovable},
		{0xEF53, "/home/a/.local/share", DriveLocal},
	} {
		if got := driveKindOf(c.fs, c.dir); got != c.want {
			t.Errorf("%#x at %s: %q, want %q", c.fs, c.dir, got, c.want)
		}
	}
	if got := DriveKind(filepath.Join(t.TempDir(), "x.db")); got != DriveLocal {
		t.Errorf("a temporary folder is %q", got)
	}
}
