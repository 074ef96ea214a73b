package rtnl

import (
	"fmt"
	"net"
	"net/netip"
)

// Address is the typed view of an RTM_NEWADDR message.
type Address struct {
	Family    uint8
	Index     int
	PrefixLen int
	Flags     uint32 // IFA_F_*: IFA_FLAGS when present (32 bits), else the header byte
	Scope     uint8
	Address   netip.Addr // IFA_ADDRESS: the peer on point-to-point links
	Local     netip.Addr // IFA_LOCAL: the local address (IPv4; absent for IPv6)
	Broadcast netip.Addr
	Anycast   netip.Addr
	Label     string
	Proto     uint8
	// CacheInfo is IFA_CACHEINFO (ifa_preferred, ifa_valid, cstamp, tstamp).
	Preferred, Valid uint32 // lifetimes in seconds, 0xffffffff = forever
	HasCacheInfo     bool

	Msg *Message
}

// IP returns the interface's own address: IFA_LOCAL when present (it
// differs from IFA_ADDRESS on point-to-point links), else IFA_ADDRESS.
func (a *Address) IP() netip.Addr {
	if a.Local.IsValid() {
		return a.Local
	}
	return a.Address
}

// Prefix returns IP()/PrefixLen.
func (a *Address) Prefix() netip.Prefix { return netip.PrefixFrom(a.IP(), a.PrefixLen) }

// Peer returns the point-to-point peer (IFA_ADDRESS when it differs from
// IFA_LOCAL), or the zero Addr.
func (a *Address) Peer() netip.Addr {
	if a.Local.IsValid() && a.Address.IsValid() && a.Local != a.Address {
		return a.Address
	}
	return netip.Addr{}
}

// AddressFromMessage builds the typed view of an address message.
func AddressFromMessage(m *Message) (Address, error) {
	if m.schema != addrSchema {
		return Address{}, fmt.Errorf("rtnl: %s is not an address message", m.Event())
	}
	a := Address{
		Family:    uint8(m.fixed[addrFieldFamily]),
		PrefixLen: int(m.fixed[addrFieldPrefixLen]),
		Flags:     uint32(m.fixed[addrFieldFlags]),
		Scope:     uint8(m.fixed[addrFieldScope]),
		Index:     int(uint32(m.fixed[addrFieldIndex])),
		Msg:       m,
	}
	for i := range m.Attrs {
		if at := &m.Attrs[i]; at.Name != "UNKNOWN" {
			a.setAttr(at.Type, at.Value)
		}
	}
	return a, nil
}

// setAttr applies one decoded attribute to the view. The wire decoder
// calls the typed setters directly for scalar attributes.
func (a *Address) setAttr(typ uint16, v Value) {
	switch typ {
	case IFA_ADDRESS, IFA_LOCAL, IFA_BROADCAST, IFA_ANYCAST:
		a.setAddr(typ, asAddr(v))
	case IFA_LABEL:
		a.setString(typ, asString(v))
	case IFA_FLAGS, IFA_PROTO:
		a.setUint(typ, asUint(v))
	case IFA_CACHEINFO:
		if s, ok := v.(*Struct); ok && s.Len() >= 2 {
			a.Preferred, a.Valid = uint32(s.Field(0)), uint32(s.Field(1))
			a.HasCacheInfo = true
		}
	}
}

// addressViewAttrs lists the attributes setAttr uses.
var addressViewAttrs = attrSet(IFA_ADDRESS, IFA_LOCAL, IFA_BROADCAST, IFA_ANYCAST,
	IFA_LABEL, IFA_FLAGS, IFA_PROTO, IFA_CACHEINFO)

func (a *Address) setAddr(typ uint16, ip netip.Addr) {
	switch typ {
	case IFA_ADDRESS:
		a.Address = ip
	case IFA_LOCAL:
		a.Local = ip
	case IFA_BROADCAST:
		a.Broadcast = ip
	case IFA_ANYCAST:
		a.Anycast = ip
	}
}

