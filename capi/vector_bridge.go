package main

/*
#include <stdlib.h>
#include "netifaces_go.h"
#include "capi_internal.h"
*/
import "C"

import (
	"fmt"
	"unsafe"
)

// This file lets `go test` drive the real exports with the shared vectors
// (ci/vectors/abi_*.json): _test.go files cannot use cgo, so the conversion
// between Go values and C arguments lives here. Nothing here is exported to C.

// conventionalExports are the header's functions that follow the status +
// out-parameter conventions, by name; each export_*.go file registers its own in
// an init function. vectors_test.go checks the set against the header.
var conventionalExports = map[string]any{}

func registerExports(fns map[string]any) {
	for name, fn := range fns {
		conventionalExports[name] = fn
	}
}

func init() {
	registerExports(map[string]any{
		"nig_last_error_json": nig_last_error_json,
		"nig_free":            nig_free,
		"nig_close":           nig_close,
		"nig_debug_stats":     nig_debug_stats,
	})
}

// vectorArg is one decoded vector input.
type vectorArg struct {
	Bytes []byte // kind b; nil with Null means NULL
	Null  bool
	Num   int64   // kinds h, q, i, u
	Ptr   uintptr // kind p
}

// vectorResult is what a call produced.
type vectorResult struct {
	RC        int
	Out       []byte // the out buffer (result or error object), if the function has one
	HasOut    bool
	LastError string
	LastJSON  []byte
}

func cBytes(a vectorArg) (*C.nig_cchar, C.size_t, func()) {
	if a.Null {
		return nil, 0, func() {}
	}
	p := C.CBytes(append(a.Bytes, 0))
	return (*C.nig_cchar)(p), C.size_t(len(a.Bytes)), func() { C.free(p) }
}

