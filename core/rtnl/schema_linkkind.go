package rtnl

import "encoding/binary"

// IFLA_INFO_DATA tables per link kind (pyroute2 data_map and plugins).

var vethDataTable = seq("VETH_INFO_", "UNSPEC:none PEER:special").
	set("VETH_INFO_PEER", a("", fmtLinkPeer))

var bridgeDataTable = seq("IFLA_BR_", `UNSPEC:none FORWARD_DELAY:u32 HELLO_TIME:u32 MAX_AGE:u32
	AGEING_TIME:u32 STP_STATE:u32 PRIORITY:u16 VLAN_FILTERING:u8 VLAN_PROTOCOL:be16
	GROUP_FWD_MASK:u16 ROOT_ID:special BRIDGE_ID:special ROOT_PORT:u16 ROOT_PATH_COST:u32
	TOPOLOGY_CHANGE:u8 TOPOLOGY_CHANGE_DETECTED:u8 HELLO_TIMER:u64 TCN_TIMER:u64
	TOPOLOGY_CHANGE_TIMER:u64 GC_TIMER:u64 GROUP_ADDR:hex FDB_FLUSH:flag MCAST_ROUTER:u8
	MCAST_SNOOPING:u8 MCAST_QUERY_USE_IFADDR:u8 MCAST_QUERIER:u8 MCAST_HASH_ELASTICITY:u32
	MCAST_HASH_MAX:u32 MCAST_LAST_MEMBER_CNT:u32 MCAST_STARTUP_QUERY_CNT:u32
	MCAST_LAST_MEMBER_INTVL:u64 MCAST_MEMBERSHIP_INTVL:u64 MCAST_QUERIER_INTVL:u64
	MCAST_QUERY_INTVL:u64 MCAST_QUERY_RESPONSE_INTVL:u64 MCAST_STARTUP_QUERY_INTVL:u64
	NF_CALL_IPTABLES:u8 NF_CALL_IP6TABLES:u8 NF_CALL_ARPTABLES:u8 VLAN_DEFAULT_PVID:u16
	PAD:u64 VLAN_STATS_ENABLED:u8 MCAST_STATS_ENABLED:u8 MCAST_IGMP_VERSION:u8
	MCAST_MLD_VERSION:u8`).
	set("IFLA_BR_ROOT_ID", a("", fmtBridgeID)).
	set("IFLA_BR_BRIDGE_ID", a("", fmtBridgeID))

var bondDataTable = seq("IFLA_BOND_", `UNSPEC:none MODE:u8 ACTIVE_SLAVE:u32 MIIMON:u32 UPDELAY:u32
	DOWNDELAY:u32 USE_CARRIER:u8 ARP_INTERVAL:u32 ARP_IP_TARGET:special ARP_VALIDATE:u32
	ARP_ALL_TARGETS:u32 PRIMARY:u32 PRIMARY_RESELECT:u8 FAIL_OVER_MAC:u8
	XMIT_HASH_POLICY:u8 RESEND_IGMP:u32 NUM_PEER_NOTIF:u8 ALL_SLAVES_ACTIVE:u8
	MIN_LINKS:u32 LP_INTERVAL:u32 PACKETS_PER_SLAVE:u32 AD_LACP_RATE:u8 AD_SELECT:u8
	AD_INFO:nested AD_ACTOR_SYS_PRIO:u16 AD_USER_PORT_KEY:u16 AD_ACTOR_SYSTEM:hex
	TLB_DYNAMIC_LB:u8`).
	set("IFLA_BOND_ARP_IP_TARGET", array("", fmtIP)).
	set("IFLA_BOND_AD_INFO", nested("", seq("IFLA_BOND_AD_INFO_",
		"UNSPEC:none AGGREGATOR:u16 NUM_PORTS:u16 ACTOR_KEY:u16 PARTNER_KEY:u16 PARTNER_MAC:hex")))

var bondSlaveDataTable = seq("IFLA_BOND_SLAVE_", `UNSPEC:none STATE:u8 MII_STATUS:u8
	LINK_FAILURE_COUNT:u32 PERM_HWADDR:hex QUEUE_ID:u16 AD_AGGREGATOR_ID:u16`)

var vlanDataTable = seq("IFLA_VLAN_", "UNSPEC:none ID:u16 FLAGS:struct EGRESS_QOS:nested INGRESS_QOS:nested PROTOCOL:be16").
	set("IFLA_VLAN_FLAGS", strct("", &structLayout{fields: fieldsOf(4, "flags", "mask")})).
	set("IFLA_VLAN_EGRESS_QOS", nested("", vlanQoSTable)).
	set("IFLA_VLAN_INGRESS_QOS", nested("", vlanQoSTable))

