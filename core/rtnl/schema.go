package rtnl

import (
	"encoding/binary"
	"net/netip"
	"strconv"
	"strings"
)

// attrFormat says how to decode (and encode) one attribute payload. The
// names follow pyroute2's NLA formats so the tables read like its nla_maps.
type attrFormat uint8

const (
	fmtUnknown       attrFormat = iota // not in the table
	fmtNone                            // payload ignored, value None
	fmtFlag                            // value true
	fmtU8                              // native-endian unsigned integers
	fmtU16                             //
	fmtU32                             //
	fmtU64                             //
	fmtS8                              // native-endian signed integers
	fmtS32                             //
	fmtS64                             //
	fmtBE16                            // big-endian unsigned integers
	fmtBE32                            //
	fmtBE64                            //
	fmtString                          // NUL-terminated text ('asciiz')
	fmtHex                             // colon hex ('hex', 'l2addr')
	fmtIP                              // address, family from length ('ipaddr')
	fmtIP4                             // 'ip4addr'
	fmtIP6                             // 'ip6addr'
	fmtTarget                          // address or MPLS labels, from the message family
	fmtLLAddr                          // MAC, IPv4 or IPv6 by length
	fmtStruct                          // fixed record (layout)
	fmtNested                          // nested attribute list (sub)
	fmtArray                           // nested attrs, each decoded with elem; value List
	fmtEnum                            // integer of width with a value map
	fmtMultipath                       // RTA_MULTIPATH
	fmtAFSpec                          // IFLA_AF_SPEC, table from the message family
	fmtProtinfo                        // IFLA_PROTINFO, table from the message family
	fmtInfoData                        // IFLA_INFO_DATA, table from IFLA_INFO_KIND
	fmtInfoSlaveData                   // IFLA_INFO_SLAVE_DATA
	fmtLinkPeer                        // VETH_INFO_PEER: ifinfomsg + IFLA attrs
	fmtVia                             // RTA_VIA {family, addr}
	fmtEncap                           // RTA_ENCAP, table from RTA_ENCAP_TYPE
	fmtBridgeID                        // ifla_bridge_id {prio, addr}
)

// attrSpec describes one attribute type of a table.
type attrSpec struct {
	name   string
	format attrFormat
	sub    *attrTable    // fmtNested, fmtArray element table
	elem   attrFormat    // fmtArray element format when sub is nil
	layout *structLayout // fmtStruct
	enum   *enumMap      // fmtEnum
}

// enumMap maps integer values to names (pyroute2 value_map). Values not in
// the map stay integers.
type enumMap struct {
	width uint8
	names map[uint64]Value
}

// attrTable is an nla_map: attribute specs indexed by type.
type attrTable struct {
	specs  []attrSpec
	prefix string // name prefix, for short pyroute2 argument names
}

func (t *attrTable) lookup(typ uint16) *attrSpec {
	if t == nil || int(typ) >= len(t.specs) {
		return nil
	}
	s := &t.specs[typ]
	if s.format == fmtUnknown {
		return nil
	}
	return s
}

// newTable builds a table from a list of (type, spec) entries.
func newTable(entries ...tableEntry) *attrTable {
	max := 0
	for _, e := range entries {
		if int(e.typ) > max {
			max = int(e.typ)
		}
	}
	t := &attrTable{specs: make([]attrSpec, max+1)}
	for _, e := range entries {
		t.specs[e.typ] = e.spec
	}
	return t
}

// seqTable builds a table whose entries have consecutive types from 0, the
// way pyroute2 writes most nla_maps.
func seqTable(specs ...attrSpec) *attrTable {
	return &attrTable{specs: specs}
}

type tableEntry struct {
	typ  uint16
	spec attrSpec
}

func at(typ uint16, s attrSpec) tableEntry { return tableEntry{typ, s} }

// Spec constructors.
func a(name string, f attrFormat) attrSpec { return attrSpec{name: name, format: f} }
func nested(name string, sub *attrTable) attrSpec {
	return attrSpec{name: name, format: fmtNested, sub: sub}
}
func strct(name string, l *structLayout) attrSpec {
	return attrSpec{name: name, format: fmtStruct, layout: l}
}
func enum(name string, width uint8, names map[uint64]Value) attrSpec {
	return attrSpec{name: name, format: fmtEnum, enum: &enumMap{width: width, names: names}}
}
func array(name string, elem attrFormat) attrSpec {
	return attrSpec{name: name, format: fmtArray, elem: elem}
}