func (a *Address) setString(typ uint16, s string) {
	if typ == IFA_LABEL {
		a.Label = s
	}
}

func (a *Address) setUint(typ uint16, x uint64) {
	switch typ {
	case IFA_FLAGS:
		a.Flags = uint32(x)
	case IFA_PROTO:
		a.Proto = uint8(x)
	}
}

// Route is the typed view of an RTM_NEWROUTE message.
type Route struct {
	Family   uint8
	Table    uint32 // RTA_TABLE when present (tables > 255), else the header byte
	Dst      netip.Prefix
	DstLen   int
	Src      netip.Prefix // source-specific routing (IPv6 from ...)
	Gateway  netip.Addr
	Via      netip.Addr // RTA_VIA (gateway of another family)
	PrefSrc  netip.Addr
	OIF      int
	IIF      int
	Priority uint32 // metric
	Protocol uint8
	Scope    uint8
	Type     uint8 // RTN_*
	Flags    uint32
	TOS      uint8
	Mark     uint32
	Pref     uint8 // IPv6 router preference
	// Multipath holds the next hops of an ECMP route; Weight = Hops + 1.
	Multipath []RouteNexthop
	// Metrics holds RTA_METRICS as RTAX_* type → value (RTAX_CC_ALGO is
	// in CCAlgo).
	Metrics map[uint16]uint32
	CCAlgo  string
	Labels  Labels // AF_MPLS destination label stack
	NHID    uint32 // RTA_NH_ID: the nexthop object the route uses, 0 when none

	Msg *Message
}

// RouteNexthop is one next hop of a multipath route.
type RouteNexthop struct {
	Gateway netip.Addr
	Via     netip.Addr
	OIF     int
	Flags   uint8 // RTNH_F_*
	Hops    uint8 // raw rtnh_hops; iproute2's weight is Hops+1
}

// Weight returns iproute2's weight (rtnh_hops + 1).
func (n RouteNexthop) Weight() int { return int(n.Hops) + 1 }

// RouteFromMessage builds the typed view of a route message.
func RouteFromMessage(m *Message) (Route, error) {
	if m.schema != routeSchema {
		return Route{}, fmt.Errorf("rtnl: %s is not a route message", m.Event())
	}
	r := Route{
		Family:   uint8(m.fixed[routeFieldFamily]),
		DstLen:   int(m.fixed[routeFieldDstLen]),
		TOS:      uint8(m.fixed[routeFieldTOS]),
		Table:    uint32(m.fixed[routeFieldTable]),
		Protocol: uint8(m.fixed[routeFieldProto]),
		Scope:    uint8(m.fixed[routeFieldScope]),
		Type:     uint8(m.fixed[routeFieldType]),
		Flags:    uint32(m.fixed[routeFieldFlags]),
		Msg:      m,
	}
	srcLen := int(m.fixed[routeFieldSrcLen])
	for i := range m.Attrs {
		if at := &m.Attrs[i]; at.Name != "UNKNOWN" {
			r.setAttr(at.Type, at.Value, srcLen)
		}
	}
	r.finish()
	return r, nil
}

// setAttr applies one decoded attribute to the view; srcLen is
// rtm_src_len. The wire decoder calls the typed setters directly for
// scalar attributes.
func (r *Route) setAttr(typ uint16, v Value, srcLen int) {
	switch typ {
	case RTA_TABLE, RTA_OIF, RTA_IIF, RTA_PRIORITY, RTA_MARK, RTA_NH_ID, RTA_PREF:
		r.setUint(typ, asUint(v))
	case RTA_DST, RTA_SRC, RTA_GATEWAY, RTA_PREFSRC:
		if l, ok := v.(Labels); ok && typ == RTA_DST {
			r.Labels = l
			return
		}
		r.setAddr(typ, asAddr(v), srcLen)
	case RTA_VIA:
		r.Via = viaAddr(v)
	case RTA_METRICS:
		if nested, ok := v.(Attrs); ok {
			r.Metrics = make(map[uint16]uint32, len(nested))
			for _, x := range nested {
				if x.Type == RTAX_CC_ALGO {
					r.CCAlgo = asString(x.Value)
				} else if x.Name != "UNKNOWN" {
					r.Metrics[x.Type] = uint32(asUint(x.Value))
				}
			}
		}
	case RTA_MULTIPATH:
		if mp, ok := v.(Multipath); ok {
			for _, nh := range mp {
				rn := RouteNexthop{OIF: int(nh.OIF), Flags: nh.Flags, Hops: nh.Hops}
				if v, ok := nh.Attrs.ByType(RTA_GATEWAY); ok {
					rn.Gateway = asAddr(v)
				}
				if v, ok := nh.Attrs.ByType(RTA_VIA); ok {
					rn.Via = viaAddr(v)
				}
				r.Multipath = append(r.Multipath, rn)
			}
		}
	}
}

