package ifenum

import "net/netip"

// The formatting layer works on these small views of rtnetlink messages, so
// every netifaces rule can be tested from synthetic input without a kernel.
// Absent attributes are zero values: a nil byte slice, an invalid
// netip.Addr, an empty label, a zero ifindex.

// Link is what netifaces sees of one RTM_NEWLINK message.
type Link struct {
	Index int    // ifi_index
	Name  string // IFLA_IFNAME, raw bytes (may be invalid UTF-8)
	Flags uint32 // ifi_flags, IFF_*
	Type  uint16 // ifi_type, ARPHRD_*
	// HardwareAddr is IFLA_ADDRESS; nil when the link has none (tun, ppp,
	// wireguard). Only a nil HardwareAddr means "no AF_PACKET entry".
	HardwareAddr []byte
	Broadcast    []byte // IFLA_BROADCAST; nil when absent
}

// Address is what netifaces sees of one RTM_NEWADDR message.
type Address struct {
	Family    int // AF_INET or AF_INET6
	Index     int // ifa_index
	PrefixLen int // ifa_prefixlen
	Flags     uint32
	Scope     uint8
	Local     netip.Addr // IFA_LOCAL (IPv4 always; IPv6 only with a peer)
	Address   netip.Addr // IFA_ADDRESS (the peer when IFA_LOCAL differs)
	Broadcast netip.Addr // IFA_BROADCAST (IPv4 only)
	Label     string     // IFA_LABEL (IPv4 only); "" means the link's name
}

// Route is what gateways() and DefaultGateway see of one RTM_NEWROUTE.
type Route struct {
	Family   int
	Table    uint32 // RTA_TABLE, or rtm_table when RTA_TABLE is absent
	DstLen   int    // rtm_dst_len
	Dst      netip.Addr
	Gateway  netip.Addr // RTA_GATEWAY
	Via      netip.Addr // RTA_VIA (gateway of another family)
	OIF      int        // RTA_OIF; 0 when absent
	Priority uint32     // RTA_PRIORITY (the "metric"); 0 when absent
	Type     uint8      // rtm_type, RTN_*
	Protocol uint8      // rtm_protocol, RTPROT_*
	Scope    uint8      // rtm_scope
	Flags    uint32     // rtm_flags, RTNH_F_* and RTM_F_*
	NHID     uint32     // RTA_NH_ID; 0 when absent
	PrefSrc  netip.Addr // RTA_PREFSRC
	// MultiPath holds the RTA_MULTIPATH next hops (ECMP); when it is
	// non-empty Gateway, Via and OIF are normally absent.
	MultiPath []NextHop
}

// NextHop is one rtnexthop of RTA_MULTIPATH.
type NextHop struct {
	Gateway netip.Addr
	Via     netip.Addr
	Index   int   // rtnh_ifindex
	Weight  int   // rtnh_hops + 1
	Flags   uint8 // rtnh_flags, RTNH_F_*
}

// rtmTable is the table number as it appears in rtm_table: ids above 255
// are reported as RT_TABLE_COMPAT.
func (r Route) rtmTable() uint8 {
	if r.Table > 255 {
		return rtTableCompat
	}
	return uint8(r.Table)
}

// Linux constants used by the formatting rules. They are fixed kernel ABI,
// spelled out here so the pure layer builds on every OS.
const (
	AF_UNSPEC = 0
	AF_INET   = 2
	AF_INET6  = 10
	AF_PACKET = 17

	iffUp           = 0x1
	iffBroadcast    = 0x2
	iffLoopback     = 0x8
	iffPointToPoint = 0x10

	rtTableCompat = 252
	rtTableMain   = 254

	rtnUnicast = 1

	rtnhFDead     = 0x1
	rtnhFLinkDown = 0x10
	rtnhFOnlink   = 0x4
)
