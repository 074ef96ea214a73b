package rtnl

// DefaultEventBuffer is the receive buffer a Subscription asks for
// (SO_RCVBUFFORCE; SO_RCVBUF capped by rmem_max without privilege).
// 32 MiB absorbs a 100k-route burst (spec §6.5).
const DefaultEventBuffer = 32 << 20

// DefaultGroups is pyroute2's RTMGRP_DEFAULTS: links, IPv4/IPv6
// addresses, routes, neighbours, rules and IPv6 link info.
var DefaultGroups = []uint32{RTNLGRP_LINK, RTNLGRP_NEIGH, RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV4_ROUTE,
	RTNLGRP_IPV4_RULE, RTNLGRP_IPV6_IFADDR, RTNLGRP_IPV6_ROUTE, RTNLGRP_IPV6_RULE, RTNLGRP_IPV6_IFINFO}

// Multicast group numbers (enum rtnetlink_groups).
const (
	RTNLGRP_LINK         = 1
	RTNLGRP_NOTIFY       = 2
	RTNLGRP_NEIGH        = 3
	RTNLGRP_TC           = 4
	RTNLGRP_IPV4_IFADDR  = 5
	RTNLGRP_IPV4_MROUTE  = 6
	RTNLGRP_IPV4_ROUTE   = 7
	RTNLGRP_IPV4_RULE    = 8
	RTNLGRP_IPV6_IFADDR  = 9
	RTNLGRP_IPV6_MROUTE  = 10
	RTNLGRP_IPV6_ROUTE   = 11
	RTNLGRP_IPV6_IFINFO  = 12
	RTNLGRP_IPV6_PREFIX  = 18
	RTNLGRP_IPV6_RULE    = 19
	RTNLGRP_IPV4_NETCONF = 24
	RTNLGRP_IPV6_NETCONF = 25
	RTNLGRP_MPLS_ROUTE   = 27
	RTNLGRP_NSID         = 28
	RTNLGRP_NEXTHOP      = 32
)
