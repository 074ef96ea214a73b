package rtnl

// Link messages (struct ifinfomsg + IFLA_*), named as pyroute2's ifinfmsg.

// Stored field positions of ifinfmsg (padding skipped).
const (
	linkFieldFamily = iota
	linkFieldType
	linkFieldIndex
	linkFieldFlags
	linkFieldChange
)

var linkSchema = &msgSchema{
	name: "ifinfmsg",
	size: 16,
	fields: []msgField{
		{name: "family", width: 1},
		{name: "__align", width: 1, pad: true},
		{name: "ifi_type", width: 2},
		{name: "index", width: 4, signed: true},
		{name: "flags", width: 4},
		{name: "change", width: 4},
	},
	table:       linkTable,
	familyField: linkFieldFamily,
	linkState:   true,
}

// Operational states (IF_OPER_*), as pyroute2 names them.
var operStates = map[uint64]Value{
	0: String("UNKNOWN"), 1: String("NOTPRESENT"), 2: String("DOWN"),
	3: String("LOWERLAYERDOWN"), 4: String("TESTING"), 5: String("DORMANT"), 6: String("UP"),
}

var statsNames = []string{
	"rx_packets", "tx_packets", "rx_bytes", "tx_bytes", "rx_errors", "tx_errors",
	"rx_dropped", "tx_dropped", "multicast", "collisions", "rx_length_errors",
	"rx_over_errors", "rx_crc_errors", "rx_frame_errors", "rx_fifo_errors",
	"rx_missed_errors", "tx_aborted_errors", "tx_carrier_errors", "tx_fifo_errors",
	"tx_heartbeat_errors", "tx_window_errors", "rx_compressed", "tx_compressed",
	// Newer than pyroute2's list; kept under the kernel's names.
	"rx_nohandler", "rx_otherhost_dropped",
}

var (
	stats32Layout = &structLayout{fields: fieldsOf(4, statsNames[:24]...)}
	stats64Layout = &structLayout{fields: fieldsOf(8, statsNames...)}
	ifmapLayout   = &structLayout{fields: []structField{
		u64f("mem_start"), u64f("mem_end"), u64f("base_addr"), u16f("irq"), u8f("dma"), u8f("port"),
	}, size: 32}
)

var linkTable = seq("IFLA_", `
	UNSPEC:none ADDRESS:hex BROADCAST:hex IFNAME:str MTU:u32 LINK:u32 QDISC:str
	STATS:struct COST:hex PRIORITY:hex MASTER:u32 WIRELESS:hex PROTINFO:special
	TXQLEN:u32 MAP:struct WEIGHT:hex OPERSTATE:enum LINKMODE:u8 LINKINFO:nested
	NET_NS_PID:u32 IFALIAS:str NUM_VF:u32 VFINFO_LIST:nested STATS64:struct
	VF_PORTS:hex PORT_SELF:hex AF_SPEC:special GROUP:u32 NET_NS_FD:u32 EXT_MASK:u32
	PROMISCUITY:u32 NUM_TX_QUEUES:u32 NUM_RX_QUEUES:u32 CARRIER:u8 PHYS_PORT_ID:hex
	CARRIER_CHANGES:u32 PHYS_SWITCH_ID:hex LINK_NETNSID:s32 PHYS_PORT_NAME:str
	PROTO_DOWN:u8 GSO_MAX_SEGS:u32 GSO_MAX_SIZE:u32 PAD:hex XDP:nested EVENT:u32
	NEW_NETNSID:s32 IF_NETNSID:s32 CARRIER_UP_COUNT:u32 CARRIER_DOWN_COUNT:u32
	NEW_IFINDEX:s32 MIN_MTU:u32 MAX_MTU:u32 PROP_LIST:nested ALT_IFNAME:str
	PERM_ADDRESS:hex PROTO_DOWN_REASON:nested PARENT_DEV_NAME:str
	PARENT_DEV_BUS_NAME:str GRO_MAX_SIZE:u32 TSO_MAX_SIZE:u32 TSO_MAX_SEGS:u32
	ALLMULTI:u32`).
	set("IFLA_STATS", strct("", stats32Layout)).
	set("IFLA_STATS64", strct("", stats64Layout)).
	set("IFLA_MAP", strct("", ifmapLayout)).
	set("IFLA_PROTINFO", a("", fmtProtinfo)).
	set("IFLA_OPERSTATE", enum("", 1, operStates)).
	set("IFLA_LINKINFO", nested("", linkInfoTable)).
	set("IFLA_VFINFO_LIST", nested("", vfListTable)).
	set("IFLA_AF_SPEC", a("", fmtAFSpec)).
	set("IFLA_XDP", nested("", xdpTable)).
	set("IFLA_PROP_LIST", nested("", seq("IFLA_", "@53 ALT_IFNAME:str"))).
	set("IFLA_PROTO_DOWN_REASON", nested("", seq("IFLA_PROTO_DOWN_REASON_", "UNSPEC:none MASK:u32 VALUE:u32")))

