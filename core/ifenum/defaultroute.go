package ifenum

import "net/netip"

// DefaultRoute is the default route the kernel uses for a family, as
// DefaultGateway reports it.
type DefaultRoute struct {
	Family   int
	Table    uint32 // always RT_TABLE_MAIN (254)
	Metric   uint32 // RTA_PRIORITY, full unsigned range
	Type     string // "unicast", "blackhole", "unreachable", "prohibit", ...
	Protocol string // "boot", "static", "dhcp", "ra", "kernel", ... or the number
	PrefSrc  string // RTA_PREFSRC, "" when absent
	NHID     uint32 // nexthop object id, 0 when none
	NextHops []DefaultNextHop
}

// DefaultNextHop is one next hop of a DefaultRoute. A route with a single
// path has one; an ECMP route has one per live path; blackhole and similar
// types have none.
type DefaultNextHop struct {
	Gateway string   // "" for a gateway-less route (default dev wg0)
	Ifname  string   // "" when the ifindex is not in the link dump
	Index   int      // output ifindex, 0 when none
	Weight  int      // 1 for a single path
	Flags   []string // RTNH_F_* names: "onlink", "linkdown", ...
}

// DefaultRoute returns the route the kernel would use for traffic with no
// more specific route, or nil when there is none. It differs from
// Gateways()' 'default' on purpose:
//   - only the main table (254) is considered; policy tables never hide
//     or replace it;
//   - only true defaults (rtm_dst_len 0), so 0.0.0.0/1 is not a default;
//   - the lowest metric wins, compared as unsigned (the kernel's order);
//     among equal metrics the first in dump order wins;
//   - routes whose next hops are all dead (RTNH_F_DEAD) are skipped, and
//     dead hops of an ECMP route are not listed;
//   - ECMP next hops are listed with weights; RTA_VIA gateways are shown;
//   - gateway-less defaults (default dev wg0) are reported with an empty
//     Gateway, and blackhole/unreachable/prohibit defaults with no hops;
//     throw defaults are skipped (the lookup leaves the main table);
//   - IPv6 link-local gateways stay without %scope (use Ifname), as in
//     Gateways().
//
// The kernel's IPv6 choice among equal metrics also weighs router
// preference and neighbour reachability; that is not modelled.
func (s *Snapshot) DefaultRoute(family int) (*DefaultRoute, error) {
	if family != AF_INET && family != AF_INET6 {
		return nil, UnsupportedFamilyError(family)
	}
	var best *Route
	for i := range s.Routes {
		r := &s.Routes[i]
		if r.Family != family || r.Table != rtTableMain || r.DstLen != 0 {
			continue
		}
		if !isUsableType(r.Type) || len(liveHops(r)) == 0 && needsHops(r.Type) {
			continue
		}
		if best == nil || r.Priority < best.Priority {
			best = r
		}
	}
	if best == nil {
		return nil, nil
	}
	idx := s.linkIndex()
	d := &DefaultRoute{
		Family:   family,
		Table:    best.Table,
		Metric:   best.Priority,
		Type:     routeTypeName(best.Type),
		Protocol: routeProtocolName(best.Protocol),
		NHID:     best.NHID,
	}
	if best.PrefSrc.IsValid() {
		d.PrefSrc = formatIP(family, best.PrefSrc)
	}
	for _, h := range liveHops(best) {
		nh := DefaultNextHop{Index: h.Index, Weight: h.Weight, Flags: nextHopFlagNames(h.Flags)}
		switch {
		case h.Gateway.IsValid():
			nh.Gateway = formatIP(family, h.Gateway)
		case h.Via.IsValid():
			nh.Gateway = formatIP(addrFamily(h.Via), h.Via)
		}
		if i, ok := idx[h.Index]; ok && h.Index != 0 {
			nh.Ifname = s.Links[i].Name
		}
		d.NextHops = append(d.NextHops, nh)
	}
	return d, nil
}

// liveHops returns r's next hops (its RTA_MULTIPATH entries, or the single
// path of its top-level attributes) without dead ones. A single path's
// flags are the route's rtm_flags, where the kernel reports them.
func liveHops(r *Route) []NextHop {
	var hops []NextHop
	if len(r.MultiPath) > 0 {
		for _, h := range r.MultiPath {
			if h.Flags&rtnhFDead == 0 {
				hops = append(hops, h)
			}
		}
		return hops
	}
	if r.Flags&rtnhFDead != 0 {
		return nil
	}
	if !r.Gateway.IsValid() && !r.Via.IsValid() && r.OIF == 0 {
		return nil
	}
	return []NextHop{{Gateway: r.Gateway, Via: r.Via, Index: r.OIF, Weight: 1, Flags: uint8(r.Flags)}}
}

// Route types (rtm_type) that end a main-table lookup for a default. A
// throw route sends the lookup on to the next rule, and local, broadcast,
// anycast, multicast, NAT and xresolve routes are never a default path.
const (
	rtnBlackhole   = 6
	rtnUnreachable = 7
	rtnProhibit    = 8
)

func isUsableType(t uint8) bool {
	switch t {
	case rtnUnicast, rtnBlackhole, rtnUnreachable, rtnProhibit:
		return true
	}
	return false
}

// needsHops reports whether a route of type t is useless without a live
// next hop; the reject types carry none.
func needsHops(t uint8) bool { return t == rtnUnicast }

func addrFamily(a netip.Addr) int {
	if a.Is4() {
		return AF_INET
	}
	return AF_INET6
}
