package rtnl

// Dump filters. Each builds the request the kernel filters on when
// NETLINK_GET_STRICT_CHK is on, and a Go predicate that gives the same
// answer when it is not (the predicate always runs; it is cheap).

// LinkFilter selects links. Zero fields match everything.
type LinkFilter struct {
	Master  int    // IFLA_MASTER index (kernel-filtered with strict check)
	Kind    string // IFLA_INFO_KIND (kernel-filtered with strict check)
	ExtMask uint32 // IFLA_EXT_MASK, e.g. RTEXT_FILTER_VF
	Family  uint8  // AF_BRIDGE dumps bridge port info
}

// Request returns the RTM_GETLINK dump request.
func (f LinkFilter) Request() Request {
	e := NewAttrEncoder(IfInfoMsg{Family: f.Family}.Bytes())
	if f.ExtMask != 0 {
		e.U32(IFLA_EXT_MASK, f.ExtMask)
	}
	if f.Master != 0 {
		e.U32(IFLA_MASTER, uint32(f.Master))
	}
	if f.Kind != "" {
		n := e.Nest(IFLA_LINKINFO)
		e.String(IFLA_INFO_KIND, f.Kind)
		e.End(n)
	}
	return Request{Type: RTM_GETLINK, Flags: NLM_F_REQUEST | NLM_F_DUMP, Data: e.Bytes()}
}

// Match reports whether m passes the filter.
func (f LinkFilter) Match(m *Message) bool {
	if m.schema != linkSchema {
		return false
	}
	if f.Master != 0 {
		if v, ok := m.Attrs.ByType(IFLA_MASTER); !ok || int(asUint(v)) != f.Master {
			return false
		}
	}
	if f.Kind != "" {
		v, ok := m.Attrs.Nested("IFLA_LINKINFO", "IFLA_INFO_KIND")
		if !ok || asString(v) != f.Kind {
			return false
		}
	}
	return true
}

// AddressFilter selects addresses. Zero fields match everything.
type AddressFilter struct {
	Family uint8 // AF_INET, AF_INET6 or 0 for both
	Index  int   // interface index (kernel-filtered with strict check)
}

// Request returns the RTM_GETADDR dump request.
func (f AddressFilter) Request() Request {
	return Request{Type: RTM_GETADDR, Flags: NLM_F_REQUEST | NLM_F_DUMP,
		Data: IfAddrMsg{Family: f.Family, Index: uint32(f.Index)}.Bytes()}
}

// Match reports whether m passes the filter.
func (f AddressFilter) Match(m *Message) bool {
	if m.schema != addrSchema {
		return false
	}
	if f.Family != 0 && uint8(m.fixed[addrFieldFamily]) != f.Family {
		return false
	}
	if f.Index != 0 && int(uint32(m.fixed[addrFieldIndex])) != f.Index {
		return false
	}
	return true
}

// RouteFilter selects routes. Zero fields match everything; note that
// Table 0 means every table (pyroute2 also dumps all tables).
type RouteFilter struct {
	Family   uint8  // AF_INET, AF_INET6, AF_MPLS or 0 for all
	Table    uint32 // kernel-filtered with strict check
	Protocol uint8  // RTPROT_*, kernel-filtered
	Type     uint8  // RTN_*, kernel-filtered
	OIF      int    // kernel-filtered
	// Cloned asks for cached/exception routes (RTM_F_CLONED) instead of
	// FIB entries.
	Cloned bool
	// ZeroDst keeps only routes whose destination address is absent or
	// all zeros, whatever the prefix length (what netifaces counts as a
	// default route). Filtered in Go only.
	ZeroDst bool
}

// Request returns the RTM_GETROUTE dump request.
func (f RouteFilter) Request() Request {
	h := RtMsg{Family: f.Family, Protocol: f.Protocol, Type: f.Type}
	if f.Table != 0 && f.Table < 256 {
		h.Table = uint8(f.Table)
	}
	if f.Cloned {
		h.Flags = RTM_F_CLONED
	}
	e := NewAttrEncoder(h.Bytes())
	if f.Table != 0 {
		e.U32(RTA_TABLE, f.Table)
	}
	if f.OIF != 0 {
		e.U32(RTA_OIF, uint32(f.OIF))
	}
	return Request{Type: RTM_GETROUTE, Flags: NLM_F_REQUEST | NLM_F_DUMP, Data: e.Bytes()}
}

