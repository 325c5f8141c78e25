package search

import (
	"errors"
	"fmt"
	"testing"
)

func TestErrorCodeAndMessage(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		code Code
		msg  string
	}{
		{"nil", nil, "", ""},
		{"coded", Errorf(CodeConflict, "a reindex is already running"), CodeConflict, "a reindex is already running"},
		{"wrapped", fmt.Errorf("reindex: %w", Errorf(CodeUnavailable, "shutting down")), CodeUnavailable, "shutting down"},
		{"not found", fmt.Errorf("get x: %w", ErrNotFound), CodeNotFound, "document not found"},
		{"query", &QueryError{Msg: "unbalanced parenthesis", Pos: 3}, CodeInvalid, (&QueryError{Msg: "unbalanced parenthesis", Pos: 3}).Error()},
		{"internal coded", Errorf(CodeInternal, "disk /data full"), CodeInternal, "internal error"},
		{"plain", errors.New("disk /data full"), CodeInternal, "internal error"},
	} {
		if got := ErrorCode(tc.err); got != tc.code {
			t.Errorf("%s: ErrorCode = %q, want %q", tc.name, got, tc.code)
		}
		if got := ErrorMessage(tc.err); got != tc.msg {
			t.Errorf("%s: ErrorMessage = %q, want %q", tc.name, got, tc.msg)
		}
	}
}
