package main

import (
	"io"
	"os"
	"strings"

	"channeldesk/app/applog"
	"channeldesk/app/errtext"
)

// startLog keeps the log in the per-user data folder; the window's runs
// also echo it to stderr, the command line's keep stderr to one line.
func startLog(args []string) {
	var also io.Writer
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		also = os.Stderr
	}
	applog.Start("", version, also)
}

// failureText is the one line the command line prints for err: for an
// internal error, with the log file that holds the details.
func failureText(cmd string, err error) string {
	if errtext.Internal(err) {
		applog.Error("command "+cmd, err)
	}
	return errtext.WithLog(err, applog.Path())
}
