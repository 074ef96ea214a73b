package rtnl

import (
	"encoding/binary"
	"fmt"
	"strconv"
)

// Header is the netlink message header (struct nlmsghdr).
type Header struct {
	Length   uint32
	Type     uint16
	Flags    uint16
	Sequence uint32
	PID      uint32
}

const nlmsgHeaderLen = 16

// Message is one decoded rtnetlink message in pyroute2's shape: the
// netlink header, the fixed family header as named fields in pyroute2's key
// order, and the ordered attribute list. Nothing the kernel sent is dropped:
// attributes the tables do not know are kept as Unknown values, and messages
// of types without a schema keep their payload in Raw.
type Message struct {
	Header Header
	schema *msgSchema
	fixed  [maxFixed]int64
	Attrs  Attrs
	// Error is the errno of an NLMSG_ERROR message (0 for an ACK).
	Error int32
	// Raw holds the payload of messages without a schema (and the echoed
	// request of NLMSG_ERROR).
	Raw []byte

	overflow bool
}

// OverflowMessage returns the synthetic event a Subscription reports when
// the kernel dropped notifications (ENOBUFS): its Event is "OVERFLOW" and
// its JSON header carries "error":105.
func OverflowMessage() *Message { return &Message{overflow: true, Error: 105} }

// IsOverflow reports the synthetic overflow event.
func (m *Message) IsOverflow() bool { return m.overflow }

const maxFixed = 9

// Event returns pyroute2's event name: "RTM_NEWLINK", "NLMSG_ERROR", or
// "UNKNOWN_<type>" for types without a name.
func (m *Message) Event() string {
	if m.overflow {
		return "OVERFLOW"
	}
	return EventName(m.Header.Type)
}

// Kind returns the schema name: "ifinfmsg", "ifaddrmsg", "rtmsg", "ndmsg",
// "fibmsg", "nlmsgerr", or "" for messages without one.
func (m *Message) Kind() string {
	if m.schema == nil {
		return ""
	}
	return m.schema.name
}

// Field returns the fixed-header field called name (pyroute2's key, e.g.
// "index", "prefixlen", "table").
func (m *Message) Field(name string) (int64, bool) {
	if m.schema == nil {
		return 0, false
	}
	i := 0
	for _, f := range m.schema.fields {
		if f.pad {
			continue
		}
		if f.name == name {
			return m.fixed[i], true
		}
		i++
	}
	return 0, false
}

// Fields returns the fixed-header fields in pyroute2's key order, without
// the padding keys.
func (m *Message) Fields() []Member {
	if m.schema == nil {
		return nil
	}
	out := make([]Member, 0, len(m.schema.fields))
	i := 0
	for _, f := range m.schema.fields {
		if f.pad {
			continue
		}
		out = append(out, Member{Name: f.name, Value: Int(m.fixed[i])})
		i++
	}
	return out
}

// field returns stored fixed field i (schema order, pads skipped).
func (m *Message) field(i int) int64 { return m.fixed[i] }

// SetField sets a fixed-header field by name; it reports whether the
// schema has such a field.
func (m *Message) SetField(name string, v int64) bool {
	if m.schema == nil {
		return false
	}
	i := 0
	for _, f := range m.schema.fields {
		if f.pad {
			continue
		}
		if f.name == name {
			m.fixed[i] = v
			return true
		}
		i++
	}
	return false
}

// msgField is one field of a fixed family header.
type msgField struct {
	name   string
	width  uint8 // bytes
	signed bool
	pad    bool // pyroute2 shows padding as an empty tuple key
}

// msgSchema describes a family header and its attribute table.
type msgSchema struct {
	name   string
	size   int
	fields []msgField
	table  *attrTable
	// familyField is the index (pads skipped) of the family field, or -1.
	familyField int
	// linkState adds pyroute2's "state": "up"/"down" key (ifinfmsg).
	linkState bool
	// jsonKeys holds `"name":` of each field (set by init), so
	// AppendJSON writes a key with one append.
	jsonKeys []string
}

