package rtnl

import (
	"encoding/binary"
	"net/netip"
)

// Request is one rtnetlink request before sequencing: message type, header
// flags and payload (family header followed by attributes). Conn fills in
// length, sequence number and port id.
type Request struct {
	Type  uint16
	Flags uint16
	Data  []byte
}

// IsDump reports whether the request asks for a dump.
func (r Request) IsDump() bool { return r.Flags&NLM_F_DUMP == NLM_F_DUMP }

// Op names the request in errors: "RTM_NEWROUTE" or "dump RTM_GETLINK".
func (r Request) Op() string {
	if r.IsDump() {
		return "dump " + EventName(r.Type)
	}
	return EventName(r.Type)
}

// AppendWire appends the complete netlink message (nlmsghdr + payload).
func (r Request) AppendWire(dst []byte, seq, pid uint32) []byte {
	n := nlmsgHeaderLen + len(r.Data)
	var h [nlmsgHeaderLen]byte
	binary.NativeEndian.PutUint32(h[0:], uint32(n))
	binary.NativeEndian.PutUint16(h[4:], r.Type)
	binary.NativeEndian.PutUint16(h[6:], r.Flags)
	binary.NativeEndian.PutUint32(h[8:], seq)
	binary.NativeEndian.PutUint32(h[12:], pid)
	dst = append(dst, h[:]...)
	dst = append(dst, r.Data...)
	for len(dst)%4 != 0 {
		dst = append(dst, 0)
	}
	return dst
}

// AttrEncoder builds a netlink attribute stream (after a family header).
// Nesting is explicit: Nest returns a token that End closes. It never
// fails: values are written as given; size limits are checked by Err.
type AttrEncoder struct {
	b   []byte
	err error
}

// NewAttrEncoder starts an encoder whose buffer already holds hdr (the
// fixed family header, copied).
func NewAttrEncoder(hdr []byte) *AttrEncoder {
	return &AttrEncoder{b: append(make([]byte, 0, 256), hdr...)}
}

// Bytes returns the encoded payload.
func (e *AttrEncoder) Bytes() []byte { return e.b }

// Err reports an attribute that exceeded the 64 KiB netlink limit.
func (e *AttrEncoder) Err() error { return e.err }

func (e *AttrEncoder) put(typ uint16, data []byte) {
	l := 4 + len(data)
	if l > 0xffff {
		if e.err == nil {
			e.err = &EncodeError{Attr: typ, Reason: "attribute longer than 65535 bytes"}
		}
		return
	}
	var h [4]byte
	binary.NativeEndian.PutUint16(h[0:], uint16(l))
	binary.NativeEndian.PutUint16(h[2:], typ)
	e.b = append(e.b, h[:]...)
	e.b = append(e.b, data...)
	for len(e.b)%4 != 0 {
		e.b = append(e.b, 0)
	}
}

// Raw appends an attribute with a raw payload.
func (e *AttrEncoder) Raw(typ uint16, data []byte) { e.put(typ, data) }

// Flag appends an attribute without payload.
func (e *AttrEncoder) Flag(typ uint16) { e.put(typ, nil) }

// U8 appends a one-byte attribute.
func (e *AttrEncoder) U8(typ uint16, v uint8) { e.put(typ, []byte{v}) }

// U16 appends a native-endian 16-bit attribute.
func (e *AttrEncoder) U16(typ uint16, v uint16) {
	var b [2]byte
	binary.NativeEndian.PutUint16(b[:], v)
	e.put(typ, b[:])
}

// U32 appends a native-endian 32-bit attribute.
func (e *AttrEncoder) U32(typ uint16, v uint32) {
	var b [4]byte
	binary.NativeEndian.PutUint32(b[:], v)
	e.put(typ, b[:])
}

// U64 appends a native-endian 64-bit attribute.
func (e *AttrEncoder) U64(typ uint16, v uint64) {
	var b [8]byte
	binary.NativeEndian.PutUint64(b[:], v)
	e.put(typ, b[:])
}

// BE16 appends a big-endian 16-bit attribute.
func (e *AttrEncoder) BE16(typ uint16, v uint16) {
	var b [2]byte
	binary.BigEndian.PutUint16(b[:], v)
	e.put(typ, b[:])
}

// BE32 appends a big-endian 32-bit attribute.
func (e *AttrEncoder) BE32(typ uint16, v uint32) {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], v)
	e.put(typ, b[:])
}

// BE64 appends a big-endian 64-bit attribute.
func (e *AttrEncoder) BE64(typ uint16, v uint64) {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], v)
	e.put(typ, b[:])
}

// String appends a NUL-terminated string attribute.
func (e *AttrEncoder) String(typ uint16, s string) {
	b := make([]byte, len(s)+1)
	copy(b, s)
	e.put(typ, b)
}