// routeViewAttrs lists the attributes setAttr uses.
var routeViewAttrs = attrSet(RTA_TABLE, RTA_OIF, RTA_IIF, RTA_PRIORITY, RTA_MARK, RTA_NH_ID,
	RTA_PREF, RTA_DST, RTA_SRC, RTA_GATEWAY, RTA_PREFSRC, RTA_VIA, RTA_METRICS, RTA_MULTIPATH)

func (r *Route) setUint(typ uint16, x uint64) {
	switch typ {
	case RTA_TABLE:
		r.Table = uint32(x)
	case RTA_OIF:
		r.OIF = int(x)
	case RTA_IIF:
		r.IIF = int(x)
	case RTA_PRIORITY:
		r.Priority = uint32(x)
	case RTA_MARK:
		r.Mark = uint32(x)
	case RTA_NH_ID:
		r.NHID = uint32(x)
	case RTA_PREF:
		r.Pref = uint8(x)
	}
}

// setAddr sets an address attribute; an invalid ip (wrong payload size)
// clears a gateway or preferred source but leaves Dst/Src unset.
func (r *Route) setAddr(typ uint16, ip netip.Addr, srcLen int) {
	switch typ {
	case RTA_DST:
		if ip.IsValid() {
			r.Dst = netip.PrefixFrom(ip, r.DstLen)
		}
	case RTA_SRC:
		if ip.IsValid() {
			r.Src = netip.PrefixFrom(ip, srcLen)
		}
	case RTA_GATEWAY:
		r.Gateway = ip
	case RTA_PREFSRC:
		r.PrefSrc = ip
	}
}

// finish fills what the attributes left implicit.
func (r *Route) finish() {
	if !r.Dst.IsValid() && r.Family != AF_MPLS {
		// No RTA_DST: the default route of the family.
		switch r.Family {
		case AF_INET:
			r.Dst = netip.PrefixFrom(netip.IPv4Unspecified(), r.DstLen)
		case AF_INET6:
			r.Dst = netip.PrefixFrom(netip.IPv6Unspecified(), r.DstLen)
		}
	}
}

// Neighbour is the typed view of an RTM_NEWNEIGH message.
type Neighbour struct {
	Family  uint8
	Index   int
	State   uint16 // NUD_*
	Flags   uint8  // NTF_*
	Type    uint8
	Dst     netip.Addr
	LLAddr  net.HardwareAddr
	Probes  uint32
	VLAN    uint16
	Master  int
	LLAddrS string // NDA_LLADDR as pyroute2 shows it (MAC, IP for tunnels, or hex)

	Msg *Message
}

