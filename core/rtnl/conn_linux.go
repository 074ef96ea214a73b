//go:build linux

package rtnl

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Conn is an rtnetlink socket bound to one network namespace. It is safe
// for concurrent use; requests on one Conn are serialised (open several
// Conns for parallelism).
type Conn struct {
	f      *os.File // the socket
	raw    syscall.RawConn
	pid    uint32
	seq    atomic.Uint32
	strict bool // NETLINK_GET_STRICT_CHK accepted: kernel-side dump filters
	mode   ReceiveMode

	mu      sync.Mutex // one request/response exchange at a time
	buf     []byte     // receive buffer (allocated on first use), guarded by mu
	wbuf    []byte     // request buffer, guarded by mu
	names   nameCache  // link name -> index hints, guarded by mu
	timeout time.Duration
	closed  atomic.Bool

	// The netpoller registration, for ReceiveNetpoller waits only: a
	// registered socket wakes the netpoller's thread on every answer the
	// kernel queues, which costs more than a whole small request, so
	// Conns dialled with ReceiveBlocking register only if switched.
	poll    *os.File // nil, or c.f itself, or a registered dup of it
	pollRaw syscall.RawConn
}

// Dial opens an rtnetlink socket in the namespace named by opts.
//
// The socket for another namespace is created on a dedicated, locked OS
// thread that enters the namespace with setns(2) and returns to its
// original namespace afterwards (the thread is discarded if that fails);
// nothing forks. A netlink socket stays bound to the namespace it was
// created in.
func Dial(opts Options) (*Conn, error) {
	nsfd, closeNS, err := openNetNS(opts)
	if err != nil {
		return nil, err
	}
	defer closeNS()
	fd, err := openSocket(nsfd, opts.ReceiveMode != ReceiveBlocking)
	if err != nil {
		return nil, err
	}
	c, err := newConn(fd, opts)
	if err != nil {
		unix.Close(fd)
		return nil, err
	}
	return c, nil
}

// openSocket creates an rtnetlink socket in the namespace nsfd (0: the
// calling thread's); nonblock sets O_NONBLOCK, which makes os.NewFile
// register it with the netpoller.
func openSocket(nsfd int, nonblock bool) (int, error) {
	if nsfd == 0 {
		// Pin the thread so "the calling thread's namespace" is one thread's.
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		return newSocket(nonblock)
	}
	fd := -1
	err := inNetNS(nsfd, func() error {
		var err error
		fd, err = newSocket(nonblock)
		return err
	})
	if err != nil && fd >= 0 {
		unix.Close(fd) // made, but the thread could not return: report it
		fd = -1
	}
	return fd, err
}

func newSocket(nonblock bool) (int, error) {
	typ := unix.SOCK_RAW | unix.SOCK_CLOEXEC
	if nonblock {
		typ |= unix.SOCK_NONBLOCK
	}
	fd, err := unix.Socket(unix.AF_NETLINK, typ, unix.NETLINK_ROUTE)
	if err != nil {
		return -1, wrapSyscall("socket", err)
	}
	return fd, nil
}

// newConn binds fd and sets it up; on error the caller closes fd.
func newConn(fd int, opts Options) (*Conn, error) {
	if err := unix.Bind(fd, &unix.SockaddrNetlink{Family: unix.AF_NETLINK}); err != nil {
		return nil, wrapSyscall("bind", err)
	}
	sa, err := unix.Getsockname(fd)
	if err != nil {
		return nil, wrapSyscall("getsockname", err)
	}
	nsa, ok := sa.(*unix.SockaddrNetlink)
	if !ok {
		return nil, wrapSyscall("getsockname", unix.EINVAL)
	}
	c := &Conn{pid: nsa.Pid, mode: opts.ReceiveMode, timeout: opts.Timeout}
	c.seq.Store(uint32(time.Now().UnixNano()) | 1)
	if c.timeout == 0 {
		c.timeout = DefaultTimeout
	}
	// Extended ACKs give error text; CAP_ACK stops the kernel echoing whole
	// requests in error answers. Both are best effort on old kernels.
	_ = unix.SetsockoptInt(fd, unix.SOL_NETLINK, unix.NETLINK_EXT_ACK, 1)
	_ = unix.SetsockoptInt(fd, unix.SOL_NETLINK, unix.NETLINK_CAP_ACK, 1)
	if !opts.DisableStrictCheck {
		c.strict = unix.SetsockoptInt(fd, unix.SOL_NETLINK, unix.NETLINK_GET_STRICT_CHK, 1) == nil
	}
	if opts.ReadBuffer > 0 {
		if err := setReadBuffer(fd, opts.ReadBuffer); err != nil {
			return nil, err
		}
	}
	// The file counts references to the descriptor, so Close never
	// closes it under a running call. A non-blocking socket is registered
	// with the netpoller as well.
	c.f = os.NewFile(uintptr(fd), "rtnetlink")
	if c.raw, err = c.f.SyscallConn(); err != nil {
		c.f.Close()
		return nil, wrapSyscall("socket", err)
	}
	if opts.ReceiveMode != ReceiveBlocking {
		c.poll, c.pollRaw = c.f, c.raw
	}
	return c, nil
}

