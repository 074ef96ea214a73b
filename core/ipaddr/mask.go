package ipaddr

import "strconv"

// Netmask parsing: _make_netmask, _prefix_from_prefix_string,
// _prefix_from_ip_string and _prefix_from_ip_int. IPv4 accepts a prefix
// length (leading zeros allowed: "08"), a dotted netmask or a dotted
// hostmask; IPv6 only a prefix length.

// Mask is the mask part of a CPython (address, mask) tuple: an int prefix
// length or a str. Build it with PrefixLenMask or StringMask.
type Mask struct {
	s     string
	n     int
	isStr bool
}

// PrefixLenMask is an int mask: (addr, 24).
func PrefixLenMask(n int) Mask { return Mask{n: n} }

// StringMask is a str mask: (addr, "24"), (addr, "255.255.255.0").
func StringMask(s string) Mask { return Mask{s: s, isStr: true} }

// prefixLen is _make_netmask's prefix length for version v.
func (m Mask) prefixLen(v uint8) (int, fail) {
	width := maxBits(v)
	if !m.isStr {
		if m.n < 0 || m.n > width {
			return 0, fail{code: failNetmaskInt, num: m.n}
		}
		return m.n, fail{}
	}
	if n, ok := prefixFromPrefixString(m.s, width); ok {
		return n, fail{}
	}
	if v == 4 {
		if n, ok := prefixFromIPString(m.s); ok {
			return n, fail{}
		}
	}
	return 0, fail{code: failNetmask, part: m.s}
}

// prefixFromPrefixString accepts only ASCII digits (int() would also take
// '+', '-', '_' and whitespace), any number of leading zeros.
func prefixFromPrefixString(s string, width int) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if n <= width { // stop growing once out of range
			n = n*10 + int(c-'0')
		}
	}
	return n, n <= width
}

// prefixFromIPString reads an IPv4 netmask (1*0*) or, failing that, a
// hostmask (0*1*). All-zero and all-one read as netmasks (/0 and /32).
func prefixFromIPString(s string) (int, bool) {
	v, ok := parseV4Fast(s)
	if !ok {
		var f fail
		if v, f = parseV4Int(s); !f.ok() {
			return 0, false
		}
	}
	ip := u128{0, uint64(v)}
	if n, ok := prefixFromIPInt(ip, 32); ok {
		return n, true
	}
	return prefixFromIPInt(ip.xor(lowOnes(32)), 32)
}

// prefixFromIPInt is _prefix_from_ip_int: the prefix length of a netmask.
func prefixFromIPInt(ip u128, width int) (int, bool) {
	tz := ip.trailingZeros()
	if tz > width {
		tz = width
	}
	prefix := width - tz
	return prefix, ip.shr(uint(tz)) == lowOnes(prefix)
}

func (m Mask) String() string {
	if m.isStr {
		return m.s
	}
	return strconv.Itoa(m.n)
}
