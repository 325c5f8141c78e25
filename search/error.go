package search

import (
	"errors"
	"fmt"
)

// Code classifies an error by what its client can do about it. The HTTP
// layer answers each code with one status (search/web); the command shows
// the message.
type Code string

// Error codes.
const (
	// CodeInvalid: the request is wrong (a bad query, malformed upload or
	// metadata); the client must fix it.
	CodeInvalid Code = "invalid"
	// CodeNotFound: the document (or the file behind it) does not exist.
	CodeNotFound Code = "not_found"
	// CodeConflict: the operation clashes with one running (a reindex
	// already running) or with what exists; retry later or rename.
	CodeConflict Code = "conflict"
	// CodeTooLarge: the request or its file is past a size limit.
	CodeTooLarge Code = "too_large"
	// CodeUnsupported: the file is of no format Faro reads.
	CodeUnsupported Code = "unsupported"
	// CodeUnprocessable: the file is of a known format but its text could
	// not be read (encrypted, broken, too slow to extract).
	CodeUnprocessable Code = "unprocessable"
	// CodeUnavailable: the service cannot do it now (shutting down, busy);
	// retry later.
	CodeUnavailable Code = "unavailable"
	// CodeNoSpace: the disk holding the corpus or the index is full (or
	// over quota); nothing was stored.
	CodeNoSpace Code = "no_space"
	// CodeInternal: anything else; the client learns no detail.
	CodeInternal Code = "internal"
)

// Error is an error its client must know about: a code saying what kind
// and a message for the client (no server paths, no internals).
type Error struct {
	Code Code
	Msg  string
}

// Error returns the message.
func (e *Error) Error() string { return e.Msg }

// Errorf returns an *Error of code with a formatted message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Msg: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err: that of the *Error it wraps,
// CodeNotFound for ErrNotFound, CodeInvalid for a *QueryError, "" for nil,
// and CodeInternal for anything else.
func ErrorCode(err error) Code {
	var e *Error
	var qe *QueryError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	case errors.Is(err, ErrNotFound):
		return CodeNotFound
	case errors.As(err, &qe):
		return CodeInvalid
	}
	return CodeInternal
}

// ErrorMessage returns the message of err for its client: that of the
// *Error or *QueryError it wraps, ErrNotFound's, or "internal error" for
// an internal error (whose detail is for the logs only).
func ErrorMessage(err error) string {
	var e *Error
	var qe *QueryError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e) && e.Code != CodeInternal:
		return e.Msg
	case errors.As(err, &e):
	case errors.Is(err, ErrNotFound):
		return ErrNotFound.Error()
	case errors.As(err, &qe):
		return qe.Error()
	}
	return "internal error"
}