// decodeCtx carries what a format needs from its surroundings.
type decodeCtx struct {
	family    uint8  // message family
	kind      string // IFLA_INFO_KIND seen in the current IFLA_LINKINFO
	slaveKind string // IFLA_INFO_SLAVE_KIND
}

// nlaIter walks a buffer of netlink attributes. It never panics: a
// malformed header stops iteration and sets a sticky error.
type nlaIter struct {
	b    []byte
	typ  uint16 // raw type including flag bits
	data []byte
	err  error
}

func (it *nlaIter) next() bool {
	if it.err != nil || len(it.b) < 4 {
		if it.err == nil && len(it.b) != 0 {
			it.err = errShortAttr
		}
		return false
	}
	l := int(binary.NativeEndian.Uint16(it.b))
	if l < 4 || l > len(it.b) {
		it.err = errBadAttrLen
		return false
	}
	it.typ = binary.NativeEndian.Uint16(it.b[2:])
	it.data = it.b[4:l]
	adv := align4(l)
	if adv > len(it.b) {
		adv = len(it.b)
	}
	it.b = it.b[adv:]
	return true
}

func align4(n int) int { return (n + 3) &^ 3 }

// countAttrs returns how many attributes b holds, to size slices.
func countAttrs(b []byte) int {
	n := 0
	for len(b) >= 4 {
		l := int(binary.NativeEndian.Uint16(b))
		if l < 4 {
			break
		}
		n++
		if align4(l) >= len(b) {
			break
		}
		b = b[align4(l):]
	}
	return n
}

// decodeAttrs decodes b with table t. Undecodable attributes become
// Unknown values; a malformed attribute stream is reported as an error
// together with the attributes decoded before it.
func decodeAttrs(b []byte, t *attrTable, ctx *decodeCtx) (Attrs, error) {
	out := make(Attrs, 0, countAttrs(b))
	it := nlaIter{b: b}
	for it.next() {
		typ := it.typ & nlaTypeMask
		spec := t.lookup(typ)
		if spec == nil {
			out = append(out, Attr{Name: "UNKNOWN", Type: typ, Value: Unknown{Type: it.typ, Data: clone(it.data)}})
			continue
		}
		v, err := decodeValue(spec, it.data, it.b, ctx)
		if err != nil {
			return out, err
		}
		if v == nil {
			// Wrong payload size for the format: keep the bytes.
			v = Unknown{Type: it.typ, Data: clone(it.data)}
		}
		out = append(out, Attr{Name: spec.name, Type: typ, Value: v})
		if typ == IFLA_INFO_KIND && spec.name == "IFLA_INFO_KIND" {
			ctx.kind = string(trimNUL(it.data))
		} else if typ == IFLA_INFO_SLAVE_KIND && spec.name == "IFLA_INFO_SLAVE_KIND" {
			ctx.slaveKind = string(trimNUL(it.data))
		}
	}
	return out, it.err
}

