//go:build linux

package rtnl

import (
	"errors"
	"fmt"
	"os/exec"
	"reflect"
	"sync"
	"testing"

	"golang.org/x/sys/unix"
)

// withoutMsg clears what may legitimately differ between two reads of the
// same object: the source message, and traffic counters.
func linkNoMsg(l Link) Link          { l.Msg, l.Stats64 = nil, nil; return l }
func addressNoMsg(a Address) Address { a.Msg = nil; return a }
func routeNoMsg(r Route) Route       { r.Msg = nil; return r }

func TestLiveScansMatchTypedDumps(t *testing.T) {
	ns := newNamedNetNS(t)
	populate(t, ns)
	c := dialNamed(t, ns)

	var links []Link
	if err := c.ScanLinks(LinkFilter{}, func(l *Link) error {
		if l.Msg != nil {
			t.Error("scanned link has a Msg")
		}
		links = append(links, linkNoMsg(*l))
		return nil
	}, nil); err != nil {
		t.Fatal(err)
	}
	want, err := c.Links()
	if err != nil {
		t.Fatal(err)
	}
	if len(links) != len(want) || len(links) < 4 {
		t.Fatalf("ScanLinks: %d links, Links: %d", len(links), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(links[i], linkNoMsg(want[i])) {
			t.Errorf("link %d:\nscan  %+v\ntyped %+v", i, links[i], linkNoMsg(want[i]))
		}
	}
	br0 := linkIndex(t, c, "br0")
	var ports []string
	if err := c.ScanLinks(LinkFilter{Master: br0}, func(l *Link) error {
		ports = append(ports, l.Name)
		return nil
	}, nil); err != nil || len(ports) != 1 || ports[0] != "v1" {
		t.Errorf("ScanLinks(master br0) = %v, %v", ports, err)
	}

	for _, f := range []AddressFilter{{}, {Family: AF_INET6}, {Index: linkIndex(t, c, "v0")}} {
		var got []Address
		if err := c.ScanAddresses(f, func(a *Address) error {
			got = append(got, addressNoMsg(*a))
			return nil
		}, nil); err != nil {
			t.Fatal(err)
		}
		want, err := c.AddressesFiltered(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || len(got) == 0 {
			t.Fatalf("ScanAddresses(%+v): %d, AddressesFiltered: %d", f, len(got), len(want))
		}
		for i := range want {
			if !reflect.DeepEqual(got[i], addressNoMsg(want[i])) {
				t.Errorf("address %d:\nscan  %+v\ntyped %+v", i, got[i], addressNoMsg(want[i]))
			}
		}
	}

	ipIn(t, ns, "route", "add", "0.0.0.0/1", "via", "10.0.0.2") // a zero destination
	ipIn(t, ns, "-6", "route", "add", "default", "via", "2001:db8::2")
	for _, f := range []RouteFilter{{}, {Table: 100}, {Family: AF_INET6}, {OIF: linkIndex(t, c, "v0")}, {Table: 4242}, {ZeroDst: true}} {
		var got []Route
		if err := c.ScanRoutes(f, func(r *Route) error {
			got = append(got, routeNoMsg(*r))
			return nil
		}, nil); err != nil {
			t.Fatalf("ScanRoutes(%+v): %v", f, err)
		}
		want, err := c.Routes(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || (f.Table != 4242 && len(got) == 0) {
			t.Fatalf("ScanRoutes(%+v): %d, Routes: %d", f, len(got), len(want))
		}
		for i := range want {
			if !reflect.DeepEqual(got[i], routeNoMsg(want[i])) {
				t.Errorf("route %d:\nscan  %+v\ntyped %+v", i, got[i], routeNoMsg(want[i]))
			}
		}
		if f.ZeroDst && len(got) != 2 {
			t.Errorf("ZeroDst: %d routes, want 0.0.0.0/1 and ::/0", len(got))
		}
	}

	// An error from the callback stops delivery and comes back; the dump is
	// drained, so the connection keeps working.
	stop := errors.New("stop")
	n := 0
	if err := c.ScanRoutes(RouteFilter{}, func(*Route) error { n++; return stop }, nil); err != stop || n != 1 {
		t.Errorf("callback error: %v after %d routes", err, n)
	}
	if _, err := c.LinkByName("v0"); err != nil {
		t.Errorf("conn after an aborted scan: %v", err)
	}
}

func TestLiveLinkWithAddresses(t *testing.T) {
	ns := newNamedNetNS(t)
	populate(t, ns)
	c := dialNamed(t, ns)

	check := func(name string) Link {
		t.Helper()
		l, addrs, err := c.LinkWithAddresses(name, 0)
		if err != nil {
			t.Fatalf("LinkWithAddresses(%q): %v", name, err)
		}
		want, err := c.LinkByName(name)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(linkNoMsg(l), linkNoMsg(want)) {
			t.Errorf("link:\ngot  %+v\nwant %+v", linkNoMsg(l), linkNoMsg(want))
		}
		wantAddrs, err := c.AddressesByIndex(0, want.Index)
		if err != nil {
			t.Fatal(err)
		}
		if len(addrs) != len(wantAddrs) {
			t.Fatalf("%s: %d addresses, want %d", name, len(addrs), len(wantAddrs))
		}
		for i := range addrs {
			if addrs[i].Msg != nil || !reflect.DeepEqual(addrs[i], addressNoMsg(wantAddrs[i])) {
				t.Errorf("address %d:\ngot  %+v\nwant %+v", i, addrs[i], addressNoMsg(wantAddrs[i]))
			}
		}
		return l
	}
	first := check("v0")  // no hint yet: two round trips
	second := check("v0") // pipelined with the hint
	if first.Index != second.Index {
		t.Fatal("index changed by itself")
	}

	// Recreate v0: same name, new index, new address. The stale hint's
	// address dump must not leak into the answer.
	ipIn(t, ns, "link", "del", "v0")
	ipIn(t, ns, "link", "add", "v0", "type", "veth", "peer", "name", "v9")
	ipIn(t, ns, "addr", "add", "192.0.2.7/24", "dev", "v0")
	third := check("v0")
	if third.Index == first.Index {
		t.Fatalf("recreated v0 kept index %d", third.Index)
	}
	_, addrs, _ := c.LinkWithAddresses("v0", AF_INET)
	if len(addrs) != 1 || addrs[0].Prefix().String() != "192.0.2.7/24" {
		t.Errorf("recreated v0, AF_INET: %+v", addrs)
	}

	// Gone: ENODEV, with or without a hint.
	ipIn(t, ns, "link", "del", "v0")
	for i := 0; i < 2; i++ {
		if _, _, err := c.LinkWithAddresses("v0", 0); !errors.Is(err, unix.ENODEV) {
			t.Errorf("deleted link, try %d: %v", i, err)
		}
	}
	if _, _, err := c.LinkWithAddresses("", 0); !errors.Is(err, unix.EINVAL) {
		t.Errorf("empty name: %v", err)
	}
	check("lo")

	// Alternative names resolve like LinkByName.
	if out, err := exec.Command("ip", "-n", ns, "link", "property", "add", "dev", "br0", "altname", "bridge-number-zero").CombinedOutput(); err != nil {
		t.Logf("no altname support (%v %s)", err, out)
	} else if l := check("bridge-number-zero"); l.Name != "br0" {
		t.Errorf("altname resolved to %q", l.Name)
	}
}

func TestLiveConcurrentRequestsOneConn(t *testing.T) {
	ns := newNamedNetNS(t)
	populate(t, ns)
	c := dialNamed(t, ns, Options{ReceiveMode: ReceiveBlocking})
	v0 := linkIndex(t, c, "v0")
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				var err error
				switch (g + i) % 4 {
				case 0:
					var l Link
					var a []Address
					l, a, err = c.LinkWithAddresses("v0", 0)
					if err == nil && (l.Index != v0 || len(a) < 2) {
						err = fmt.Errorf("LinkWithAddresses: %d %d", l.Index, len(a))
					}
				case 1:
					var l Link
					l, err = c.LinkByIndex(v0)
					if err == nil && l.Name != "v0" {
						err = fmt.Errorf("LinkByIndex: %q", l.Name)
					}
				case 2:
					err = c.ScanRoutes(RouteFilter{}, func(*Route) error { return nil }, nil)
				case 3:
					_, err = c.Links()
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
}