var linkInfoTable = seq("IFLA_INFO_", `UNSPEC:none KIND:str DATA:special XSTATS:hex SLAVE_KIND:str SLAVE_DATA:special`).
	set("IFLA_INFO_DATA", a("", fmtInfoData)).
	set("IFLA_INFO_SLAVE_DATA", a("", fmtInfoSlaveData))

var xdpTable = seq("IFLA_XDP_", `UNSPEC:none FD:s32 ATTACHED:enum FLAGS:u32 PROG_ID:u32
	DRV_PROG_ID:u32 SKB_PROG_ID:u32 HW_PROG_ID:u32 EXPECTED_FD:s32`).
	set("IFLA_XDP_ATTACHED", enum("", 1, map[uint64]Value{
		0: None{}, 1: String("xdp"), 2: String("xdpgeneric"), 3: String("xdpoffload"), 4: String("xdpmulti"),
	}))

var vfListTable = seq("IFLA_VF_", "INFO_UNSPEC:none INFO:nested").
	set("IFLA_VF_INFO", nested("", vfInfoTable))

var vfInfoTable = seq("IFLA_VF_", `UNSPEC:none MAC:struct VLAN:struct TX_RATE:struct
	SPOOFCHK:struct LINK_STATE:struct RATE:struct RSS_QUERY_EN:struct STATS:nested
	TRUST:struct IB_NODE_GUID:struct IB_PORT_GUID:struct VLAN_LIST:nested BROADCAST:hex`).
	// MAC and GUID records hold a 32-byte address field; its bytes are kept
	// in __tail-free form by decoding vf + the address as hex elsewhere.
	set("IFLA_VF_MAC", a("", fmtHex)).
	set("IFLA_VF_VLAN", strct("", &structLayout{fields: fieldsOf(4, "vf", "vlan", "qos")})).
	set("IFLA_VF_TX_RATE", strct("", &structLayout{fields: fieldsOf(4, "vf", "tx_rate")})).
	set("IFLA_VF_SPOOFCHK", strct("", &structLayout{fields: fieldsOf(4, "vf", "spoofchk")})).
	set("IFLA_VF_LINK_STATE", strct("", &structLayout{fields: fieldsOf(4, "vf", "link_state")})).
	set("IFLA_VF_RATE", strct("", &structLayout{fields: fieldsOf(4, "vf", "min_tx_rate", "max_tx_rate")})).
	set("IFLA_VF_RSS_QUERY_EN", strct("", &structLayout{fields: fieldsOf(4, "vf", "rss_query_en")})).
	set("IFLA_VF_STATS", nested("", seq("IFLA_VF_STATS_", `RX_PACKETS:u64 TX_PACKETS:u64 RX_BYTES:u64
		TX_BYTES:u64 BROADCAST:u64 MULTICAST:u64 PAD:u64 RX_DROPPED:u64 TX_DROPPED:u64`))).
	set("IFLA_VF_TRUST", strct("", &structLayout{fields: fieldsOf(4, "vf", "trust")})).
	set("IFLA_VF_IB_NODE_GUID", a("", fmtHex)).
	set("IFLA_VF_IB_PORT_GUID", a("", fmtHex)).
	set("IFLA_VF_VLAN_LIST", nested("", seq("IFLA_VF_VLAN_", "INFO_UNSPEC:none INFO:struct").
		set("IFLA_VF_VLAN_INFO", strct("", &structLayout{fields: []structField{
			u32f("vf"), u32f("vlan"), u32f("qos"), {name: "proto", width: 2, be: true},
		}, size: 16}))))

