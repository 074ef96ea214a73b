package main

/*
#include <string.h>
#include "netifaces_go.h"
#include "capi_internal.h"
*/
import "C"

import (
	"encoding/json"
	"unsafe"
)

const maxInput = 256 << 20 // NIG_MAX_INPUT

// call runs one export: it refuses calls in a forked child, recovers panics,
// and stores fn's result into *out or the error via fail(). Exports without a
// result pass out == nil and return nil bytes from fn.
func call(out **C.char, outLen *C.size_t, needOut bool, fn func() ([]byte, error)) (rc C.int) {
	if C.capi_forked() != 0 {
		return fail(out, outLen, &apiError{code: statusFork, kind: "RuntimeError",
			msg: "netifaces_go: called in a child after fork(); the Go runtime does not survive fork() (exec a new process)"})
	}
	defer func() {
		if r := recover(); r != nil {
			rc = fail(out, outLen, panicError(r))
		}
	}()
	if needOut && out == nil {
		return fail(nil, nil, errArg("out must not be NULL"))
	}
	if out != nil {
		*out = nil
	}
	if outLen != nil {
		*outLen = 0
	}
	res, err := fn()
	if err != nil {
		return fail(out, outLen, err)
	}
	if needOut {
		setOut(out, outLen, res)
	}
	return statusOK
}

// borrow returns a (pointer, length) argument as a string without copying;
// n == NIG_NTS means NUL-terminated. The string aliases the caller's memory:
// read it only during the call and keep nothing derived from it but copies.
func borrow(name string, p *C.nig_cchar, n C.size_t) (string, error) {
	if p == nil {
		return "", errArg("%s must not be NULL", name)
	}
	if n == C.NIG_NTS {
		// strnlen bounds the scan so an unterminated buffer cannot run away.
		n = C.strnlen((*C.char)(unsafe.Pointer(p)), maxInput+1)
	}
	if n > maxInput {
		return "", &apiError{code: statusTooBig, kind: "ValueError",
			msg: "input " + name + " is larger than NIG_MAX_INPUT (256 MiB)"}
	}
	return unsafe.String((*byte)(unsafe.Pointer(p)), int(n)), nil
}

// input copies a (pointer, length) argument; n == NIG_NTS means NUL-terminated.
func input(name string, p *C.nig_cchar, n C.size_t) ([]byte, error) {
	s, err := borrow(name, p, n)
	if err != nil {
		return nil, err
	}
	return []byte(s), nil
}

// optionalInput is input() where NULL means "no value".
func optionalInput(name string, p *C.nig_cchar, n C.size_t) ([]byte, error) {
	if p == nil {
		return nil, nil
	}
	return input(name, p, n)
}

// decodeJSON unmarshals an input JSON document; empty input leaves v untouched.
func decodeJSON(b []byte, v any) error {
	if len(b) == 0 {
		return nil
	}
	if err := json.Unmarshal(b, v); err != nil {
		return errJSON(err)
	}
	return nil
}
