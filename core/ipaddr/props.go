package ipaddr

// Special-purpose address tables of CPython 3.13 (with the CVE-2024-4032
// private/global tables) and the gh-122792 fix: an IPv4-mapped IPv6 address
// answers is_private, is_global, is_multicast, is_reserved, is_link_local,
// is_unspecified and is_loopback from its IPv4 address.
//
// Deliberately not included (CPython 3.14+): 3fff::/20 (RFC 9637) as private.

type block struct {
	ip   u128
	bits int
}

func (b block) contains(ip u128, width int) bool {
	m := maskOf(b.bits, width)
	return ip.and(m) == b.ip
}

func v4block(s string, bits int) block {
	return block{u128{0, uint64(MustParseIPv4Address(s).Uint32())}, bits}
}

func v6block(s string, bits int) block {
	return block{MustParseIPv6Address(s).ip, bits}
}

var (
	v4LinkLocal = v4block("169.254.0.0", 16)
	v4Loopback  = v4block("127.0.0.0", 8)
	v4Multicast = v4block("224.0.0.0", 4)
	v4Shared    = v4block("100.64.0.0", 10) // _public_network: neither private nor global
	v4Reserved  = v4block("240.0.0.0", 4)
	v4Private   = []block{
		v4block("0.0.0.0", 8), v4block("10.0.0.0", 8), v4block("127.0.0.0", 8),
		v4block("169.254.0.0", 16), v4block("172.16.0.0", 12), v4block("192.0.0.0", 24),
		v4block("192.0.0.170", 31), v4block("192.0.2.0", 24), v4block("192.168.0.0", 16),
		v4block("198.18.0.0", 15), v4block("198.51.100.0", 24), v4block("203.0.113.0", 24),
		v4block("240.0.0.0", 4), v4block("255.255.255.255", 32),
	}
	v4PrivateExceptions = []block{v4block("192.0.0.9", 32), v4block("192.0.0.10", 32)}

	v6LinkLocal = v6block("fe80::", 10)
	v6Multicast = v6block("ff00::", 8)
	v6SiteLocal = v6block("fec0::", 10)
	v6Private   = []block{
		v6block("::1", 128), v6block("::", 128), v6block("::ffff:0:0", 96),
		v6block("64:ff9b:1::", 48), v6block("100::", 64), v6block("2001::", 23),
		v6block("2001:db8::", 32), v6block("2002::", 16), v6block("fc00::", 7),
		v6block("fe80::", 10),
	}
	v6PrivateExceptions = []block{
		v6block("2001:1::1", 128), v6block("2001:1::2", 128), v6block("2001:3::", 32),
		v6block("2001:4:112::", 48), v6block("2001:20::", 28), v6block("2001:30::", 28),
	}
	v6Reserved = []block{
		v6block("::", 8), v6block("100::", 8), v6block("200::", 7), v6block("400::", 6),
		v6block("800::", 5), v6block("1000::", 4), v6block("4000::", 3), v6block("6000::", 3),
		v6block("8000::", 3), v6block("a000::", 3), v6block("c000::", 3), v6block("e000::", 4),
		v6block("f000::", 5), v6block("f800::", 6), v6block("fe00::", 9),
	}
)

func inAny(list []block, ip u128, width int) bool {
	for _, b := range list {
		if b.contains(ip, width) {
			return true
		}
	}
	return false
}

// privateIP is the address-level is_private test without IPv4-mapped delegation.
func privateIP(v uint8, ip u128) bool {
	if v == 4 {
		return inAny(v4Private, ip, 32) && !inAny(v4PrivateExceptions, ip, 32)
	}
	return inAny(v6Private, ip, 128) && !inAny(v6PrivateExceptions, ip, 128)
}

// mapped returns the IPv4 address an IPv4-mapped IPv6 address delegates to, or a itself.
func (a Addr) mapped() Addr {
	if v4, ok := a.IPv4Mapped(); ok {
		return v4
	}
	return a
}

// IsPrivate is .is_private.
func (a Addr) IsPrivate() bool {
	a = a.mapped()
	return a.v != 0 && privateIP(a.v, a.ip)
}

// IsGlobal is .is_global: not private, and for IPv4 not in 100.64.0.0/10.
func (a Addr) IsGlobal() bool {
	a = a.mapped()
	if a.v == 4 && v4Shared.contains(a.ip, 32) {
		return false
	}
	return a.v != 0 && !privateIP(a.v, a.ip)
}

// IsMulticast is .is_multicast.
func (a Addr) IsMulticast() bool {
	a = a.mapped()
	switch a.v {
	case 4:
		return v4Multicast.contains(a.ip, 32)
	case 6:
		return v6Multicast.contains(a.ip, 128)
	}
	return false
}

// IsReserved is .is_reserved.
func (a Addr) IsReserved() bool {
	a = a.mapped()
	switch a.v {
	case 4:
		return v4Reserved.contains(a.ip, 32)
	case 6:
		return inAny(v6Reserved, a.ip, 128)
	}
	return false
}

// IsLinkLocal is .is_link_local.
func (a Addr) IsLinkLocal() bool {
	a = a.mapped()
	switch a.v {
	case 4:
		return v4LinkLocal.contains(a.ip, 32)
	case 6:
		return v6LinkLocal.contains(a.ip, 128)
	}
	return false
}

// IsLoopback is .is_loopback.
func (a Addr) IsLoopback() bool {
	a = a.mapped()
	switch a.v {
	case 4:
		return v4Loopback.contains(a.ip, 32)
	case 6:
		return a.ip == u128{0, 1}
	}
	return false
}

// IsUnspecified is .is_unspecified.
func (a Addr) IsUnspecified() bool {
	a = a.mapped()
	return a.v != 0 && a.ip.isZero()
}

// IsSiteLocal is IPv6Address.is_site_local (fec0::/10; no delegation). False for IPv4.
func (a Addr) IsSiteLocal() bool {
	return a.v == 6 && v6SiteLocal.contains(a.ip, 128)
}
