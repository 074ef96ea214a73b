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
	"os"
	"sync"
	"syscall"
	"time"

	"github.com/netifaces-go/netifaces-go/core/rtnl"
	"golang.org/x/sys/unix"
)

// Event subscriptions of the rtnl area (docs/rtnl-json.md §6).

// ---- event subscriptions ---------------------------------------------------

// rtnlSubOptions is the options document of nig_rtnl_subscribe.
type rtnlSubOptions struct {
	Groups   *uint32 `json:"groups"`
	RcvBuf   int     `json:"rcvbuf"`
	Resync   *bool   `json:"resync"`
	MaxQueue int64   `json:"max_queue"`
	// Format "pybatch" selects the batch format of the Python binding
	// (export_rtnl_evbatch.go); "" keeps the connection's format.
	Format string `json:"format"`
}

// rtmgrpDefaults is pyroute2's RTMGRP_DEFAULTS.
const rtmgrpDefaults = 0x10 | 0x100 | 0x40 | 0x400 | 0x80 | 0x40000 | 0x4 | 0x1 | 0x8 | 0x4000000

// rtnlMaxBatch bounds one nig_rtnl_events result.
const rtnlMaxBatch = 4 << 20

// rtnlSub is a subscription: a reader goroutine receives and decodes the
// group socket into a queue of encoded events (JSON Lines, or pybatch
// chunks) and keeps an eventfd readable while the queue is not empty.
type rtnlSub struct {
	sub      *rtnl.Subscription
	resync   *rtnl.Conn // re-dumps after an overflow; nil when disabled
	groups   uint32
	efd      int
	maxQueue int
	marshal  bool // JSON Lines queued, handed out in the marshal format
	batch    bool // pybatch chunks queued
	signal   chan struct{}
	done     chan struct{}

	wg         sync.WaitGroup // the resync goroutine
	mu         sync.Mutex
	resyncing  bool    // a re-dump is running: events go to side
	again      bool    // events were lost again during the re-dump
	side       evQueue // events received during the re-dump
	sideN      int
	q          evQueue // queued events
	dropping   bool    // the queue was full: new events are dropped until it drains
	err        error   // the reader stopped with this error
	closed     bool
	events     uint64
	overflows  uint64
	resyncs    uint64
	dropped    uint64
	lastResync string // error of the last resync dump, if it failed
}

func (s *rtnlSub) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.q = newEvQueue(s.batch) // drop what is queued
	s.mu.Unlock()
	err := s.sub.Close()
	if s.resync != nil {
		s.resync.Close()
	}
	select {
	case <-s.done:
	case <-time.After(5 * time.Second):
	}
	s.wg.Wait()
	syscall.Close(s.efd)
	return err
}

// enqueue appends a queue of n messages (a re-dump, or the events held
// back during it) and keeps the eventfd readable. Events over the queue
// limit are dropped (and reported); a re-dump (force) is always queued
// whole, or it could never complete.
func (s *rtnlSub) enqueue(q evQueue, n int, force bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || q.empty() {
		return
	}
	if !force && (s.dropping || s.q.size()+q.size() > s.maxQueue) {
		s.dropLocked(n)
		return
	}
	wasEmpty := s.q.empty()
	s.events += uint64(n)
	s.q.appendQueue(q)
	s.notifyLocked(wasEmpty)
}

// enqueueLocked encodes the messages of one datagram onto the queue, or
// drops them all when the queue limit is reached.
func (s *rtnlSub) enqueueLocked(msgs []*rtnl.Message) error {
	if s.closed || len(msgs) == 0 {
		return nil
	}
	if s.dropping {
		s.dropLocked(len(msgs))
		return nil
	}
	wasEmpty := s.q.empty()
	mark := s.q.mark()
	if err := s.q.push(msgs); err != nil {
		return err
	}
	if s.q.size() > s.maxQueue {
		s.q.rollback(mark)
		s.dropLocked(len(msgs))
	} else {
		s.events += uint64(len(msgs))
	}
	s.notifyLocked(wasEmpty)
	return nil
}

// dropLocked counts n dropped events; the first drop queues an overflow
// report, like the kernel's ENOBUFS, and a resync follows once drained.
func (s *rtnlSub) dropLocked(n int) {
	s.dropped += uint64(n)
	if s.dropping {
		return
	}
	s.dropping = true
	s.overflows++
	wasEmpty := s.q.empty()
	if err := s.q.push([]*rtnl.Message{rtnl.OverflowMessage()}); err != nil {
		s.err = err // cannot happen: the marker's encoding is fixed
	}
	s.notifyLocked(wasEmpty)
}

// notifyLocked makes the eventfd readable when the queue stopped being
// empty, and wakes a waiting take.
func (s *rtnlSub) notifyLocked(wasEmpty bool) {
	if wasEmpty && !s.q.empty() {
		var one [8]byte
		one[0] = 1 // native-endian 1 on little-endian hosts; any nonzero value works
		syscall.Write(s.efd, one[:])
	}
	select {
	case s.signal <- struct{}{}:
	default:
	}
}