// decodeValue decodes one payload. rest is the attribute stream after this
// attribute (RTA_ENCAP needs RTA_ENCAP_TYPE, which the kernel sends later).
// A nil Value with nil error means the payload did not fit the format.
func decodeValue(spec *attrSpec, d, rest []byte, ctx *decodeCtx) (Value, error) {
	switch spec.format {
	case fmtNone:
		return None{}, nil
	case fmtFlag:
		return Bool(true), nil
	case fmtU8:
		if len(d) < 1 {
			return nil, nil
		}
		return Uint(d[0]), nil
	case fmtU16:
		if len(d) < 2 {
			return nil, nil
		}
		return Uint(binary.NativeEndian.Uint16(d)), nil
	case fmtU32:
		if len(d) < 4 {
			return nil, nil
		}
		return Uint(binary.NativeEndian.Uint32(d)), nil
	case fmtU64:
		if len(d) < 8 {
			return nil, nil
		}
		return Uint(binary.NativeEndian.Uint64(d)), nil
	case fmtS8:
		if len(d) < 1 {
			return nil, nil
		}
		return Int(int8(d[0])), nil
	case fmtS32:
		if len(d) < 4 {
			return nil, nil
		}
		return Int(int32(binary.NativeEndian.Uint32(d))), nil
	case fmtS64:
		if len(d) < 8 {
			return nil, nil
		}
		return Int(int64(binary.NativeEndian.Uint64(d))), nil
	case fmtBE16:
		if len(d) < 2 {
			return nil, nil
		}
		return Uint(binary.BigEndian.Uint16(d)), nil
	case fmtBE32:
		if len(d) < 4 {
			return nil, nil
		}
		return Uint(binary.BigEndian.Uint32(d)), nil
	case fmtBE64:
		if len(d) < 8 {
			return nil, nil
		}
		return Uint(binary.BigEndian.Uint64(d)), nil
	case fmtString:
		return String(trimNUL(d)), nil
	case fmtHex:
		return Hex(clone(d)), nil
	case fmtIP:
		return ipByLen(d), nil
	case fmtIP4:
		if len(d) < 4 {
			return nil, nil
		}
		return IP(netip.AddrFrom4([4]byte(d[:4]))), nil
	case fmtIP6:
		if len(d) < 16 {
			return nil, nil
		}
		return IP(netip.AddrFrom16([16]byte(d[:16]))), nil
	case fmtTarget:
		return decodeTarget(d, ctx.family), nil
	case fmtLLAddr:
		switch len(d) {
		case 4, 16:
			return ipByLen(d), nil
		case 0:
			return String(""), nil
		}
		return Hex(clone(d)), nil
	case fmtStruct:
		return spec.layout.decode(d), nil
	case fmtNested:
		return decodeNested(d, spec.sub, ctx)
	case fmtArray:
		return decodeArray(spec, d, ctx)
	case fmtEnum:
		return decodeEnum(spec.enum, d), nil
	case fmtMultipath:
		return decodeMultipath(d, ctx)
	case fmtAFSpec:
		if t := afSpecTable(ctx.family); t != nil {
			return decodeNested(d, t, ctx)
		}
		return Hex(clone(d)), nil
	case fmtProtinfo:
		if t := protinfoTable(ctx.family); t != nil {
			return decodeNested(d, t, ctx)
		}
		return Hex(clone(d)), nil
	case fmtInfoData:
		if t := infoDataTable(ctx.kind); t != nil {
			sub := &decodeCtx{family: ctx.family}
			return decodeNested(d, t, sub)
		}
		return Hex(clone(d)), nil
	case fmtInfoSlaveData:
		k := ctx.slaveKind
		if k == "" {
			k = ctx.kind
		}
		if t := infoSlaveDataTable(k); t != nil {
			return decodeNested(d, t, &decodeCtx{family: ctx.family})
		}
		return Hex(clone(d)), nil
	case fmtLinkPeer:
		return decodeLinkPeer(d)
	case fmtVia:
		return decodeVia(d), nil
	case fmtEncap:
		if t := encapTable(findEncapType(rest)); t != nil {
			return decodeNested(d, t, &decodeCtx{family: AF_MPLS})
		}
		return Hex(clone(d)), nil
	case fmtBridgeID:
		if len(d) < 8 {
			return nil, nil
		}
		return Object{
			{"prio", Uint(binary.NativeEndian.Uint16(d))},
			{"addr", String(appendColonHex(nil, d[2:8]))},
		}, nil
	}
	return nil, nil
}

func decodeNested(d []byte, t *attrTable, ctx *decodeCtx) (Value, error) {
	attrs, err := decodeAttrs(d, t, ctx)
	if err != nil {
		return nil, err
	}
	return attrs, nil
}

func decodeArray(spec *attrSpec, d []byte, ctx *decodeCtx) (Value, error) {
	var out List
	it := nlaIter{b: d}
	el := attrSpec{format: spec.elem, sub: spec.sub}
	for it.next() {
		v, err := decodeValue(&el, it.data, nil, ctx)
		if err != nil {
			return nil, err
		}
		if v == nil {
			v = Unknown{Type: it.typ, Data: clone(it.data)}
		}
		out = append(out, v)
	}
	return out, it.err
}

func decodeEnum(e *enumMap, d []byte) Value {
	if len(d) < int(e.width) {
		return nil
	}
	v := readUint(d, e.width, false)
	if name, ok := e.names[v]; ok {
		return name
	}
	return Uint(v)
}

func ipByLen(d []byte) Value {
	switch {
	case len(d) >= 16:
		return IP(netip.AddrFrom16([16]byte(d[:16])))
	case len(d) >= 4 && len(d) <= 8:
		return IP(netip.AddrFrom4([4]byte(d[:4])))
	}
	return Hex(clone(d))
}