var vlanQoSTable = seq("IFLA_VLAN_QOS_", "UNSPEC:none MAPPING:struct").
	set("IFLA_VLAN_QOS_MAPPING", strct("", &structLayout{fields: fieldsOf(4, "from", "to")}))

var vxlanDataTable = seq("IFLA_VXLAN_", `UNSPEC:none ID:u32 GROUP:ip4 LINK:u32 LOCAL:ip4 TTL:u8 TOS:u8
	LEARNING:u8 AGEING:u32 LIMIT:u32 PORT_RANGE:struct PROXY:u8 RSC:u8 L2MISS:u8 L3MISS:u8
	PORT:be16 GROUP6:ip6 LOCAL6:ip6 UDP_CSUM:u8 UDP_ZERO_CSUM6_TX:u8 UDP_ZERO_CSUM6_RX:u8
	REMCSUM_TX:u8 REMCSUM_RX:u8 GBP:flag REMCSUM_NOPARTIAL:flag COLLECT_METADATA:u8
	LABEL:be32 GPE:flag TTL_INHERIT:flag DF:u8`).
	set("IFLA_VXLAN_PORT_RANGE", strct("", &structLayout{fields: []structField{
		{name: "low", width: 2, be: true}, {name: "high", width: 2, be: true}}}))

var vrfDataTable = seq("IFLA_VRF_", "UNSPEC:none TABLE:u32")

var greDataTable = seq("IFLA_GRE_", `UNSPEC:none LINK:u32 IFLAGS:be16 OFLAGS:be16 IKEY:be32 OKEY:be32
	LOCAL:ip4 REMOTE:ip4 TTL:u8 TOS:u8 PMTUDISC:u8 ENCAP_LIMIT:u8 FLOWINFO:be32 FLAGS:u32
	ENCAP_TYPE:u16 ENCAP_FLAGS:u16 ENCAP_SPORT:be16 ENCAP_DPORT:be16 COLLECT_METADATA:flag
	IGNORE_DF:u8 FWMARK:u32`)

var ip6greDataTable = seq("IFLA_IP6GRE_", `UNSPEC:none LINK:u32 IFLAGS:u16 OFLAGS:u16 IKEY:be32
	OKEY:be32 LOCAL:ip6 REMOTE:ip6 TTL:u8 TOS:u8 PMTUDISC:u8 ENCAP_LIMIT:u8 FLOWINFO:be32
	FLAGS:u32 ENCAP_TYPE:u16 ENCAP_FLAGS:u16 ENCAP_SPORT:be16 ENCAP_DPORT:be16`)

var macvlanModes = map[uint64]Value{
	0: String("none"), 1: String("private"), 2: String("vepa"), 4: String("bridge"),
	8: String("passthru"), 16: String("source"),
}

func macvxTable(prefix string) *attrTable {
	return seq(prefix, "UNSPEC:none MODE:enum FLAGS:enum MACADDR_MODE:enum MACADDR:hex MACADDR_DATA:nested MACADDR_COUNT:u32").
		set(prefix+"MODE", enum("", 4, macvlanModes)).
		set(prefix+"FLAGS", enum("", 2, map[uint64]Value{0: String("none"), 1: String("nopromisc")})).
		set(prefix+"MACADDR_MODE", enum("", 4, map[uint64]Value{
			0: String("add"), 1: String("del"), 2: String("flush"), 3: String("set")})).
		set(prefix+"MACADDR_DATA", nested("", seq(prefix, "@4 MACADDR:hex")))
}

var (
	macvlanDataTable = macvxTable("IFLA_MACVLAN_")
	macvtapDataTable = macvxTable("IFLA_MACVTAP_")
)

var tunDataTable = seq("IFLA_TUN_", `UNSPEC:none OWNER:u32 GROUP:u32 TYPE:u8 PI:u8 VNET_HDR:u8
	PERSIST:u8 MULTI_QUEUE:u8 NUM_QUEUES:u32 NUM_DISABLED_QUEUES:u32`)

var ipvlanDataTable = seq("IFLA_IPVLAN_", "UNSPEC:none MODE:u16 FLAGS:u16")