// NeighbourFromMessage builds the typed view of a neighbour message.
func NeighbourFromMessage(m *Message) (Neighbour, error) {
	if m.schema != neighSchema {
		return Neighbour{}, fmt.Errorf("rtnl: %s is not a neighbour message", m.Event())
	}
	n := Neighbour{
		Family: uint8(m.fixed[neighFieldFamily]),
		Index:  int(m.fixed[neighFieldIfindex]),
		State:  uint16(m.fixed[neighFieldState]),
		Flags:  uint8(m.fixed[neighFieldFlags]),
		Type:   uint8(m.fixed[neighFieldType]),
		Msg:    m,
	}
	for i := range m.Attrs {
		at := &m.Attrs[i]
		if at.Name == "UNKNOWN" {
			continue
		}
		switch at.Type {
		case NDA_DST:
			n.Dst = asAddr(at.Value)
		case NDA_LLADDR:
			n.LLAddr = asHW(at.Value)
			n.LLAddrS = asString(at.Value)
		case NDA_PROBES:
			n.Probes = uint32(asUint(at.Value))
		case NDA_VLAN:
			n.VLAN = uint16(asUint(at.Value))
		case NDA_MASTER:
			n.Master = int(asUint(at.Value))
		}
	}
	return n, nil
}

// Rule is the typed view of an RTM_NEWRULE message.
type Rule struct {
	Family   uint8
	Table    uint32 // FRA_TABLE when present, else the header byte
	Action   uint8  // FR_ACT_*
	Flags    uint32
	TOS      uint8
	Priority uint32
	Src      netip.Prefix
	Dst      netip.Prefix
	IIFName  string
	OIFName  string
	FwMark   uint32
	FwMask   uint32
	Goto     uint32
	Protocol uint8
	// SuppressPrefixLen is -1 when unset (the kernel reports 0xffffffff).
	SuppressPrefixLen int64

	Msg *Message
}

// RuleFromMessage builds the typed view of a rule message.
func RuleFromMessage(m *Message) (Rule, error) {
	if m.schema != ruleSchema {
		return Rule{}, fmt.Errorf("rtnl: %s is not a rule message", m.Event())
	}
	r := Rule{
		Family:            uint8(m.fixed[ruleFieldFamily]),
		TOS:               uint8(m.fixed[ruleFieldTOS]),
		Table:             uint32(m.fixed[ruleFieldTable]),
		Action:            uint8(m.fixed[ruleFieldAction]),
		Flags:             uint32(m.fixed[ruleFieldFlags]),
		SuppressPrefixLen: -1,
		Msg:               m,
	}
	dstLen, srcLen := int(m.fixed[ruleFieldDstLen]), int(m.fixed[ruleFieldSrcLen])
	for i := range m.Attrs {
		at := &m.Attrs[i]
		if at.Name == "UNKNOWN" {
			continue
		}
		switch at.Type {
		case FRA_TABLE:
			r.Table = uint32(asUint(at.Value))
		case FRA_PRIORITY:
			r.Priority = uint32(asUint(at.Value))
		case FRA_SRC:
			if ip := asAddr(at.Value); ip.IsValid() {
				r.Src = netip.PrefixFrom(ip, srcLen)
			}
		case FRA_DST:
			if ip := asAddr(at.Value); ip.IsValid() {
				r.Dst = netip.PrefixFrom(ip, dstLen)
			}
		case FRA_IIFNAME:
			r.IIFName = asString(at.Value)
		case FRA_OIFNAME:
			r.OIFName = asString(at.Value)
		case FRA_FWMARK:
			r.FwMark = uint32(asUint(at.Value))
		case FRA_FWMASK:
			r.FwMask = uint32(asUint(at.Value))
		case FRA_GOTO:
			r.Goto = uint32(asUint(at.Value))
		case FRA_PROTOCOL:
			r.Protocol = uint8(asUint(at.Value))
		case FRA_SUPPRESS_PREFIXLEN:
			if v := uint32(asUint(at.Value)); v != 0xffffffff {
				r.SuppressPrefixLen = int64(v)
			}
		}
	}
	return r, nil
}

func asAddr(v Value) netip.Addr {
	if ip, ok := v.(IP); ok {
		return ip.Addr()
	}
	return netip.Addr{}
}

func viaAddr(v Value) netip.Addr {
	if o, ok := v.(Object); ok {
		if a, ok := o.Get("addr"); ok {
			return asAddr(a)
		}
	}
	return netip.Addr{}
}
