package rtnl

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"net/netip"
	"strings"
)

// Table-driven encoding of pyroute2-style arguments: the decoding tables
// also give each argument name its attribute type and wire format.

// byName finds the attribute an argument names: the full name
// ("IFLA_MTU"), or a short lower-case name with the table prefix removed
// ("mtu"; for IFLA_* kind data also "br_forward_delay", "vxlan_id").
func (t *attrTable) byName(key string) (uint16, *attrSpec) {
	up := strings.ToUpper(key)
	try := [3]string{up, t.prefix + up, ""}
	if strings.HasPrefix(t.prefix, "IFLA_") {
		try[2] = "IFLA_" + up
	}
	for _, name := range try {
		if name == "" {
			continue
		}
		for i := range t.specs {
			s := &t.specs[i]
			if s.format != fmtUnknown && s.name == name {
				return uint16(i), s
			}
		}
	}
	return 0, nil
}

// encodeCtx carries what value encoders need to know.
type encodeCtx struct {
	family uint8
}

// encodeArg encodes argument key=v as an attribute of table t.
func encodeArg(e *AttrEncoder, t *attrTable, key string, v any, ctx *encodeCtx) error {
	typ, spec := t.byName(key)
	if spec == nil {
		return argErr(key, v, "unknown argument")
	}
	return encodeValue(e, typ, spec, key, v, ctx)
}

func encodeValue(e *AttrEncoder, typ uint16, spec *attrSpec, key string, v any, ctx *encodeCtx) error {
	switch spec.format {
	case fmtNone:
		return nil
	case fmtFlag:
		b, err := toBool(key, v)
		if err == nil && b {
			e.Flag(typ)
		}
		return err
	case fmtU8, fmtU16, fmtU32, fmtU64, fmtBE16, fmtBE32, fmtBE64:
		width := map[attrFormat]uint64{fmtU8: math.MaxUint8, fmtU16: math.MaxUint16, fmtU32: math.MaxUint32,
			fmtU64: math.MaxUint64, fmtBE16: math.MaxUint16, fmtBE32: math.MaxUint32, fmtBE64: math.MaxUint64}[spec.format]
		u, err := toUint(key, v, width)
		if err != nil {
			return err
		}
		switch spec.format {
		case fmtU8:
			e.U8(typ, uint8(u))
		case fmtU16:
			e.U16(typ, uint16(u))
		case fmtU32:
			e.U32(typ, uint32(u))
		case fmtU64:
			e.U64(typ, u)
		case fmtBE16:
			e.BE16(typ, uint16(u))
		case fmtBE32:
			e.BE32(typ, uint32(u))
		case fmtBE64:
			e.BE64(typ, u)
		}
		return nil
	case fmtS8, fmtS32, fmtS64:
		i, err := toInt(key, v)
		if err != nil {
			return err
		}
		switch spec.format {
		case fmtS8:
			if i < math.MinInt8 || i > math.MaxInt8 {
				return argErr(key, v, "out of range for int8")
			}
			e.U8(typ, uint8(i))
		case fmtS32:
			if i < math.MinInt32 || i > math.MaxInt32 {
				return argErr(key, v, "out of range for int32")
			}
			e.U32(typ, uint32(int32(i)))
		default:
			e.U64(typ, uint64(i))
		}
		return nil
	case fmtString:
		s, err := toString(key, v)
		if err != nil {
			return err
		}
		if strings.IndexByte(s, 0) >= 0 {
			return argErr(key, v, "contains a NUL byte")
		}
		e.String(typ, s)
		return nil
	case fmtHex:
		b, err := parseMAC(key, v)
		if err != nil {
			return err
		}
		e.Raw(typ, b)
		return nil
	case fmtIP, fmtIP4, fmtIP6:
		a, err := toAddr(key, v)
		if err != nil {
			return err
		}
		if spec.format == fmtIP4 && !a.Is4() || spec.format == fmtIP6 && !a.Is6() {
			return argErr(key, v, "wrong address family")
		}
		e.Addr(typ, a)
		return nil
	case fmtTarget:
		if ctx.family == AF_MPLS || isLabelValue(v) {
			labels, err := toLabels(key, v)
			if err != nil {
				return err
			}
			e.Raw(typ, encodeLabels(labels))
			return nil
		}
		a, err := toAddr(key, v)
		if err != nil {
			return err
		}
		if ctx.family != 0 && familyOf(a) != ctx.family {
			return argErr(key, v, "address family differs from the request's")
		}
		e.Addr(typ, a)
		return nil
	case fmtLLAddr:
		if a, err := toAddr(key, v); err == nil {
			e.Addr(typ, a)
			return nil
		}
		b, err := parseMAC(key, v)
		if err != nil {
			return err
		}
		e.Raw(typ, b)
		return nil
	case fmtStruct:
		b, err := packStruct(spec.layout, key, v)
		if err != nil {
			return err
		}
		e.Raw(typ, b)
		return nil
	case fmtNested:
		if f, ok := v.(flaggedNested); ok {
			return encodeNested(e, typ|NLA_F_NESTED, spec.sub, key, f.v, ctx)
		}
		return encodeNested(e, typ, spec.sub, key, v, ctx)
	case fmtArray:
		list, ok := v.([]any)
		if !ok {
			list = []any{v}
		}
		n := e.Nest(typ)
		for i, el := range list {
			sub := attrSpec{format: spec.elem}
			if err := encodeValue(e, uint16(i), &sub, key, el, ctx); err != nil {
				return err
			}
		}
		e.End(n)
		return nil
	case fmtEnum:
		if s, ok := v.(string); ok {
			for val, name := range spec.enum.names {
				if ns, ok := name.(String); ok && strings.EqualFold(string(ns), s) {
					return encodeValue(e, typ, &attrSpec{format: widthFormat(spec.enum.width)}, key, int64(val), ctx)
				}
			}
		}
		return encodeValue(e, typ, &attrSpec{format: widthFormat(spec.enum.width)}, key, v, ctx)
	case fmtVia:
		return encodeVia(e, typ, key, v)
	case fmtBridgeID:
		m, ok := v.(map[string]any)
		if !ok {
			return argErr(key, v, "want {\"prio\":N,\"addr\":\"aa:bb:..\"}")
		}
		prio, err := toUint(key, m["prio"], math.MaxUint16)
		if err != nil {
			return err
		}
		mac, err := parseMAC(key, m["addr"])
		if err != nil || len(mac) != 6 {
			return argErr(key, v, "bad bridge id address")
		}
		b := binary.NativeEndian.AppendUint16(nil, uint16(prio))
		e.Raw(typ, append(b, mac...))
		return nil
	}
	return argErr(key, v, "cannot be given directly")
}

