package rtnl

import (
	"encoding/binary"
	"net/netip"
)

// WireMessage reads a received rtnetlink message in place: the fixed
// header fields and the top-level attributes in the order the kernel sent
// them, with the names and values DecodeMessage would give, but without
// building a Message. Plain values (integers, strings, addresses) are read
// straight from the bytes; anything else is decoded on request (Value).
// Encoders of large dumps use it to skip the per-message allocations of
// the generic decode; a differential test holds the two paths together.
//
// A WireMessage aliases the bytes it was read from.
type WireMessage struct {
	Header Header
	schema *msgSchema
	offs   []int  // offset of each field in fixed
	fixed  []byte // the family header
	attrs  []byte
	ctx    decodeCtx
}

// ReadWire reads one netlink message (header included). ok is false when
// the message has no schema (NLMSG_ERROR, types the tables do not know) or
// is too short to be read: decode those with DecodeMessage, which reports
// what is wrong with them.
func ReadWire(msg []byte) (w WireMessage, ok bool) {
	if len(msg) < nlmsgHeaderLen {
		return WireMessage{}, false
	}
	h := Header{
		Length:   binary.NativeEndian.Uint32(msg[0:]),
		Type:     binary.NativeEndian.Uint16(msg[4:]),
		Flags:    binary.NativeEndian.Uint16(msg[6:]),
		Sequence: binary.NativeEndian.Uint32(msg[8:]),
		PID:      binary.NativeEndian.Uint32(msg[12:]),
	}
	if h.Length < nlmsgHeaderLen || int(h.Length) > len(msg) || h.Type == NLMSG_ERROR {
		return WireMessage{}, false
	}
	s := schemaFor(h.Type)
	p := msg[nlmsgHeaderLen:h.Length]
	if s == nil || len(p) < s.size {
		return WireMessage{}, false
	}
	w = WireMessage{Header: h, schema: s, offs: fieldOffsets[s], fixed: p[:s.size], attrs: p[s.size:]}
	if s.familyField >= 0 {
		w.ctx.family = uint8(w.fixedValue(s.familyField))
	}
	return w, true
}

// Kind returns the schema name, as Message.Kind does.
func (w *WireMessage) Kind() string { return w.schema.name }

// Event returns pyroute2's event name ("RTM_NEWROUTE").
func (w *WireMessage) Event() string { return EventName(w.Header.Type) }

// NumFields returns the number of fixed-header keys, padding keys included.
func (w *WireMessage) NumFields() int { return len(w.schema.fields) }

// Field returns the i-th fixed-header key in pyroute2's order (0 <= i <
// NumFields) and its value; pad marks a padding key, which has no value.
func (w *WireMessage) Field(i int) (name string, v int64, pad bool) {
	f := &w.schema.fields[i]
	if f.pad {
		return f.name, 0, true
	}
	return f.name, fieldValue(f, w.fixed[w.offs[i]:]), false
}

// fieldOffsets holds where each field of a schema starts.
var fieldOffsets = func() map[*msgSchema][]int {
	out := map[*msgSchema][]int{}
	for _, s := range []*msgSchema{linkSchema, addrSchema, routeSchema, neighSchema, ruleSchema} {
		offs, off := make([]int, len(s.fields)), 0
		for i, f := range s.fields {
			offs[i] = off
			off += int(f.width)
		}
		out[s] = offs
	}
	return out
}()

// fixedValue returns the value of the i-th non-padding field (readFixed's
// numbering).
func (w *WireMessage) fixedValue(i int) int64 {
	for j := range w.schema.fields {
		f := &w.schema.fields[j]
		if !f.pad {
			if i == 0 {
				return fieldValue(f, w.fixed[w.offs[j]:])
			}
			i--
		}
	}
	return 0
}

func fieldValue(f *msgField, b []byte) int64 {
	v := readUint(b, f.width, false)
	if f.signed {
		v = signExtend(v, f.width)
	}
	return int64(v)
}

// Attrs returns an iterator over the top-level attributes.
func (w *WireMessage) Attrs() WireAttrs {
	return WireAttrs{it: nlaIter{b: w.attrs}, table: w.schema.table, ctx: w.ctx,
		msgType: w.Header.Type, payloadLen: int(w.Header.Length) - nlmsgHeaderLen}
}

// WireKind says how the value of an attribute reads without decoding it.
type WireKind uint8

const (
	WireOther  WireKind = iota // decode with Value
	WireUint                   // Uint(): the value is Uint
	WireInt                    // Int(): the value is Int
	WireString                 // Bytes(): the value is String (NUL-trimmed, unvalidated bytes)
	WireAddr                   // Addr(): the value is IP
	WireNone                   // the value is None
	WireTrue                   // the value is Bool(true)
)

// WireAttrs iterates over attributes as decodeAttrs would decode them:
//
//	for a := w.Attrs(); a.Next(); { a.Name(), a.Kind(), ... }
//	if err := a.Err(); err != nil { ... }
type WireAttrs struct {
	it         nlaIter
	table      *attrTable
	ctx        decodeCtx // a copy: a WireAttrs holds no pointer into its message
	spec       *attrSpec
	typ        uint16
	kind       WireKind
	msgType    uint16
	payloadLen int
	err        error
}

