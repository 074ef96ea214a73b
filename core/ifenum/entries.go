package ifenum

import "net/netip"

// entry is one struct ifaddrs as glibc's getifaddrs() builds it, already
// formatted the way netifaces' ifaddresses() formats it.
type entry struct {
	name   string
	family int // family of ifa_addr; AF_UNSPEC when ifa_addr is NULL
	dict   AddrDict
}

// linkEntry emulates the getifaddrs entry of one RTM_NEWLINK message.
func linkEntry(l Link) entry {
	e := entry{name: l.Name}
	if l.HardwareAddr == nil {
		return e
	}
	e.family = AF_PACKET
	e.dict.Addr = formatHW(l.HardwareAddr)
	e.dict.setBroadcast(formatHW(l.Broadcast), l.Flags)
	return e
}

// addrEntry emulates the getifaddrs entry of one RTM_NEWADDR message whose
// link is l. ok is false for families glibc's rules do not cover.
func addrEntry(a Address, l Link) (e entry, ok bool) {
	if a.Family != AF_INET && a.Family != AF_INET6 {
		return entry{}, false
	}
	e.name = a.Label
	if e.name == "" {
		e.name = l.Name
	}
	local, peer := sockaddrs(a)
	if !local.IsValid() {
		return e, true // found, but nothing to report
	}
	e.family = a.Family
	e.dict.Addr = formatScoped(a.Family, local, l.Name)
	if a.Family == AF_INET6 {
		e.dict.Netmask = formatIPv6Netmask(a.PrefixLen)
	} else {
		e.dict.Netmask = formatIPv4Netmask(a.PrefixLen)
	}
	// netifaces drops the broadcast of 169.254.0.0/16 addresses (a Cygwin
	// workaround applied on every platform).
	if peer.IsValid() && !(a.Family == AF_INET && isIPv4LinkLocal(local)) {
		e.dict.setBroadcast(formatScoped(a.Family, peer, l.Name), l.Flags)
	}
	return e, true
}

// sockaddrs replays glibc's attribute handling in the kernel's attribute
// order (IPv4: IFA_ADDRESS, IFA_LOCAL, IFA_BROADCAST; IPv6: IFA_LOCAL,
// IFA_ADDRESS) and returns what ends up in ifa_addr and ifa_broadaddr.
func sockaddrs(a Address) (addr, broad netip.Addr) {
	if a.Family == AF_INET {
		addr = a.Address
		if a.Local.IsValid() {
			broad, addr = addr, a.Local
		}
		if a.Broadcast.IsValid() {
			broad = a.Broadcast
		}
		return addr, broad
	}
	addr = a.Local
	if a.Address.IsValid() {
		if addr.IsValid() {
			broad = a.Address
		} else {
			addr = a.Address
		}
	}
	return addr, broad
}

// formatScoped prints ip as getnameinfo(NI_NUMERICHOST) does for the
// sockaddr glibc built: link-local IPv6 gets "%<link name>".
func formatScoped(family int, ip netip.Addr, linkName string) string {
	s := formatIP(family, ip)
	if family == AF_INET6 && isScopedIPv6(ip) {
		s += "%" + linkName
	}
	return s
}

func isIPv4LinkLocal(a netip.Addr) bool {
	if !a.Is4() {
		return false
	}
	b := a.As4()
	return b[0] == 169 && b[1] == 254
}

// setBroadcast stores v under 'peer' when the link is point-to-point or
// loopback, else under 'broadcast'. An empty v sets nothing.
func (d *AddrDict) setBroadcast(v string, linkFlags uint32) {
	if v == "" {
		return
	}
	if linkFlags&(iffPointToPoint|iffLoopback) != 0 {
		d.Peer = v
	} else {
		d.Broadcast = v
	}
}
