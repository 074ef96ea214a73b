//go:build linux

package rtnl

import (
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Subscription receives rtnetlink notifications (pyroute2 bind()/get()).
// Each kernel broadcast is decoded in Go; when the receive buffer
// overflows (ENOBUFS) Receive reports an explicit overflow event so the
// caller can re-dump instead of silently missing changes.
type Subscription struct {
	closed atomic.Bool
	nl     *netlink.Conn
	raw    syscall.RawConn
	mu     sync.Mutex
	buf    []byte
}

// Subscribe joins the given RTNLGRP_* groups in the namespace selected by
// opts. opts.ReadBuffer overrides DefaultEventBuffer.
func Subscribe(opts Options, groups ...uint32) (*Subscription, error) {
	nsfd, closeNS, err := openNetNS(opts)
	if err != nil {
		return nil, err
	}
	defer closeNS()
	if nsfd == 0 {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
	}
	nl, err := netlink.Dial(unix.NETLINK_ROUTE, &netlink.Config{NetNS: nsfd})
	if err != nil {
		return nil, wrapSyscall("socket", err)
	}
	s := &Subscription{nl: nl, buf: make([]byte, recvBufSize)}
	if s.raw, err = nl.SyscallConn(); err != nil {
		nl.Close()
		return nil, wrapSyscall("socket", err)
	}
	size := opts.ReadBuffer
	if size == 0 {
		size = DefaultEventBuffer
	}
	var serr error
	s.raw.Control(func(fd uintptr) {
		serr = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_RCVBUFFORCE, size)
		if serr != nil {
			serr = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_RCVBUF, size)
		}
	})
	if serr != nil {
		nl.Close()
		return nil, wrapSyscall("setsockopt SO_RCVBUF", serr)
	}
	for _, g := range groups {
		if err := nl.JoinGroup(g); err != nil {
			nl.Close()
			return nil, wrapSyscall("join group "+itoa(int(g)), err)
		}
	}
	return s, nil
}

// SubscribeMask is Subscribe with pyroute2's legacy RTMGRP_* bitmask
// (bit n is group n+1).
func SubscribeMask(opts Options, mask uint32) (*Subscription, error) {
	var groups []uint32
	for i := uint32(0); i < 32; i++ {
		if mask&(1<<i) != 0 {
			groups = append(groups, i+1)
		}
	}
	return Subscribe(opts, groups...)
}

// Fd returns the socket descriptor, for select/poll (pyroute2 fileno()).
func (s *Subscription) Fd() int {
	fd := -1
	s.raw.Control(func(f uintptr) { fd = int(f) })
	return fd
}

// Close stops the subscription; a blocked Receive returns ErrClosed.
func (s *Subscription) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	return s.nl.Close()
}

// Receive waits for the next datagram (until deadline, zero = forever)
// and returns its decoded notifications. On receive-buffer overflow it
// returns a single overflow message (IsOverflow) and no error: events
// were lost and the caller should re-dump.
func (s *Subscription) Receive(deadline time.Time) ([]*Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	_ = s.nl.SetReadDeadline(deadline)
	var n int
	var rerr error
	err := s.raw.Read(func(fd uintptr) bool {
		n, rerr = recvTrunc(int(fd), s.buf)
		return rerr != unix.EAGAIN
	})
	if err == nil {
		err = rerr
	}
	if err != nil {
		if errors.Is(err, unix.ENOBUFS) {
			return []*Message{OverflowMessage()}, nil
		}
		if s.closed.Load() {
			return nil, ErrClosed
		}
		return nil, wrapSyscall("recv", err)
	}
	if n > len(s.buf) {
		s.buf = make([]byte, align4(n)+4096)
		return nil, &DecodeError{Reason: "notification larger than the receive buffer was lost; buffer grown", Len: n}
	}
	return DecodeMessages(s.buf[:n])
}

// ReceiveJSON is Receive rendering the messages as a JSON array.
func (s *Subscription) ReceiveJSON(dst []byte, deadline time.Time) ([]byte, error) {
	msgs, err := s.Receive(deadline)
	if err != nil && len(msgs) == 0 {
		return dst, err
	}
	return AppendJSONArray(dst, msgs), err
}

// Pending reports, without waiting or reading, whether anything is queued
// on the subscription: a notification, or an overflow (ENOBUFS) the next
// Receive would report. The kernel queues a notification before the call
// that made the change returns, so false means no change of the
// subscribed kinds completed since the socket joined its groups and last
// had its queue emptied.
func (s *Subscription) Pending() (bool, error) {
	if s.closed.Load() {
		return false, ErrClosed
	}
	var n int
	var perr error
	err := s.raw.Control(func(fd uintptr) {
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
		for {
			n, perr = unix.Poll(fds, 0)
			if perr != unix.EINTR {
				return
			}
		}
	})
	if err == nil {
		err = perr
	}
	if err != nil {
		return false, wrapSyscall("poll", err)
	}
	return n > 0, nil
}
