package main

/*
#include "netifaces_go.h"
#include "capi_internal.h"
*/
import "C"

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"syscall"
	"unsafe"
)

// Library status codes; the values are ABI (include/netifaces_go.h).
const (
	statusOK          = 0
	statusInval       = C.NIG_EINVAL
	statusJSON        = C.NIG_EJSON
	statusHandle      = C.NIG_EHANDLE
	statusUnsupported = C.NIG_EUNSUPPORTED
	statusTooBig      = C.NIG_ETOOBIG
	statusInternal    = C.NIG_EINTERNAL
	statusFork        = C.NIG_EFORK
	statusNotFound    = C.NIG_ENOTFOUND
	statusValue       = C.NIG_EVALUE
	statusType        = C.NIG_ETYPE
)

// apiError is an error with an explicit status and Python exception kind.
type apiError struct {
	code int
	kind string // Python exception class the binding raises
	msg  string
}

func (e *apiError) Error() string { return e.msg }

func errArg(format string, args ...any) error {
	return &apiError{code: statusInval, kind: "ValueError", msg: fmt.Sprintf(format, args...)}
}

func errJSON(err error) error {
	return &apiError{code: statusJSON, kind: "ValueError", msg: "invalid JSON: " + err.Error()}
}

func errHandle(h uint64, why string) error {
	return &apiError{code: statusHandle, kind: "ValueError", msg: fmt.Sprintf("invalid handle %d: %s", h, why)}
}

// statusOf classifies err: the status code, errno (0 if none) and the Python
// exception kind. This is the only place Go errors become ABI statuses.
func statusOf(err error) (code, errno int, kind string) {
	var ae *apiError
	if errors.As(err, &ae) {
		return ae.code, 0, ae.kind
	}
	var en syscall.Errno
	hasErrno := errors.As(err, &en) && en != 0
	if code, kind, ok := domainStatus(err); ok {
		// The errno survives a domain mapping: from the status when the status
		// is -errno, else from the error chain.
		switch {
		case code < 0 && code > statusInval:
			return code, -code, kind
		case hasErrno:
			return code, int(en), kind
		}
		return code, 0, kind
	}
	if hasErrno {
		return -int(en), int(en), "OSError"
	}
	return statusInternal, 0, "RuntimeError"
}

// errorJSON is the error object stored into *out on failure.
type errorJSON struct {
	Code    int    `json:"code"`
	Errno   int    `json:"errno"`
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

// fail records err as the thread's last error and, when out is not nil, returns
// the error object through it. It returns the status.
func fail(out **C.char, outLen *C.size_t, err error) C.int {
	code, errno, kind := statusOf(err)
	msg := err.Error()
	if msg == "" {
		msg = "unknown error"
	}
	obj := marshalErrorJSON(errorJSON{Code: code, Errno: errno, Kind: kind, Message: msg})
	setLastError(msg, obj)
	if out != nil {
		setOut(out, outLen, obj)
	}
	return C.int(code)
}

// setLastError stores the thread's last error. Go memory without Go pointers
// may be passed to C for the duration of a call; the C side copies it.
func setLastError(msg string, obj []byte) {
	m := []byte(msg)
	C.capi_set_last_error((*C.char)(unsafe.Pointer(&m[0])), C.size_t(len(m)))
	C.capi_set_last_error_json((*C.char)(unsafe.Pointer(&obj[0])), C.size_t(len(obj)))
}

// panicError turns a recovered panic into an internal error with a short stack.
func panicError(r any) error {
	stack := debug.Stack()
	if len(stack) > 2048 {
		stack = stack[:2048]
	}
	return &apiError{code: statusInternal, kind: "RuntimeError",
		msg: fmt.Sprintf("internal panic: %v\n%s", r, stack)}
}

// marshalErrorJSON encodes e without HTML escaping, so messages read the same
// in every language ("<" stays "<").
func marshalErrorJSON(e errorJSON) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(e) // cannot fail for this struct
	return bytes.TrimRight(buf.Bytes(), "\n")
}