func widthFormat(w uint8) attrFormat {
	switch w {
	case 1:
		return fmtU8
	case 2:
		return fmtU16
	case 8:
		return fmtU64
	}
	return fmtU32
}

// encodeNested encodes a nested value: pyroute2's {"attrs":[[NAME, v],...]},
// a list of [NAME, v] pairs, or an object of NAME: v (sorted by name).
func encodeNested(e *AttrEncoder, typ uint16, sub *attrTable, key string, v any, ctx *encodeCtx) error {
	pairs, err := nestedPairs(key, v)
	if err != nil {
		return err
	}
	n := e.Nest(typ)
	for _, p := range pairs {
		if err := encodeArg(e, sub, p.name, p.value, ctx); err != nil {
			if ae, ok := err.(*ArgError); ok && ae.Arg == p.name {
				ae.Arg = key + "." + p.name
			}
			return err
		}
	}
	e.End(n)
	return nil
}

type namedValue struct {
	name  string
	value any
}

func nestedPairs(key string, v any) ([]namedValue, error) {
	var list []any
	switch x := v.(type) {
	case map[string]any:
		if attrs, ok := x["attrs"]; ok {
			l, ok := attrs.([]any)
			if !ok {
				return nil, argErr(key, v, "\"attrs\" must be a list of [NAME, value] pairs")
			}
			list = l
		} else {
			out := make([]namedValue, 0, len(x))
			for _, k := range sortedKeys(x) {
				if x[k] != nil {
					out = append(out, namedValue{k, x[k]})
				}
			}
			return out, nil
		}
	case []any:
		list = x
	default:
		return nil, argErr(key, v, "want a nested attribute object or list")
	}
	out := make([]namedValue, 0, len(list))
	for _, el := range list {
		pair, ok := el.([]any)
		if !ok || len(pair) < 2 {
			return nil, argErr(key, el, "want a [NAME, value] pair")
		}
		name, ok := pair[0].(string)
		if !ok {
			return nil, argErr(key, el, "attribute name must be a string")
		}
		out = append(out, namedValue{name, pair[1]})
	}
	return out, nil
}

