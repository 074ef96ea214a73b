package rtnl

// Kernel ABI numbers used by the decoder and the request builders. They are
// spelled out here (not taken from golang.org/x/sys/unix) so that the pure
// decoding code builds on every GOOS, including windows where x/sys/unix
// does not exist.

// Netlink message types (include/uapi/linux/netlink.h, rtnetlink.h).
const (
	NLMSG_NOOP    = 0x1
	NLMSG_ERROR   = 0x2
	NLMSG_DONE    = 0x3
	NLMSG_OVERRUN = 0x4

	RTM_NEWLINK     = 16
	RTM_DELLINK     = 17
	RTM_GETLINK     = 18
	RTM_SETLINK     = 19
	RTM_NEWADDR     = 20
	RTM_DELADDR     = 21
	RTM_GETADDR     = 22
	RTM_NEWROUTE    = 24
	RTM_DELROUTE    = 25
	RTM_GETROUTE    = 26
	RTM_NEWNEIGH    = 28
	RTM_DELNEIGH    = 29
	RTM_GETNEIGH    = 30
	RTM_NEWRULE     = 32
	RTM_DELRULE     = 33
	RTM_GETRULE     = 34
	RTM_NEWQDISC    = 36
	RTM_DELQDISC    = 37
	RTM_GETQDISC    = 38
	RTM_NEWTCLASS   = 40
	RTM_DELTCLASS   = 41
	RTM_GETTCLASS   = 42
	RTM_NEWTFILTER  = 44
	RTM_DELTFILTER  = 45
	RTM_GETTFILTER  = 46
	RTM_NEWNSID     = 88
	RTM_DELNSID     = 89
	RTM_GETNSID     = 90
	RTM_NEWNEXTHOP  = 104
	RTM_DELNEXTHOP  = 105
	RTM_GETNEXTHOP  = 106
	RTM_NEWLINKPROP = 108
	RTM_DELLINKPROP = 109
)

// Netlink header flags.
const (
	NLM_F_REQUEST   = 0x1
	NLM_F_MULTI     = 0x2
	NLM_F_ACK       = 0x4
	NLM_F_ECHO      = 0x8
	NLM_F_DUMP_INTR = 0x10
	NLM_F_DUMP_FILT = 0x20

	NLM_F_ROOT   = 0x100
	NLM_F_MATCH  = 0x200
	NLM_F_ATOMIC = 0x400
	NLM_F_DUMP   = NLM_F_ROOT | NLM_F_MATCH

	NLM_F_REPLACE = 0x100
	NLM_F_EXCL    = 0x200
	NLM_F_CREATE  = 0x400
	NLM_F_APPEND  = 0x800

	NLM_F_CAPPED   = 0x100
	NLM_F_ACK_TLVS = 0x200
)

// Attribute type flag bits.
const (
	NLA_F_NESTED        = 0x8000
	NLA_F_NET_BYTEORDER = 0x4000
	nlaTypeMask         = 0x3fff
)

// Address families.
const (
	AF_UNSPEC = 0
	AF_INET   = 2
	AF_BRIDGE = 7
	AF_INET6  = 10
	AF_PACKET = 17
	AF_MPLS   = 28
)

// Interface flags (net/if.h).
const (
	IFF_UP          = 0x1
	IFF_BROADCAST   = 0x2
	IFF_DEBUG       = 0x4
	IFF_LOOPBACK    = 0x8
	IFF_POINTOPOINT = 0x10
	IFF_NOTRAILERS  = 0x20
	IFF_RUNNING     = 0x40
	IFF_NOARP       = 0x80
	IFF_PROMISC     = 0x100
	IFF_ALLMULTI    = 0x200
	IFF_MASTER      = 0x400
	IFF_SLAVE       = 0x800
	IFF_MULTICAST   = 0x1000
	IFF_PORTSEL     = 0x2000
	IFF_AUTOMEDIA   = 0x4000
	IFF_DYNAMIC     = 0x8000
	IFF_LOWER_UP    = 0x10000
	IFF_DORMANT     = 0x20000
	IFF_ECHO        = 0x40000
)

