//go:build linux

package ifenum

import (
	"errors"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/netifaces-go/netifaces-go/core/rtnl"
	"golang.org/x/sys/unix"
)

// Connection reuse. Opening an rtnetlink socket costs more than asking it
// for one link and its addresses, so calls borrow an idle socket of the
// namespace they target. A socket answers for the namespace it was created
// in, so idle sockets are keyed by the identity (device, inode) of that
// namespace, looked up afresh on every call: the calling thread's
// /proc/thread-self/ns/net, the file a name or path refers to, or the fd
// given. A thread that moved to another namespace, or a name bound to a
// new namespace, therefore never reaches a socket of the old one.
//
// Each call has a socket to itself (concurrent calls dial more); after an
// error other than a kernel answer the socket is closed instead of reused.
// Idle sockets are closed after connIdleTimeout, because a socket keeps
// its namespace alive (a deleted namespace, and the links in it, would
// otherwise linger), and at most connIdleMax are kept.

const (
	connIdleTimeout = time.Second
	connIdleMax     = 16
)

// nsKey identifies a network namespace: the nsfs file's device and inode.
// While a socket of the namespace sits in the pool the namespace exists,
// so its inode cannot be reused by another one.
type nsKey struct{ dev, ino uint64 }

type idleConn struct {
	key  nsKey
	c    *rtnl.Conn
	nsfd int // an open descriptor of the namespace, or -1
	used time.Time
}

type connPool struct {
	mu    sync.Mutex
	idle  []idleConn // most recently used last
	timer *time.Timer
}

var conns connPool

// CloseIdleConnections closes the rtnetlink sockets kept for reuse
// between calls (they are closed after a second of idleness anyway), and
// the namespace directories kept per calling thread. Call it to release a
// namespace at once, e.g. before checking that deleting it destroyed its
// links.
func CloseIdleConnections() {
	conns.closeIdle(time.Time{})
	views.expire(time.Time{})
	threadDirs.closeAll()
}

// borrowed is a socket lent to one call.
type borrowed struct {
	*rtnl.Conn
	key    nsKey
	pooled bool // key is valid: the socket may go back to the pool
	// nsfd keeps the namespace's nsfs file open while the socket is kept:
	// that keeps its dentry, which makes the per-call lookup of the
	// calling thread's namespace cheaper. -1 when not needed.
	nsfd int
}

func (b *borrowed) close() {
	b.Close()
	if b.nsfd >= 0 {
		unix.Close(b.nsfd)
	}
}

// get returns a socket in the namespace opts selects.
func (p *connPool) get(opts Options) (*borrowed, error) {
	mode := rtnl.ReceiveNetpoller
	if opts.Blocking {
		mode = rtnl.ReceiveBlocking
	}
	var st unix.Stat_t
	switch {
	case opts.NetNSFD > 0:
		if unix.Fstat(opts.NetNSFD, &st) != nil {
			return p.dial(opts, nsKey{}, false, -1) // Dial reports the error
		}
		if b, ok := p.takeIdle(keyOf(&st), mode); ok {
			return b, nil
		}
		return p.dial(opts, keyOf(&st), true, -1)
	case opts.NetNS != "":
		if unix.Stat(rtnl.NetNSPath(opts.NetNS), &st) == nil {
			if b, ok := p.takeIdle(keyOf(&st), mode); ok {
				return b, nil
			}
		}
		// The name may be rebound at any time: dial through an fd and key
		// the socket by what the fd refers to.
		fd, err := unix.Open(rtnl.NetNSPath(opts.NetNS), unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != nil {
			return p.dial(opts, nsKey{}, false, -1)
		}
		if unix.Fstat(fd, &st) != nil {
			unix.Close(fd)
			return p.dial(opts, nsKey{}, false, -1)
		}
		b, err := p.dial(Options{NetNSFD: fd, Blocking: opts.Blocking}, keyOf(&st), true, fd)
		if err != nil {
			unix.Close(fd)
		}
		return b, err
	}
	// The calling thread's namespace: keep the thread while its namespace
	// is read and, on a miss, while the socket is made on it.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if key, ok := threadNetNS(); ok {
		if b, ok := p.takeIdle(key, mode); ok {
			return b, nil
		}
	}
	fd, err := unix.Open("/proc/thread-self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return p.dial(opts, nsKey{}, false, -1)
	}
	if unix.Fstat(fd, &st) != nil {
		unix.Close(fd)
		return p.dial(opts, nsKey{}, false, -1)
	}
	b, err := p.dial(opts, keyOf(&st), true, fd)
	if err != nil {
		unix.Close(fd)
	}
	return b, err
}

