//go:build linux

package ifenum

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/netifaces-go/netifaces-go/core/rtnl"
	"golang.org/x/sys/unix"
)

// v4Of returns the IPv4 addresses ifaddresses(name) reports.
func v4Of(t *testing.T, name string, opts Options) []string {
	t.Helper()
	a, err := IfAddresses(name, opts)
	if err != nil {
		t.Fatalf("IfAddresses(%q, %+v): %v", name, opts, err)
	}
	var out []string
	for _, fam := range a {
		if fam.Family == AF_INET {
			for _, d := range fam.Addrs {
				out = append(out, d.Addr)
			}
		}
	}
	return out
}

func sameList(a []string, b ...string) bool {
	return fmt.Sprint(a) == fmt.Sprint(b)
}

// Two namespaces hold a link of the same name with different addresses;
// one OS thread moves between them. Each call must answer for the
// namespace the thread is in at that moment, whatever socket is pooled.
func TestConnPoolFollowsThreadNamespace(t *testing.T) {
	a := newNetNS(t, "ip link add x0 type veth peer name y0\nip addr add 10.1.0.1/24 dev x0")
	b := newNetNS(t, "ip link add x0 type veth peer name y0\nip addr add 10.2.0.1/24 dev x0")
	fds := map[string]int{}
	for _, ns := range []string{a, b} {
		fd, err := unix.Open(rtnl.NetNSPath(ns), unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer unix.Close(fd)
		fds[ns] = fd
	}
	done := make(chan string)
	go func() {
		// Never unlocked: the thread dies with the goroutine instead of
		// serving others in a foreign namespace.
		runtime.LockOSThread()
		var msg string
		defer func() { done <- msg }()
		for i, step := range []struct {
			ns   string
			want string
		}{{a, "10.1.0.1"}, {b, "10.2.0.1"}, {a, "10.1.0.1"}, {b, "10.2.0.1"}} {
			if err := unix.Setns(fds[step.ns], unix.CLONE_NEWNET); err != nil {
				msg = fmt.Sprintf("setns: %v", err)
				return
			}
			for _, blocking := range []bool{false, true} {
				got, err := IfAddresses("x0", Options{Blocking: blocking})
				if err != nil {
					msg = fmt.Sprintf("step %d: %v", i, err)
					return
				}
				if s := string(got.AppendJSON(nil)); !strings.Contains(s, step.want) {
					msg = fmt.Sprintf("step %d (%s): got %s, want %s", i, step.ns, s, step.want)
					return
				}
			}
		}
	}()
	if msg := <-done; msg != "" {
		t.Fatal(msg)
	}
}

// A name rebound to a new namespace, and an fd, reach the right one.
func TestConnPoolNamedAndFD(t *testing.T) {
	ns := newNetNS(t, "ip link add x0 type veth peer name y0\nip addr add 10.3.0.1/24 dev x0")
	opts := Options{NetNS: ns}
	for i := 0; i < 3; i++ {
		if got := v4Of(t, "x0", opts); !sameList(got, "10.3.0.1") {
			t.Fatalf("call %d: %v", i, got)
		}
	}
	fd, err := unix.Open(rtnl.NetNSPath(ns), unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := v4Of(t, "x0", Options{NetNSFD: fd}); !sameList(got, "10.3.0.1") {
		t.Errorf("by fd: %v", got)
	}

	// Rebind the name: delete it and create a new namespace under it.
	if out, err := exec.Command("ip", "netns", "del", ns).CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	if out, err := exec.Command("ip", "netns", "add", ns).CombinedOutput(); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	nsRun(t, ns, "ip link add x0 type veth peer name y0\nip addr add 10.4.0.1/24 dev x0")
	if got := v4Of(t, "x0", opts); !sameList(got, "10.4.0.1") {
		t.Errorf("after rebinding %s: %v", ns, got)
	}
	// The fd still names the old namespace.
	if got := v4Of(t, "x0", Options{NetNSFD: fd}); !sameList(got, "10.3.0.1") {
		t.Errorf("old namespace by fd: %v", got)
	}
	unix.Close(fd)

	if _, err := IfAddresses("x0", Options{NetNS: ns + "-missing"}); !errors.Is(err, syscall.ENOENT) {
		t.Errorf("missing namespace: %v", err)
	}
	if _, err := IfAddresses("x0", Options{NetNSFD: 9999}); !errors.Is(err, syscall.EBADF) {
		t.Errorf("bad fd: %v", err)
	}
}

// Pooled sockets pin their namespace; CloseIdleConnections and the idle
// timeout release it, so deleting a namespace still destroys its links.
func TestConnPoolReleasesNamespaces(t *testing.T) {
	host := newNetNS(t, "")
	for _, release := range []string{"CloseIdleConnections", "timeout"} {
		t.Run(release, func(t *testing.T) {
			guest := fmt.Sprintf("ifenum-%d-%d", os.Getpid(), nsSeq.Add(1))
			if out, err := exec.Command("ip", "netns", "add", guest).CombinedOutput(); err != nil {
				t.Fatalf("%v %s", err, out)
			}
			defer exec.Command("ip", "netns", "del", guest).Run()
			nsRun(t, host, "ip link add p0 type veth peer name q0 netns "+guest)
			if _, err := Interfaces(Options{NetNS: guest}); err != nil {
				t.Fatal(err)
			}
			if out, err := exec.Command("ip", "netns", "del", guest).CombinedOutput(); err != nil {
				t.Fatalf("%v %s", err, out)
			}
			if release == "CloseIdleConnections" {
				CloseIdleConnections()
			}
			deadline := time.Now().Add(5 * time.Second)
			for {
				names, err := Interfaces(Options{NetNS: host})
				if err != nil {
					t.Fatal(err)
				}
				if !containsName(names, "p0") {
					break // the guest namespace was destroyed, and the pair with it
				}
				if time.Now().After(deadline) {
					t.Fatalf("p0 still present 5 s after deleting %s (%s)", guest, release)
				}
				time.Sleep(50 * time.Millisecond)
			}
		})
	}
}

func containsName(ns Names, s string) bool {
	for _, n := range ns {
		if n == s {
			return true
		}
	}
	return false
}

func TestConnPoolConcurrentCalls(t *testing.T) {
	ns := newNetNS(t, "ip link add x0 type veth peer name y0\nip addr add 10.5.0.1/24 dev x0")
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 40; i++ {
				opts := Options{NetNS: ns, Blocking: (g+i)%2 == 0}
				var err error
				switch i % 3 {
				case 0:
					var a IfAddrs
					if a, err = IfAddresses("x0", opts); err == nil && !strings.Contains(string(a.AppendJSON(nil)), "10.5.0.1") {
						err = fmt.Errorf("IfAddresses: %s", a.AppendJSON(nil))
					}
				case 1:
					_, err = Gateways(opts)
				case 2:
					_, err = IfAddresses("nope0", opts)
					if errors.Is(err, ErrInvalidInterfaceName) {
						err = nil
					}
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	conns.mu.Lock()
	n := len(conns.idle)
	conns.mu.Unlock()
	if n > connIdleMax {
		t.Errorf("%d idle sockets, max %d", n, connIdleMax)
	}
}

func TestConnReusable(t *testing.T) {
	for _, c := range []struct {
		err  error
		want bool
	}{
		{nil, true},
		{rtnl.ErrDumpInterrupted, true},
		{ErrInvalidInterfaceName, true},
		{&rtnl.Error{Op: "RTM_GETLINK", Errno: syscall.ENODEV}, true},
		{osError("ifaddresses", &rtnl.Error{Op: "dump RTM_GETADDR", Errno: syscall.EINVAL}), true},
		{&rtnl.Error{Op: "recv", Errno: syscall.EBADF}, false},
		{osError("gateways", &rtnl.DecodeError{Reason: "x"}), false},
		{osError("gateways", os.ErrDeadlineExceeded), false},
		{rtnl.ErrClosed, false},
	} {
		if got := reusable(c.err); got != c.want {
			t.Errorf("reusable(%v) = %v, want %v", c.err, got, c.want)
		}
	}
}

// threadNetNS agrees with a plain stat of /proc/thread-self/ns/net on
// many threads, before and after a thread changes namespace, and the
// descriptors of exited threads do not pile up.
func TestThreadNetNSKey(t *testing.T) {
	needRoot(t)
	errs := make(chan error, 100)
	for i := 0; i < 100; i++ {
		go func(i int) {
			runtime.LockOSThread() // never unlocked: the thread exits with us
			check := func(what string) error {
				var st unix.Stat_t
				if err := unix.Stat("/proc/thread-self/ns/net", &st); err != nil {
					return err
				}
				k, ok := threadNetNS()
				if !ok || k != keyOf(&st) {
					return fmt.Errorf("thread %d %s: %v %v, stat says %v", i, what, k, ok, keyOf(&st))
				}
				return nil
			}
			if err := check("before"); err != nil {
				errs <- err
				return
			}
			if i%10 == 0 {
				if err := unix.Unshare(unix.CLONE_NEWNET); err != nil {
					errs <- err
					return
				}
				if err := check("after unshare"); err != nil {
					errs <- err
					return
				}
			}
			errs <- check("again")
		}(i)
	}
	for i := 0; i < 100; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	time.Sleep(50 * time.Millisecond) // let the locked threads exit
	threadDirs.mu.Lock()
	n := len(threadDirs.fds)
	threadDirs.dropDead()
	left := len(threadDirs.fds)
	threadDirs.mu.Unlock()
	if n > maxThreadDirs || left >= n && n > 10 {
		t.Errorf("thread directories: %d kept, %d after dropping dead threads", n, left)
	}
}
