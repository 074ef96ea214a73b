package ifenum

// Options selects where and how the kernel is asked. The zero value asks
// the calling thread's network namespace.
type Options struct {
	// NetNS is "" for the caller's namespace, a name as `ip netns` creates
	// (a file under /run/netns), or a path containing a slash
	// (/proc/<pid>/ns/net, a bind mount).
	NetNS string
	// NetNSFD, when > 0, is an open namespace file descriptor owned by the
	// caller; it takes precedence over NetNS.
	NetNSFD int
	// Blocking waits for replies on the calling OS thread instead of the Go
	// netpoller: cheaper when Go is entered from C through cgo.
	Blocking bool
}