// pollable returns the netpoller-registered handle of the socket, making
// one (a non-blocking dup registered with the netpoller) on first use.
// c.mu is held.
func (c *Conn) pollable() (syscall.RawConn, error) {
	if c.pollRaw != nil {
		return c.pollRaw, nil
	}
	var dup int
	var derr error
	if err := c.raw.Control(func(fd uintptr) {
		if dup, derr = unix.FcntlInt(fd, unix.F_DUPFD_CLOEXEC, 0); derr == nil {
			// O_NONBLOCK belongs to the shared file description; every
			// call here passes MSG_DONTWAIT anyway.
			if derr = unix.SetNonblock(dup, true); derr != nil {
				unix.Close(dup)
			}
		}
	}); err != nil {
		return nil, err
	}
	if derr != nil {
		return nil, derr
	}
	f := os.NewFile(uintptr(dup), "rtnetlink")
	raw, err := f.SyscallConn()
	if err != nil {
		f.Close()
		return nil, err
	}
	c.poll, c.pollRaw = f, raw
	return raw, nil
}

// recvBufSize holds any rtnetlink datagram: the kernel caps dump skbs at
// 32 KiB unless a single object is larger (links with many VFs).
const recvBufSize = 64 << 10

// DefaultTimeout bounds how long one request waits for the kernel.
const DefaultTimeout = 30 * time.Second

// Close closes the socket.
func (c *Conn) Close() error {
	if c.closed.Swap(true) {
		return nil
	}
	if p := c.poll; p != nil && p != c.f {
		p.Close()
	}
	return c.f.Close()
}

// socketNetNS returns a new descriptor of the socket's network namespace
// (ioctl SIOCGSKNS; needs CAP_NET_ADMIN there, as everything using it does).
// The caller closes it.
func (c *Conn) socketNetNS() (int, error) {
	nsfd := -1
	var ierr error
	err := c.raw.Control(func(fd uintptr) {
		r, _, e := unix.Syscall(unix.SYS_IOCTL, fd, unix.SIOCGSKNS, 0)
		if e != 0 {
			ierr = e
			return
		}
		nsfd = int(r)
	})
	if err == nil {
		err = ierr
	}
	if err != nil {
		if c.closed.Load() {
			return -1, ErrClosed
		}
		return -1, wrapSyscall("ioctl SIOCGSKNS", err)
	}
	return nsfd, nil
}

// StrictCheck reports whether the kernel accepted NETLINK_GET_STRICT_CHK,
// so dump filters (address by index, routes by table...) run in the kernel.
// Filters are applied in Go as well, so results do not depend on it.
func (c *Conn) StrictCheck() bool { return c.strict }

// PID returns the socket's netlink port id.
func (c *Conn) PID() uint32 { return c.pid }

// Fd returns the socket's file descriptor (pyroute2 fileno()). It stays
// owned by the Conn.
func (c *Conn) Fd() int {
	fd := -1
	_ = c.raw.Control(func(f uintptr) { fd = int(f) })
	return fd
}

// SetReceiveMode chooses how replies are awaited (see ReceiveMode).
func (c *Conn) SetReceiveMode(m ReceiveMode) {
	c.mu.Lock()
	c.mode = m
	c.mu.Unlock()
}

func setReadBuffer(fd, n int) error {
	// SO_RCVBUFFORCE ignores rmem_max but needs CAP_NET_ADMIN.
	err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUFFORCE, n)
	if err != nil {
		err = unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_RCVBUF, n)
	}
	return wrapSyscall("setsockopt SO_RCVBUF", err)
}

func (c *Conn) nextSeq() uint32 { return c.seq.Add(1) }

// openNetNS returns the namespace fd to create the socket in (0 = the
// calling thread's namespace) and a func closing what it opened.
func openNetNS(opts Options) (int, func(), error) {
	nop := func() {}
	if opts.NetNSFD > 0 {
		return opts.NetNSFD, nop, nil
	}
	if opts.NetNS == "" {
		return 0, nop, nil
	}
	path := NetNSPath(opts.NetNS)
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return 0, nop, &os.PathError{Op: "open netns", Path: path, Err: err}
	}
	return fd, func() { unix.Close(fd) }, nil
}