func keyOf(st *unix.Stat_t) nsKey {
	nsfsDev.Store(uint64(st.Dev))
	return nsKey{dev: uint64(st.Dev), ino: st.Ino}
}

// nsfsDev is the device of the namespace filesystem (nsfs), one per boot,
// learned from the first namespace file stat'ed: with it the inode number
// in a namespace link's text ("net:[4026531840]") is a whole nsKey.
var nsfsDev atomic.Uint64

// keyOfLink reads the namespace link name in dfd: readlink costs half
// what stat costs (it formats the inode number instead of resolving the
// namespace's file).
func keyOfLink(dfd int, name string) (nsKey, bool) {
	dev := nsfsDev.Load()
	if dev == 0 {
		return nsKey{}, false
	}
	var buf [32]byte
	n, err := unix.Readlinkat(dfd, name, buf[:])
	if err != nil || n < 7 || string(buf[:5]) != "net:[" || buf[n-1] != ']' {
		return nsKey{}, false
	}
	var ino uint64
	for _, c := range buf[5 : n-1] {
		if c < '0' || c > '9' || ino > (1<<63)/10 {
			return nsKey{}, false
		}
		ino = ino*10 + uint64(c-'0')
	}
	return nsKey{dev: dev, ino: ino}, true
}

func (p *connPool) takeIdle(key nsKey, mode rtnl.ReceiveMode) (*borrowed, bool) {
	p.mu.Lock()
	for i := len(p.idle) - 1; i >= 0; i-- {
		if ic := p.idle[i]; ic.key == key {
			p.idle = append(p.idle[:i], p.idle[i+1:]...)
			p.mu.Unlock()
			ic.c.SetReceiveMode(mode)
			return &borrowed{Conn: ic.c, key: key, pooled: true, nsfd: ic.nsfd}, true
		}
	}
	p.mu.Unlock()
	return nil, false
}

// dial makes a socket; nsfd (or -1) goes with it and is closed with it,
// but not on error.
func (p *connPool) dial(opts Options, key nsKey, pooled bool, nsfd int) (*borrowed, error) {
	c, err := dialConn(opts)
	if err != nil {
		return nil, err
	}
	return &borrowed{Conn: c, key: key, pooled: pooled, nsfd: nsfd}, nil
}

func dialConn(opts Options) (*rtnl.Conn, error) {
	ro := rtnl.Options{NetNS: opts.NetNS, NetNSFD: opts.NetNSFD}
	if opts.Blocking {
		ro.ReceiveMode = rtnl.ReceiveBlocking
	}
	c, err := rtnl.Dial(ro)
	if err != nil {
		return nil, osError("netlink", err)
	}
	return c, nil
}

// put ends a call: the socket goes back to the pool when the call's error
// (the rtnl error, before mapping) leaves it in a known state.
func (p *connPool) put(b *borrowed, err error) {
	if !b.pooled || !reusable(err) {
		b.close()
		return
	}
	now := time.Now()
	p.mu.Lock()
	p.idle = append(p.idle, idleConn{key: b.key, c: b.Conn, nsfd: b.nsfd, used: now})
	var evict *idleConn
	if len(p.idle) > connIdleMax {
		ic := p.idle[0]
		evict = &ic
		p.idle = append(p.idle[:0], p.idle[1:]...)
	}
	if p.timer == nil {
		p.timer = time.AfterFunc(connIdleTimeout, p.expire)
	}
	p.mu.Unlock()
	if evict != nil {
		evict.close()
	}
}

func (ic *idleConn) close() {
	ic.c.Close()
	if ic.nsfd >= 0 {
		unix.Close(ic.nsfd)
	}
}

