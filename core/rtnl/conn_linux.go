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

	"github.com/mdlayher/netlink"
	"golang.org/x/sys/unix"
)

// Conn is an rtnetlink socket bound to one network namespace. It is safe
// for concurrent use; requests on one Conn are serialised (open several
// Conns for parallelism).
type Conn struct {
	nl     *netlink.Conn
	raw    syscall.RawConn
	pid    uint32
	seq    atomic.Uint32
	strict bool // NETLINK_GET_STRICT_CHK accepted: kernel-side dump filters
	mode   ReceiveMode

	mu      sync.Mutex // one request/response exchange at a time
	buf     []byte     // receive buffer, guarded by mu
	timeout time.Duration
	closed  atomic.Bool
	nsfd    int // the socket's network namespace, owned
}

// Dial opens an rtnetlink socket in the namespace named by opts.
//
// The socket for another namespace is created by mdlayher/netlink on a
// dedicated, locked OS thread that enters the namespace with setns(2) and
// returns to its original namespace afterwards (the thread is discarded if
// that fails); nothing forks. A netlink socket stays bound to the namespace
// it was created in.
func Dial(opts Options) (*Conn, error) {
	nsfd, closeNS, err := openNetNS(opts)
	if err != nil {
		return nil, err
	}
	defer closeNS()

	// Keep a handle on the socket's namespace: tun/tap creation and netns
	// moves have to enter it later. With no namespace given, the socket is
	// made on the calling thread, so pin the thread while both happen.
	var keep int
	if nsfd == 0 {
		runtime.LockOSThread()
		keep, err = unix.Open("/proc/thread-self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
	} else {
		keep, err = unix.FcntlInt(uintptr(nsfd), unix.F_DUPFD_CLOEXEC, 0)
	}
	if err != nil {
		if nsfd == 0 {
			runtime.UnlockOSThread()
		}
		return nil, wrapSyscall("open netns", err)
	}
	nl, err := netlink.Dial(unix.NETLINK_ROUTE, &netlink.Config{NetNS: nsfd})
	if nsfd == 0 {
		runtime.UnlockOSThread()
	}
	if err != nil {
		unix.Close(keep)
		return nil, wrapSyscall("socket", err)
	}
	c, err := newConn(nl, opts)
	if err != nil {
		nl.Close()
		unix.Close(keep)
		return nil, err
	}
	c.nsfd = keep
	return c, nil
}

func newConn(nl *netlink.Conn, opts Options) (*Conn, error) {
	raw, err := nl.SyscallConn()
	if err != nil {
		return nil, wrapSyscall("socket", err)
	}
	c := &Conn{nl: nl, raw: raw, pid: nl.PID(), mode: opts.ReceiveMode, timeout: opts.Timeout}
	c.seq.Store(uint32(time.Now().UnixNano()) | 1)
	if c.timeout == 0 {
		c.timeout = DefaultTimeout
	}
	// Extended ACKs give error text; CAP_ACK stops the kernel echoing whole
	// requests in error answers. Both are best effort on old kernels.
	_ = nl.SetOption(netlink.ExtendedAcknowledge, true)
	_ = nl.SetOption(netlink.CapAcknowledge, true)
	if !opts.DisableStrictCheck {
		c.strict = nl.SetOption(netlink.GetStrictCheck, true) == nil
	}
	if opts.ReadBuffer > 0 {
		if err := c.setReadBuffer(opts.ReadBuffer); err != nil {
			return nil, err
		}
	}
	c.buf = make([]byte, recvBufSize)
	return c, nil
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
	if c.nsfd > 0 {
		unix.Close(c.nsfd)
	}
	return c.nl.Close()
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

func (c *Conn) setReadBuffer(n int) error {
	var serr error
	err := c.raw.Control(func(fd uintptr) {
		// SO_RCVBUFFORCE ignores rmem_max but needs CAP_NET_ADMIN.
		serr = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_RCVBUFFORCE, n)
		if serr != nil {
			serr = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_RCVBUF, n)
		}
	})
	if err == nil {
		err = serr
	}
	return wrapSyscall("setsockopt SO_RCVBUF", err)
}

func (c *Conn) nextSeq() uint32 { return c.seq.Add(1) }

// openNetNS returns the fd to pass to netlink.Config.NetNS (0 = the calling
// thread's namespace) and a func closing what it opened.
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

// send writes one or more complete netlink messages.
func (c *Conn) send(b []byte) error {
	var werr error
	err := c.raw.Write(func(fd uintptr) bool {
		_, werr = unix.Write(int(fd), b)
		return werr != unix.EAGAIN
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

// recv reads one datagram into c.buf and returns it. It grows the buffer
// and fails loudly if a datagram did not fit (never silent truncation).
func (c *Conn) recv(deadline time.Time) ([]byte, error) {
	var (
		n    int
		rerr error
	)
	recvOnce := func(fd uintptr) bool {
		n, rerr = recvTrunc(int(fd), c.buf)
		return rerr != unix.EAGAIN
	}
	var err error
	if c.mode == ReceiveBlocking {
		err = c.raw.Control(func(fd uintptr) {
			for !recvOnce(fd) {
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
			}
		})
	} else {
		if !deadline.IsZero() {
			_ = c.nl.SetReadDeadline(deadline)
		}
		err = c.raw.Read(recvOnce)
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
	if n > len(c.buf) {
		c.buf = make([]byte, align4(n)+4096)
		return nil, fmt.Errorf("rtnl: datagram of %d bytes exceeded the receive buffer and was lost; buffer grown, retry", n)
	}
	return c.buf[:n], nil
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