// callVector calls the export `name` with args, copying out and freeing every
// returned buffer through nig_free.
func callVector(name string, args []vectorArg) (vectorResult, error) {
	fn, ok := conventionalExports[name]
	if !ok {
		return vectorResult{}, fmt.Errorf("no export %q", name)
	}
	var (
		out    *C.char
		outLen C.size_t
		res    vectorResult
		rc     C.int
	)
	want := func(n int) error {
		if len(args) != n {
			return fmt.Errorf("%s takes %d inputs, got %d", name, n, len(args))
		}
		return nil
	}
	switch f := fn.(type) {
	case func(**C.char, *C.size_t) C.int:
		if err := want(0); err != nil {
			return res, err
		}
		rc, res.HasOut = f(&out, &outLen), true
	case func(unsafe.Pointer) C.int:
		if err := want(1); err != nil {
			return res, err
		}
		rc = f(foreignPointer(args[0].Ptr))
	case func(C.nig_handle) C.int:
		if err := want(1); err != nil {
			return res, err
		}
		rc = f(C.nig_handle(args[0].Num))
	case func(*C.nig_cchar, C.size_t, **C.char, *C.size_t) C.int:
		if err := want(1); err != nil {
			return res, err
		}
		p, n, free := cBytes(args[0])
		defer free()
		rc, res.HasOut = f(p, n, &out, &outLen), true
	case func(*C.nig_cchar, C.size_t, *C.nig_cchar, C.size_t, **C.char, *C.size_t) C.int: // bb>o
		if err := want(2); err != nil {
			return res, err
		}
		p0, n0, free0 := cBytes(args[0])
		defer free0()
		p1, n1, free1 := cBytes(args[1])
		defer free1()
		rc, res.HasOut = f(p0, n0, p1, n1, &out, &outLen), true
	case func(C.int, *C.nig_cchar, C.size_t, **C.char, *C.size_t) C.int: // ib>o
		if err := want(2); err != nil {
			return res, err
		}
		p, n, free := cBytes(args[1])
		defer free()
		rc, res.HasOut = f(C.int(args[0].Num), p, n, &out, &outLen), true
	case func(*C.nig_cchar, C.size_t, C.int, unsafe.Pointer) C.int: // bip>
		if err := want(3); err != nil {
			return res, err
		}
		p, n, free := cBytes(args[0])
		defer free()
		rc = f(p, n, C.int(args[1].Num), foreignPointer(args[2].Ptr))
	case func(*C.nig_cchar, C.size_t, C.int, **C.char, *C.size_t) C.int: // bi>o
		if err := want(2); err != nil {
			return res, err
		}
		p, n, free := cBytes(args[0])
		defer free()
		rc, res.HasOut = f(p, n, C.int(args[1].Num), &out, &outLen), true
	case func(*C.nig_handle) C.int: // >H: the new handle is closed at once
		if err := want(0); err != nil {
			return res, err
		}
		var h C.nig_handle
		if rc = f(&h); rc == 0 {
			nig_close(h)
		}
	case func(C.nig_handle, C.nig_handle, C.int, *C.nig_handle) C.int: // hhi>H
		if err := want(3); err != nil {
			return res, err
		}
		var h C.nig_handle
		if rc = f(C.nig_handle(args[0].Num), C.nig_handle(args[1].Num), C.int(args[2].Num), &h); rc == 0 {
			nig_close(h)
		}
	case func(C.nig_handle, C.int, *C.nig_cchar, C.size_t) C.int: // hib>
		if err := want(3); err != nil {
			return res, err
		}
		p, n, free := cBytes(args[2])
		defer free()
		rc = f(C.nig_handle(args[0].Num), C.int(args[1].Num), p, n)
	case func(C.nig_handle, *C.nig_cchar, C.size_t, **C.char, *C.size_t) C.int: // hb>o
		if err := want(2); err != nil {
			return res, err
		}
		p, n, free := cBytes(args[1])
		defer free()
		rc, res.HasOut = f(C.nig_handle(args[0].Num), p, n, &out, &outLen), true
	case func(C.nig_handle, C.int, **C.char, *C.size_t) C.int: // hi>o
		if err := want(2); err != nil {
			return res, err
		}
		rc, res.HasOut = f(C.nig_handle(args[0].Num), C.int(args[1].Num), &out, &outLen), true
	case func(C.nig_handle, **C.char, *C.size_t) C.int: // h>o
		if err := want(1); err != nil {
			return res, err
		}
		rc, res.HasOut = f(C.nig_handle(args[0].Num), &out, &outLen), true
	case func(C.nig_handle, *C.nig_cchar, C.size_t, *C.nig_cchar, C.size_t, **C.char, *C.size_t) C.int: // hbb>o
		if err := want(3); err != nil {
			return res, err
		}
		p0, n0, free0 := cBytes(args[1])
		defer free0()
		p1, n1, free1 := cBytes(args[2])
		defer free1()
		rc, res.HasOut = f(C.nig_handle(args[0].Num), p0, n0, p1, n1, &out, &outLen), true
	case func(C.nig_handle, C.int, *C.nig_cchar, C.size_t, **C.char, *C.size_t) C.int: // hib>o
		if err := want(3); err != nil {
			return res, err
		}
		p, n, free := cBytes(args[2])
		defer free()
		rc, res.HasOut = f(C.nig_handle(args[0].Num), C.int(args[1].Num), p, n, &out, &outLen), true
	case func(*C.nig_cchar, C.size_t, *C.nig_handle) C.int: // b>H (the handle is closed again)
		if err := want(1); err != nil {
			return res, err
		}
		p, n, free := cBytes(args[0])
		defer free()
		var h C.nig_handle
		rc = f(p, n, &h)
		if h != 0 {
			nig_close(h)
		}
	case func(C.nig_handle, *C.nig_cchar, C.size_t, *C.nig_handle) C.int: // hb>H (closed again)
		if err := want(2); err != nil {
			return res, err
		}
		p, n, free := cBytes(args[1])
		defer free()
		var h C.nig_handle
		rc = f(C.nig_handle(args[0].Num), p, n, &h)
		if h != 0 {
			nig_close(h)
		}
	case func(C.nig_handle, C.int64_t, *C.nig_cchar, C.size_t, C.int, **C.char, *C.size_t) C.int: // hqbi>o
		if err := want(4); err != nil {
			return res, err
		}
		p, n, free := cBytes(args[2])
		defer free()
		rc, res.HasOut = f(C.nig_handle(args[0].Num), C.int64_t(args[1].Num), p, n, C.int(args[3].Num), &out, &outLen), true
	case func(*C.nig_cchar, C.size_t) C.int: // b>
		if err := want(1); err != nil {
			return res, err
		}
		p, n, free := cBytes(args[0])
		defer free()
		rc = f(p, n)
	default:
		return res, fmt.Errorf("%s: signature %T not supported by the Go vector bridge", name, fn)
	}
	res.RC = int(rc)
	if out != nil {
		res.Out = C.GoBytes(unsafe.Pointer(out), C.int(outLen))
		if nig_free(unsafe.Pointer(out)) != 0 {
			return res, fmt.Errorf("nig_free of the result failed")
		}
	}
	res.LastError = C.GoString((*C.char)(unsafe.Pointer(nig_last_error())))
	var lj *C.char
	var ljLen C.size_t
	nig_last_error_json(&lj, &ljLen)
	res.LastJSON = C.GoBytes(unsafe.Pointer(lj), C.int(ljLen))
	nig_free(unsafe.Pointer(lj))
	return res, nil
}

// foreignPointer makes a C pointer value from an integer, as C callers can: the
// vectors pass addresses the library never issued. The value lives in C memory
// so vet's unsafe.Pointer rule for Go-side integers does not apply.
func foreignPointer(addr uintptr) unsafe.Pointer {
	slot := (*unsafe.Pointer)(C.malloc(C.size_t(unsafe.Sizeof(uintptr(0)))))
	defer C.free(unsafe.Pointer(slot))
	*(*uintptr)(unsafe.Pointer(slot)) = addr
	return *slot
}

// outstanding reports the library's live allocation and handle counts.
func outstanding() (allocs int64, handleCount int) {
	return liveAllocs.Load(), handles.len()
}

// callPanicking runs a panicking function through call(), as every export
// does, and reports the status and error object it produced.
func callPanicking() (rc int, errObj []byte, lastError string) {
	var out *C.char
	var outLen C.size_t
	rc = int(call(&out, &outLen, true, func() ([]byte, error) {
		var m map[string]int
		m["boom"] = 1 // nil map write: a runtime panic
		return nil, nil
	}))
	errObj = C.GoBytes(unsafe.Pointer(out), C.int(outLen))
	nig_free(unsafe.Pointer(out))
	return rc, errObj, C.GoString(C.capi_get_last_error())
}
