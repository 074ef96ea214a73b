package main

import (
	"fmt"
	"sync"
)

// Handles are never reused: a stale handle can only miss, never reach another
// object. The table is the only owner of the objects it holds.
type handleTable struct {
	mu   sync.RWMutex
	next uint64
	objs map[uint64]handleObject
}

// handleObject is anything a handle can name; Close releases its resources.
type handleObject interface {
	Close() error
}

var handles = handleTable{next: 1, objs: map[uint64]handleObject{}}

func (t *handleTable) add(obj handleObject) uint64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	h := t.next
	t.next++
	t.objs[h] = obj
	return h
}

func (t *handleTable) remove(h uint64) (handleObject, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	obj, ok := t.objs[h]
	if !ok {
		return nil, t.missing(h)
	}
	delete(t.objs, h)
	return obj, nil
}

// missing explains why h is not in the table (caller holds t.mu).
func (t *handleTable) missing(h uint64) error {
	switch {
	case h == 0:
		return errHandle(h, "0 is never a valid handle")
	case h < t.next:
		return errHandle(h, "already closed")
	default:
		return errHandle(h, "never issued")
	}
}

func (t *handleTable) len() int {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return len(t.objs)
}

// lookupHandle returns the object behind h if it is a T.
func lookupHandle[T handleObject](h uint64) (T, error) {
	var zero T
	handles.mu.RLock()
	obj, ok := handles.objs[h]
	if !ok {
		err := handles.missing(h)
		handles.mu.RUnlock()
		return zero, err
	}
	handles.mu.RUnlock()
	v, ok := obj.(T)
	if !ok {
		return zero, errHandle(h, fmt.Sprintf("names a %T, not a %T", obj, zero))
	}
	return v, nil
}
