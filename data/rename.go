package data

import "path/filepath"

// ReplaceFile renames the finished temporary file tmp over dst, so that
// readers see the old file or the new one, never a part. On unix this is
// rename(2). On Windows it is MoveFileEx with MOVEFILE_REPLACE_EXISTING
// (what os.Rename does), retried for a moment while another program, a
// virus scanner or OneDrive's sync briefly holds dst; when dst stays
// busy the error is a *FileError with CauseInUse naming dst (the user is
// told to close it in Excel or save under another name), and tmp is left
// for the caller to remove.
func ReplaceFile(tmp, dst string) error {
	err := renameRetrying(tmp, dst)
	if err != nil && fileBusy(err) {
		return &FileError{Cause: CauseInUse, Path: dst, Dir: filepath.Dir(dst), Free: -1, Err: err}
	}
	return err
}
