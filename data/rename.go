package data

// errFileBusyKey is the key of the error ReplaceFile returns when the
// system keeps the destination busy (Windows: open in Excel or a PDF viewer,
// or read-only); Args["Path"] names it.
const errFileBusyKey = "err.win_file_busy"

// ReplaceFile renames the finished temporary file tmp over dst, so that
// readers see the old file or the new one, never a part. On unix this is
// rename(2). On Windows it is MoveFileEx with MOVEFILE_REPLACE_EXISTING
// (what os.Rename does), retried for a moment while another program, a
// virus scanner or OneDrive's sync briefly holds dst; when dst stays
// busy the error says so in words (key err.win_file_busy) and tmp is
// left for the caller to remove.
func ReplaceFile(tmp, dst string) error {
	err := renameRetrying(tmp, dst)
	if err != nil && fileBusy(err) {
		return &Error{Code: ECONFLICT, Key: errFileBusyKey, Args: map[string]any{"Path": dst}}
	}
	return err
}
