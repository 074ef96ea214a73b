package ipaddr

import "strings"

// This is a port of CPython's IPv6 parser (IPv6Address.__init__ for str,
// _split_scope_id, _BaseV6._ip_int_from_string, _parse_hextet) as of 3.13
// with the gh-128840 security fix: input longer than 45 characters is
// rejected first, and the split is limited to 9 colons. Parts are tracked as
// index ranges, so the success path does not allocate; a scope id is a
// substring of the input.

const (
	hextetCount = 8
	maxV6Chars  = 45
)

// ParseIPv6Address is IPv6Address(s) for a str argument, scope id included.
func ParseIPv6Address(s string) (Addr, error) {
	ip, zone, f := parseIPv6Address(s)
	if !f.ok() {
		return Addr{}, f.err()
	}
	return Addr{ip: ip, zone: zone, v: 6}, nil
}

// MustParseIPv6Address is ParseIPv6Address that panics on error.
func MustParseIPv6Address(s string) Addr {
	a, err := ParseIPv6Address(s)
	if err != nil {
		panic(err)
	}
	return a
}

func parseIPv6Address(s string) (u128, string, fail) {
	if strings.IndexByte(s, '/') >= 0 {
		return u128{}, "", fail{code: failSlash, text: s}
	}
	addr, zone, f := splitScopeID(s)
	if !f.ok() {
		return u128{}, "", f
	}
	if ip, ok := parseV6Fast(addr); ok {
		return ip, zone, fail{}
	}
	ip, f := parseV6Int(addr)
	return ip, zone, f
}

// parseV6Fast accepts only plainly valid text in one pass: hex groups of
// 1-4 digits separated by ':', eight of them, or at most seven and one
// "::". Anything else, an IPv4 tail included, goes to the exact port
// below, so the two always agree.
func parseV6Fast(s string) (u128, bool) {
	var groups [8]uint16
	n, ellipsis, i := 0, -1, 0
	if len(s) >= 2 && s[0] == ':' && s[1] == ':' {
		ellipsis, i = 0, 2
	}
	for i < len(s) {
		if n == 8 {
			return u128{}, false
		}
		v, digits := 0, 0
		for ; i < len(s) && digits < 5; i++ {
			d := unhex(s[i])
			if d < 0 {
				break
			}
			v = v<<4 | d
			digits++
		}
		if digits == 0 || digits > 4 {
			return u128{}, false
		}
		groups[n] = uint16(v)
		n++
		if i == len(s) {
			break
		}
		if s[i] != ':' || i+1 == len(s) {
			return u128{}, false
		}
		i++
		if s[i] == ':' {
			if ellipsis >= 0 {
				return u128{}, false
			}
			ellipsis = n
			i++
		}
	}
	switch {
	case ellipsis < 0 && n != 8, ellipsis >= 0 && n > 7:
		return u128{}, false
	}
	var ip u128
	for k := 0; k < 8; k++ {
		var g uint16
		switch {
		case ellipsis < 0 || k < ellipsis:
			g = groups[k]
		case k >= ellipsis+8-n:
			g = groups[k-(8-n)]
		}
		if k < 4 {
			ip.hi = ip.hi<<16 | uint64(g)
		} else {
			ip.lo = ip.lo<<16 | uint64(g)
		}
	}
	return ip, true
}

// splitScopeID is _BaseV6._split_scope_id: "addr%zone" with a non-empty zone
// that holds no further '%'.
func splitScopeID(s string) (addr, zone string, f fail) {
	i := strings.IndexByte(s, '%')
	if i < 0 {
		return s, "", fail{}
	}
	zone = s[i+1:]
	if zone == "" || strings.IndexByte(zone, '%') >= 0 {
		return "", "", fail{code: failScope, text: s}
	}
	return s[:i], zone, fail{}
}

// v6part is one ':'-separated piece: a span of the input, or (after an
// IPv4 tail was converted) a ready hextet value.
type v6part struct {
	start, end int
	value      int // -1 for a span, else the hextet
}