// Link attributes referenced by code (the full name table is in schema_link.go).
const (
	IFLA_ADDRESS         = 1
	IFLA_BROADCAST       = 2
	IFLA_IFNAME          = 3
	IFLA_MTU             = 4
	IFLA_LINK            = 5
	IFLA_QDISC           = 6
	IFLA_STATS           = 7
	IFLA_MASTER          = 10
	IFLA_PROTINFO        = 12
	IFLA_TXQLEN          = 13
	IFLA_MAP             = 14
	IFLA_OPERSTATE       = 16
	IFLA_LINKMODE        = 17
	IFLA_LINKINFO        = 18
	IFLA_NET_NS_PID      = 19
	IFLA_IFALIAS         = 20
	IFLA_STATS64         = 23
	IFLA_AF_SPEC         = 26
	IFLA_GROUP           = 27
	IFLA_NET_NS_FD       = 28
	IFLA_EXT_MASK        = 29
	IFLA_PROMISCUITY     = 30
	IFLA_NUM_TX_QUEUES   = 31
	IFLA_NUM_RX_QUEUES   = 32
	IFLA_CARRIER         = 33
	IFLA_LINK_NETNSID    = 37
	IFLA_MIN_MTU         = 50
	IFLA_MAX_MTU         = 51
	IFLA_PROP_LIST       = 52
	IFLA_ALT_IFNAME      = 53
	IFLA_PERM_ADDRESS    = 54
	IFLA_PARENT_DEV_NAME = 56

	IFLA_INFO_KIND       = 1
	IFLA_INFO_DATA       = 2
	IFLA_INFO_XSTATS     = 3
	IFLA_INFO_SLAVE_KIND = 4
	IFLA_INFO_SLAVE_DATA = 5

	RTEXT_FILTER_VF                = 1 << 0
	RTEXT_FILTER_BRVLAN            = 1 << 1
	RTEXT_FILTER_BRVLAN_COMPRESSED = 1 << 2
	RTEXT_FILTER_SKIP_STATS        = 1 << 3
)

// Address attributes.
const (
	IFA_ADDRESS     = 1
	IFA_LOCAL       = 2
	IFA_LABEL       = 3
	IFA_BROADCAST   = 4
	IFA_ANYCAST     = 5
	IFA_CACHEINFO   = 6
	IFA_MULTICAST   = 7
	IFA_FLAGS       = 8
	IFA_RT_PRIORITY = 9
	IFA_PROTO       = 11

	IFA_F_SECONDARY      = 0x01
	IFA_F_NODAD          = 0x02
	IFA_F_OPTIMISTIC     = 0x04
	IFA_F_DADFAILED      = 0x08
	IFA_F_HOMEADDRESS    = 0x10
	IFA_F_DEPRECATED     = 0x20
	IFA_F_TENTATIVE      = 0x40
	IFA_F_PERMANENT      = 0x80
	IFA_F_MANAGETEMPADDR = 0x100
	IFA_F_NOPREFIXROUTE  = 0x200
	IFA_F_MCAUTOJOIN     = 0x400
	IFA_F_STABLE_PRIVACY = 0x800
)

// Route attributes and header values.
const (
	RTA_DST        = 1
	RTA_SRC        = 2
	RTA_IIF        = 3
	RTA_OIF        = 4
	RTA_GATEWAY    = 5
	RTA_PRIORITY   = 6
	RTA_PREFSRC    = 7
	RTA_METRICS    = 8
	RTA_MULTIPATH  = 9
	RTA_FLOW       = 11
	RTA_CACHEINFO  = 12
	RTA_TABLE      = 15
	RTA_MARK       = 16
	RTA_VIA        = 18
	RTA_NEWDST     = 19
	RTA_PREF       = 20
	RTA_ENCAP_TYPE = 21
	RTA_ENCAP      = 22
	RTA_EXPIRES    = 23
	RTA_NH_ID      = 30

	RTAX_LOCK               = 1
	RTAX_MTU                = 2
	RTAX_WINDOW             = 3
	RTAX_RTT                = 4
	RTAX_RTTVAR             = 5
	RTAX_SSTHRESH           = 6
	RTAX_CWND               = 7
	RTAX_ADVMSS             = 8
	RTAX_REORDERING         = 9
	RTAX_HOPLIMIT           = 10
	RTAX_INITCWND           = 11
	RTAX_FEATURES           = 12
	RTAX_RTO_MIN            = 13
	RTAX_INITRWND           = 14
	RTAX_QUICKACK           = 15
	RTAX_CC_ALGO            = 16
	RTAX_FASTOPEN_NO_COOKIE = 17

	RT_TABLE_UNSPEC  = 0
	RT_TABLE_COMPAT  = 252
	RT_TABLE_DEFAULT = 253
	RT_TABLE_MAIN    = 254
	RT_TABLE_LOCAL   = 255

	RTPROT_UNSPEC   = 0
	RTPROT_REDIRECT = 1
	RTPROT_KERNEL   = 2
	RTPROT_BOOT     = 3
	RTPROT_STATIC   = 4

	RT_SCOPE_UNIVERSE = 0
	RT_SCOPE_SITE     = 200
	RT_SCOPE_LINK     = 253
	RT_SCOPE_HOST     = 254
	RT_SCOPE_NOWHERE  = 255

	RTN_UNSPEC      = 0
	RTN_UNICAST     = 1
	RTN_LOCAL       = 2
	RTN_BROADCAST   = 3
	RTN_ANYCAST     = 4
	RTN_MULTICAST   = 5
	RTN_BLACKHOLE   = 6
	RTN_UNREACHABLE = 7
	RTN_PROHIBIT    = 8
	RTN_THROW       = 9
	RTN_NAT         = 10
	RTN_XRESOLVE    = 11

	RTM_F_NOTIFY       = 0x100
	RTM_F_CLONED       = 0x200
	RTM_F_EQUALIZE     = 0x400
	RTM_F_PREFIX       = 0x800
	RTM_F_LOOKUP_TABLE = 0x1000
	RTM_F_FIB_MATCH    = 0x2000

	RTNH_F_DEAD      = 1
	RTNH_F_PERVASIVE = 2
	RTNH_F_ONLINK    = 4
	RTNH_F_OFFLOAD   = 8
	RTNH_F_LINKDOWN  = 16
)

