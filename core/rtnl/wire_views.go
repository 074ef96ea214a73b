package rtnl

import (
	"encoding/binary"
	"net/netip"
)

// Wire decoders: typed views built straight from a received message,
// without the generic Message (no attribute list, no boxed values). They
// give the same view as XFromMessage(DecodeMessage(msg)) except that Msg
// is nil and attributes the view does not use are skipped undecoded, so a
// malformed one of those does not fail the message. A differential fuzz
// test holds the two paths together.

// attrSet builds a membership table of attribute types.
func attrSet(types ...uint16) []bool {
	var top uint16
	for _, t := range types {
		top = max(top, t)
	}
	set := make([]bool, top+1)
	for _, t := range types {
		set[t] = true
	}
	return set
}

func inSet(set []bool, typ uint16) bool { return int(typ) < len(set) && set[typ] }

// msgType returns the type of a received message.
func msgType(msg []byte) uint16 { return binary.NativeEndian.Uint16(msg[4:]) }

// wireBody returns the family header and attribute bytes of msg (a whole
// netlink message whose length was checked), with DecodeMessage's error
// for a short family header.
func wireBody(msg []byte, s *msgSchema) (hdr, attrs []byte, err error) {
	p := msg[nlmsgHeaderLen:]
	if len(p) < s.size {
		return nil, nil, &DecodeError{Reason: "short " + s.name + " header", Type: binary.NativeEndian.Uint16(msg[4:]), Len: len(p)}
	}
	return p[:s.size], p[s.size:], nil
}

// wireError is DecodeMessage's error for a malformed attribute stream.
func wireError(msg []byte, err error) error {
	return &DecodeError{Reason: err.Error(), Type: binary.NativeEndian.Uint16(msg[4:]), Len: len(msg) - nlmsgHeaderLen}
}

// scalarOf decodes an integer attribute as decodeValue would and returns
// it as asUint sees it; ok is false for formats that are not integers.
// A payload too short for the format gives 0 (decodeValue: Unknown).
func scalarOf(f attrFormat, d []byte) (x uint64, ok bool) {
	switch f {
	case fmtU8:
		if len(d) >= 1 {
			x = uint64(d[0])
		}
	case fmtU16:
		if len(d) >= 2 {
			x = uint64(binary.NativeEndian.Uint16(d))
		}
	case fmtU32:
		if len(d) >= 4 {
			x = uint64(binary.NativeEndian.Uint32(d))
		}
	case fmtU64:
		if len(d) >= 8 {
			x = binary.NativeEndian.Uint64(d)
		}
	case fmtS8:
		if len(d) >= 1 {
			x = uint64(int64(int8(d[0])))
		}
	case fmtS32:
		if len(d) >= 4 {
			x = uint64(int64(int32(binary.NativeEndian.Uint32(d))))
		}
	case fmtS64:
		if len(d) >= 8 {
			x = binary.NativeEndian.Uint64(d)
		}
	case fmtBE16:
		if len(d) >= 2 {
			x = uint64(binary.BigEndian.Uint16(d))
		}
	case fmtBE32:
		if len(d) >= 4 {
			x = uint64(binary.BigEndian.Uint32(d))
		}
	case fmtBE64:
		if len(d) >= 8 {
			x = binary.BigEndian.Uint64(d)
		}
	default:
		return 0, false
	}
	return x, true
}