func init() {
	for _, s := range []*msgSchema{linkSchema, addrSchema, routeSchema, neighSchema, ruleSchema} {
		s.jsonKeys = make([]string, len(s.fields))
		for i, f := range s.fields {
			s.jsonKeys[i] = `"` + f.name + `":`
		}
	}
}

func schemaFor(typ uint16) *msgSchema {
	switch {
	case typ >= RTM_NEWLINK && typ <= RTM_SETLINK:
		return linkSchema
	case typ >= RTM_NEWADDR && typ <= RTM_GETADDR:
		return addrSchema
	case typ >= RTM_NEWROUTE && typ <= RTM_GETROUTE:
		return routeSchema
	case typ >= RTM_NEWNEIGH && typ <= RTM_GETNEIGH:
		return neighSchema
	case typ >= RTM_NEWRULE && typ <= RTM_GETRULE:
		return ruleSchema
	}
	return nil
}

// DecodeMessage decodes one netlink message (header included) from b and
// returns it with the number of bytes consumed (aligned). Payloads are
// copied: b may be reused afterwards.
func DecodeMessage(b []byte) (*Message, int, error) {
	if len(b) < nlmsgHeaderLen {
		return nil, 0, &DecodeError{Reason: "short netlink header", Len: len(b)}
	}
	h := Header{
		Length:   binary.NativeEndian.Uint32(b[0:]),
		Type:     binary.NativeEndian.Uint16(b[4:]),
		Flags:    binary.NativeEndian.Uint16(b[6:]),
		Sequence: binary.NativeEndian.Uint32(b[8:]),
		PID:      binary.NativeEndian.Uint32(b[12:]),
	}
	if h.Length < nlmsgHeaderLen || int(h.Length) > len(b) {
		return nil, 0, &DecodeError{Reason: "bad netlink message length", Type: h.Type, Len: int(h.Length)}
	}
	n := align4(int(h.Length))
	if n > len(b) {
		n = len(b)
	}
	m := &Message{Header: h}
	err := m.decodePayload(b[nlmsgHeaderLen:h.Length])
	return m, n, err
}

// DecodeMessages decodes every message of a datagram.
func DecodeMessages(b []byte) ([]*Message, error) {
	var out []*Message
	for len(b) >= nlmsgHeaderLen {
		m, n, err := DecodeMessage(b)
		if m != nil {
			out = append(out, m)
		}
		if err != nil {
			return out, err
		}
		b = b[n:]
	}
	return out, nil
}

func (m *Message) decodePayload(p []byte) error {
	if m.Header.Type == NLMSG_ERROR {
		return m.decodeError(p)
	}
	s := schemaFor(m.Header.Type)
	if s == nil {
		m.Raw = clone(p)
		return nil
	}
	if len(p) < s.size {
		m.Raw = clone(p)
		return &DecodeError{Reason: "short " + s.name + " header", Type: m.Header.Type, Len: len(p)}
	}
	m.schema = s
	readFixed(s, p, &m.fixed)
	ctx := decodeCtx{}
	if s.familyField >= 0 {
		ctx.family = uint8(m.fixed[s.familyField])
	}
	attrs, err := decodeAttrs(p[s.size:], s.table, &ctx)
	m.Attrs = attrs
	if err != nil {
		return &DecodeError{Reason: err.Error(), Type: m.Header.Type, Len: len(p)}
	}
	return nil
}

func readFixed(s *msgSchema, p []byte, dst *[maxFixed]int64) {
	off, i := 0, 0
	for _, f := range s.fields {
		if !f.pad {
			v := readUint(p[off:], f.width, false)
			if f.signed {
				v = signExtend(v, f.width)
			}
			dst[i] = int64(v)
			i++
		}
		off += int(f.width)
	}
}

// NLMSG_ERROR: int32 error, the echoed request header (and body unless
// capped), then extended-ack TLVs when NLM_F_ACK_TLVS is set.
var errSchema = &msgSchema{name: "nlmsgerr", familyField: -1, table: seqTable(
	a("NLMSGERR_ATTR_UNUSED", fmtNone),
	a("NLMSGERR_ATTR_MSG", fmtString),
	a("NLMSGERR_ATTR_OFFS", fmtU32),
	a("NLMSGERR_ATTR_COOKIE", fmtHex),
	a("NLMSGERR_ATTR_POLICY", fmtHex),
	a("NLMSGERR_ATTR_MISS_TYPE", fmtU32),
	a("NLMSGERR_ATTR_MISS_NEST", fmtU32),
)}

