//go:build linux

package ifenum

import (
	"fmt"
	"os/exec"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/netifaces-go/netifaces-go/core/rtnl"
	"golang.org/x/sys/unix"
)

// viewFor returns the view kept for the named namespace, or nil.
func viewFor(t *testing.T, ns string) *view {
	t.Helper()
	var st unix.Stat_t
	if err := unix.Stat(rtnl.NetNSPath(ns), &st); err != nil {
		t.Fatal(err)
	}
	views.mu.Lock()
	defer views.mu.Unlock()
	return views.views[nsKey{dev: uint64(st.Dev), ino: st.Ino}]
}

func viewIsCurrent(t *testing.T, ns string) bool {
	t.Helper()
	v := viewFor(t, ns)
	if v == nil {
		return false
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.current()
}

func ipIn(t *testing.T, ns string, args ...string) {
	t.Helper()
	if out, err := exec.Command("ip", append([]string{"-n", ns}, args...)...).CombinedOutput(); err != nil {
		t.Fatalf("ip -n %s %s: %v: %s", ns, strings.Join(args, " "), err, out)
	}
}

// uncached answers the same questions from a fresh dump, never a view.
func uncached(t *testing.T, ns string) (*Snapshot, Names) {
	t.Helper()
	s, err := ReadSnapshot(Options{NetNS: ns}, false)
	if err != nil {
		t.Fatal(err)
	}
	return s, s.Interfaces()
}

// checkAgainstDump compares every view-served answer with a fresh dump.
func checkAgainstDump(t *testing.T, ns, when string) {
	t.Helper()
	opts := Options{NetNS: ns}
	s, names := uncached(t, ns)
	got, err := Interfaces(opts)
	if err != nil || !reflect.DeepEqual(got, names) {
		t.Fatalf("%s: Interfaces = %v, %v; a dump says %v", when, got, err, names)
	}
	for _, n := range names {
		want, _ := s.IfAddresses(n)
		got, err := IfAddresses(n, opts)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: IfAddresses(%q) = %v, %v; a dump says %v", when, n, got, err, want)
		}
	}
	all, err := AllIfAddresses(opts)
	if err != nil || !reflect.DeepEqual(all, s.AllIfAddresses()) {
		t.Fatalf("%s: AllIfAddresses = %v, %v; a dump says %v", when, all, err, s.AllIfAddresses())
	}
}

// A view answers only while no link or address changed: every change made
// through iproute2 (another process, another socket) is seen by the very
// next call.
func TestViewFollowsChanges(t *testing.T) {
	ns := newNetNS(t, "ip link add a0 type veth peer name b0\n"+
		"ip addr add 10.9.0.1/24 dev a0\nip addr add 2001:db8:9::1/64 dev a0 nodad")
	defer CloseIdleConnections()
	if _, err := AllIfAddresses(Options{NetNS: ns}); err != nil {
		t.Fatal(err)
	}
	if !viewIsCurrent(t, ns) {
		t.Fatal("AllIfAddresses built no view")
	}
	checkAgainstDump(t, ns, "built")
	if !viewIsCurrent(t, ns) {
		t.Fatal("the view was dropped without a change")
	}
	steps := [][]string{
		{"addr", "add", "10.9.1.1/24", "dev", "b0"},
		{"addr", "add", "10.9.2.1/24", "dev", "a0", "label", "a0:x"},
		{"addr", "del", "10.9.0.1/24", "dev", "a0"},
		{"addr", "add", "2001:db8:9::2/64", "dev", "b0", "nodad"},
		{"link", "set", "a0", "address", "02:00:00:00:00:09"},
		{"link", "set", "b0", "name", "c0"},
		{"link", "add", "d0", "type", "veth", "peer", "name", "e0"},
		{"link", "set", "a0", "up"},
		{"link", "del", "d0"},
	}
	for _, step := range steps {
		if _, err := AllIfAddresses(Options{NetNS: ns}); err != nil { // (re)build
			t.Fatal(err)
		}
		ipIn(t, ns, step...)
		checkAgainstDump(t, ns, strings.Join(step, " "))
	}
	if _, err := IfAddresses("d0", Options{NetNS: ns}); err != ErrInvalidInterfaceName {
		t.Fatalf("IfAddresses of a deleted link: %v", err)
	}
}

