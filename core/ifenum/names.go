package ifenum

import "strconv"

// Symbolic names for kernel enums and flag words, spelled as iproute2
// prints them so users can match `ip` output. Unknown values print as
// decimal numbers (enums) or "0x..." (leftover flag bits).

type bitName struct {
	bit  uint32
	name string
}

func flagNames(v uint32, table []bitName) []string {
	names := []string{}
	for _, b := range table {
		if v&b.bit != 0 {
			names = append(names, b.name)
			v &^= b.bit
		}
	}
	if v != 0 {
		names = append(names, "0x"+strconv.FormatUint(uint64(v), 16))
	}
	return names
}

func enumName(v int, table map[int]string) string {
	if s, ok := table[v]; ok {
		return s
	}
	return strconv.Itoa(v)
}

// linkFlagBits are IFF_* in bit order, with the kernel's spelling.
var linkFlagBits = []bitName{
	{0x1, "UP"}, {0x2, "BROADCAST"}, {0x4, "DEBUG"}, {0x8, "LOOPBACK"},
	{0x10, "POINTOPOINT"}, {0x20, "NOTRAILERS"}, {0x40, "RUNNING"},
	{0x80, "NOARP"}, {0x100, "PROMISC"}, {0x200, "ALLMULTI"},
	{0x400, "MASTER"}, {0x800, "SLAVE"}, {0x1000, "MULTICAST"},
	{0x2000, "PORTSEL"}, {0x4000, "AUTOMEDIA"}, {0x8000, "DYNAMIC"},
	{0x10000, "LOWER_UP"}, {0x20000, "DORMANT"}, {0x40000, "ECHO"},
}

// LinkFlagNames names the IFF_* bits of ifi_flags in bit order.
func LinkFlagNames(flags uint32) []string { return flagNames(flags, linkFlagBits) }

// addrFlagBits are IFA_F_* with iproute2's names. Bit 0x01 is "secondary"
// for IPv4 and "temporary" for IPv6.
var addrFlagBits = []bitName{
	{0x02, "nodad"}, {0x04, "optimistic"}, {0x08, "dadfailed"},
	{0x10, "home"}, {0x20, "deprecated"}, {0x40, "tentative"},
	{0x80, "permanent"}, {0x100, "mngtmpaddr"}, {0x200, "noprefixroute"},
	{0x400, "autojoin"}, {0x800, "stable-privacy"},
}

// AddrFlagNames names the IFA_F_* bits of an address of the given family.
func AddrFlagNames(family int, flags uint32) []string {
	first := "secondary"
	if family == AF_INET6 {
		first = "temporary"
	}
	return flagNames(flags, append([]bitName{{0x01, first}}, addrFlagBits...))
}

var nextHopFlagBits = []bitName{
	{0x1, "dead"}, {0x2, "pervasive"}, {0x4, "onlink"}, {0x8, "offload"},
	{0x10, "linkdown"}, {0x20, "unresolved"}, {0x40, "trap"},
}

func nextHopFlagNames(f uint8) []string { return flagNames(uint32(f), nextHopFlagBits) }

var scopes = map[int]string{0: "global", 200: "site", 253: "link", 254: "host", 255: "nowhere"}

// ScopeName names an RT_SCOPE_* value as `ip addr` does.
func ScopeName(s uint8) string { return enumName(int(s), scopes) }

var routeTypes = map[int]string{
	0: "unspec", 1: "unicast", 2: "local", 3: "broadcast", 4: "anycast",
	5: "multicast", 6: "blackhole", 7: "unreachable", 8: "prohibit",
	9: "throw", 10: "nat", 11: "xresolve",
}

func routeTypeName(t uint8) string { return enumName(int(t), routeTypes) }

var routeProtocols = map[int]string{
	0: "unspec", 1: "redirect", 2: "kernel", 3: "boot", 4: "static",
	8: "gated", 9: "ra", 10: "mrt", 11: "zebra", 12: "bird", 13: "dnrouted",
	14: "xorp", 15: "ntk", 16: "dhcp", 17: "mrouted", 18: "keepalived",
	42: "babel", 99: "openr", 186: "bgp", 187: "isis", 188: "ospf", 189: "rip",
	192: "eigrp",
}

func routeProtocolName(p uint8) string { return enumName(int(p), routeProtocols) }

var hardwareTypes = map[int]string{
	0: "netrom", 1: "ether", 2: "eether", 3: "ax25", 4: "pronet", 5: "chaos",
	6: "ieee802", 7: "arcnet", 8: "atalk", 15: "dlci", 19: "atm",
	23: "metricom", 24: "ieee1394", 27: "eui64", 32: "infiniband",
	256: "slip", 257: "cslip", 258: "slip6", 259: "cslip6", 260: "rsrvd",
	264: "adapt", 270: "rose", 271: "x25", 272: "hwx25", 280: "can",
	290: "mctp", 512: "ppp", 513: "hdlc", 516: "lapb", 517: "ddcmp",
	518: "rawhdlc", 519: "rawip", 768: "ipip", 769: "tunnel6", 770: "frad",
	771: "skip", 772: "loopback", 773: "ltalk", 774: "fddi", 775: "bif",
	776: "sit", 777: "ip/ddp", 778: "gre", 779: "pimreg", 780: "hippi",
	781: "ash", 782: "econet", 783: "irda", 784: "fcpp", 785: "fcal",
	786: "fcpl", 787: "fcfb0", 800: "tr", 801: "ieee802.11",
	802: "ieee802.11/prism", 803: "ieee802.11/radiotap", 804: "ieee802.15.4",
	805: "ieee802.15.4/monitor", 820: "phonet", 821: "phonet_pipe",
	822: "caif", 823: "gre6", 824: "netlink", 825: "6lowpan",
	826: "vsockmon", 65534: "none", 65535: "void",
}

// HardwareTypeName names an ARPHRD_* value as `ip link` prints it after
// "link/".
func HardwareTypeName(t uint16) string { return enumName(int(t), hardwareTypes) }