func (p v6part) empty() bool { return p.value < 0 && p.start == p.end }

// parseV6Int is _BaseV6._ip_int_from_string.
func parseV6Int(s string) (u128, fail) {
	if s == "" {
		return u128{}, fail{code: failEmpty}
	}
	if len(s) > maxV6Chars {
		if pyLen(s) > maxV6Chars {
			return u128{}, fail{code: failV6Long, text: s}
		}
	}

	// ip_str.split(':', maxsplit=9), plus room for the IPv4 tail's extra part.
	const maxParts = hextetCount + 1
	var parts [maxParts + 2]v6part
	n, start := 0, 0
	for i := 0; i < len(s) && n < maxParts; i++ {
		if s[i] == ':' {
			parts[n] = v6part{start, i, -1}
			n++
			start = i + 1
		}
	}
	parts[n] = v6part{start, len(s), -1}
	n++

	if n < 3 {
		return u128{}, fail{code: failV6MinParts, text: s}
	}
	if last := parts[n-1]; strings.IndexByte(s[last.start:last.end], '.') >= 0 {
		v4, f := parseIPv4Address(s[last.start:last.end])
		if !f.ok() {
			f.outer = s
			return u128{}, f
		}
		parts[n-1] = v6part{value: int(v4 >> 16)}
		parts[n] = v6part{value: int(v4 & 0xffff)}
		n++
	}
	if n > maxParts {
		return u128{}, fail{code: failV6Colons, text: s}
	}

	skip := -1
	for i := 1; i < n-1; i++ {
		if parts[i].empty() {
			if skip >= 0 {
				return u128{}, fail{code: failV6DoubleColon, text: s}
			}
			skip = i
		}
	}

	var hi, lo, skipped int
	if skip >= 0 {
		hi, lo = skip, n-skip-1
		if parts[0].empty() {
			if hi--; hi != 0 {
				return u128{}, fail{code: failV6Leading, text: s}
			}
		}
		if parts[n-1].empty() {
			if lo--; lo != 0 {
				return u128{}, fail{code: failV6Trailing, text: s}
			}
		}
		skipped = hextetCount - (hi + lo)
		if skipped < 1 {
			return u128{}, fail{code: failV6TooManyWithSkip, text: s}
		}
	} else {
		if n != hextetCount {
			return u128{}, fail{code: failV6NotEight, text: s}
		}
		if parts[0].empty() {
			return u128{}, fail{code: failV6Leading, text: s}
		}
		if parts[n-1].empty() {
			return u128{}, fail{code: failV6Trailing, text: s}
		}
		hi = n
	}

	var ip u128
	for i := 0; i < hi; i++ {
		h, f := parseHextet(s, parts[i])
		if !f.ok() {
			return u128{}, f
		}
		ip = ip.shl(16).or(u128{0, uint64(h)})
	}
	ip = ip.shl(uint(16 * skipped))
	for i := n - lo; i < n; i++ {
		h, f := parseHextet(s, parts[i])
		if !f.ok() {
			return u128{}, f
		}
		ip = ip.shl(16).or(u128{0, uint64(h)})
	}
	return ip, fail{}
}

// parseHextet is _BaseV6._parse_hextet with the " in '<address>'" suffix.
func parseHextet(s string, p v6part) (int, fail) {
	if p.value >= 0 {
		return p.value, fail{}
	}
	h := s[p.start:p.end]
	v := 0
	for i := 0; i < len(h); i++ {
		d := unhex(h[i])
		if d < 0 {
			return 0, fail{code: failHexDigits, text: s, part: h}
		}
		v = v<<4 | d
	}
	if len(h) > 4 {
		return 0, fail{code: failHexLen, text: s, part: h}
	}
	return v, fail{}
}

// unhexTable maps a byte to its hex digit value, or -1.
var unhexTable = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i, c := range "0123456789abcdef" {
		t[c] = int8(i)
	}
	for i, c := range "ABCDEF" {
		t[c] = int8(i + 10)
	}
	return t
}()

func unhex(c byte) int { return int(unhexTable[c]) }
