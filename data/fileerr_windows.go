//go:build windows

package data

import (
	"os"
	"syscall"
	"unsafe"
)

// Windows error numbers (winerror.h) that name a cause.
const (
	errAccessDenied     syscall.Errno = 5
	errWriteProtect     syscall.Errno = 19
	errNotReady         syscall.Errno = 21
	errSharingViolation syscall.Errno = 32
	errLockViolation    syscall.Errno = 33
	errHandleDiskFull   syscall.Errno = 39
	errBadNetPath       syscall.Errno = 53
	errDevNotExist      syscall.Errno = 55
	errNetNameDeleted   syscall.Errno = 64
	errDiskFull         syscall.Errno = 112
	errDiskQuota        syscall.Errno = 1295
	errCloudNotRunning  syscall.Errno = 362 // ERROR_CLOUD_FILE_PROVIDER_NOT_RUNNING (OneDrive files on demand)
	errPathNotFound     syscall.Errno = 3
)

// errnoCause maps a Windows error met on path to its cause. Access denied
// on an existing file means, nearly always, that another program (Excel)
// holds it open; on a folder, that the user may not write there.
func errnoCause(path string, errno syscall.Errno) Cause {
	switch errno {
	case errDiskFull, errHandleDiskFull, errDiskQuota:
		return CauseDiskFull
	case errSharingViolation, errLockViolation:
		return CauseInUse
	case errAccessDenied:
		if isFile(path) {
			return CauseInUse
		}
		return CauseReadOnly
	case errWriteProtect:
		return CauseReadOnly
	case errNotReady, errBadNetPath, errDevNotExist, errNetNameDeleted, errCloudNotRunning, errPathNotFound:
		return CauseFolderGone
	}
	return ""
}

// isFile reports whether path is an existing regular file.
func isFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

var procGetDiskFreeSpaceEx = syscall.NewLazyDLL("kernel32.dll").NewProc("GetDiskFreeSpaceExW")

// freeSpace is GetDiskFreeSpaceEx's bytes available to the caller.
func freeSpace(dir string) int64 {
	p, err := syscall.UTF16PtrFromString(dir)
	if err != nil {
		return -1
	}
	var avail, total, free uint64
	r, _, _ := procGetDiskFreeSpaceEx.Call(uintptr(unsafe.Pointer(p)),
		uintptr(unsafe.Pointer(&avail)), uintptr(unsafe.Pointer(&total)), uintptr(unsafe.Pointer(&free)))
	if r == 0 {
		return -1
	}
	return int64(avail)
}