// packStruct packs a fixed record from {"field": value} or a positional
// list; missing fields are zero.
func packStruct(l *structLayout, key string, v any) ([]byte, error) {
	fields := l.fields
	var b []byte
	get := func(i int, f structField) any { return nil }
	switch x := v.(type) {
	case map[string]any:
		for k := range x {
			found := false
			for _, f := range fields {
				if f.name == k {
					found = true
				}
			}
			if !found {
				return nil, argErr(key+"."+k, x[k], "unknown field")
			}
		}
		get = func(i int, f structField) any { return x[f.name] }
	case []any:
		if len(x) > len(fields) {
			return nil, argErr(key, v, "too many fields (max %d)", len(fields))
		}
		get = func(i int, f structField) any {
			if i < len(x) {
				return x[i]
			}
			return nil
		}
	default:
		return nil, argErr(key, v, "want an object of fields")
	}
	for i, f := range fields {
		fv := get(i, f)
		var u uint64
		if fv != nil {
			var err error
			if f.signed {
				var s int64
				s, err = toInt(key+"."+f.name, fv)
				u = uint64(s)
			} else {
				u, err = toUint(key+"."+f.name, fv, math.MaxUint64>>(64-8*uint(f.width)))
			}
			if err != nil {
				return nil, err
			}
		}
		var order binary.AppendByteOrder = binary.NativeEndian
		if f.be {
			order = binary.BigEndian
		}
		switch f.width {
		case 1:
			b = append(b, byte(u))
		case 2:
			b = order.AppendUint16(b, uint16(u))
		case 4:
			b = order.AppendUint32(b, uint32(u))
		default:
			b = order.AppendUint64(b, u)
		}
	}
	for len(b) < l.size {
		b = append(b, 0)
	}
	return b, nil
}

func encodeVia(e *AttrEncoder, typ uint16, key string, v any) error {
	var addr any
	var fam uint64
	switch x := v.(type) {
	case map[string]any:
		addr = x["addr"]
		if f, ok := x["family"]; ok {
			var err error
			if fam, err = toUint(key, f, math.MaxUint16); err != nil {
				return err
			}
		}
	default:
		addr = v
	}
	a, err := toAddr(key, addr)
	if err != nil {
		return err
	}
	if fam == 0 {
		fam = uint64(familyOf(a))
	}
	b := binary.NativeEndian.AppendUint16(nil, uint16(fam))
	e.Raw(typ, append(b, a.AsSlice()...))
	return nil
}

// MPLS labels.

func isLabelValue(v any) bool {
	switch x := v.(type) {
	case json.Number, int, int64, float64:
		return true
	case map[string]any:
		_, ok := x["label"]
		return ok
	case []any:
		return len(x) > 0 && isLabelValue(x[0])
	case string:
		_, err := netip.ParseAddr(x)
		return err != nil && strings.Trim(x, "0123456789/") == ""
	}
	return false
}

// toLabels accepts 200, "200/300", [200, 300], {"label":200,...} and lists
// of those; the last label gets bottom-of-stack, as pyroute2 does.
func toLabels(key string, v any) (Labels, error) {
	var items []any
	switch x := v.(type) {
	case string:
		for _, p := range strings.Split(x, "/") {
			if p != "" {
				items = append(items, p)
			}
		}
	case []any:
		items = x
	default:
		items = []any{v}
	}
	out := make(Labels, 0, len(items))
	explicitBOS := false
	for _, it := range items {
		l := MPLSLabel{}
		if m, ok := it.(map[string]any); ok {
			u, err := toUint(key, m["label"], 1<<20-1)
			if err != nil {
				return nil, err
			}
			l.Label = uint32(u)
			if tc, ok := m["tc"]; ok {
				t, err := toUint(key, tc, 7)
				if err != nil {
					return nil, err
				}
				l.TC = uint8(t)
			}
			if ttl, ok := m["ttl"]; ok {
				t, err := toUint(key, ttl, 255)
				if err != nil {
					return nil, err
				}
				l.TTL = uint8(t)
			}
			if bos, ok := m["bos"]; ok {
				b, err := toBool(key, bos)
				if err != nil {
					return nil, err
				}
				l.BOS, explicitBOS = b, true
			}
		} else {
			u, err := toUint(key, it, 1<<20-1)
			if err != nil {
				return nil, err
			}
			l.Label = uint32(u)
		}
		out = append(out, l)
	}
	if len(out) == 0 {
		return nil, argErr(key, v, "empty label stack")
	}
	if !explicitBOS {
		out[len(out)-1].BOS = true
	}
	return out, nil
}

func encodeLabels(ls Labels) []byte {
	b := make([]byte, 0, 4*len(ls))
	for _, l := range ls {
		v := l.Label<<12 | uint32(l.TC&7)<<9 | uint32(l.TTL)
		if l.BOS {
			v |= 0x100
		}
		b = binary.BigEndian.AppendUint32(b, v)
	}
	return b
}
