package ipaddr

import (
	"math/big"
	"net/netip"
)

// Addr is an IPv4Address or IPv6Address. The zero Addr is invalid (no
// version). Addrs are comparable with ==, which, as in CPython, includes the
// IPv6 scope id.
type Addr struct {
	ip   u128
	zone string // IPv6 scope id, "" for none; CPython forbids an empty one
	v    uint8  // 0 (invalid), 4 or 6
}

const (
	// IPv4Length and IPv6Length are ipaddress.IPV4LENGTH and IPV6LENGTH.
	IPv4Length = 32
	IPv6Length = 128
)

// AddrFrom4 returns the IPv4 address with the given integer value.
func AddrFrom4(v uint32) Addr { return Addr{ip: u128{0, uint64(v)}, v: 4} }

// AddrFrom4Bytes returns the IPv4 address of 4 bytes in network order.
func AddrFrom4Bytes(b [4]byte) Addr {
	return AddrFrom4(uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3]))
}

// AddrFrom16 returns the IPv6 address of 16 bytes in network order.
func AddrFrom16(b [16]byte) Addr { return Addr{ip: u128From16(b), v: 6} }

// AddrFromUint128 returns the IPv6 address whose integer value is hi<<64|lo.
func AddrFromUint128(hi, lo uint64) Addr { return Addr{ip: u128{hi, lo}, v: 6} }

// AddrFromNetip converts a netip.Addr. An IPv4-mapped netip address stays
// IPv6, as in CPython. The zone is kept.
func AddrFromNetip(a netip.Addr) Addr {
	switch {
	case a.Is4():
		return AddrFrom4Bytes(a.As4())
	case a.Is6():
		x := AddrFrom16(a.As16())
		x.zone = a.Zone()
		return x
	}
	return Addr{}
}

// IsValid reports whether a is an address (not the zero Addr).
func (a Addr) IsValid() bool { return a.v != 0 }

// Version is 4 or 6 (0 for the zero Addr).
func (a Addr) Version() int { return int(a.v) }

// Is4 and Is6 report the version.
func (a Addr) Is4() bool { return a.v == 4 }
func (a Addr) Is6() bool { return a.v == 6 }

// MaxPrefixLen is 32 or 128.
func (a Addr) MaxPrefixLen() int { return maxBits(a.v) }

func maxBits(v uint8) int {
	if v == 4 {
		return IPv4Length
	}
	return IPv6Length
}

// Zone is the IPv6 scope id ("" when absent: CPython's None).
func (a Addr) Zone() string { return a.zone }

// WithZone returns a with the scope id set; "" removes it. IPv4 addresses
// cannot carry one and are returned unchanged.
func (a Addr) WithZone(zone string) Addr {
	if a.v == 6 {
		a.zone = zone
	}
	return a
}

// Uint128 returns the integer value of the address (IPv4 in the low 32 bits).
func (a Addr) Uint128() (hi, lo uint64) { return a.ip.hi, a.ip.lo }

// Uint32 returns the value of an IPv4 address (the low 32 bits otherwise).
func (a Addr) Uint32() uint32 { return uint32(a.ip.lo) }

// BigInt returns int(address).
func (a Addr) BigInt() *big.Int { return a.ip.big() }

// As4 returns the packed form of an IPv4 address.
func (a Addr) As4() [4]byte {
	v := a.Uint32()
	return [4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}
}

// As16 returns the 16-byte big-endian integer value (IPv4 in the last 4 bytes).
func (a Addr) As16() [16]byte { return a.ip.bytes16() }

// Packed is the .packed property: 4 or 16 bytes in network order.
func (a Addr) Packed() []byte {
	if a.v == 4 {
		b := a.As4()
		return b[:]
	}
	b := a.As16()
	return b[:]
}

// Netip converts to netip.Addr (with zone). The zero Addr gives the zero netip.Addr.
func (a Addr) Netip() netip.Addr {
	switch a.v {
	case 4:
		return netip.AddrFrom4(a.As4())
	case 6:
		return netip.AddrFrom16(a.As16()).WithZone(a.zone)
	}
	return netip.Addr{}
}