// Next advances to the next attribute; false at the end or on a malformed
// attribute stream (see Err).
func (a *WireAttrs) Next() bool {
	if a.err != nil || !a.it.next() {
		return false
	}
	a.typ = a.it.typ & nlaTypeMask
	a.spec = a.table.lookup(a.typ)
	a.kind = WireOther
	if a.spec == nil {
		return true
	}
	a.kind = wireKind(a.spec.format, a.it.data, a.ctx.family)
	// decodeAttrs records the kinds for the IFLA_INFO_DATA that follows.
	if a.typ == IFLA_INFO_KIND && a.spec.name == "IFLA_INFO_KIND" {
		a.ctx.kind = string(trimNUL(a.it.data))
	} else if a.typ == IFLA_INFO_SLAVE_KIND && a.spec.name == "IFLA_INFO_SLAVE_KIND" {
		a.ctx.slaveKind = string(trimNUL(a.it.data))
	}
	return true
}

// Err returns the error DecodeMessage reports for a malformed attribute
// stream (or for a value Value could not decode), or nil.
func (a *WireAttrs) Err() error {
	if a.err != nil {
		return a.err
	}
	if a.it.err != nil {
		return a.decodeError(a.it.err)
	}
	return nil
}

func (a *WireAttrs) decodeError(err error) error {
	return &DecodeError{Reason: err.Error(), Type: a.msgType, Len: a.payloadLen}
}

// Name returns the attribute's name, "UNKNOWN" for one the tables do not
// describe.
func (a *WireAttrs) Name() string {
	if a.spec == nil {
		return "UNKNOWN"
	}
	return a.spec.name
}

// Type returns the attribute type without the flag bits.
func (a *WireAttrs) Type() uint16 { return a.typ }

// Kind says which accessor reads the value.
func (a *WireAttrs) Kind() WireKind { return a.kind }

// Uint returns a WireUint value.
func (a *WireAttrs) Uint() uint64 {
	x, _ := scalarOf(a.spec.format, a.it.data)
	return x
}

// Int returns a WireInt value.
func (a *WireAttrs) Int() int64 {
	x, _ := scalarOf(a.spec.format, a.it.data)
	return int64(x)
}

// Bytes returns a WireString value; it aliases the message.
func (a *WireAttrs) Bytes() []byte { return trimNUL(a.it.data) }

// Addr returns a WireAddr value.
func (a *WireAttrs) Addr() netip.Addr {
	d := a.it.data
	if len(d) >= 16 && (a.spec.format != fmtTarget || a.ctx.family != AF_INET) &&
		a.spec.format != fmtIP4 {
		return netip.AddrFrom16([16]byte(d[:16]))
	}
	return netip.AddrFrom4([4]byte(d[:4]))
}

// Value decodes the current attribute as DecodeMessage does (the generic
// path, for WireOther); after an error, Next stops.
func (a *WireAttrs) Value() (Value, error) {
	if a.spec == nil {
		return Unknown{Type: a.it.typ, Data: clone(a.it.data)}, nil
	}
	v, err := decodeValue(a.spec, a.it.data, a.it.b, &a.ctx)
	if err != nil {
		a.err = a.decodeError(err)
		return nil, a.err
	}
	if v == nil {
		v = Unknown{Type: a.it.typ, Data: clone(a.it.data)}
	}
	return v, nil
}

// wireKind is the kind of value decodeValue gives for a payload d of
// format f (WireOther for everything that is not a plain value, and for
// payloads the format does not fit: decodeValue makes those Unknown or Hex).
func wireKind(f attrFormat, d []byte, family uint8) WireKind {
	switch f {
	case fmtNone:
		return WireNone
	case fmtFlag:
		return WireTrue
	case fmtU8, fmtU16, fmtU32, fmtU64, fmtBE16, fmtBE32, fmtBE64:
		if len(d) >= formatWidth(f) {
			return WireUint
		}
	case fmtS8, fmtS32, fmtS64:
		if len(d) >= formatWidth(f) {
			return WireInt
		}
	case fmtString:
		return WireString
	case fmtIP:
		if len(d) >= 16 || (len(d) >= 4 && len(d) <= 8) {
			return WireAddr
		}
	case fmtIP4:
		if len(d) >= 4 {
			return WireAddr
		}
	case fmtIP6:
		if len(d) >= 16 {
			return WireAddr
		}
	case fmtTarget:
		switch family {
		case AF_INET:
			if len(d) >= 4 {
				return WireAddr
			}
		case AF_INET6:
			if len(d) >= 16 {
				return WireAddr
			}
		case AF_MPLS:
		default:
			if len(d) == 4 || len(d) == 16 {
				return WireAddr
			}
		}
	case fmtLLAddr:
		switch len(d) {
		case 4, 16:
			return WireAddr
		case 0:
			return WireString
		}
	}
	return WireOther
}

// formatWidth is the payload size an integer format needs.
func formatWidth(f attrFormat) int {
	switch f {
	case fmtU8, fmtS8:
		return 1
	case fmtU16, fmtBE16:
		return 2
	case fmtU32, fmtS32, fmtBE32:
		return 4
	}
	return 8
}

// Check returns the error DecodeMessage reports for the message, or nil:
// it decodes what reading in place skips (structured values), so a
// consumer that hands the bytes on undecoded still rejects what the
// generic decode rejects.
func (w *WireMessage) Check() error {
	a := w.Attrs()
	for a.Next() {
		if a.Kind() == WireOther {
			if _, err := a.Value(); err != nil {
				return err
			}
		}
	}
	return a.Err()
}
