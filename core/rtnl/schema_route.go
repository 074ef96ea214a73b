package rtnl

import (
	"encoding/binary"
	"strconv"
)

// Address, route, neighbour and rule messages, named as pyroute2's
// ifaddrmsg, rtmsg, ndmsg and fibmsg.

const (
	addrFieldFamily = iota
	addrFieldPrefixLen
	addrFieldFlags
	addrFieldScope
	addrFieldIndex
)

var addrSchema = &msgSchema{
	name: "ifaddrmsg",
	size: 8,
	fields: []msgField{
		{name: "family", width: 1},
		{name: "prefixlen", width: 1},
		{name: "flags", width: 1},
		{name: "scope", width: 1},
		{name: "index", width: 4},
	},
	table:       addrTable,
	familyField: addrFieldFamily,
}

var addrTable = seq("IFA_", `UNSPEC:hex ADDRESS:ip LOCAL:ip LABEL:str BROADCAST:ip ANYCAST:ip
	CACHEINFO:struct MULTICAST:ip FLAGS:u32 RT_PRIORITY:u32 TARGET_NETNSID:s32 PROTO:u8`).
	set("IFA_CACHEINFO", strct("", &structLayout{fields: fieldsOf(4, "ifa_preferred", "ifa_valid", "cstamp", "tstamp")}))

const (
	routeFieldFamily = iota
	routeFieldDstLen
	routeFieldSrcLen
	routeFieldTOS
	routeFieldTable
	routeFieldProto
	routeFieldScope
	routeFieldType
	routeFieldFlags
)

var routeSchema = &msgSchema{
	name: "rtmsg",
	size: 12,
	fields: []msgField{
		{name: "family", width: 1},
		{name: "dst_len", width: 1},
		{name: "src_len", width: 1},
		{name: "tos", width: 1},
		{name: "table", width: 1},
		{name: "proto", width: 1},
		{name: "scope", width: 1},
		{name: "type", width: 1},
		{name: "flags", width: 4},
	},
	table:       routeTable,
	familyField: routeFieldFamily,
}

var routeTable = seq("RTA_", `UNSPEC:none DST:target SRC:target IIF:u32 OIF:u32 GATEWAY:target
	PRIORITY:u32 PREFSRC:target METRICS:nested MULTIPATH:special PROTOINFO:u32 FLOW:u32
	CACHEINFO:struct SESSION:hex MP_ALGO:hex TABLE:u32 MARK:u32 MFC_STATS:struct VIA:special
	NEWDST:target PREF:u8 ENCAP_TYPE:u16 ENCAP:special EXPIRES:u64 PAD:hex UID:u32
	TTL_PROPAGATE:u8 IP_PROTO:u8 SPORT:be16 DPORT:be16 NH_ID:u32`).
	set("RTA_METRICS", nested("", metricsTable)).
	set("RTA_MULTIPATH", a("", fmtMultipath)).
	set("RTA_CACHEINFO", strct("", &structLayout{fields: []structField{
		u32f("rta_clntref"), u32f("rta_lastuse"), s32f("rta_expires"), u32f("rta_error"),
		u32f("rta_used"), u32f("rta_id"), u32f("rta_ts"), u32f("rta_tsage"),
	}})).
	set("RTA_MFC_STATS", strct("", &structLayout{fields: fieldsOf(8, "mfcs_packets", "mfcs_bytes", "mfcs_wrong_if")})).
	set("RTA_VIA", a("", fmtVia)).
	set("RTA_ENCAP", a("", fmtEncap))

var metricsTable = seq("RTAX_", `UNSPEC:none LOCK:u32 MTU:u32 WINDOW:u32 RTT:u32 RTTVAR:u32
	SSTHRESH:u32 CWND:u32 ADVMSS:u32 REORDERING:u32 HOPLIMIT:u32 INITCWND:u32 FEATURES:u32
	RTO_MIN:u32 INITRWND:u32 QUICKACK:u32 CC_ALGO:str FASTOPEN_NO_COOKIE:u32`)

// Lightweight tunnel encapsulations (RTA_ENCAP by RTA_ENCAP_TYPE).
const (
	LWTUNNEL_ENCAP_NONE = 0
	LWTUNNEL_ENCAP_MPLS = 1
	LWTUNNEL_ENCAP_IP   = 2
	LWTUNNEL_ENCAP_SEG6 = 5
	LWTUNNEL_ENCAP_BPF  = 6
)

var mplsEncapTable = seq("MPLS_IPTUNNEL_", "UNSPEC:none DST:target TTL:u8")

var bpfEncapTable = seq("LWT_BPF_", "UNSPEC:none IN:nested OUT:nested XMIT:nested XMIT_HEADROOM:u32").
	set("LWT_BPF_IN", nested("", bpfProgTable)).
	set("LWT_BPF_OUT", nested("", bpfProgTable)).
	set("LWT_BPF_XMIT", nested("", bpfProgTable))

var bpfProgTable = seq("LWT_BPF_PROG_", "UNSPEC:none FD:u32 NAME:str")

func encapTable(typ uint16) *attrTable {
	switch typ {
	case LWTUNNEL_ENCAP_MPLS:
		return mplsEncapTable
	case LWTUNNEL_ENCAP_BPF:
		return bpfEncapTable
	}
	return nil
}

