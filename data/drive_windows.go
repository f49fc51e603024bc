package data

import (
	"path/filepath"
	"strings"
	"syscall"
	"unsafe"
)

// GetDriveType results.
const (
	driveRemovable = 2
	driveRemote    = 4
)

var procGetDriveType = syscall.NewLazyDLL("kernel32.dll").NewProc("GetDriveTypeW")

func driveKind(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return DriveLocal
	}
	vol := filepath.VolumeName(abs)
	if strings.HasPrefix(vol, `\\`) {
		return DriveNetwork // \\server\share
	}
	root, err := syscall.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return DriveLocal
	}
	r, _, _ := procGetDriveType.Call(uintptr(unsafe.Pointer(root)))
	switch r {
	case driveRemovable:
		return DriveRemovable
	case driveRemote:
		return DriveNetwork
	}
	return DriveLocal
}
