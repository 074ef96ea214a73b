package rtnl

import (
	"net/netip"
	"strconv"
)

// A Value is the decoded payload of one netlink attribute. The concrete
// types are None, Bool, Uint, Int, String, Hex, IP, Labels, *Struct, Object,
// Attrs (a nested attribute list), List, Multipath and Unknown. Every Value
// renders itself as JSON in pyroute2's shape.
type Value interface {
	// AppendJSON appends the JSON form of the value to dst.
	AppendJSON(dst []byte) []byte
	isValue()
}

// None is an attribute without a meaningful payload (pyroute2 'none'); it
// renders as null.
type None struct{}

// Bool is a flag attribute (pyroute2 'flag', present means true).
type Bool bool

// Uint is an unsigned integer attribute of any width.
type Uint uint64

// Int is a signed integer attribute of any width.
type Int int64

// String is a text attribute (the trailing NUL removed). It may hold bytes
// that are not UTF-8: the kernel does not promise UTF-8 names.
type String string

// Hex is a binary attribute shown as colon-separated hex ("aa:bb:cc"), the
// form pyroute2 uses for MAC addresses and opaque payloads.
type Hex []byte

// IP is an IPv4 or IPv6 address attribute.
type IP netip.Addr

// Labels is an MPLS label stack (RTA_DST/RTA_NEWDST of AF_MPLS routes and
// MPLS encapsulation), rendered as pyroute2's list of
// {"label","tc","bos","ttl"} records.
type Labels []MPLSLabel

// MPLSLabel is one entry of an MPLS label stack.
type MPLSLabel struct {
	Label uint32 // 20 bits
	TC    uint8  // 3 bits
	BOS   bool
	TTL   uint8
}

// Object is an ordered record with named members, for the few fixed
// structures that mix numbers and strings (RTA_VIA, bridge ids).
type Object []Member

// Member is one named member of an Object.
type Member struct {
	Name  string
	Value Value
}

// List is an array of values, for attributes whose payload is an array of
// attributes of one type (bond ARP targets).
type List []Value

// Unknown is an attribute missing from the decoding tables (or whose payload
// did not have the expected size). Nothing is dropped: the raw payload is
// kept. It renders as {"header":{"length":L,"type":T},"raw":"aa:bb"} where
// type keeps the NLA_F_* flag bits, like pyroute2.
type Unknown struct {
	Type uint16 // raw attribute type including flag bits
	Data []byte
}

func (None) isValue()      {}
func (Bool) isValue()      {}
func (Uint) isValue()      {}
func (Int) isValue()       {}
func (String) isValue()    {}
func (Hex) isValue()       {}
func (IP) isValue()        {}
func (Labels) isValue()    {}
func (*Struct) isValue()   {}
func (Object) isValue()    {}
func (Attrs) isValue()     {}
func (List) isValue()      {}
func (Multipath) isValue() {}
func (Unknown) isValue()   {}

// AppendJSON implements Value.
func (None) AppendJSON(dst []byte) []byte { return append(dst, "null"...) }

// AppendJSON implements Value.
func (v Bool) AppendJSON(dst []byte) []byte { return strconv.AppendBool(dst, bool(v)) }

// AppendJSON implements Value.
func (v Uint) AppendJSON(dst []byte) []byte { return strconv.AppendUint(dst, uint64(v), 10) }

// AppendJSON implements Value.
func (v Int) AppendJSON(dst []byte) []byte { return strconv.AppendInt(dst, int64(v), 10) }

// AppendJSON implements Value.
func (v String) AppendJSON(dst []byte) []byte { return AppendJSONString(dst, string(v)) }

// AppendJSON implements Value.
func (v Hex) AppendJSON(dst []byte) []byte {
	dst = append(dst, '"')
	dst = appendColonHex(dst, v)
	return append(dst, '"')
}

// String returns the colon-separated hex form.
func (v Hex) String() string { return string(appendColonHex(nil, v)) }

// Addr returns the address as a netip.Addr.
func (v IP) Addr() netip.Addr { return netip.Addr(v) }

// AppendJSON implements Value.
func (v IP) AppendJSON(dst []byte) []byte {
	dst = append(dst, '"')
	dst = netip.Addr(v).AppendTo(dst)
	return append(dst, '"')
}

// AppendJSON implements Value.
func (v Labels) AppendJSON(dst []byte) []byte {
	dst = append(dst, '[')
	for i, l := range v {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"label":`...)
		dst = strconv.AppendUint(dst, uint64(l.Label), 10)
		dst = append(dst, `,"tc":`...)
		dst = strconv.AppendUint(dst, uint64(l.TC), 10)
		dst = append(dst, `,"bos":`...)
		if l.BOS {
			dst = append(dst, '1')
		} else {
			dst = append(dst, '0')
		}
		dst = append(dst, `,"ttl":`...)
		dst = strconv.AppendUint(dst, uint64(l.TTL), 10)
		dst = append(dst, '}')
	}
	return append(dst, ']')
}

// AppendJSON implements Value.
func (v Object) AppendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	for i, m := range v {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = AppendJSONString(dst, m.Name)
		dst = append(dst, ':')
		dst = appendValueJSON(dst, m.Value)
	}
	return append(dst, '}')
}

// Get returns the member called name.
func (v Object) Get(name string) (Value, bool) {
	for _, m := range v {
		if m.Name == name {
			return m.Value, true
		}
	}
	return nil, false
}

// AppendJSON implements Value.
func (v List) AppendJSON(dst []byte) []byte {
	dst = append(dst, '[')
	for i, e := range v {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendValueJSON(dst, e)
	}
	return append(dst, ']')
}

// AppendJSON implements Value.
func (v Unknown) AppendJSON(dst []byte) []byte {
	dst = append(dst, `{"header":{"length":`...)
	dst = strconv.AppendUint(dst, uint64(len(v.Data)+4), 10)
	dst = append(dst, `,"type":`...)
	dst = strconv.AppendUint(dst, uint64(v.Type), 10)
	dst = append(dst, `},"raw":"`...)
	dst = appendColonHex(dst, v.Data)
	return append(dst, `"}`...)
}

// appendValueJSON renders v, with a nil Value as null.
func appendValueJSON(dst []byte, v Value) []byte {
	if v == nil {
		return append(dst, "null"...)
	}
	return v.AppendJSON(dst)
}