func (s *rtnlSub) fail(err error) {
	s.mu.Lock()
	s.err = err
	s.mu.Unlock()
	select {
	case s.signal <- struct{}{}:
	default:
	}
}

func (s *rtnlSub) run() {
	defer close(s.done)
	for {
		msgs, err := s.sub.Receive(time.Time{})
		if err != nil {
			if errors.Is(err, rtnl.ErrClosed) {
				return
			}
			var de *rtnl.DecodeError
			if !errors.As(err, &de) {
				s.fail(err)
				return
			}
			// An oversized notification was lost (the buffer has grown):
			// report it as an overflow.
			msgs = []*rtnl.Message{rtnl.OverflowMessage()}
		}
		overflow := false
		for _, m := range msgs {
			overflow = overflow || m.IsOverflow()
		}
		s.mu.Lock()
		if overflow {
			s.overflows++
		}
		resyncing := s.resyncing
		if resyncing {
			// Held back until the re-dump is queued, then replayed: events
			// newer than the snapshot must come after it.
			err = s.side.push(msgs)
			s.sideN += len(msgs)
			s.again = s.again || overflow
		} else {
			err = s.enqueueLocked(msgs)
		}
		s.mu.Unlock()
		if err != nil {
			s.fail(err) // an event that cannot be encoded: stop, loudly
			return
		}
		if overflow && !resyncing && s.resync != nil {
			s.startResync()
		}
	}
}

// startResync re-dumps the subscribed object types after lost events, on
// its own goroutine so that the reader keeps draining the socket (a
// congested netlink socket drops later notifications without reporting
// them again). Events received meanwhile are queued after the snapshot.
func (s *rtnlSub) startResync() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.resyncing || s.closed {
		s.again = s.resyncing
		return
	}
	s.resyncing = true
	s.side, s.sideN = newEvQueue(s.batch), 0
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			snap, n, failed := s.snapshot()
			s.mu.Lock()
			s.resyncs++
			s.lastResync = failed
			side, sideN := s.side, s.sideN
			s.side, s.sideN = newEvQueue(s.batch), 0
			s.mu.Unlock()
			s.enqueue(snap, n, true)
			s.enqueue(side, sideN, false)
			s.mu.Lock()
			if !s.again || s.closed {
				s.resyncing, s.again = false, false
				s.mu.Unlock()
				return
			}
			s.again = false
			s.mu.Unlock()
		}
	}()
}

// snapshot dumps the object types of the subscribed groups.
func (s *rtnlSub) snapshot() (snap evQueue, n int, failed string) {
	snap = newEvQueue(s.batch)
	var dumps []rtnl.Call
	g := s.groups
	add := func(obj string, family int) {
		dumps = append(dumps, rtnl.Call{Object: obj, Cmd: "dump", Args: map[string]any{"family": family}})
	}
	if g&0x1 != 0 {
		add("link", 0)
	}
	switch {
	case g&0x110 == 0x110:
		add("addr", 0)
	case g&0x10 != 0:
		add("addr", 2)
	case g&0x100 != 0:
		add("addr", 10)
	}
	if g&0x40 != 0 {
		add("route", 2)
	}
	if g&0x400 != 0 {
		add("route", 10)
	}
	if g&0x4000000 != 0 {
		add("route", 28)
	}
	if g&0x4 != 0 {
		add("neigh", 0)
	}
	switch {
	case g&0x40080 == 0x40080:
		add("rule", 0)
	case g&0x80 != 0:
		add("rule", 2)
	case g&0x40000 != 0:
		add("rule", 10)
	}
	for _, c := range dumps {
		b, err := rtnl.BuildRequest(c, rtnl.BuildOptions{})
		if err != nil {
			failed = err.Error()
			continue
		}
		dump, dumpN := newEvQueue(s.batch), 0
		one := make([]*rtnl.Message, 1)
		err = s.resync.DumpFunc(b.Request, func(m *rtnl.Message) error {
			if b.Match != nil && !b.Match(m) {
				return nil
			}
			one[0] = m
			dumpN++
			return dump.push(one)
		}, func() { dump, dumpN = newEvQueue(s.batch), 0 })
		snap.appendQueue(dump)
		n += dumpN
		if err = routeTableMissing(b, err); err != nil {
			failed = err.Error()
		}
	}
	return snap, n, failed
}