// addrOf decodes an address attribute as decodeValue would and returns it
// as asAddr sees it (invalid for a payload of the wrong size); ok is false
// when the value would not be a plain address (MPLS labels, other
// families, link-layer formats): the caller then decodes generically.
func addrOf(f attrFormat, d []byte, family uint8) (ip netip.Addr, ok bool) {
	switch f {
	case fmtIP:
		switch {
		case len(d) >= 16:
			return netip.AddrFrom16([16]byte(d[:16])), true
		case len(d) >= 4 && len(d) <= 8:
			return netip.AddrFrom4([4]byte(d[:4])), true
		}
		return netip.Addr{}, true
	case fmtIP4:
		if len(d) >= 4 {
			return netip.AddrFrom4([4]byte(d[:4])), true
		}
		return netip.Addr{}, true
	case fmtIP6:
		if len(d) >= 16 {
			return netip.AddrFrom16([16]byte(d[:16])), true
		}
		return netip.Addr{}, true
	case fmtTarget:
		switch family {
		case AF_INET:
			if len(d) >= 4 {
				return netip.AddrFrom4([4]byte(d[:4])), true
			}
			return netip.Addr{}, true
		case AF_INET6:
			if len(d) >= 16 {
				return netip.AddrFrom16([16]byte(d[:16])), true
			}
			return netip.Addr{}, true
		}
	}
	return netip.Addr{}, false
}

// genericValue decodes one attribute the slow way, as decodeAttrs does.
func genericValue(spec *attrSpec, it *nlaIter, ctx *decodeCtx) (Value, error) {
	v, err := decodeValue(spec, it.data, it.b, ctx)
	if err != nil {
		return nil, err
	}
	if v == nil {
		v = Unknown{Type: it.typ, Data: clone(it.data)}
	}
	return v, nil
}

// linkFromWire builds the Link view of an RTM_NEWLINK message.
func linkFromWire(msg []byte) (Link, error) {
	hdr, attrs, err := wireBody(msg, linkSchema)
	if err != nil {
		return Link{}, err
	}
	l := Link{
		Family:      hdr[0],
		Type:        binary.NativeEndian.Uint16(hdr[2:]),
		Index:       int(int32(binary.NativeEndian.Uint32(hdr[4:]))),
		Flags:       binary.NativeEndian.Uint32(hdr[8:]),
		LinkNetNSID: -1,
	}
	ctx := decodeCtx{family: l.Family}
	it := nlaIter{b: attrs}
	for it.next() {
		typ := it.typ & nlaTypeMask
		if !inSet(linkViewAttrs, typ) {
			continue
		}
		spec := linkTable.lookup(typ)
		if spec == nil {
			continue
		}
		if x, ok := scalarOf(spec.format, it.data); ok {
			l.setUint(typ, x)
			continue
		}
		switch spec.format {
		case fmtString:
			l.setString(typ, string(trimNUL(it.data)))
			continue
		case fmtHex:
			l.setBytes(typ, clone(it.data))
			continue
		}
		v, err := genericValue(spec, &it, &ctx)
		if err != nil {
			return Link{}, wireError(msg, err)
		}
		l.setAttr(typ, v)
	}
	if it.err != nil {
		return Link{}, wireError(msg, it.err)
	}
	return l, nil
}

// addressFromWire builds the Address view of an RTM_NEWADDR message.
func addressFromWire(msg []byte) (Address, error) {
	hdr, attrs, err := wireBody(msg, addrSchema)
	if err != nil {
		return Address{}, err
	}
	a := Address{
		Family:    hdr[0],
		PrefixLen: int(hdr[1]),
		Flags:     uint32(hdr[2]),
		Scope:     hdr[3],
		Index:     int(binary.NativeEndian.Uint32(hdr[4:])),
	}
	ctx := decodeCtx{family: a.Family}
	it := nlaIter{b: attrs}
	for it.next() {
		typ := it.typ & nlaTypeMask
		if !inSet(addressViewAttrs, typ) {
			continue
		}
		spec := addrTable.lookup(typ)
		if spec == nil {
			continue
		}
		if x, ok := scalarOf(spec.format, it.data); ok {
			a.setUint(typ, x)
			continue
		}
		if ip, ok := addrOf(spec.format, it.data, a.Family); ok {
			a.setAddr(typ, ip)
			continue
		}
		if spec.format == fmtString {
			a.setString(typ, string(trimNUL(it.data)))
			continue
		}
		v, err := genericValue(spec, &it, &ctx)
		if err != nil {
			return Address{}, wireError(msg, err)
		}
		a.setAttr(typ, v)
	}
	if it.err != nil {
		return Address{}, wireError(msg, it.err)
	}
	return a, nil
}

