package main

import (
	"channeldesk/app/importer"
	"os"
)

// openWithFile returns the file of a command line made by "Open with
// ChannelDesk" (or a file dropped onto the program's icon): one argument
// naming an existing CSV or Excel file, which the GUI opens in the partner
// import preview.
func openWithFile(args []string) (string, bool) {
	if len(args) != 1 || !importer.Accepts(args[0]) {
		return "", false
	}
	if st, err := os.Stat(args[0]); err != nil || st.IsDir() {
		return "", false
	}
	return args[0], true
}
