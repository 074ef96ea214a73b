package main

/*
#include <stdlib.h>
#include <string.h>
*/
import "C"

import (
	"sync"
	"sync/atomic"
	"unsafe"
)

// Every buffer handed to the caller is C memory recorded here, so nig_free can
// refuse pointers it did not issue (double free, foreign pointer) and
// nig_debug_stats can report what the caller still holds.
var (
	liveMu     sync.Mutex
	live       = map[uintptr]int{} // pointer -> size
	liveBytes  atomic.Int64
	liveAllocs atomic.Int64
)

// newBuffer copies b into C memory followed by one NUL byte and records it.
func newBuffer(b []byte) (unsafe.Pointer, int) {
	p := C.malloc(C.size_t(len(b) + 1))
	if p == nil {
		panic("out of C memory")
	}
	if len(b) > 0 {
		C.memcpy(p, unsafe.Pointer(&b[0]), C.size_t(len(b)))
	}
	*(*byte)(unsafe.Add(p, len(b))) = 0
	liveMu.Lock()
	live[uintptr(p)] = len(b) + 1
	liveMu.Unlock()
	liveAllocs.Add(1)
	liveBytes.Add(int64(len(b) + 1))
	return p, len(b)
}

// releaseBuffer frees p if this library issued it and it is still live.
func releaseBuffer(p unsafe.Pointer) bool {
	liveMu.Lock()
	size, ok := live[uintptr(p)]
	if ok {
		delete(live, uintptr(p))
	}
	liveMu.Unlock()
	if !ok {
		return false
	}
	liveAllocs.Add(-1)
	liveBytes.Add(-int64(size))
	C.free(p)
	return true
}

// setOut stores a copy of b into *out (and its length into *outLen if not nil).
func setOut(out **C.char, outLen *C.size_t, b []byte) {
	p, n := newBuffer(b)
	*out = (*C.char)(p)
	if outLen != nil {
		*outLen = C.size_t(n)
	}
}
