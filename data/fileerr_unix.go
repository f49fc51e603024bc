//go:build !windows

package data

import "syscall"

// errnoCause maps a unix error number met on path to its cause.
func errnoCause(path string, errno syscall.Errno) Cause {
	switch errno {
	case syscall.ENOSPC, syscall.EDQUOT, syscall.EFBIG:
		return CauseDiskFull
	case syscall.EROFS, syscall.EACCES, syscall.EPERM:
		return CauseReadOnly
	case syscall.ENODEV, syscall.EIO, syscall.ENXIO, syscall.ESTALE, syscall.ENOTCONN, syscall.EHOSTDOWN:
		return CauseFolderGone
	}
	return ""
}

// freeSpace is statfs's blocks available to unprivileged users.
func freeSpace(dir string) int64 {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return -1
	}
	return int64(st.Bavail) * int64(st.Bsize)
}
