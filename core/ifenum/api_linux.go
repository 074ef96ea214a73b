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

func dial(opts Options) (*rtnl.Conn, error) {
	ro := rtnl.Options{NetNS: opts.NetNS, NetNSFD: opts.NetNSFD}
	if opts.Blocking {
		ro.ReceiveMode = rtnl.ReceiveBlocking
	}
	c, err := rtnl.Dial(ro)
	if err != nil {
		return nil, osError("netlink", err)
	}
	return c, nil
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
// then IPv4 labels that are not link names. Cost: one link dump and one
// IPv4 address dump.
func Interfaces(opts Options) (Names, error) {
	c, err := dial(opts)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	links, err := c.Links()
	if err := dumpError("interfaces", err); err != nil {
		return nil, err
	}
	addrs, err := c.Addresses(AF_INET)
	if err := dumpError("interfaces", err); err != nil {
		return nil, err
	}
	s := Snapshot{Links: linksFromRtnl(links), Addresses: addressesFromRtnl(addrs)}
	return s.Interfaces(), nil
}

// IfAddresses returns netifaces.ifaddresses(name). For a link name it asks
// the kernel for that link and for that link's addresses only (a filtered
// dump with strict checking), so it costs O(addresses of the link), not a
// full dump. A name that is not a link name is looked up as an IPv4 label
// in an IPv4 address dump.
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
	c, err := dial(opts)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	l, err := c.LinkByName(name)
	switch {
	case err == nil && l.Name == name:
		addrs, err := c.AddressesByIndex(0, l.Index)
		if isGone(err) {
			return nil, ErrInvalidInterfaceName
		}
		if err := dumpError("ifaddresses", err); err != nil {
			return nil, err
		}
		s := Snapshot{Links: []Link{linkFromRtnl(&l)}, Addresses: addressesFromRtnl(addrs)}
		return s.IfAddresses(name)
	case err != nil && !isGone(err):
		return nil, osError("ifaddresses", err)
	}
	// Not a link name (an altname resolves to a link of another name): try
	// the IPv4 labels.
	all, err := c.Addresses(AF_INET)
	if err := dumpError("ifaddresses", err); err != nil {
		return nil, err
	}
	var s Snapshot
	have := map[int]bool{}
	for i := range all {
		if all[i].Label != name {
			continue
		}
		s.Addresses = append(s.Addresses, addressFromRtnl(&all[i]))
		if idx := all[i].Index; !have[idx] {
			have[idx] = true
			ll, err := c.LinkByIndex(idx)
			if isGone(err) {
				continue // its addresses are skipped by the snapshot
			}
			if err != nil {
				return nil, osError("ifaddresses", err)
			}
			s.Links = append(s.Links, linkFromRtnl(&ll))
		}
	}
	return s.IfAddresses(name)
}

// AllIfAddresses returns ifaddresses(n) for every n of interfaces() from
// one link dump and one address dump: O(links + addresses) where a loop
// over netifaces.ifaddresses is quadratic.
func AllIfAddresses(opts Options) (AllIfAddrs, error) {
	s, err := snapshot(opts, false)
	if err != nil {
		return nil, err
	}
	return s.AllIfAddresses(), nil
}

// ReadSnapshot dumps links, addresses and (withRoutes) routes of every
// table: the input of every netifaces result, e.g. for recording vectors.
func ReadSnapshot(opts Options, withRoutes bool) (*Snapshot, error) {
	return snapshot(opts, withRoutes)
}

func snapshot(opts Options, withRoutes bool) (*Snapshot, error) {
	c, err := dial(opts)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	links, err := c.Links()
	if err := dumpError("getifaddrs", err); err != nil {
		return nil, err
	}
	addrs, err := c.Addresses(0)
	if err := dumpError("getifaddrs", err); err != nil {
		return nil, err
	}
	s := &Snapshot{Links: linksFromRtnl(links), Addresses: addressesFromRtnl(addrs)}
	if withRoutes {
		routes, err := c.Routes(rtnl.RouteFilter{})
		if err := dumpError("gateways", err); err != nil {
			return nil, err
		}
		s.Routes = routesFromRtnl(routes)
	}
	return s, nil
}

