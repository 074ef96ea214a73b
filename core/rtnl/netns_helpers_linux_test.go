//go:build linux

package rtnl

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/sys/unix"
)

// requireRoot skips tests that need CAP_NET_ADMIN, except under CI=true
// where a skip would hide a broken setup: then it fails.
func requireRoot(t testing.TB) {
	t.Helper()
	if os.Geteuid() == 0 {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("test needs root (CAP_NET_ADMIN) and CI=true forbids skipping")
	}
	t.Skip("needs root")
}

var nsCounter atomic.Int32

// newNamedNetNS creates a throwaway namespace with `ip netns add` and
// removes it when the test ends.
func newNamedNetNS(t testing.TB) string {
	t.Helper()
	requireRoot(t)
	name := fmt.Sprintf("rtnltest-%d-%d", os.Getpid(), nsCounter.Add(1))
	if out, err := exec.Command("ip", "netns", "add", name).CombinedOutput(); err != nil {
		t.Fatalf("ip netns add %s: %v %s", name, err, out)
	}
	t.Cleanup(func() { exec.Command("ip", "netns", "del", name).Run() })
	ipIn(t, name, "link", "set", "lo", "up")
	return name
}

// ipIn runs `ip -n ns args...` and fails the test on error.
func ipIn(t testing.TB, ns string, args ...string) {
	t.Helper()
	out, err := exec.Command("ip", append([]string{"-n", ns}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("ip -n %s %s: %v %s", ns, strings.Join(args, " "), err, out)
	}
}

// ipInMaySkip is ipIn for link kinds this kernel may lack.
func ipInMaySkip(t testing.TB, ns string, args ...string) bool {
	t.Helper()
	out, err := exec.Command("ip", append([]string{"-n", ns}, args...)...).CombinedOutput()
	if err != nil {
		if strings.Contains(string(out), "not supported") || strings.Contains(string(out), "Unknown device type") {
			return false
		}
		t.Fatalf("ip -n %s %s: %v %s", ns, strings.Join(args, " "), err, out)
	}
	return true
}

// dialNamed opens a Conn in a named namespace.
func dialNamed(t testing.TB, ns string, opts ...Options) *Conn {
	t.Helper()
	o := Options{}
	if len(opts) > 0 {
		o = opts[0]
	}
	o.NetNS = ns
	c, err := Dial(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// inFreshNetNS runs fn on a locked OS thread moved into a new, anonymous
// namespace by unshare(CLONE_NEWNET). The thread is never unlocked, so it
// dies with the goroutine instead of returning to the pool in the wrong
// namespace.
func inFreshNetNS(t testing.TB, fn func()) {
	t.Helper()
	requireRoot(t)
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		runtime.LockOSThread()
		if err := unix.Unshare(unix.CLONE_NEWNET); err != nil {
			panic(fmt.Sprintf("unshare: %v", err))
		}
		fn()
	}()
	if p := <-done; p != nil {
		t.Fatal(p)
	}
}