func (m *Message) decodeError(p []byte) error {
	if len(p) < 4 {
		return &DecodeError{Reason: "short nlmsgerr", Type: NLMSG_ERROR, Len: len(p)}
	}
	m.schema = errSchema
	m.Error = int32(binary.NativeEndian.Uint32(p))
	rest := p[4:]
	if len(rest) < nlmsgHeaderLen {
		m.Raw = clone(rest)
		return nil
	}
	echoLen := nlmsgHeaderLen
	if m.Header.Flags&NLM_F_CAPPED == 0 {
		if l := int(binary.NativeEndian.Uint32(rest)); l >= nlmsgHeaderLen && l <= len(rest) {
			echoLen = l
		}
	}
	m.Raw = clone(rest[:echoLen])
	if m.Header.Flags&NLM_F_ACK_TLVS != 0 {
		tlv := rest[align4(echoLen):]
		if align4(echoLen) > len(rest) {
			tlv = nil
		}
		attrs, _ := decodeAttrs(tlv, errSchema.table, &decodeCtx{})
		m.Attrs = attrs
	}
	return nil
}

// ExtAckMessage returns the kernel's extended-ack text of an NLMSG_ERROR.
func (m *Message) ExtAckMessage() string {
	s, _ := m.Attrs.String("NLMSGERR_ATTR_MSG")
	return s
}

// AppendJSON appends the message as a JSON object in pyroute2's key
// order: the fixed-header fields, "attrs", "header", then "state" (links)
// and "event". Padding fields render as [] (pyroute2's empty tuple).
func (m *Message) AppendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	if m.Header.Type == NLMSG_ERROR {
		dst = append(dst, `"error":`...)
		dst = strconv.AppendInt(dst, int64(m.Error), 10)
		dst = append(dst, ',')
	} else if s := m.schema; s != nil {
		i := 0
		for k, f := range s.fields {
			if k < len(s.jsonKeys) {
				dst = append(dst, s.jsonKeys[k]...)
			} else {
				dst = append(dst, '"')
				dst = append(dst, f.name...)
				dst = append(dst, `":`...)
			}
			if f.pad {
				dst = append(dst, "[]"...)
			} else {
				dst = strconv.AppendInt(dst, m.fixed[i], 10)
				i++
			}
			dst = append(dst, ',')
		}
	}
	dst = append(dst, `"attrs":`...)
	if m.Attrs == nil {
		dst = append(dst, "[]"...)
	} else {
		dst = m.Attrs.AppendJSONList(dst)
	}
	if m.schema == nil && len(m.Raw) > 0 {
		dst = append(dst, `,"raw":"`...)
		dst = appendColonHex(dst, m.Raw)
		dst = append(dst, '"')
	}
	dst = append(dst, `,"header":{"length":`...)
	dst = strconv.AppendUint(dst, uint64(m.Header.Length), 10)
	dst = append(dst, `,"type":`...)
	dst = strconv.AppendUint(dst, uint64(m.Header.Type), 10)
	dst = append(dst, `,"flags":`...)
	dst = strconv.AppendUint(dst, uint64(m.Header.Flags), 10)
	dst = append(dst, `,"sequence_number":`...)
	dst = strconv.AppendUint(dst, uint64(m.Header.Sequence), 10)
	dst = append(dst, `,"pid":`...)
	dst = strconv.AppendUint(dst, uint64(m.Header.PID), 10)
	dst = append(dst, `,"error":`...)
	if m.Header.Type == NLMSG_ERROR || m.overflow {
		dst = strconv.AppendInt(dst, int64(m.Error), 10)
	} else {
		dst = append(dst, "null"...)
	}
	dst = append(dst, '}')
	if m.schema != nil && m.schema.linkState {
		if m.fixed[linkFieldFlags]&IFF_UP != 0 {
			dst = append(dst, `,"state":"up"`...)
		} else {
			dst = append(dst, `,"state":"down"`...)
		}
	}
	dst = append(dst, `,"event":"`...)
	if m.overflow {
		dst = append(dst, "OVERFLOW"...)
	} else {
		dst = appendEventName(dst, m.Header.Type)
	}
	return append(dst, `"}`...)
}