func decodeTarget(d []byte, family uint8) Value {
	switch family {
	case AF_INET:
		if len(d) >= 4 {
			return IP(netip.AddrFrom4([4]byte(d[:4])))
		}
	case AF_INET6:
		if len(d) >= 16 {
			return IP(netip.AddrFrom16([16]byte(d[:16])))
		}
	case AF_MPLS:
		return decodeLabels(d)
	default:
		if len(d) == 4 || len(d) == 16 {
			return ipByLen(d)
		}
	}
	return nil
}

func decodeLabels(d []byte) Labels {
	out := make(Labels, 0, len(d)/4)
	for len(d) >= 4 {
		v := binary.BigEndian.Uint32(d)
		out = append(out, MPLSLabel{
			Label: v >> 12,
			TC:    uint8(v>>9) & 7,
			BOS:   v&0x100 != 0,
			TTL:   uint8(v),
		})
		d = d[4:]
	}
	return out
}

func decodeVia(d []byte) Value {
	if len(d) < 2 {
		return nil
	}
	fam := binary.NativeEndian.Uint16(d)
	addr := d[2:]
	var av Value
	switch {
	case len(addr) == 0:
		av = String("")
	case fam == AF_INET && len(addr) == 4:
		av = IP(netip.AddrFrom4([4]byte(addr)))
	case fam == AF_INET6 && len(addr) == 16:
		av = IP(netip.AddrFrom16([16]byte(addr)))
	default:
		av = String(appendColonHex(nil, addr))
	}
	return Object{{"family", Uint(fam)}, {"addr", av}}
}

// findEncapType scans the attributes after RTA_ENCAP for RTA_ENCAP_TYPE.
func findEncapType(rest []byte) uint16 {
	it := nlaIter{b: rest}
	for it.next() {
		if it.typ&nlaTypeMask == RTA_ENCAP_TYPE && len(it.data) >= 2 {
			return binary.NativeEndian.Uint16(it.data)
		}
	}
	return 0
}

func trimNUL(d []byte) []byte {
	for i, c := range d {
		if c == 0 {
			return d[:i]
		}
	}
	return d
}

func clone(b []byte) []byte {
	if len(b) == 0 {
		return []byte{}
	}
	return append([]byte(nil), b...)
}

// seq builds a table from a compact description: whitespace-separated
// "NAME:format" tokens with consecutive types starting at 0; a token "@N"
// jumps to type N. prefix is prepended to every name. Formats needing more
// than a word (nested tables, structs, enums) are set afterwards with set.
func seq(prefix, desc string) *attrTable {
	t := &attrTable{prefix: prefix}
	typ := 0
	for _, tok := range strings.Fields(desc) {
		if tok[0] == '@' {
			n, err := strconv.Atoi(tok[1:])
			if err != nil {
				panic("rtnl: bad table jump " + tok)
			}
			typ = n
			continue
		}
		name, f, ok := strings.Cut(tok, ":")
		if !ok {
			panic("rtnl: bad table token " + tok)
		}
		format, ok := formatWords[f]
		if !ok {
			panic("rtnl: bad format " + tok)
		}
		for len(t.specs) <= typ {
			t.specs = append(t.specs, attrSpec{})
		}
		t.specs[typ] = attrSpec{name: prefix + name, format: format}
		typ++
	}
	return t
}

// set replaces the spec of the attribute called name (keeping its name).
func (t *attrTable) set(name string, s attrSpec) *attrTable {
	for i := range t.specs {
		if t.specs[i].name == name {
			s.name = name
			t.specs[i] = s
			return t
		}
	}
	panic("rtnl: no attribute " + name)
}

var formatWords = map[string]attrFormat{
	"none": fmtNone, "flag": fmtFlag,
	"u8": fmtU8, "u16": fmtU16, "u32": fmtU32, "u64": fmtU64,
	"s8": fmtS8, "s32": fmtS32, "s64": fmtS64,
	"be16": fmtBE16, "be32": fmtBE32, "be64": fmtBE64,
	"str": fmtString, "hex": fmtHex, "ip": fmtIP, "ip4": fmtIP4, "ip6": fmtIP6,
	"target": fmtTarget, "lladdr": fmtLLAddr,
	// placeholders replaced with set()
	"nested": fmtHex, "struct": fmtHex, "enum": fmtHex, "special": fmtHex,
}
