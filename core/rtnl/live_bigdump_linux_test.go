//go:build linux

package rtnl

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/netip"
	"testing"
	"time"
)

// A dump of many datagrams: every path delivers every route once, in the
// same order.
func TestLiveBigDump(t *testing.T) {
	const n = 6000
	ns := routeNetNS(t, n)
	c := dialNamed(t, ns)
	f := RouteFilter{Family: AF_INET, Table: RT_TABLE_MAIN}

	js, err := c.DumpJSON(nil, f.Request(), f.Match)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []struct {
		Attrs [][2]any `json:"attrs"`
	}
	if err := json.Unmarshal(js, &msgs); err != nil {
		t.Fatal(err)
	}
	if len(msgs) != n+1 { // the /32s and the connected /24
		t.Fatalf("DumpJSON: %d routes, want %d", len(msgs), n+1)
	}
	routes, err := c.Routes(f)
	if err != nil || len(routes) != n+1 {
		t.Fatalf("Routes: %d %v", len(routes), err)
	}
	i := 0
	if err := c.ScanRoutes(f, func(r *Route) error {
		if r.Dst != routes[i].Dst {
			return fmt.Errorf("scan route %d: %v, typed %v", i, r.Dst, routes[i].Dst)
		}
		i++
		return nil
	}, nil); err != nil || i != n+1 {
		t.Fatalf("ScanRoutes: %d %v", i, err)
	}
	seen := map[netip.Prefix]bool{}
	for _, r := range routes {
		seen[r.Dst] = true
	}
	for k := 0; k < n; k += 997 {
		p := netip.MustParsePrefix(fmt.Sprintf("20.%d.%d.%d/32", k>>16&255, k>>8&255, k&255))
		if !seen[p] {
			t.Errorf("%v missing", p)
		}
	}

	// A failing callback: delivery stops, the dump is still drained, and
	// the connection serves the next request.
	stop := errors.New("stop")
	calls := 0
	err = c.DumpFunc(f.Request(), func(*Message) error {
		calls++
		if calls == 2500 {
			return stop
		}
		return nil
	}, nil)
	if err != stop || calls != 2500 {
		t.Errorf("DumpFunc: %v after %d", err, calls)
	}
	if l, err := c.LinkByName("v0"); err != nil || l.Name != "v0" {
		t.Errorf("after an aborted big dump: %v", err)
	}

	// Closing the connection during a dump ends it with ErrClosed rather
	// than hanging.
	done := make(chan error, 1)
	go func() {
		done <- c.DumpFunc(f.Request(), func(*Message) error {
			time.Sleep(20 * time.Microsecond)
			return nil
		}, nil)
	}()
	time.Sleep(5 * time.Millisecond)
	c.Close()
	select {
	case err := <-done:
		if err != nil && !errors.Is(err, ErrClosed) {
			t.Errorf("dump on a closed conn: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("dump hangs after Close")
	}
}
