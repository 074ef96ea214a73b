//go:build linux

package rtnl

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// routeNetNS makes a namespace holding n /32 routes via one veth, added
// with `ip -batch` (fast: ~15 µs per route).
func routeNetNS(b testing.TB, n int) string {
	b.Helper()
	ns := newNamedNetNS(b)
	ipIn(b, ns, "link", "add", "v0", "type", "veth", "peer", "name", "v1")
	ipIn(b, ns, "link", "set", "v0", "up")
	ipIn(b, ns, "link", "set", "v1", "up")
	ipIn(b, ns, "addr", "add", "10.0.0.1/24", "dev", "v0")
	var sb strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "route add 20.%d.%d.%d/32 via 10.0.0.2 dev v0\n", i>>16&255, i>>8&255, i&255)
	}
	f, err := os.CreateTemp("", "rtnl-batch")
	if err != nil {
		b.Fatal(err)
	}
	defer os.Remove(f.Name())
	f.WriteString(sb.String())
	f.Close()
	if out, err := exec.Command("ip", "-n", ns, "-batch", f.Name()).CombinedOutput(); err != nil {
		b.Fatalf("ip -batch: %v %s", err, out)
	}
	return ns
}

// BenchmarkRouteDump100k measures a full IPv4 dump of 100k routes: typed
// views, generic messages, and JSON (what the Python layer receives).
func BenchmarkRouteDump100k(b *testing.B) {
	ns := routeNetNS(b, 100_000)
	c := dialNamed(b, ns)
	f := RouteFilter{Family: AF_INET, Table: RT_TABLE_MAIN}
	b.Run("json", func(b *testing.B) {
		var buf []byte
		for i := 0; i < b.N; i++ {
			var err error
			buf, err = c.DumpJSON(buf[:0], f.Request(), f.Match)
			if err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(buf)), "json-bytes")
	})
	b.Run("typed", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			rs, err := c.Routes(f)
			if err != nil || len(rs) < 100_000 {
				b.Fatal(len(rs), err)
			}
		}
	})
}

// BenchmarkLinkGet measures one RTM_GETLINK by index round trip in both
// receive modes (spec §7 latency).
func BenchmarkLinkGet(b *testing.B) {
	ns := newNamedNetNS(b)
	for _, mode := range []struct {
		name string
		m    ReceiveMode
	}{{"netpoller", ReceiveNetpoller}, {"blocking", ReceiveBlocking}} {
		b.Run(mode.name, func(b *testing.B) {
			c := dialNamed(b, ns, Options{ReceiveMode: mode.m})
			for i := 0; i < b.N; i++ {
				if _, err := c.LinkMessageByIndex(1); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBatchRouteAdd measures pipelined route adds (and the deletes
// that undo them) through BatchCalls; compare `ip -batch` at 12-22 µs.
func BenchmarkBatchRouteAdd(b *testing.B) {
	ns := newNamedNetNS(b)
	ipIn(b, ns, "link", "add", "v0", "type", "veth", "peer", "name", "v1")
	ipIn(b, ns, "link", "set", "v0", "up")
	ipIn(b, ns, "link", "set", "v1", "up")
	ipIn(b, ns, "addr", "add", "10.0.0.1/24", "dev", "v0")
	c := dialNamed(b, ns)
	const n = 1000
	adds := make([]Call, n)
	dels := make([]Call, n)
	for i := range adds {
		dst := fmt.Sprintf("20.%d.%d.0/24", i/256, i%256)
		adds[i] = Call{Object: "route", Cmd: "add", Args: map[string]any{"dst": dst, "gateway": "10.0.0.2"}}
		dels[i] = Call{Object: "route", Cmd: "del", Args: map[string]any{"dst": dst}}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, calls := range [][]Call{adds, dels} {
			res, err := c.BatchCalls(calls)
			if err != nil {
				b.Fatal(err)
			}
			for _, r := range res {
				if r.Err != nil {
					b.Fatal(r.Err)
				}
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*2*n)/1000, "µs/route-op")
}