// AppendJSONArray appends msgs as a JSON array.
func AppendJSONArray(dst []byte, msgs []*Message) []byte {
	dst = append(dst, '[')
	for i, m := range msgs {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = m.AppendJSON(dst)
	}
	return append(dst, ']')
}

// String returns the JSON form, for debugging.
func (m *Message) String() string { return string(m.AppendJSON(nil)) }

var eventNames = map[uint16]string{
	NLMSG_NOOP: "NLMSG_NOOP", NLMSG_ERROR: "NLMSG_ERROR", NLMSG_DONE: "NLMSG_DONE", NLMSG_OVERRUN: "NLMSG_OVERRUN",
	RTM_NEWLINK: "RTM_NEWLINK", RTM_DELLINK: "RTM_DELLINK", RTM_GETLINK: "RTM_GETLINK", RTM_SETLINK: "RTM_SETLINK",
	RTM_NEWADDR: "RTM_NEWADDR", RTM_DELADDR: "RTM_DELADDR", RTM_GETADDR: "RTM_GETADDR",
	RTM_NEWROUTE: "RTM_NEWROUTE", RTM_DELROUTE: "RTM_DELROUTE", RTM_GETROUTE: "RTM_GETROUTE",
	RTM_NEWNEIGH: "RTM_NEWNEIGH", RTM_DELNEIGH: "RTM_DELNEIGH", RTM_GETNEIGH: "RTM_GETNEIGH",
	RTM_NEWRULE: "RTM_NEWRULE", RTM_DELRULE: "RTM_DELRULE", RTM_GETRULE: "RTM_GETRULE",
	RTM_NEWQDISC: "RTM_NEWQDISC", RTM_DELQDISC: "RTM_DELQDISC", RTM_GETQDISC: "RTM_GETQDISC",
	RTM_NEWTCLASS: "RTM_NEWTCLASS", RTM_DELTCLASS: "RTM_DELTCLASS", RTM_GETTCLASS: "RTM_GETTCLASS",
	RTM_NEWTFILTER: "RTM_NEWTFILTER", RTM_DELTFILTER: "RTM_DELTFILTER", RTM_GETTFILTER: "RTM_GETTFILTER",
	RTM_NEWNSID: "RTM_NEWNSID", RTM_DELNSID: "RTM_DELNSID", RTM_GETNSID: "RTM_GETNSID",
	RTM_NEWNEXTHOP: "RTM_NEWNEXTHOP", RTM_DELNEXTHOP: "RTM_DELNEXTHOP", RTM_GETNEXTHOP: "RTM_GETNEXTHOP",
	RTM_NEWLINKPROP: "RTM_NEWLINKPROP", RTM_DELLINKPROP: "RTM_DELLINKPROP",
}

// eventNameTable is eventNames as an array, for the per-message lookup.
var eventNameTable = func() (t [128]string) {
	for typ, n := range eventNames {
		if int(typ) < len(t) {
			t[typ] = n
		}
	}
	return t
}()

func eventName(typ uint16) (string, bool) {
	if int(typ) < len(eventNameTable) {
		n := eventNameTable[typ]
		return n, n != ""
	}
	n, ok := eventNames[typ]
	return n, ok
}

// EventName returns pyroute2's name for a netlink message type.
func EventName(typ uint16) string {
	if n, ok := eventName(typ); ok {
		return n
	}
	return "UNKNOWN_" + strconv.Itoa(int(typ))
}

func appendEventName(dst []byte, typ uint16) []byte {
	if n, ok := eventName(typ); ok {
		return append(dst, n...)
	}
	dst = append(dst, "UNKNOWN_"...)
	return strconv.AppendUint(dst, uint64(typ), 10)
}

// DecodeError reports a malformed message.
type DecodeError struct {
	Reason string
	Type   uint16
	Len    int
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("rtnl: cannot decode %s (%d bytes): %s", EventName(e.Type), e.Len, e.Reason)
}