// take returns the next result: up to rtnlMaxBatch bytes of whole JSON
// Lines, or one pybatch; it waits up to timeout (negative: forever).
func (s *rtnlSub) take(timeout time.Duration) ([]byte, error) {
	var expired <-chan time.Time
	if timeout > 0 {
		t := time.NewTimer(timeout)
		defer t.Stop()
		expired = t.C
	}
	for {
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			return nil, errHandle(0, "subscription closed")
		}
		if out := s.q.pop(rtnlMaxBatch); out != nil {
			queueLost := false
			if s.q.empty() {
				var b [8]byte
				syscall.Read(s.efd, b[:]) // reset the counter: nothing queued
				// Events were dropped at the queue limit: now that it is
				// drained, re-dump.
				queueLost, s.dropping = s.dropping, false
			}
			s.mu.Unlock()
			if queueLost && s.resync != nil {
				s.startResync()
			}
			return out, nil
		}
		if err := s.err; err != nil {
			s.mu.Unlock()
			return nil, err
		}
		s.mu.Unlock()
		if timeout == 0 {
			return []byte{}, nil
		}
		select {
		case <-s.signal:
		case <-expired:
			return []byte{}, nil
		case <-s.done:
			s.mu.Lock()
			empty, err := s.q.empty(), s.err
			s.mu.Unlock()
			if empty {
				if err == nil {
					err = errHandle(0, "subscription closed")
				}
				return nil, err
			}
		}
	}
}

func (s *rtnlSub) info() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return json.Marshal(map[string]any{"kind": "subscription", "fd": s.efd, "groups": s.groups,
		"resync": s.resync != nil, "queued_bytes": s.q.size(), "events": s.events,
		"overflows": s.overflows, "resyncs": s.resyncs, "dropped": s.dropped,
		"last_resync_error": s.lastResync})
}

// socketNetNS returns a descriptor of the namespace conn's socket lives in
// (SIOCGSKNS), so a subscription opens in the same one whatever the
// connection was opened with.
func socketNetNS(c *rtnl.Conn) (int, error) {
	fd, _, errno := syscall.Syscall(syscall.SYS_IOCTL, uintptr(c.Fd()), unix.SIOCGSKNS, 0)
	if errno != 0 {
		return -1, &os.SyscallError{Syscall: "ioctl SIOCGSKNS", Err: errno}
	}
	return int(fd), nil
}

//export nig_rtnl_subscribe
func nig_rtnl_subscribe(h C.nig_handle, options *C.nig_cchar, optionsLen C.size_t, outHandle *C.nig_handle) C.int {
	return call(nil, nil, false, func() ([]byte, error) {
		if outHandle == nil {
			return nil, errArg("out_handle must not be NULL")
		}
		*outHandle = 0
		conn, err := lookupHandle[*rtnlConn](uint64(h))
		if err != nil {
			return nil, err
		}
		var o rtnlSubOptions
		if options != nil {
			b, err := rtnlInput("options", options, optionsLen)
			if err != nil {
				return nil, err
			}
			if len(bytes.TrimSpace(b)) > 0 {
				if err := decodeStrict(b, &o); err != nil {
					return nil, err
				}
			}
		}
		groups := uint32(rtmgrpDefaults)
		if o.Groups != nil {
			groups = *o.Groups
		}
		if groups == 0 {
			return nil, errArg("groups must name at least one RTMGRP_* group")
		}
		if o.RcvBuf < 0 || o.MaxQueue < 0 {
			return nil, errArg("rcvbuf and max_queue must not be negative")
		}
		if o.Format != "" && o.Format != "pybatch" {
			return nil, errArg("format %q: want \"pybatch\" or nothing (the connection's format)", o.Format)
		}
		nsfd, err := socketNetNS(conn.c)
		if err != nil {
			return nil, err
		}
		defer syscall.Close(nsfd)
		opts := rtnl.Options{NetNSFD: nsfd, ReadBuffer: o.RcvBuf, ReceiveMode: rtnl.ReceiveBlocking}
		sub, err := rtnl.SubscribeMask(opts, groups)
		if err != nil {
			return nil, err
		}
		s := &rtnlSub{sub: sub, groups: groups, maxQueue: 1 << 30, signal: make(chan struct{}, 1),
			done: make(chan struct{}), marshal: conn.marshal, batch: o.Format == "pybatch"}
		s.q, s.side = newEvQueue(s.batch), newEvQueue(s.batch)
		if o.MaxQueue > 0 {
			s.maxQueue = int(o.MaxQueue)
		}
		if o.Resync == nil || *o.Resync {
			if s.resync, err = rtnl.Dial(opts); err != nil {
				sub.Close()
				return nil, err
			}
		}
		efd, err := unix.Eventfd(0, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK)
		if err != nil {
			sub.Close()
			if s.resync != nil {
				s.resync.Close()
			}
			return nil, &os.SyscallError{Syscall: "eventfd", Err: err}
		}
		s.efd = efd
		go s.run()
		*outHandle = C.nig_handle(handles.add(s))
		return nil, nil
	})
}

//export nig_rtnl_events
func nig_rtnl_events(h C.nig_handle, timeoutMs C.int, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		s, err := lookupHandle[*rtnlSub](uint64(h))
		if err != nil {
			return nil, err
		}
		timeout := time.Duration(timeoutMs) * time.Millisecond
		if timeoutMs < 0 {
			timeout = -1
		}
		lines, err := s.take(timeout)
		if err != nil || s.batch || !s.marshal || len(lines) == 0 {
			return lines, err
		}
		return pyLines(lines)
	})
}
