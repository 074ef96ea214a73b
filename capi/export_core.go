package main

/*
#include "netifaces_go.h"
#include "capi_internal.h"
*/
import "C"

import (
	"encoding/json"
	"runtime"
	"unsafe"
)

// Version is the library version; keep it equal to NIG_VERSION_STRING.
const Version = "0.1.0"

// abiVersion is NIG_ABI_VERSION of this build.
const abiVersion = C.NIG_ABI_VERSION

var versionCString = C.CString(Version) // static for the process lifetime

//export nig_version
func nig_version() *C.nig_cchar {
	return (*C.nig_cchar)(unsafe.Pointer(versionCString))
}

//export nig_abi_version
func nig_abi_version() C.int {
	return abiVersion
}

//export nig_last_error
func nig_last_error() *C.nig_cchar {
	return (*C.nig_cchar)(unsafe.Pointer(C.capi_get_last_error()))
}

//export nig_last_error_json
func nig_last_error_json(out **C.char, outLen *C.size_t) (rc C.int) {
	// Not through call(): reading the last error must not replace it.
	defer func() {
		if r := recover(); r != nil {
			rc = statusInternal
		}
	}()
	if out == nil {
		return fail(nil, nil, errArg("out must not be NULL"))
	}
	if p := C.capi_get_last_error_json(); p != nil {
		setOut(out, outLen, []byte(C.GoString(p)))
	} else {
		setOut(out, outLen, []byte(`{"code":0,"errno":0,"kind":"","message":""}`))
	}
	return statusOK
}

//export nig_free
func nig_free(p unsafe.Pointer) C.int {
	return call(nil, nil, false, func() ([]byte, error) {
		if p != nil && !releaseBuffer(p) {
			return nil, errArg("nig_free: %p was not returned by this library or was already freed", p)
		}
		return nil, nil
	})
}

//export nig_close
func nig_close(h C.nig_handle) C.int {
	return call(nil, nil, false, func() ([]byte, error) {
		obj, err := handles.remove(uint64(h))
		if err != nil {
			return nil, err
		}
		return nil, obj.Close()
	})
}

type debugStats struct {
	AllocationsOutstanding int64  `json:"allocations_outstanding"`
	BytesOutstanding       int64  `json:"bytes_outstanding"`
	HandlesOutstanding     int    `json:"handles_outstanding"`
	Goroutines             int    `json:"goroutines"`
	Version                string `json:"version"`
	ABIVersion             int    `json:"abi_version"`
}

//export nig_debug_stats
func nig_debug_stats(out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		return json.Marshal(debugStats{
			AllocationsOutstanding: liveAllocs.Load(),
			BytesOutstanding:       liveBytes.Load(),
			HandlesOutstanding:     handles.len(),
			Goroutines:             runtime.NumGoroutine(),
			Version:                Version,
			ABIVersion:             abiVersion,
		})
	})
}