// Neighbour attributes and states.
const (
	NDA_DST       = 1
	NDA_LLADDR    = 2
	NDA_CACHEINFO = 3
	NDA_PROBES    = 4
	NDA_VLAN      = 5
	NDA_PORT      = 6
	NDA_VNI       = 7
	NDA_IFINDEX   = 8
	NDA_MASTER    = 9

	NUD_INCOMPLETE = 0x01
	NUD_REACHABLE  = 0x02
	NUD_STALE      = 0x04
	NUD_DELAY      = 0x08
	NUD_PROBE      = 0x10
	NUD_FAILED     = 0x20
	NUD_NOARP      = 0x40
	NUD_PERMANENT  = 0x80
	NUD_NONE       = 0x00

	NTF_USE         = 0x01
	NTF_SELF        = 0x02
	NTF_MASTER      = 0x04
	NTF_PROXY       = 0x08
	NTF_EXT_LEARNED = 0x10
	NTF_OFFLOADED   = 0x20
	NTF_STICKY      = 0x40
	NTF_ROUTER      = 0x80
)

// Rule attributes and actions.
const (
	FRA_DST                = 1
	FRA_SRC                = 2
	FRA_IIFNAME            = 3
	FRA_GOTO               = 4
	FRA_PRIORITY           = 6
	FRA_FWMARK             = 10
	FRA_FLOW               = 11
	FRA_TUN_ID             = 12
	FRA_SUPPRESS_IFGROUP   = 13
	FRA_SUPPRESS_PREFIXLEN = 14
	FRA_TABLE              = 15
	FRA_FWMASK             = 16
	FRA_OIFNAME            = 17
	FRA_L3MDEV             = 19
	FRA_UID_RANGE          = 20
	FRA_PROTOCOL           = 21
	FRA_IP_PROTO           = 22
	FRA_SPORT_RANGE        = 23
	FRA_DPORT_RANGE        = 24

	FR_ACT_UNSPEC      = 0
	FR_ACT_TO_TBL      = 1
	FR_ACT_GOTO        = 2
	FR_ACT_NOP         = 3
	FR_ACT_BLACKHOLE   = 6
	FR_ACT_UNREACHABLE = 7
	FR_ACT_PROHIBIT    = 8
)

// Multicast groups (legacy bitmask form used by Config.Groups, and group
// numbers used with NETLINK_ADD_MEMBERSHIP).
const (
	RTMGRP_LINK        = 0x1
	RTMGRP_NOTIFY      = 0x2
	RTMGRP_NEIGH       = 0x4
	RTMGRP_TC          = 0x8
	RTMGRP_IPV4_IFADDR = 0x10
	RTMGRP_IPV4_MROUTE = 0x20
	RTMGRP_IPV4_ROUTE  = 0x40
	RTMGRP_IPV4_RULE   = 0x80
	RTMGRP_IPV6_IFADDR = 0x100
	RTMGRP_IPV6_MROUTE = 0x200
	RTMGRP_IPV6_ROUTE  = 0x400
	RTMGRP_IPV6_IFINFO = 0x800
	RTMGRP_IPV6_PREFIX = 0x20000
)
