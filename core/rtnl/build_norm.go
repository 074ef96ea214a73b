package rtnl

import (
	"encoding/binary"
	"strings"
)

// normMsg is a request after argument normalisation: fixed-header fields
// by pyroute2 name, and attributes (argument names resolvable in the
// schema's table, or preEncoded payloads) in send order.
type normMsg struct {
	schema *msgSchema
	fields map[string]int64
	attrs  []namedValue
}

func newNorm(s *msgSchema) *normMsg {
	return &normMsg{schema: s, fields: map[string]int64{}}
}

func (n *normMsg) set(field string, v int64) { n.fields[field] = v }

func (n *normMsg) get(field string) (int64, bool) {
	v, ok := n.fields[field]
	return v, ok
}

func (n *normMsg) add(name string, v any) { n.attrs = append(n.attrs, namedValue{name, v}) }

func (n *normMsg) has(name string) bool {
	for _, a := range n.attrs {
		if a.name == name {
			return true
		}
	}
	return false
}

// preEncoded is an attribute payload built by a special-case encoder
// (multipath, link info); nestedFlag sets NLA_F_NESTED on its type.
type preEncoded struct {
	payload    []byte
	nestedFlag bool
}

// encode renders the fixed header and attributes.
func (n *normMsg) encode(family uint8) ([]byte, error) {
	hdr, err := encodeFixed(n.schema, n.fields)
	if err != nil {
		return nil, err
	}
	e := NewAttrEncoder(hdr)
	ctx := &encodeCtx{family: family}
	for _, a := range n.attrs {
		if p, ok := a.value.(preEncoded); ok {
			typ, spec := n.schema.table.byName(a.name)
			if spec == nil {
				return nil, argErr(a.name, nil, "unknown attribute")
			}
			if p.nestedFlag {
				typ |= NLA_F_NESTED
			}
			e.Raw(typ, p.payload)
			continue
		}
		if err := encodeArg(e, n.schema.table, a.name, a.value, ctx); err != nil {
			return nil, err
		}
	}
	return e.Bytes(), e.Err()
}

// encodeFixed writes a family header from named field values. A value
// that does not fit its field (pyroute2's struct.pack refuses it too) is
// an ArgError, never truncated.
func encodeFixed(s *msgSchema, fields map[string]int64) ([]byte, error) {
	b := make([]byte, s.size)
	off := 0
	for _, f := range s.fields {
		if !f.pad {
			if x := fields[f.name]; !fieldFits(x, f.width, f.signed) {
				return nil, argErr(f.name, x, "out of range for a %d-bit %s field",
					8*int(f.width), map[bool]string{true: "signed", false: "unsigned"}[f.signed])
			}
			v := uint64(fields[f.name])
			switch f.width {
			case 1:
				b[off] = byte(v)
			case 2:
				binary.NativeEndian.PutUint16(b[off:], uint16(v))
			case 4:
				binary.NativeEndian.PutUint32(b[off:], uint32(v))
			}
		}
		off += int(f.width)
	}
	return b, nil
}

// fieldFits reports whether x is representable in a field of width bytes.
func fieldFits(x int64, width uint8, signed bool) bool {
	if width >= 8 {
		return signed || x >= 0
	}
	bits := 8 * uint(width)
	if signed {
		return x >= -(1<<(bits-1)) && x < 1<<(bits-1)
	}
	return x >= 0 && x < 1<<bits
}

// matcher returns pyroute2's dump filter for the normalised arguments:
// every given header field and attribute must be equal in the message.
// Attribute values are compared in their decoded form (so "10.0.0.1",
// "aa:bb:.." and 1500 match what the kernel reports).
func (n *normMsg) matcher(family uint8) func(*Message) bool {
	type want struct {
		typ uint16
		js  string
	}
	var wants []want
	ctx := &encodeCtx{family: family}
	for _, a := range n.attrs {
		if _, ok := a.value.(preEncoded); ok {
			continue
		}
		typ, spec := n.schema.table.byName(a.name)
		if spec == nil {
			continue
		}
		e := NewAttrEncoder(nil)
		if encodeValue(e, typ, spec, a.name, a.value, ctx) != nil || len(e.b) < 4 {
			continue
		}
		v, _ := decodeValue(spec, e.b[4:], nil, &decodeCtx{family: family})
		if v == nil {
			continue
		}
		wants = append(wants, want{typ, string(v.AppendJSON(nil))})
	}
	fields := n.fields
	schema := n.schema
	return func(m *Message) bool {
		if m.schema != schema {
			return false
		}
		for name, v := range fields {
			got, ok := m.Field(name)
			if name == "table" && schema == routeSchema {
				got, ok = int64(routeTableOf(m)), true
			}
			if ok && got != v {
				return false
			}
		}
		for _, w := range wants {
			v, ok := m.Attrs.ByType(w.typ)
			if !ok || string(v.AppendJSON(nil)) != w.js {
				return false
			}
		}
		return true
	}
}

// lookupName maps a name to a number through a table of names, accepting
// numbers too (pyroute2 rt_proto, rt_scope, rt_type...).
func lookupName(key string, v any, names map[string]int64, max uint64) (int64, error) {
	if s, ok := v.(string); ok {
		if n, ok := names[strings.ToLower(s)]; ok {
			return n, nil
		}
	}
	u, err := toUint(key, v, max)
	if err != nil {
		return 0, argErr(key, v, "unknown name")
	}
	return int64(u), nil
}

var (
	rtProtos = map[string]int64{"unspec": 0, "redirect": 1, "kernel": 2, "boot": 3, "static": 4,
		"gated": 8, "ra": 9, "mrt": 10, "zebra": 11, "bird": 12, "dnrouted": 13, "xorp": 14,
		"ntk": 15, "dhcp": 16, "mrouted": 17, "keepalived": 18, "babel": 42, "openr": 99,
		"bgp": 186, "isis": 187, "ospf": 188, "rip": 189, "eigrp": 192}
	rtScopes = map[string]int64{"universe": 0, "global": 0, "site": 200, "link": 253, "host": 254, "nowhere": 255}
	rtTypes  = map[string]int64{"unspec": 0, "unicast": 1, "local": 2, "broadcast": 3, "anycast": 4,
		"multicast": 5, "blackhole": 6, "unreachable": 7, "prohibit": 8, "throw": 9, "nat": 10, "xresolve": 11}
	rtTables = map[string]int64{"unspec": 0, "compat": 252, "default": 253, "main": 254, "local": 255}
)
