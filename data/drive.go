package data

// Drive kinds DriveKind tells apart: where SQLite's locking or the
// medium itself is less reliable than a local disk.
const (
	DriveLocal     = ""
	DriveRemovable = "removable"
	DriveNetwork   = "network"
)

// DriveKind says whether path lies on a removable drive (a USB stick, a
// memory card) or a network one (a share, a FUSE mount), or "" for a local
// disk or when it can't be told.
func DriveKind(path string) string { return driveKind(path) }
