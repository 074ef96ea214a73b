//go:build linux

package ifenum

import (
	"errors"
	"strings"
	"syscall"

	"github.com/netifaces-go/netifaces-go/core/rtnl"
)

// maxNameLen is IFNAMSIZ-1: no link name or IPv4 label is longer.
const maxNameLen = 15

// withConn runs fn with an rtnetlink socket in the namespace opts selects,
// borrowed from the pool of idle sockets (see conns_linux.go).
func withConn(opts Options, fn func(c *rtnl.Conn) error) error {
	b, err := conns.get(opts)
	if err != nil {
		return err
	}
	err = fn(b.Conn)
	conns.put(b, err)
	return err
}

// withView is withConn for the calls a view can answer (view_linux.go):
// fn gets the namespace's view, or nil.
func withView(opts Options, fn func(c *rtnl.Conn, v *view, nsfd int) error) error {
	b, err := conns.get(opts)
	if err != nil {
		return err
	}
	v, nsfd := viewOf(b, opts)
	err = fn(b.Conn, v, nsfd)
	conns.put(b, err)
	return err
}

// readLinks appends every link to s.Links.
func readLinks(c *rtnl.Conn, s *Snapshot) error {
	start := len(s.Links)
	return c.ScanLinks(rtnl.LinkFilter{}, func(l *rtnl.Link) error {
		s.Links = append(s.Links, linkFromRtnl(l))
		return nil
	}, func() { s.Links = s.Links[:start] })
}

// readAddresses appends the IPv4 and IPv6 addresses of family (0: both)
// to s.Addresses.
func readAddresses(c *rtnl.Conn, family uint8, s *Snapshot) error {
	start := len(s.Addresses)
	return c.ScanAddresses(rtnl.AddressFilter{Family: family}, func(a *rtnl.Address) error {
		if a.Family == AF_INET || a.Family == AF_INET6 {
			s.Addresses = append(s.Addresses, addressFromRtnl(a))
		}
		return nil
	}, func() { s.Addresses = s.Addresses[:start] })
}

// readRoutes appends the routes f selects and keep (nil: all) accepts to
// s.Routes.
func readRoutes(c *rtnl.Conn, f rtnl.RouteFilter, keep func(*Route) bool, s *Snapshot) error {
	start := len(s.Routes)
	var rr Route // one scratch value, not one allocation per route
	return c.ScanRoutes(f, func(r *rtnl.Route) error {
		if rr = routeFromRtnl(r); keep == nil || keep(&rr) {
			s.Routes = append(s.Routes, rr)
		}
		return nil
	}, func() { s.Routes = s.Routes[:start] })
}

// dumpError maps a dump's error. Results of a dump the kernel kept
// interrupting are used anyway: glibc and netifaces would retry or keep
// partial results too, and an error would fail the whole call.
func dumpError(op string, err error) error {
	if err == nil || errors.Is(err, rtnl.ErrDumpInterrupted) {
		return nil
	}
	return osError(op, err)
}

// isGone reports an error meaning "no such link": it vanished, or never
// existed.
func isGone(err error) bool {
	return errors.Is(err, syscall.ENODEV) || errors.Is(err, rtnl.ErrNotFound)
}

