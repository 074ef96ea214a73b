//go:build linux

package ifenum

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// BenchmarkIfAddressesLo is ifaddresses('lo') in the calling thread's
// namespace (read only), the call the latency goal is about.
func BenchmarkIfAddressesLo(b *testing.B) {
	for _, blocking := range []bool{false, true} {
		b.Run(fmt.Sprintf("blocking=%v", blocking), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := IfAddresses("lo", Options{Blocking: blocking}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGateways20k is gateways() with 10k IPv4 + 10k IPv6 routes and a
// default route, in a throwaway namespace.
func BenchmarkGateways20k(b *testing.B) {
	if os.Geteuid() != 0 {
		b.Skip("needs root")
	}
	name := fmt.Sprintf("ifenum-bench-%d", os.Getpid())
	if out, err := exec.Command("ip", "netns", "add", name).CombinedOutput(); err != nil {
		b.Fatalf("%v %s", err, out)
	}
	defer exec.Command("ip", "netns", "del", name).Run()
	var sb strings.Builder
	sb.WriteString("link set lo up\nlink add r0 type veth peer name r1\nlink set r0 up\nlink set r1 up\naddr add 172.31.0.1/16 dev r0\naddr add 2001:db8:ffff::1/64 dev r0 nodad\n")
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&sb, "route add 100.%d.%d.0/24 via 172.31.0.254\n", i/256, i%256)
		fmt.Fprintf(&sb, "route add 2001:db9:%x::/48 via 2001:db8:ffff::fe\n", i)
	}
	sb.WriteString("route add default via 172.31.0.254\n")
	batch := filepath.Join(b.TempDir(), "batch")
	if err := os.WriteFile(batch, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	if out, err := exec.Command("ip", "-n", name, "-batch", batch).CombinedOutput(); err != nil {
		b.Fatalf("%v %s", err, out)
	}
	b.ResetTimer()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		g, err := Gateways(Options{NetNS: name})
		if err != nil || len(g.Default) != 1 {
			b.Fatal(g, err)
		}
	}
}

// BenchmarkThreadNetNS compares the per-call lookup of the calling
// thread's namespace with a plain stat of its /proc path.
func BenchmarkThreadNetNS(b *testing.B) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var st unix.Stat_t
	b.Run("stat", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if err := unix.Stat("/proc/thread-self/ns/net", &st); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("threadNetNS", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, ok := threadNetNS(); !ok {
				b.Fatal("no key")
			}
		}
	})
}
