//go:build !linux && !windows

package data

// driveKind is not told apart on this system.
func driveKind(string) string { return DriveLocal }