// Gateways returns netifaces.gateways(), bug-compatible (see
// Snapshot.Gateways): one route dump of every family and table, plus a
// link lookup per distinct output interface of the default-looking routes.
func Gateways(opts Options) (GatewayTable, error) {
	c, err := dial(opts)
	if err != nil {
		return GatewayTable{}, err
	}
	defer c.Close()
	routes, err := c.Routes(rtnl.RouteFilter{})
	if err := dumpError("gateways", err); err != nil {
		return GatewayTable{}, err
	}
	s := Snapshot{Routes: routesFromRtnl(routes)}
	links, err := linksByIndex(c, gatewayOIFs(s.Routes))
	if err != nil {
		return GatewayTable{}, osError("gateways", err)
	}
	s.Links = links
	return s.Gateways(), nil
}

// gatewayOIFs lists the distinct output interfaces of the routes
// gateways() could keep.
func gatewayOIFs(rs []Route) []int {
	var out []int
	seen := map[int]bool{}
	for _, r := range rs {
		if (r.Family == AF_INET || r.Family == AF_INET6) && r.Gateway.IsValid() && r.OIF > 0 &&
			(!r.Dst.IsValid() || r.Dst.IsUnspecified()) && !seen[r.OIF] {
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
		links, err := c.Links()
		if err != nil && !errors.Is(err, rtnl.ErrDumpInterrupted) {
			return nil, err
		}
		return linksFromRtnl(links), nil
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
	c, err := dial(opts)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	routes, err := c.Routes(rtnl.RouteFilter{Family: uint8(family), Table: rtTableMain})
	if err := dumpError("default_gateway", err); err != nil {
		return nil, err
	}
	s := Snapshot{Routes: routesFromRtnl(routes)}
	d, err := s.DefaultRoute(family)
	if d == nil || err != nil {
		return d, err
	}
	var idx []int
	for _, h := range d.NextHops {
		if h.Index != 0 {
			idx = append(idx, h.Index)
		}
	}
	links, err := linksByIndex(c, idx)
	if err != nil {
		return nil, osError("default_gateway", err)
	}
	names := map[int]string{}
	for _, l := range links {
		names[l.Index] = l.Name
	}
	for i := range d.NextHops {
		d.NextHops[i].Ifname = names[d.NextHops[i].Index]
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
	c, err := dial(opts)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	l, err := c.LinkByName(name)
	if isGone(err) {
		return nil, ErrInvalidInterfaceName
	}
	if err != nil {
		return nil, osError("interface_details", err)
	}
	if l.Name != name && !contains(l.AltNames, name) {
		return nil, ErrInvalidInterfaceName // the kernel truncated the name
	}
	addrs, err := c.AddressesByIndex(0, l.Index)
	if isGone(err) {
		return nil, ErrInvalidInterfaceName
	}
	if err := dumpError("interface_details", err); err != nil {
		return nil, err
	}
	names := map[int]string{}
	for _, i := range []int{l.Master, l.ParentIndex} {
		if i == 0 || (i == l.ParentIndex && l.LinkNetNSID >= 0) {
			continue
		}
		if ol, err := c.LinkByIndex(i); err == nil {
			names[i] = ol.Name
		} else if !isGone(err) {
			return nil, osError("interface_details", err)
		}
	}
	d := detailsFromRtnl(&l, addrs, names)
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
	c, err := dial(opts)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	links, err := c.Links()
	if err := dumpError("interface_details", err); err != nil {
		return nil, err
	}
	addrs, err := c.Addresses(0)
	if err := dumpError("interface_details", err); err != nil {
		return nil, err
	}
	return allDetails(links, addrs), nil
}
