package widgets

import (
	"errors"

	"channeldesk/app/applog"
	"channeldesk/app/errtext"
)

// InputError is input a screen could not read; its text is already
// translated and names the field.
type InputError struct{ Msg string }

// Error returns the translated message.
func (e InputError) Error() string { return e.Msg }

// ErrorText says what went wrong in the user's language: an InputError as
// it is, anything else through errtext (which the command line uses too);
// an internal error goes to the log, and the text names the log file.
func ErrorText(err error) string {
	var in InputError
	if errors.As(err, &in) {
		return in.Msg
	}
	if errtext.Internal(err) {
		applog.Error("window", err)
	}
	return errtext.WithLog(err, applog.Path())
}
