package ifenum

// AFConstant is one AF_* module attribute of netifaces on Linux/glibc.
type AFConstant struct {
	Name  string
	Value int
}

// afConstants replays netifaces 0.11.0's module init on Linux/glibc: every
// PyModule_AddIntConstant that glibc's headers let through, in C source
// order (AF_SNA is added twice). address_families is derived from it the way
// the C code fills the dict.
var afConstants = []AFConstant{
	{"AF_UNSPEC", 0}, {"AF_UNIX", 1}, {"AF_FILE", 1}, {"AF_INET", 2},
	{"AF_AX25", 3}, {"AF_SNA", 22}, {"AF_DECnet", 12}, {"AF_APPLETALK", 5},
	{"AF_ROUTE", 16}, {"AF_LINK", 17}, {"AF_PACKET", 17}, {"AF_IPX", 4},
	{"AF_ISDN", 34}, {"AF_INET6", 10}, {"AF_NETBEUI", 13}, {"AF_ATMPVC", 8},
	{"AF_ATMSVC", 20}, {"AF_IRDA", 23}, {"AF_NETROM", 6}, {"AF_BRIDGE", 7},
	{"AF_X25", 9}, {"AF_ROSE", 11}, {"AF_SECURITY", 14}, {"AF_KEY", 15},
	{"AF_NETLINK", 16}, {"AF_ASH", 18}, {"AF_ECONET", 19}, {"AF_SNA", 22},
	{"AF_PPPOX", 24}, {"AF_WANPIPE", 25}, {"AF_BLUETOOTH", 31},
}

// AFConstants returns the 30 AF_* module attributes (name, Linux value).
// The order is that of first definition in netifaces' C source.
func AFConstants() Constants {
	out := make(Constants, 0, 30)
	seen := map[string]bool{}
	for _, c := range afConstants {
		if !seen[c.Name] {
			seen[c.Name] = true
			out = append(out, c)
		}
	}
	return out
}

// AddressFamilies returns netifaces.address_families as ordered (value,
// name) items: 27 entries, the first key position kept and the last name
// written winning, as for a Python dict (1 -> AF_FILE, 16 -> AF_NETLINK,
// 17 -> AF_PACKET).
func AddressFamilies() FamilyNames {
	var out FamilyNames
	pos := map[int]int{}
	for _, c := range afConstants {
		if i, ok := pos[c.Value]; ok {
			out[i].Name = c.Name
			continue
		}
		pos[c.Value] = len(out)
		out = append(out, c)
	}
	return out
}