// Compare orders by version (IPv4 first), then value, then zone, so that
// Compare == 0 exactly when a == b. CPython raises TypeError when comparing
// versions; use SameVersion first where that matters.
func (a Addr) Compare(b Addr) int {
	switch {
	case a.v != b.v:
		if a.v < b.v {
			return -1
		}
		return 1
	}
	if c := a.ip.compare(b.ip); c != 0 {
		return c
	}
	switch {
	case a.zone < b.zone:
		return -1
	case a.zone > b.zone:
		return 1
	}
	return 0
}

// Less reports whether a sorts before b (see Compare).
func (a Addr) Less(b Addr) bool { return a.Compare(b) < 0 }

// SameVersion returns nil, or CPython's TypeError for a < b across versions
// ("1.1.1.1 and ::1 are not of the same version").
func (a Addr) SameVersion(b Addr) error {
	if a.v != b.v {
		return notSameVersion(a, b)
	}
	return nil
}

// greaterPy is CPython's a > b for addresses of one version: functools.total_ordering
// derives it as "not a < b and a != b", and != also compares scope ids.
func (a Addr) greaterPy(b Addr) bool {
	return b.ip.less(a.ip) || (a.ip == b.ip && a.zone != b.zone)
}

// lessEqPy is CPython's a <= b: "a < b or a == b" (== compares scope ids).
func (a Addr) lessEqPy(b Addr) bool {
	return a.ip.less(b.ip) || (a.ip == b.ip && a.zone == b.zone)
}

// IPv4Mapped is the .ipv4_mapped property: the IPv4 address inside
// ::ffff:0:0/96, with ok false otherwise (CPython's None).
func (a Addr) IPv4Mapped() (Addr, bool) {
	if a.v != 6 || a.ip.hi != 0 || a.ip.lo>>32 != 0xffff {
		return Addr{}, false
	}
	return AddrFrom4(uint32(a.ip.lo)), true
}

// IPv6Mapped is IPv4Address.ipv6_mapped (3.13+): ::ffff:a.b.c.d.
// For an IPv6 address it returns a unchanged.
func (a Addr) IPv6Mapped() Addr {
	if a.v != 4 {
		return a
	}
	return Addr{ip: u128{0, 0xffff<<32 | a.ip.lo}, v: 6}
}

// SixToFour is the .sixtofour property: the IPv4 address embedded in
// 2002::/16, ok false otherwise.
func (a Addr) SixToFour() (Addr, bool) {
	if a.v != 6 || a.ip.hi>>48 != 0x2002 {
		return Addr{}, false
	}
	return AddrFrom4(uint32(a.ip.hi >> 16)), true
}

// Teredo is the .teredo property: (server, client) for 2001::/32, ok false otherwise.
func (a Addr) Teredo() (server, client Addr, ok bool) {
	if a.v != 6 || a.ip.hi>>32 != 0x20010000 {
		return Addr{}, Addr{}, false
	}
	return AddrFrom4(uint32(a.ip.hi)), AddrFrom4(^uint32(a.ip.lo)), true
}

// Add is address + n: the result has no scope id, and leaving the address
// space is CPython's AddressValueError ("... (>= 2**32) is not permitted ...").
func (a Addr) Add(n int64) (Addr, error) {
	return a.addBig(big.NewInt(n))
}

// Sub is address - n.
func (a Addr) Sub(n int64) (Addr, error) {
	return a.addBig(new(big.Int).Neg(big.NewInt(n)))
}

func (a Addr) addBig(n *big.Int) (Addr, error) {
	if !a.IsValid() {
		return Addr{}, valueError("invalid address")
	}
	sum := new(big.Int).Add(a.ip.big(), n)
	return addrFromBigInt(sum, int(a.v))
}

// Next and Prev step by one within the address space; ok is false at the ends.
func (a Addr) Next() (Addr, bool) {
	if a.ip == lowOnes(maxBits(a.v)) {
		return Addr{}, false
	}
	return Addr{ip: a.ip.addOne(), v: a.v}, true
}

func (a Addr) Prev() (Addr, bool) {
	if a.ip.isZero() {
		return Addr{}, false
	}
	return Addr{ip: a.ip.subOne(), v: a.v}, true
}