// reusable reports whether a socket that ended a call with err can serve
// another: no error, or an answer the kernel gave to a complete exchange.
func reusable(err error) bool {
	if err == nil || errors.Is(err, rtnl.ErrDumpInterrupted) || errors.Is(err, rtnl.ErrNotFound) {
		return true
	}
	if e, ok := err.(*Error); ok && e.Kind != KindOSError {
		return true // an argument or name error of ours
	}
	var ke *rtnl.Error
	return errors.As(err, &ke) && (strings.HasPrefix(ke.Op, "RTM_") || strings.HasPrefix(ke.Op, "dump "))
}

// expire closes the sockets idle for connIdleTimeout and re-arms itself
// while any remain.
func (p *connPool) expire() {
	p.closeIdle(time.Now().Add(-connIdleTimeout))
	nviews := views.expire(time.Now().Add(-connIdleTimeout))
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.idle) > 0 || nviews > 0 {
		p.timer = time.AfterFunc(connIdleTimeout, p.expire)
	} else {
		p.timer = nil
	}
}

// closeIdle closes idle sockets last used before cutoff (all of them for
// the zero time).
func (p *connPool) closeIdle(cutoff time.Time) {
	var old []idleConn
	p.mu.Lock()
	keep := p.idle[:0]
	for _, ic := range p.idle {
		if cutoff.IsZero() || ic.used.Before(cutoff) {
			old = append(old, ic)
		} else {
			keep = append(keep, ic)
		}
	}
	clear(p.idle[len(keep):])
	p.idle = keep
	p.mu.Unlock()
	for i := range old {
		old[i].close()
	}
}

// threadNetNS returns the identity of the calling thread's network
// namespace; the caller has locked the OS thread. Each thread's
// /proc/thread-self/ns directory is kept open, so a call costs one
// fstatat of "net" there rather than a walk of the whole path: the
// directory stays bound to its thread (it fails once the thread is gone,
// even if its id is reused), and "net" is resolved afresh each time, so a
// thread that changed namespace is seen at once.
func threadNetNS() (nsKey, bool) {
	tid := unix.Gettid()
	var st unix.Stat_t
	threadDirs.mu.Lock()
	defer threadDirs.mu.Unlock()
	if dfd, ok := threadDirs.fds[tid]; ok {
		if key, ok := keyOfLink(dfd, "net"); ok {
			return key, true
		}
		if unix.Fstatat(dfd, "net", &st, 0) == nil {
			return keyOf(&st), true
		}
		delete(threadDirs.fds, tid) // a dead thread whose id was reused
		unix.Close(dfd)
	}
	dfd, err := unix.Open("/proc/thread-self/ns", unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nsKey{}, false
	}
	if unix.Fstatat(dfd, "net", &st, 0) != nil {
		unix.Close(dfd)
		return nsKey{}, false
	}
	if len(threadDirs.fds) >= maxThreadDirs {
		threadDirs.dropDead()
	}
	if len(threadDirs.fds) < maxThreadDirs {
		if threadDirs.fds == nil {
			threadDirs.fds = map[int]int{}
		}
		threadDirs.fds[tid] = dfd
	} else {
		unix.Close(dfd)
	}
	return keyOf(&st), true
}

// maxThreadDirs bounds the descriptors kept for calling threads.
const maxThreadDirs = 64

// threadDirCache maps thread ids to their /proc/thread-self/ns directory.
type threadDirCache struct {
	mu  sync.Mutex // held while a kept descriptor is used
	fds map[int]int
}

var threadDirs threadDirCache

// dropDead closes the directories of threads that exited.
func (td *threadDirCache) dropDead() {
	var st unix.Stat_t
	for tid, dfd := range td.fds {
		if unix.Fstatat(dfd, "net", &st, 0) != nil {
			delete(td.fds, tid)
			unix.Close(dfd)
		}
	}
}

func (td *threadDirCache) closeAll() {
	td.mu.Lock()
	defer td.mu.Unlock()
	for tid, dfd := range td.fds {
		delete(td.fds, tid)
		unix.Close(dfd)
	}
}