// More changes than the watch socket can queue (ENOBUFS) still drop the
// view.
func TestViewOverflow(t *testing.T) {
	ns := newNetNS(t, "ip link add a0 type veth peer name b0")
	defer CloseIdleConnections()
	if _, err := AllIfAddresses(Options{NetNS: ns}); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for i := 0; i < 2000; i++ {
		lines = append(lines, fmt.Sprintf("addr add 10.%d.%d.1/32 dev a0", i/250, i%250))
	}
	cmd := exec.Command("ip", "-n", ns, "-batch", "-")
	cmd.Stdin = strings.NewReader(strings.Join(lines, "\n") + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ip -batch: %v: %s", err, out)
	}
	checkAgainstDump(t, ns, "after 2000 additions")
}

// ifaddresses() calls build a view once they have cost about a dump, and
// the view's answers equal the filtered requests'. interfaces() builds one
// at once.
func TestViewBuiltByDemand(t *testing.T) {
	var script strings.Builder
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&script, "ip link add a%d type veth peer name b%d\nip addr add 10.8.%d.1/24 dev a%d\n", i, i, i, i)
	}
	ns := newNetNS(t, script.String())
	defer CloseIdleConnections()
	opts := Options{NetNS: ns}
	_, names := uncached(t, ns)
	if _, err := IfAddresses("lo", opts); err != nil || viewIsCurrent(t, ns) {
		t.Fatalf("one ifaddresses() call built a view (or failed: %v)", err)
	}
	var err error
	first := map[string]IfAddrs{}
	for _, n := range names {
		if first[n], err = IfAddresses(n, opts); err != nil {
			t.Fatal(err)
		}
	}
	if !viewIsCurrent(t, ns) {
		t.Fatalf("%d ifaddresses() calls at %d links built no view", len(names), len(names))
	}
	for _, n := range names {
		got, err := IfAddresses(n, opts)
		if err != nil || !reflect.DeepEqual(got, first[n]) {
			t.Fatalf("IfAddresses(%q) from the view = %v, %v; filtered request said %v", n, got, err, first[n])
		}
	}
	// interfaces() builds one at once: its names are asked for next.
	CloseIdleConnections()
	if _, err := Interfaces(opts); err != nil || !viewIsCurrent(t, ns) {
		t.Fatalf("interfaces() built no view (err %v)", err)
	}
	// A result is the caller's: changing it does not change the view.
	a, _ := IfAddresses("a0", opts)
	a[0].Addrs[0].Addr = "changed"
	if b, _ := IfAddresses("a0", opts); reflect.DeepEqual(a, b) {
		t.Fatal("a caller's change reached the view")
	}
}

// Concurrent readers and a writer: after each change returns, every
// reader's next call sees it.
func TestViewConcurrent(t *testing.T) {
	ns := newNetNS(t, "ip link add a0 type veth peer name b0")
	defer CloseIdleConnections()
	opts := Options{NetNS: ns}
	if _, err := AllIfAddresses(opts); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 5; i++ {
		ipIn(t, ns, "addr", "add", fmt.Sprintf("10.7.0.%d/24", i), "dev", "a0")
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for g := 0; g < 8; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := 0; k < 50; k++ {
					a, err := IfAddresses("a0", opts)
					if err != nil {
						errs <- err
						return
					}
					if n := len(a.Family(AF_INET)); n != i {
						errs <- fmt.Errorf("after %d additions a reader saw %d addresses", i, n)
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
	}
}

// IPv6 addresses added with nodad are announced by a kernel work item
// after `ip addr add` returns, but dumps list them at once: a view must
// not hide them (it never keeps IPv6 addresses).
func TestViewIPv6NodadAtOnce(t *testing.T) {
	ns := newNetNS(t, "ip link add a0 type veth peer name b0")
	defer CloseIdleConnections()
	opts := Options{NetNS: ns}
	var lines []string
	for i := 1; i <= 20; i++ {
		lines = append(lines, fmt.Sprintf("addr add 2001:db8:77::%x/64 dev a0 nodad", i))
	}
	for i, line := range lines {
		if _, err := Interfaces(opts); err != nil || !viewIsCurrent(t, ns) {
			t.Fatalf("no view before step %d (err %v)", i, err)
		}
		ipIn(t, ns, strings.Fields(line)...)
		a, err := IfAddresses("a0", opts)
		if err != nil || len(a.Family(AF_INET6)) != i+1 {
			t.Fatalf("after %q: IfAddresses(a0) IPv6 = %v, %v", line, a.Family(AF_INET6), err)
		}
		all, err := AllIfAddresses(opts)
		n := -1
		for _, x := range all {
			if x.Name == "a0" {
				n = len(x.Addrs.Family(AF_INET6))
			}
		}
		if err != nil || n != i+1 {
			t.Fatalf("after %q: AllIfAddresses = %v, %v", line, all, err)
		}
	}
}