// Addr appends an address attribute (4 or 16 bytes).
func (e *AttrEncoder) Addr(typ uint16, a netip.Addr) {
	if a.Is4() {
		b := a.As4()
		e.put(typ, b[:])
		return
	}
	b := a.As16()
	e.put(typ, b[:])
}

// Nest opens a nested attribute without the NLA_F_NESTED bit, as
// iproute2 and pyroute2 send most containers; close it with End.
func (e *AttrEncoder) Nest(typ uint16) int {
	off := len(e.b)
	var h [4]byte
	binary.NativeEndian.PutUint16(h[2:], typ)
	e.b = append(e.b, h[:]...)
	return off
}

// NestFlagged opens a nested attribute with NLA_F_NESTED set, for the
// containers whose kernel policy requires it (IFLA_PROP_LIST, IFLA_XDP).
func (e *AttrEncoder) NestFlagged(typ uint16) int {
	return e.Nest(typ | NLA_F_NESTED)
}

// End closes the nested attribute opened at off.
func (e *AttrEncoder) End(off int) {
	l := len(e.b) - off
	if l > 0xffff {
		if e.err == nil {
			e.err = &EncodeError{Attr: binary.NativeEndian.Uint16(e.b[off+2:]) &^ NLA_F_NESTED, Reason: "nested attribute longer than 65535 bytes"}
		}
		l = 0xffff
	}
	binary.NativeEndian.PutUint16(e.b[off:], uint16(l))
}

// EncodeError reports a request that cannot be encoded.
type EncodeError struct {
	Attr   uint16
	Reason string
}

func (e *EncodeError) Error() string {
	return "rtnl: cannot encode attribute " + itoa(int(e.Attr)) + ": " + e.Reason
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	neg := i < 0
	if neg {
		i = -i
	}
	var b [20]byte
	p := len(b)
	for i > 0 {
		p--
		b[p] = byte('0' + i%10)
		i /= 10
	}
	if neg {
		p--
		b[p] = '-'
	}
	return string(b[p:])
}

// Family headers.

// IfInfoMsg is struct ifinfomsg.
type IfInfoMsg struct {
	Family uint8
	Type   uint16
	Index  int32
	Flags  uint32
	Change uint32
}

// Bytes returns the 16-byte wire form.
func (h IfInfoMsg) Bytes() []byte {
	b := make([]byte, 16)
	b[0] = h.Family
	binary.NativeEndian.PutUint16(b[2:], h.Type)
	binary.NativeEndian.PutUint32(b[4:], uint32(h.Index))
	binary.NativeEndian.PutUint32(b[8:], h.Flags)
	binary.NativeEndian.PutUint32(b[12:], h.Change)
	return b
}

// IfAddrMsg is struct ifaddrmsg.
type IfAddrMsg struct {
	Family    uint8
	PrefixLen uint8
	Flags     uint8
	Scope     uint8
	Index     uint32
}

// Bytes returns the 8-byte wire form.
func (h IfAddrMsg) Bytes() []byte {
	b := make([]byte, 8)
	b[0], b[1], b[2], b[3] = h.Family, h.PrefixLen, h.Flags, h.Scope
	binary.NativeEndian.PutUint32(b[4:], h.Index)
	return b
}

// RtMsg is struct rtmsg.
type RtMsg struct {
	Family, DstLen, SrcLen, TOS, Table, Protocol, Scope, Type uint8
	Flags                                                     uint32
}

// Bytes returns the 12-byte wire form.
func (h RtMsg) Bytes() []byte {
	b := make([]byte, 12)
	b[0], b[1], b[2], b[3] = h.Family, h.DstLen, h.SrcLen, h.TOS
	b[4], b[5], b[6], b[7] = h.Table, h.Protocol, h.Scope, h.Type
	binary.NativeEndian.PutUint32(b[8:], h.Flags)
	return b
}

// NdMsg is struct ndmsg.
type NdMsg struct {
	Family  uint8
	Ifindex int32
	State   uint16
	Flags   uint8
	Type    uint8
}

// Bytes returns the 12-byte wire form.
func (h NdMsg) Bytes() []byte {
	b := make([]byte, 12)
	b[0] = h.Family
	binary.NativeEndian.PutUint32(b[4:], uint32(h.Ifindex))
	binary.NativeEndian.PutUint16(b[8:], h.State)
	b[10], b[11] = h.Flags, h.Type
	return b
}

// FibRuleHdr is struct fib_rule_hdr (pyroute2 fibmsg).
type FibRuleHdr struct {
	Family, DstLen, SrcLen, TOS, Table, Res1, Res2, Action uint8
	Flags                                                  uint32
}

// Bytes returns the 12-byte wire form.
func (h FibRuleHdr) Bytes() []byte {
	b := make([]byte, 12)
	b[0], b[1], b[2], b[3] = h.Family, h.DstLen, h.SrcLen, h.TOS
	b[4], b[5], b[6], b[7] = h.Table, h.Res1, h.Res2, h.Action
	binary.NativeEndian.PutUint32(b[8:], h.Flags)
	return b
}
