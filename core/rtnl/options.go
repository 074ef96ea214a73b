package rtnl

import (
	"strings"
	"time"
)

// Options configures Dial.
type Options struct {
	// NetNS selects the network namespace: "" for the calling thread's
	// namespace, a name (a file under /run/netns, as `ip netns` creates),
	// or a path containing a slash (/proc/<pid>/ns/net, a bind mount).
	NetNS string
	// NetNSFD, when > 0, is an open namespace file descriptor; it takes
	// precedence over NetNS and stays owned by the caller.
	NetNSFD int
	// ReadBuffer sets SO_RCVBUF (SO_RCVBUFFORCE when permitted), bytes.
	ReadBuffer int
	// Timeout bounds each request; 0 means DefaultTimeout.
	Timeout time.Duration
	// ReceiveMode selects how replies are awaited; see ReceiveMode.
	ReceiveMode ReceiveMode
	// DisableStrictCheck skips NETLINK_GET_STRICT_CHK (dump filters then
	// run only in Go; results are the same).
	DisableStrictCheck bool
}

// ReceiveMode selects how a Conn waits for the kernel's answer.
type ReceiveMode uint8

const (
	// ReceiveNetpoller parks the goroutine in the Go netpoller. Best for
	// Go programs with many goroutines.
	ReceiveNetpoller ReceiveMode = iota
	// ReceiveBlocking waits with poll(2)/recvfrom(2) on the calling OS
	// thread. Cheaper when Go is entered from a foreign thread through cgo,
	// where parking costs a thread hand-off per wait. A Conn dialled with
	// it stays out of the netpoller until a ReceiveNetpoller wait needs it.
	ReceiveBlocking
)

// NetNSPath maps a namespace name to its bind-mount path under /run/netns;
// anything containing a slash is taken as a path already.
func NetNSPath(name string) string {
	if strings.ContainsRune(name, '/') {
		return name
	}
	return NetNSRunDir + "/" + name
}

// NetNSRunDir is where iproute2 keeps named namespaces.
const NetNSRunDir = "/run/netns"