// Multipath is the decoded RTA_MULTIPATH: one entry per struct rtnexthop.
type Multipath []Nexthop

// Nexthop is one rtnexthop. Hops is the raw rtnh_hops, which is
// iproute2's weight minus one (pyroute2 exposes it raw as "hops").
type Nexthop struct {
	Flags uint8
	Hops  uint8
	OIF   int32
	Attrs Attrs // RTA_GATEWAY, RTA_VIA, RTA_ENCAP, ...
}

// AppendJSON implements Value: [{"flags":..,"hops":..,"oif":..,"attrs":[...]}, ...].
func (mp Multipath) AppendJSON(dst []byte) []byte {
	dst = append(dst, '[')
	for i := range mp {
		nh := &mp[i]
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"flags":`...)
		dst = strconv.AppendUint(dst, uint64(nh.Flags), 10)
		dst = append(dst, `,"hops":`...)
		dst = strconv.AppendUint(dst, uint64(nh.Hops), 10)
		dst = append(dst, `,"oif":`...)
		dst = strconv.AppendInt(dst, int64(nh.OIF), 10)
		dst = append(dst, `,"attrs":`...)
		dst = nh.Attrs.AppendJSONList(dst)
		dst = append(dst, '}')
	}
	return append(dst, ']')
}

func decodeMultipath(d []byte, ctx *decodeCtx) (Value, error) {
	var out Multipath
	for len(d) >= 8 {
		l := int(binary.NativeEndian.Uint16(d))
		if l < 8 || l > len(d) {
			return out, errBadAttrLen
		}
		nh := Nexthop{
			Flags: d[2],
			Hops:  d[3],
			OIF:   int32(binary.NativeEndian.Uint32(d[4:])),
		}
		attrs, err := decodeAttrs(d[8:l], routeTable, &decodeCtx{family: ctx.family})
		if err != nil {
			return out, err
		}
		if attrs == nil {
			attrs = Attrs{}
		}
		nh.Attrs = attrs
		out = append(out, nh)
		adv := align4(l)
		if adv > len(d) {
			adv = len(d)
		}
		d = d[adv:]
	}
	return out, nil
}

const (
	neighFieldFamily = iota
	neighFieldIfindex
	neighFieldState
	neighFieldFlags
	neighFieldType
)

var neighSchema = &msgSchema{
	name: "ndmsg",
	size: 12,
	fields: []msgField{
		{name: "family", width: 1},
		{name: "__pad", width: 3, pad: true},
		{name: "ifindex", width: 4, signed: true},
		{name: "state", width: 2},
		{name: "flags", width: 1},
		{name: "ndm_type", width: 1},
	},
	table:       neighTable,
	familyField: neighFieldFamily,
}

var neighTable = seq("NDA_", `UNSPEC:none DST:ip LLADDR:lladdr CACHEINFO:struct PROBES:u32 VLAN:u16
	PORT:be16 VNI:u32 IFINDEX:u32 MASTER:u32 LINK_NETNSID:s32 SRC_VNI:u32 PROTOCOL:u8
	NH_ID:u32 FDB_EXT_ATTRS:hex FLAGS_EXT:u32 NDM_STATE_MASK:u16 NDM_FLAGS_MASK:u8`).
	set("NDA_CACHEINFO", strct("", &structLayout{fields: fieldsOf(4, "ndm_confirmed", "ndm_used", "ndm_updated", "ndm_refcnt")}))

const (
	ruleFieldFamily = iota
	ruleFieldDstLen
	ruleFieldSrcLen
	ruleFieldTOS
	ruleFieldTable
	ruleFieldRes1
	ruleFieldRes2
	ruleFieldAction
	ruleFieldFlags
)

var ruleSchema = &msgSchema{
	name: "fibmsg",
	size: 12,
	fields: []msgField{
		{name: "family", width: 1},
		{name: "dst_len", width: 1},
		{name: "src_len", width: 1},
		{name: "tos", width: 1},
		{name: "table", width: 1},
		{name: "res1", width: 1},
		{name: "res2", width: 1},
		{name: "action", width: 1},
		{name: "flags", width: 4},
	},
	table:       ruleTable,
	familyField: ruleFieldFamily,
}

var ruleTable = seq("FRA_", `UNSPEC:none DST:ip SRC:ip IIFNAME:str GOTO:u32 @6 PRIORITY:u32
	@10 FWMARK:u32 FLOW:u32 TUN_ID:be64 SUPPRESS_IFGROUP:u32 SUPPRESS_PREFIXLEN:u32 TABLE:u32
	FWMASK:u32 OIFNAME:str PAD:hex L3MDEV:u8 UID_RANGE:struct PROTOCOL:u8 IP_PROTO:u8
	SPORT_RANGE:struct DPORT_RANGE:struct`).
	set("FRA_UID_RANGE", strct("", &structLayout{fields: fieldsOf(4, "start", "end")})).
	set("FRA_SPORT_RANGE", strct("", &structLayout{fields: fieldsOf(2, "start", "end")})).
	set("FRA_DPORT_RANGE", strct("", &structLayout{fields: fieldsOf(2, "start", "end")}))