var geneveDataTable = seq("IFLA_GENEVE_", `UNSPEC:none ID:u32 REMOTE:ip4 TTL:u8 TOS:u8 PORT:be16
	COLLECT_METADATA:flag REMOTE6:ip6 UDP_CSUM:u8 UDP_ZERO_CSUM6_TX:u8 UDP_ZERO_CSUM6_RX:u8
	LABEL:be32 TTL_INHERIT:u8 DF:enum INNER_PROTO_INHERIT:flag`).
	set("IFLA_GENEVE_DF", enum("", 1, map[uint64]Value{0: String("unset"), 1: String("set"), 2: String("inherit")}))

func iptnlTable(prefix string) *attrTable {
	return seq(prefix, `UNSPEC:none LINK:u32 LOCAL:ip4 REMOTE:ip4 TTL:u8 TOS:u8 ENCAP_LIMIT:u8
		FLOWINFO:be32 FLAGS:u32 PROTO:u8 PMTUDISC:u8 6RD_PREFIX:ip6 6RD_RELAY_PREFIX:ip4
		6RD_PREFIXLEN:u16 6RD_RELAY_PREFIXLEN:u16 ENCAP_TYPE:u16 ENCAP_FLAGS:u16
		ENCAP_SPORT:be16 ENCAP_DPORT:be16 COLLECT_METADATA:flag FWMARK:u32`)
}

var (
	ipipDataTable   = iptnlTable("IFLA_IPIP_")
	sitDataTable    = iptnlTable("IFLA_SIT_")
	ip6tnlDataTable = seq("IFLA_IP6TNL_", `UNSPEC:none LINK:u32 LOCAL:ip6 REMOTE:ip6 TTL:u8 TOS:u8
		ENCAP_LIMIT:u8 FLOWINFO:be32 FLAGS:u32 PROTO:u8 PMTUDISC:u8 6RD_PREFIX:ip6
		6RD_RELAY_PREFIX:ip4 6RD_PREFIXLEN:u16 6RD_RELAY_PREFIXLEN:u16 ENCAP_TYPE:u16
		ENCAP_FLAGS:u16 ENCAP_SPORT:be16 ENCAP_DPORT:be16 COLLECT_METADATA:flag FWMARK:u32`)
)

var infoDataTables = map[string]*attrTable{
	"veth":      vethDataTable,
	"bridge":    bridgeDataTable,
	"bond":      bondDataTable,
	"vlan":      vlanDataTable,
	"vxlan":     vxlanDataTable,
	"vrf":       vrfDataTable,
	"gre":       greDataTable,
	"gretap":    greDataTable,
	"ip6gre":    ip6greDataTable,
	"ip6gretap": ip6greDataTable,
	"macvlan":   macvlanDataTable,
	"macvtap":   macvtapDataTable,
	"tun":       tunDataTable,
	"ipvlan":    ipvlanDataTable,
	"geneve":    geneveDataTable,
	"ipip":      ipipDataTable,
	"sit":       sitDataTable,
	"ip6tnl":    ip6tnlDataTable,
}

func infoDataTable(kind string) *attrTable { return infoDataTables[kind] }

func infoSlaveDataTable(kind string) *attrTable {
	switch kind {
	case "bridge", "bridge_slave":
		return brportTable
	case "bond":
		return bondSlaveDataTable
	}
	return nil
}

// decodeLinkPeer decodes VETH_INFO_PEER: an ifinfomsg header followed by
// IFLA attributes, rendered like a link message without header and event.
func decodeLinkPeer(d []byte) (Value, error) {
	if len(d) < linkSchema.size {
		return nil, nil
	}
	fam := d[0]
	attrs, err := decodeAttrs(d[linkSchema.size:], linkTable, &decodeCtx{family: fam})
	if err != nil {
		return nil, err
	}
	return Object{
		{"family", Uint(fam)},
		{"__align", List{}},
		{"ifi_type", Uint(binary.NativeEndian.Uint16(d[2:]))},
		{"index", Int(int32(binary.NativeEndian.Uint32(d[4:])))},
		{"flags", Uint(binary.NativeEndian.Uint32(d[8:]))},
		{"change", Uint(binary.NativeEndian.Uint32(d[12:]))},
		{"attrs", attrList(attrs)},
	}, nil
}

// attrList renders an attribute list as a bare [[NAME, value], ...] (for
// the "attrs" member of an embedded message).
type attrList Attrs

func (attrList) isValue() {}

// AppendJSON implements Value.
func (l attrList) AppendJSON(dst []byte) []byte { return Attrs(l).AppendJSONList(dst) }