// routeFromWire builds the Route view of an RTM_NEWROUTE message into r
// (which is overwritten; its Multipath backing array is not reused).
func routeFromWire(msg []byte, r *Route) error {
	hdr, attrs, err := wireBody(msg, routeSchema)
	if err != nil {
		return err
	}
	*r = Route{
		Family:   hdr[0],
		DstLen:   int(hdr[1]),
		TOS:      hdr[3],
		Table:    uint32(hdr[4]),
		Protocol: hdr[5],
		Scope:    hdr[6],
		Type:     hdr[7],
		Flags:    binary.NativeEndian.Uint32(hdr[8:]),
	}
	srcLen := int(hdr[2])
	ctx := decodeCtx{family: r.Family}
	it := nlaIter{b: attrs}
	for it.next() {
		typ := it.typ & nlaTypeMask
		if !inSet(routeViewAttrs, typ) {
			continue
		}
		spec := routeTable.lookup(typ)
		if spec == nil {
			continue
		}
		if x, ok := scalarOf(spec.format, it.data); ok {
			r.setUint(typ, x)
			continue
		}
		if ip, ok := addrOf(spec.format, it.data, r.Family); ok {
			r.setAddr(typ, ip, srcLen)
			continue
		}
		v, err := genericValue(spec, &it, &ctx)
		if err != nil {
			*r = Route{}
			return wireError(msg, err)
		}
		r.setAttr(typ, v, srcLen)
	}
	if it.err != nil {
		*r = Route{}
		return wireError(msg, it.err)
	}
	r.finish()
	return nil
}

// The filters' Go predicates on typed views; they agree with Match on the
// message the view came from.

// MatchLink reports whether l passes the filter.
func (f LinkFilter) MatchLink(l *Link) bool {
	return (f.Master == 0 || l.Master == f.Master) && (f.Kind == "" || l.Kind == f.Kind)
}

// MatchAddress reports whether a passes the filter.
func (f AddressFilter) MatchAddress(a *Address) bool {
	return (f.Family == 0 || a.Family == f.Family) && (f.Index == 0 || a.Index == f.Index)
}

// MatchRoute reports whether r passes the filter.
func (f RouteFilter) MatchRoute(r *Route) bool {
	if f.Family != 0 && r.Family != f.Family ||
		f.Protocol != 0 && r.Protocol != f.Protocol ||
		f.Type != 0 && r.Type != f.Type ||
		f.Table != 0 && r.Table != f.Table ||
		f.ZeroDst && !r.zeroDst() {
		return false
	}
	if f.OIF == 0 || r.OIF == f.OIF {
		return true
	}
	for _, h := range r.Multipath {
		if h.OIF == f.OIF {
			return true
		}
	}
	return false
}

// zeroDst reports a destination that is absent or all zeros.
func (r *Route) zeroDst() bool { return !r.Dst.IsValid() || r.Dst.Addr().IsUnspecified() }

// wireNonZeroDst reports, without decoding the route, that an IPv4 or
// IPv6 route message has a destination other than all zeros, so a ZeroDst
// filter would reject its view. It answers false when unsure.
func wireNonZeroDst(msg []byte) bool {
	hdr, attrs, err := wireBody(msg, routeSchema)
	if err != nil {
		return false
	}
	family, dstLen := hdr[0], int(hdr[1])
	if family != AF_INET && family != AF_INET6 || dstLen > 128 || family == AF_INET && dstLen > 32 {
		return false
	}
	var dst netip.Addr
	it := nlaIter{b: attrs}
	for it.next() {
		if it.typ&nlaTypeMask != RTA_DST {
			continue
		}
		if ip, ok := addrOf(fmtTarget, it.data, family); ok && ip.IsValid() {
			dst = ip // the last valid one wins, as in the view
		}
	}
	return it.err == nil && dst.IsValid() && !dst.IsUnspecified()
}