// Interfaces returns netifaces.interfaces(): link names in dump order,
// then IPv4 labels that are not link names. Cost: none while the
// namespace's view is current, else a link dump and an address dump that
// build the view.
func Interfaces(opts Options) (Names, error) {
	var out Names
	err := withView(opts, func(c *rtnl.Conn, v *view, nsfd int) error {
		// interfaces() is mostly followed by ifaddresses() of each name:
		// build the view now (the dumps this call needs anyway) rather
		// than after the first half of those calls.
		if v != nil {
			if st, err := v.ready(c, nsfd, true); st != nil || err != nil {
				if st != nil {
					out = append(Names{}, st.names...)
				}
				return err
			}
		}
		var s Snapshot
		if err := dumpError("interfaces", readLinks(c, &s)); err != nil {
			return err
		}
		if err := dumpError("interfaces", readAddresses(c, AF_INET, &s)); err != nil {
			return err
		}
		out = s.Interfaces()
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// IfAddresses returns netifaces.ifaddresses(name). For a link name it asks
// the kernel for that link and for that link's addresses only (a filtered
// dump with strict checking), so it costs O(addresses of the link), not a
// full dump. A name that is not a link name is looked up as an IPv4 label
// in an IPv4 address dump.
//
// While the namespace's view is current (view_linux.go) the answer comes
// from it, with no request at all.
//
// Difference from netifaces: an IPv4 address on another link whose label
// is this link's name (possible with raw netlink, not with iproute2) is
// not found by the filtered request; AllIfAddresses finds it.
func IfAddresses(name string, opts Options) (IfAddrs, error) {
	if strings.IndexByte(name, 0) >= 0 {
		return nil, ErrEmbeddedNull
	}
	if name == "" || len(name) > maxNameLen {
		return nil, ErrInvalidInterfaceName
	}
	var out IfAddrs
	err := withView(opts, func(c *rtnl.Conn, v *view, nsfd int) error {
		if v != nil {
			if st, err := v.ready(c, nsfd, false); err != nil {
				return err
			} else if st != nil {
				out, err = st.ifAddresses(c, name)
				return err
			}
		}
		var err error
		out, err = ifAddresses(c, name)
		return err
	})
	return out, err
}

func ifAddresses(c *rtnl.Conn, name string) (IfAddrs, error) {
	// The link and its addresses, in one round trip when the socket has
	// seen the name before.
	l, addrs, err := c.LinkWithAddresses(name, 0)
	switch {
	case err == nil || errors.Is(err, rtnl.ErrDumpInterrupted):
		if l.Name == name {
			s := Snapshot{Links: []Link{linkFromRtnl(&l)}, Addresses: addressesFromRtnl(addrs)}
			return s.IfAddresses(name)
		}
	case !isGone(err):
		return nil, osError("ifaddresses", err)
	}
	// Not a link name (an altname resolves to a link of another name; a
	// link that vanished meanwhile ends here too): try the IPv4 labels.
	var s Snapshot
	err = c.ScanAddresses(rtnl.AddressFilter{Family: AF_INET}, func(a *rtnl.Address) error {
		if a.Label == name {
			s.Addresses = append(s.Addresses, addressFromRtnl(a))
		}
		return nil
	}, func() { s.Addresses = s.Addresses[:0] })
	if err := dumpError("ifaddresses", err); err != nil {
		return nil, err
	}
	have := map[int]bool{}
	for _, a := range s.Addresses {
		if have[a.Index] {
			continue
		}
		have[a.Index] = true
		ll, err := c.LinkByIndex(a.Index)
		if isGone(err) {
			continue // its addresses are skipped by the snapshot
		}
		if err != nil {
			return nil, osError("ifaddresses", err)
		}
		s.Links = append(s.Links, linkFromRtnl(&ll))
	}
	return s.IfAddresses(name)
}

// AllIfAddresses returns ifaddresses(n) for every n of interfaces() from
// one link dump and one address dump: O(links + addresses) where a loop
// over netifaces.ifaddresses is quadratic.
//
// It builds the namespace's view (view_linux.go) when there is none, so
// later calls are answered from it while nothing changes.
func AllIfAddresses(opts Options) (AllIfAddrs, error) {
	var out AllIfAddrs
	err := withView(opts, func(c *rtnl.Conn, v *view, nsfd int) error {
		if v != nil {
			if st, err := v.ready(c, nsfd, true); err != nil {
				return err
			} else if st != nil {
				out, err = st.allIfAddresses(c)
				return err
			}
		}
		s := &Snapshot{}
		if err := dumpError("getifaddrs", readLinks(c, s)); err != nil {
			return err
		}
		if err := dumpError("getifaddrs", readAddresses(c, 0, s)); err != nil {
			return err
		}
		out = s.AllIfAddresses()
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ReadSnapshot dumps links, addresses and (withRoutes) routes of every
// table: the input of every netifaces result, e.g. for recording vectors.
func ReadSnapshot(opts Options, withRoutes bool) (*Snapshot, error) {
	return snapshot(opts, withRoutes)
}

func snapshot(opts Options, withRoutes bool) (*Snapshot, error) {
	s := &Snapshot{}
	err := withConn(opts, func(c *rtnl.Conn) error {
		if err := dumpError("getifaddrs", readLinks(c, s)); err != nil {
			return err
		}
		if err := dumpError("getifaddrs", readAddresses(c, 0, s)); err != nil {
			return err
		}
		if withRoutes {
			return dumpError("gateways", readRoutes(c, rtnl.RouteFilter{}, nil, s))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Gateways returns netifaces.gateways(), bug-compatible (see
// Snapshot.Gateways): one route dump of every family and table, plus a
// link lookup per distinct output interface of the default-looking routes.
func Gateways(opts Options) (GatewayTable, error) {
	var s Snapshot
	err := withConn(opts, func(c *rtnl.Conn) error {
		// Only routes gateways() could list are kept; the others are
		// skipped by Snapshot.Gateways before they affect anything.
		f := rtnl.RouteFilter{ZeroDst: true}
		if err := dumpError("gateways", readRoutes(c, f, gatewayCandidate, &s)); err != nil {
			return err
		}
		links, err := linksByIndex(c, gatewayOIFs(s.Routes))
		if err != nil {
			return osError("gateways", err)
		}
		s.Links = links
		return nil
	})
	if err != nil {
		return GatewayTable{}, err
	}
	return s.Gateways(), nil
}

// gatewayCandidate reports whether gateways() could list r: an IPv4 or
// IPv6 route with a gateway and an output interface whose RTA_DST is
// absent or all zeros.
func gatewayCandidate(r *Route) bool {
	return (r.Family == AF_INET || r.Family == AF_INET6) && r.Gateway.IsValid() && r.OIF > 0 &&
		(!r.Dst.IsValid() || r.Dst.IsUnspecified())
}

// gatewayOIFs lists the distinct output interfaces of the routes
// gateways() could keep.
func gatewayOIFs(rs []Route) []int {
	var out []int
	seen := map[int]bool{}
	for i := range rs {
		if r := &rs[i]; gatewayCandidate(r) && !seen[r.OIF] {
			seen[r.OIF] = true
			out = append(out, r.OIF)
		}
	}
	return out
}

// linksByIndex fetches the links of idx, skipping vanished ones. Many
// indexes are fetched with one dump instead.
func linksByIndex(c *rtnl.Conn, idx []int) ([]Link, error) {
	if len(idx) > 16 {
		var s Snapshot
		if err := readLinks(c, &s); err != nil && !errors.Is(err, rtnl.ErrDumpInterrupted) {
			return nil, err
		}
		return s.Links, nil
	}
	var out []Link
	for _, i := range idx {
		l, err := c.LinkByIndex(i)
		if isGone(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, linkFromRtnl(&l))
	}
	return out, nil
}

// DefaultGateway returns the default route of family (AF_INET or
// AF_INET6) that the kernel uses, or nil when there is none; see
// Snapshot.DefaultRoute for how it differs from gateways()['default'].
// Cost: one main-table route dump of the family (kernel-filtered).
func DefaultGateway(family int, opts Options) (*DefaultRoute, error) {
	if family != AF_INET && family != AF_INET6 {
		return nil, UnsupportedFamilyError(family)
	}
	var d *DefaultRoute
	err := withConn(opts, func(c *rtnl.Conn) error {
		var s Snapshot
		f := rtnl.RouteFilter{Family: uint8(family), Table: rtTableMain}
		// DefaultRoute looks at true defaults only (rtm_dst_len 0).
		isDefault := func(r *Route) bool { return r.DstLen == 0 }
		if err := dumpError("default_gateway", readRoutes(c, f, isDefault, &s)); err != nil {
			return err
		}
		var err error
		if d, err = s.DefaultRoute(family); d == nil || err != nil {
			return err
		}
		var idx []int
		for _, h := range d.NextHops {
			if h.Index != 0 {
				idx = append(idx, h.Index)
			}
		}
		links, err := linksByIndex(c, idx)
		if err != nil {
			return osError("default_gateway", err)
		}
		names := map[int]string{}
		for _, l := range links {
			names[l.Index] = l.Name
		}
		for i := range d.NextHops {
			d.NextHops[i].Ifname = names[d.NextHops[i].Index]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// InterfaceDetails returns everything the kernel reports about one link
// and its addresses. name may be the link name or one of its altnames
// (unlike ifaddresses); IPv4 labels are not links and are rejected with
// ErrInvalidInterfaceName.
func InterfaceDetails(name string, opts Options) (*Details, error) {
	if strings.IndexByte(name, 0) >= 0 {
		return nil, ErrEmbeddedNull
	}
	if name == "" || len(name) > 127 {
		return nil, ErrInvalidInterfaceName
	}
	var d Details
	err := withConn(opts, func(c *rtnl.Conn) error {
		l, addrs, err := c.LinkWithAddresses(name, 0)
		if isGone(err) {
			return ErrInvalidInterfaceName
		}
		if err := dumpError("interface_details", err); err != nil {
			return err
		}
		if l.Name != name && !contains(l.AltNames, name) {
			return ErrInvalidInterfaceName // the kernel truncated the name
		}
		names := map[int]string{}
		for _, i := range []int{l.Master, l.ParentIndex} {
			if i == 0 || (i == l.ParentIndex && l.LinkNetNSID >= 0) {
				continue
			}
			if ol, err := c.LinkByIndex(i); err == nil {
				names[i] = ol.Name
			} else if !isGone(err) {
				return osError("interface_details", err)
			}
		}
		d = detailsFromRtnl(&l, addrs, names)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &d, nil
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// AllInterfaceDetails returns InterfaceDetails of every link, in link dump
// order, from one link dump and one address dump.
func AllInterfaceDetails(opts Options) (DetailsList, error) {
	var links []rtnl.Link
	var addrs []rtnl.Address
	err := withConn(opts, func(c *rtnl.Conn) error {
		err := c.ScanLinks(rtnl.LinkFilter{}, func(l *rtnl.Link) error {
			links = append(links, *l)
			return nil
		}, func() { links = links[:0] })
		if err := dumpError("interface_details", err); err != nil {
			return err
		}
		err = c.ScanAddresses(rtnl.AddressFilter{}, func(a *rtnl.Address) error {
			addrs = append(addrs, *a)
			return nil
		}, func() { addrs = addrs[:0] })
		return dumpError("interface_details", err)
	})
	if err != nil {
		return nil, err
	}
	return allDetails(links, addrs), nil
}