// IFLA_AF_SPEC for family 0/AF_INET/AF_INET6 messages.
var afSpecInetTable = seq("", `AF_UNSPEC:none AF_UNIX:hex AF_INET:struct AF_AX25:hex AF_IPX:hex
	AF_APPLETALK:hex AF_NETROM:hex AF_BRIDGE:hex AF_ATMPVC:hex AF_X25:hex AF_INET6:nested`).
	// pyroute2 reads the AF_INET payload (an IFLA_INET_CONF attribute) as a
	// flat u32 array whose first element is that attribute's header.
	set("AF_INET", strct("", &structLayout{elem: 4, fields: fieldsOf(4,
		"dummy", "forwarding", "mc_forwarding", "proxy_arp", "accept_redirects",
		"secure_redirects", "send_redirects", "shared_media", "rp_filter",
		"accept_source_route", "bootp_relay", "log_martians", "tag", "arpfilter",
		"medium_id", "noxfrm", "nopolicy", "force_igmp_version", "arp_announce",
		"arp_ignore", "promote_secondaries", "arp_accept", "arp_notify", "accept_local",
		"src_vmark", "proxy_arp_pvlan", "route_localnet",
		"igmpv2_unsolicited_report_interval", "igmpv3_unsolicited_report_interval",
		// Newer than pyroute2's list, kernel names.
		"ignore_routes_with_linkdown", "drop_unicast_in_l2_multicast",
		"drop_gratuitous_arp", "bc_forwarding", "arp_evict_nocarrier")})).
	set("AF_INET6", nested("", inet6Table))

var inet6Table = seq("IFLA_INET6_", `UNSPEC:none FLAGS:u32 CONF:struct STATS:struct MCAST:hex
	CACHEINFO:struct ICMP6STATS:struct TOKEN:ip6 ADDR_GEN_MODE:u8 RA_MTU:u32`).
	set("IFLA_INET6_CONF", strct("", &structLayout{elem: 4, fields: fieldsOf(4,
		"forwarding", "hop_limit", "mtu", "accept_ra", "accept_redirects", "autoconf",
		"dad_transmits", "router_solicitations", "router_solicitation_interval",
		"router_solicitation_delay", "use_tempaddr", "temp_valid_lft",
		"temp_preferred_lft", "regen_max_retry", "max_desync_factor", "max_addresses",
		"force_mld_version", "accept_ra_defrtr", "accept_ra_pinfo", "accept_ra_rtr_pref",
		"router_probe_interval", "accept_ra_rt_info_max_plen", "proxy_ndp",
		"optimistic_dad", "accept_source_route", "mc_forwarding", "disable_ipv6",
		"accept_dad", "force_tllao", "ndisc_notify")})).
	set("IFLA_INET6_STATS", strct("", &structLayout{elem: 8, fields: fieldsOf(8,
		"num", "inpkts", "inoctets", "indelivers", "outforwdatagrams", "outpkts",
		"outoctets", "inhdrerrors", "intoobigerrors", "innoroutes", "inaddrerrors",
		"inunknownprotos", "intruncatedpkts", "indiscards", "outdiscards", "outnoroutes",
		"reasmtimeout", "reasmreqds", "reasmoks", "reasmfails", "fragoks", "fragfails",
		"fragcreates", "inmcastpkts", "outmcastpkts", "inbcastpkts", "outbcastpkts",
		"inmcastoctets", "outmcastoctets", "inbcastoctets", "outbcastoctets",
		"csumerrors", "noectpkts", "ect1pkts", "ect0pkts", "cepkts")})).
	set("IFLA_INET6_CACHEINFO", strct("", &structLayout{fields: fieldsOf(4,
		"max_reasm_len", "tstamp", "reachable_time", "retrans_time")})).
	set("IFLA_INET6_ICMP6STATS", strct("", &structLayout{elem: 8, fields: fieldsOf(8,
		"num", "inmsgs", "inerrors", "outmsgs", "outerrors", "csumerrors")}))

