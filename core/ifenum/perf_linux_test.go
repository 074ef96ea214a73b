//go:build linux

package ifenum

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var perfPairs = flag.Int("ifenum.perf", 0, "measure with this many veth pairs (spec §8 method)")

// TestPerf measures the calls on the spec §8 setup: P veth pairs, down,
// one IPv4 (brd +) and one IPv6 /64 on each link, and 10k IPv4 + 10k IPv6
// routes. It runs only with -ifenum.perf=P.
func TestPerf(t *testing.T) {
	if *perfPairs == 0 {
		t.Skip("only with -ifenum.perf=P")
	}
	ns := newNetNS(t, "")
	var b strings.Builder
	for i := 0; i < *perfPairs; i++ {
		fmt.Fprintf(&b, "link add a%d type veth peer name b%d\n", i, i)
	}
	n := 0
	for i := 0; i < *perfPairs; i++ {
		for _, l := range []string{"a", "b"} {
			fmt.Fprintf(&b, "addr add 10.%d.%d.1/24 brd + dev %s%d\n", n/256, n%256, l, i)
			fmt.Fprintf(&b, "addr add 2001:db8:%x::1/64 dev %s%d nodad\n", n, l, i)
			n++
		}
	}
	fmt.Fprintf(&b, "link add r0 type veth peer name r1\nlink set r0 up\nlink set r1 up\naddr add 172.31.0.1/16 dev r0\naddr add 2001:db8:ffff::1/64 dev r0 nodad\n")
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&b, "route add 100.%d.%d.0/24 via 172.31.0.254\n", i/256, i%256)
		fmt.Fprintf(&b, "route add 2001:db9:%x::/48 via 2001:db8:ffff::fe\n", i)
	}
	fmt.Fprintf(&b, "route add default via 172.31.0.254\n")
	batch := filepath.Join(t.TempDir(), "batch")
	if err := os.WriteFile(batch, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if out, err := exec.Command("ip", "-n", ns, "-batch", batch).CombinedOutput(); err != nil {
		t.Fatalf("ip -batch: %v: %s", err, out)
	}
	t.Logf("setup: %d links in %v", 2**perfPairs+3, time.Since(start))
	opts := Options{NetNS: ns}
	best := func(what string, reps int, f func()) {
		var min time.Duration
		for i := 0; i < reps; i++ {
			s := time.Now()
			f()
			if d := time.Since(s); i == 0 || d < min {
				min = d
			}
		}
		t.Logf("%-34s %10.3f ms", what, float64(min.Microseconds())/1000)
	}
	var names Names
	best("Interfaces", 5, func() {
		var err error
		if names, err = Interfaces(opts); err != nil {
			t.Fatal(err)
		}
	})
	best("AllIfAddresses", 5, func() {
		if _, err := AllIfAddresses(opts); err != nil {
			t.Fatal(err)
		}
	})
	best("IfAddresses(one)", 20, func() {
		if _, err := IfAddresses("a7", opts); err != nil {
			t.Fatal(err)
		}
	})
	best("IfAddresses(every name)", 1, func() {
		for _, n := range names {
			if _, err := IfAddresses(n, opts); err != nil {
				t.Fatal(err)
			}
		}
	})
	best("Gateways (+10k v4 +10k v6 routes)", 5, func() {
		if _, err := Gateways(opts); err != nil {
			t.Fatal(err)
		}
	})
	best("Gateways, Blocking", 5, func() {
		if _, err := Gateways(Options{NetNS: ns, Blocking: true}); err != nil {
			t.Fatal(err)
		}
	})
	best("AllIfAddresses, Blocking", 5, func() {
		if _, err := AllIfAddresses(Options{NetNS: ns, Blocking: true}); err != nil {
			t.Fatal(err)
		}
	})
	best("DefaultGateway(AF_INET)", 5, func() {
		if d, err := DefaultGateway(AF_INET, opts); err != nil || d == nil {
			t.Fatal(d, err)
		}
	})
	best("InterfaceDetails(one)", 20, func() {
		if _, err := InterfaceDetails("a7", opts); err != nil {
			t.Fatal(err)
		}
	})
	best("AllInterfaceDetails", 3, func() {
		if _, err := AllInterfaceDetails(opts); err != nil {
			t.Fatal(err)
		}
	})
	if exec.Command(pythonNetifaces, "-c", "import netifaces").Run() == nil {
		out, err := exec.Command("ip", "netns", "exec", ns, pythonNetifaces, "-c", `
import netifaces, time
t=time.perf_counter(); names=netifaces.interfaces(); a=time.perf_counter()-t
t=time.perf_counter(); netifaces.ifaddresses("a7"); b=time.perf_counter()-t
t=time.perf_counter(); netifaces.gateways(); c=time.perf_counter()-t
print("netifaces: interfaces %.3f ms, one ifaddresses %.3f ms (x%d names = ~%.1f s), gateways %.3f ms" % (a*1e3, b*1e3, len(names), b*len(names), c*1e3))
`).CombinedOutput()
		if err != nil {
			t.Fatalf("python: %v: %s", err, out)
		}
		t.Log(strings.TrimSpace(string(out)))
	}
}
