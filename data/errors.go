package data

import (
	"errors"
	"fmt"
)

// Error codes used by the application. Anything else is an internal error.
const (
	EINVALID  = "invalid"
	ENOTFOUND = "not_found"
	ECONFLICT = "conflict"
	EINTERNAL = "internal"
)

// Error is an application error a person can understand. Key is a
// translation key (see assets/translations); Args fill its template.
// Field names the input at fault, when there is one.
type Error struct {
	Code  string
	Field string
	Key   string
	Args  map[string]any
}

// Error returns the key and field, for logs; screens translate Key instead.
func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s %v", e.Field, e.Key, e.Args)
	}
	return fmt.Sprintf("%s %v", e.Key, e.Args)
}

// Invalid returns an EINVALID error for a field.
func Invalid(field, key string, args map[string]any) *Error {
	return &Error{Code: EINVALID, Field: field, Key: key, Args: args}
}

// NotFound returns an ENOTFOUND error naming what was missing.
func NotFound(what string) *Error {
	return &Error{Code: ENOTFOUND, Key: "err.not_found", Args: map[string]any{"What": what}}
}

// Conflict returns an ECONFLICT error.
func Conflict(key string, args map[string]any) *Error {
	return &Error{Code: ECONFLICT, Key: key, Args: args}
}

// ErrorCode returns the code of an application error, or EINTERNAL.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// AsError returns the application error inside err, if there is one.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}
