package data

import (
	"path/filepath"
	"strings"
	"syscall"
)

// File system magic numbers from statfs(2).
const (
	magicNFS   = 0x6969
	magicSMB   = 0x517B
	magicCIFS  = 0xFF534D42
	magicSMB2  = 0xFE534D42
	magicFUSE  = 0x65735546
	magicCoda  = 0x73757245
	magicAFS   = 0x5346414F
	magicVFAT  = 0x4d44
	magicExFAT = 0x2011BAB0
	magicNTFS  = 0x5346544e
)

func driveKind(path string) string {
	var st syscall.Statfs_t
	for dir := filepath.Dir(path); ; dir = filepath.Dir(dir) {
		if err := syscall.Statfs(dir, &st); err == nil {
			return driveKindOf(int64(st.Type), dir)
		}
		if filepath.Dir(dir) == dir {
			return DriveLocal
		}
	}
}

// driveKindOf classifies a file system type and where it is mounted:
// network file systems and FUSE (sshfs, rclone, cloud folders) are
// network drives; anything under /media or /run/media, where desktops
// mount USB sticks, and FAT or exFAT file systems are removable.
func driveKindOf(fsType int64, dir string) string {
	switch fsType {
	case magicNFS, magicSMB, magicCIFS, magicSMB2, magicFUSE, magicCoda, magicAFS:
		return DriveNetwork
	case magicVFAT, magicExFAT:
		return DriveRemovable
	}
	abs, _ := filepath.Abs(dir)
	if strings.HasPrefix(abs, "/media/") || strings.HasPrefix(abs, "/run/media/") {
		return DriveRemovable
	}
	return DriveLocal
}
