package ipaddr

import "strings"

// This is a port of CPython's IPv4 parser (_BaseV4._ip_int_from_string and
// _parse_octet): the same accepted inputs, the same checks in the same
// order, the same messages. It walks the string in place, so the success
// path does not allocate.

// ParseIPv4Address is IPv4Address(s) for a str argument.
func ParseIPv4Address(s string) (Addr, error) {
	v, f := parseIPv4Address(s)
	if !f.ok() {
		return Addr{}, f.err()
	}
	return AddrFrom4(v), nil
}

// MustParseIPv4Address is ParseIPv4Address that panics on error (for constants and tests).
func MustParseIPv4Address(s string) Addr {
	a, err := ParseIPv4Address(s)
	if err != nil {
		panic(err)
	}
	return a
}

func parseIPv4Address(s string) (uint32, fail) {
	if v, ok := parseV4Fast(s); ok {
		return v, fail{}
	}
	if strings.IndexByte(s, '/') >= 0 {
		return 0, fail{code: failSlash, text: s}
	}
	return parseV4Int(s)
}

// parseV4Int is _BaseV4._ip_int_from_string.
func parseV4Int(s string) (uint32, fail) {
	if s == "" {
		return 0, fail{code: failEmpty}
	}
	if strings.Count(s, ".") != 3 {
		return 0, fail{code: failV4Octets, text: s}
	}
	var v uint32
	rest := s
	for i := 0; i < 4; i++ {
		octet := rest
		if dot := strings.IndexByte(rest, '.'); dot >= 0 {
			octet, rest = rest[:dot], rest[dot+1:]
		}
		n, code := parseOctet(octet)
		if code != okCode {
			return 0, fail{code: code, text: s, part: octet, num: n}
		}
		v = v<<8 | uint32(n)
	}
	return v, fail{}
}

// parseOctet is _BaseV4._parse_octet; checks run in CPython's order.
func parseOctet(o string) (int, failCode) {
	if o == "" {
		return 0, failOctetEmpty
	}
	n := 0
	for i := 0; i < len(o); i++ {
		c := o[i]
		if c < '0' || c > '9' {
			return 0, failOctetDigits
		}
		if i < 4 {
			n = n*10 + int(c-'0')
		}
	}
	if len(o) > 3 {
		return 0, failOctetLen
	}
	if o[0] == '0' && len(o) > 1 {
		return 0, failOctetZero
	}
	if n > 255 {
		return n, failOctetRange
	}
	return n, okCode
}

// parseV4Fast accepts only plainly valid text (four octets of 1-3 digits,
// no leading zero, at most 255) in one pass. Everything else, valid or
// not, goes to the exact port above, so the two always agree.
func parseV4Fast(s string) (uint32, bool) {
	var v uint32
	octets, digits, n := 0, 0, uint32(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if digits == 1 && n == 0 || digits == 3 {
				return 0, false // leading zero or too long
			}
			n = n*10 + uint32(c-'0')
			digits++
		case c == '.' && digits > 0 && octets < 3:
			if n > 255 {
				return 0, false
			}
			v = v<<8 | n
			octets++
			digits, n = 0, 0
		default:
			return 0, false
		}
	}
	if octets != 3 || digits == 0 || n > 255 {
		return 0, false
	}
	return v<<8 | n, true
}