// IFLA_AF_SPEC for AF_BRIDGE messages.
var afSpecBridgeTable = seq("IFLA_BRIDGE_", `FLAGS:u16 MODE:u16 VLAN_INFO:struct VLAN_TUNNEL_INFO:nested`).
	set("IFLA_BRIDGE_VLAN_INFO", strct("", &structLayout{fields: fieldsOf(2, "flags", "vid")})).
	set("IFLA_BRIDGE_VLAN_TUNNEL_INFO", nested("", seq("IFLA_BRIDGE_VLAN_TUNNEL_", "UNSPEC:none ID:u32 VID:u16 FLAGS:u16")))

func afSpecTable(family uint8) *attrTable {
	switch family {
	case AF_UNSPEC, AF_INET, AF_INET6:
		return afSpecInetTable
	case AF_BRIDGE:
		return afSpecBridgeTable
	}
	return nil
}

// Bridge port attributes (IFLA_PROTINFO of AF_BRIDGE messages, and
// IFLA_INFO_SLAVE_DATA of bridge ports).
var brportTable = seq("IFLA_BRPORT_", `UNSPEC:none STATE:u8 PRIORITY:u16 COST:u32 MODE:u8 GUARD:u8
	PROTECT:u8 FAST_LEAVE:u8 LEARNING:u8 UNICAST_FLOOD:u8 PROXYARP:u8 LEARNING_SYNC:u8
	PROXYARP_WIFI:u8 ROOT_ID:special BRIDGE_ID:special DESIGNATED_PORT:u16
	DESIGNATED_COST:u16 ID:u16 NO:u16 TOPOLOGY_CHANGE_ACK:u8 CONFIG_PENDING:u8
	MESSAGE_AGE_TIMER:u64 FORWARD_DELAY_TIMER:u64 HOLD_TIMER:u64 FLUSH:flag
	MULTICAST_ROUTER:u8 PAD:u64 MCAST_FLOOD:u8 MCAST_TO_UCAST:u8 VLAN_TUNNEL:u8
	BCAST_FLOOD:u8 GROUP_FWD_MASK:u16 NEIGH_SUPPRESS:u8 ISOLATED:u8 BACKUP_PORT:u32
	MRP_RING_OPEN:u8 MRP_IN_OPEN:u8 MCAST_EHT_HOSTS_LIMIT:u32 MCAST_EHT_HOSTS_CNT:u32
	LOCKED:u8 MAB:u8 MCAST_N_GROUPS:u32 MCAST_MAX_GROUPS:u32 NEIGH_VLAN_SUPPRESS:u8
	BACKUP_NHID:u32`).
	set("IFLA_BRPORT_ROOT_ID", a("", fmtBridgeID)).
	set("IFLA_BRPORT_BRIDGE_ID", a("", fmtBridgeID))

func protinfoTable(family uint8) *attrTable {
	switch family {
	case AF_BRIDGE:
		return brportTable
	case AF_INET6:
		return inet6Table
	}
	return nil
}