// send writes one or more complete netlink messages. The kernel handles
// rtnetlink requests inside sendmsg, so the answer (or the first part of a
// dump) is queued when it returns.
func (c *Conn) send(b []byte) error {
	var werr error
	err := c.raw.Control(func(fd uintptr) {
		werr = sendAll(int(fd), b)
	})
	if err == nil {
		err = werr
	}
	if err != nil {
		if c.closed.Load() {
			return ErrClosed
		}
		return wrapSyscall("send", err)
	}
	return nil
}

// sendAll is send(2) to the kernel on a connected-by-default netlink
// socket. A netlink datagram is taken whole or not at all; EAGAIN (socket
// send buffer full, never for requests this small) is retried after a
// poll.
func sendAll(fd int, b []byte) error {
	for {
		_, _, e := unix.Syscall6(unix.SYS_SENDTO, uintptr(fd), uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)), unix.MSG_DONTWAIT, 0, 0)
		switch e {
		case 0:
			return nil
		case unix.EINTR:
			continue
		case unix.EAGAIN:
			fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLOUT}}
			if _, err := unix.Poll(fds, 1000); err != nil && err != unix.EINTR {
				return err
			}
			continue
		}
		return e
	}
}

// recv reads one datagram into c.buf and returns it. It grows the buffer
// and fails loudly if a datagram did not fit (never silent truncation).
//
// The first attempt is a non-blocking recvfrom on the calling thread: the
// answer is normally queued already. Only when it is not does recv wait,
// per c.mode, in poll(2) on this thread or in the netpoller.
func (c *Conn) recv(deadline time.Time) ([]byte, error) {
	if c.buf == nil {
		c.buf = make([]byte, recvBufSize)
	}
	b := c.buf
	var (
		n    int
		rerr error
	)
	waitHere := c.mode == ReceiveBlocking
	err := c.raw.Control(func(fd uintptr) {
		n, rerr = recvTrunc(int(fd), b)
		if rerr != unix.EAGAIN || !waitHere {
			return
		}
		for rerr == unix.EAGAIN {
			timeout := -1
			if !deadline.IsZero() {
				d := time.Until(deadline)
				if d <= 0 {
					rerr = os.ErrDeadlineExceeded
					return
				}
				timeout = int(d/time.Millisecond) + 1
			}
			fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
			if _, perr := unix.Poll(fds, timeout); perr != nil && perr != unix.EINTR {
				rerr = perr
				return
			}
			n, rerr = recvTrunc(int(fd), b)
		}
	})
	if err == nil && rerr == unix.EAGAIN {
		// ReceiveNetpoller: park until readable. The deadline is only
		// armed here, when waiting is actually needed.
		var raw syscall.RawConn
		if raw, err = c.pollable(); err == nil {
			if !deadline.IsZero() {
				_ = c.poll.SetReadDeadline(deadline)
			}
			err = raw.Read(func(fd uintptr) bool {
				n, rerr = recvTrunc(int(fd), b)
				return rerr != unix.EAGAIN
			})
		}
	}
	if err == nil {
		err = rerr
	}
	if err != nil {
		if c.closed.Load() {
			return nil, ErrClosed
		}
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return nil, fmt.Errorf("rtnl: no answer from the kernel within %v: %w", c.timeout, os.ErrDeadlineExceeded)
		}
		return nil, wrapSyscall("recv", err)
	}
	if n > len(b) {
		c.buf = make([]byte, align4(n)+4096)
		return nil, fmt.Errorf("rtnl: datagram of %d bytes exceeded the receive buffer and was lost; buffer grown, retry", n)
	}
	return b[:n], nil
}

// recvTrunc is recvfrom(fd, b, MSG_TRUNC|MSG_DONTWAIT) without a source
// address (no allocation); with MSG_TRUNC netlink returns the full datagram
// length even when b was too short.
func recvTrunc(fd int, b []byte) (int, error) {
	var p unsafe.Pointer
	if len(b) > 0 {
		p = unsafe.Pointer(&b[0])
	}
	for {
		r, _, e := unix.Syscall6(unix.SYS_RECVFROM, uintptr(fd), uintptr(p), uintptr(len(b)),
			unix.MSG_TRUNC|unix.MSG_DONTWAIT, 0, 0)
		if e == unix.EINTR {
			continue
		}
		if e != 0 {
			return 0, e
		}
		return int(r), nil
	}
}

// wrapSyscall turns socket-level failures into *Error keeping the errno.
func wrapSyscall(op string, err error) error {
	if err == nil {
		return nil
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return &Error{Op: op, Errno: errno}
	}
	return fmt.Errorf("rtnl: %s: %w", op, err)
}