// Match reports whether m passes the filter.
func (f RouteFilter) Match(m *Message) bool {
	if m.schema != routeSchema {
		return false
	}
	if f.Family != 0 && uint8(m.fixed[routeFieldFamily]) != f.Family {
		return false
	}
	if f.Protocol != 0 && uint8(m.fixed[routeFieldProto]) != f.Protocol {
		return false
	}
	if f.Type != 0 && uint8(m.fixed[routeFieldType]) != f.Type {
		return false
	}
	if f.Table != 0 && routeTableOf(m) != f.Table {
		return false
	}
	if f.OIF != 0 && !routeUsesOIF(m, f.OIF) {
		return false
	}
	if f.ZeroDst {
		if r, err := RouteFromMessage(m); err != nil || !r.zeroDst() {
			return false
		}
	}
	return true
}

func routeTableOf(m *Message) uint32 {
	if v, ok := m.Attrs.ByType(RTA_TABLE); ok {
		return uint32(asUint(v))
	}
	return uint32(m.fixed[routeFieldTable])
}

func routeUsesOIF(m *Message, oif int) bool {
	if v, ok := m.Attrs.ByType(RTA_OIF); ok && int(asUint(v)) == oif {
		return true
	}
	if v, ok := m.Attrs.ByType(RTA_MULTIPATH); ok {
		if mp, ok := v.(Multipath); ok {
			for _, nh := range mp {
				if int(nh.OIF) == oif {
					return true
				}
			}
		}
	}
	return false
}

// NeighFilter selects neighbours. Zero fields match everything.
type NeighFilter struct {
	Family uint8 // AF_INET, AF_INET6, AF_BRIDGE (fdb) or 0
	Index  int   // NDA_IFINDEX, kernel-filtered with strict check
	Master int   // NDA_MASTER, kernel-filtered with strict check
	// Proxy dumps proxy entries (NTF_PROXY) instead of the cache.
	Proxy bool
}

// Request returns the RTM_GETNEIGH dump request.
func (f NeighFilter) Request() Request {
	h := NdMsg{Family: f.Family}
	if f.Proxy {
		h.Flags = NTF_PROXY
	}
	e := NewAttrEncoder(h.Bytes())
	if f.Index != 0 {
		e.U32(NDA_IFINDEX, uint32(f.Index))
	}
	if f.Master != 0 {
		e.U32(NDA_MASTER, uint32(f.Master))
	}
	return Request{Type: RTM_GETNEIGH, Flags: NLM_F_REQUEST | NLM_F_DUMP, Data: e.Bytes()}
}

// Match reports whether m passes the filter.
func (f NeighFilter) Match(m *Message) bool {
	if m.schema != neighSchema {
		return false
	}
	if f.Family != 0 && uint8(m.fixed[neighFieldFamily]) != f.Family {
		return false
	}
	if f.Index != 0 && int(m.fixed[neighFieldIfindex]) != f.Index {
		return false
	}
	if f.Master != 0 {
		if v, ok := m.Attrs.ByType(NDA_MASTER); !ok || int(asUint(v)) != f.Master {
			return false
		}
	}
	return true
}

// RuleFilter selects policy routing rules.
type RuleFilter struct {
	Family uint8 // AF_INET, AF_INET6 or 0 for both
}

// Request returns the RTM_GETRULE dump request.
func (f RuleFilter) Request() Request {
	return Request{Type: RTM_GETRULE, Flags: NLM_F_REQUEST | NLM_F_DUMP,
		Data: FibRuleHdr{Family: f.Family}.Bytes()}
}

// Match reports whether m passes the filter.
func (f RuleFilter) Match(m *Message) bool {
	if m.schema != ruleSchema {
		return false
	}
	return f.Family == 0 || uint8(m.fixed[ruleFieldFamily]) == f.Family
}

// LinkRequestByIndex returns the RTM_GETLINK request for one index.
func LinkRequestByIndex(index int) Request {
	return Request{Type: RTM_GETLINK, Flags: NLM_F_REQUEST | NLM_F_ACK,
		Data: IfInfoMsg{Index: int32(index)}.Bytes()}
}

// LinkRequestByName returns the RTM_GETLINK request for one name (an
// alternative name works too: the kernel resolves both).
func LinkRequestByName(name string) Request {
	e := NewAttrEncoder(IfInfoMsg{}.Bytes())
	if len(name) < 16 {
		e.String(IFLA_IFNAME, name)
	} else {
		e.String(IFLA_ALT_IFNAME, name)
	}
	return Request{Type: RTM_GETLINK, Flags: NLM_F_REQUEST | NLM_F_ACK, Data: e.Bytes()}
}
