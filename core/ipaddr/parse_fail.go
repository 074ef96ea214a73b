package ipaddr

import "strconv"

// fail describes a parse failure without building its message, so that
// ip_address() and friends can try IPv4, then IPv6, without allocating for
// the attempt they swallow. msg() renders CPython's exact text.
type fail struct {
	code  failCode
	text  string // what the message quotes last ("... in %r")
	part  string // the octet, hextet or netmask text
	outer string // IPv6 text around a bad IPv4 tail ("<v4 message> in %r")
	num   int
}

type failCode uint8

const (
	okCode failCode = iota
	failEmpty
	failSlash
	failV4Octets
	failOctetEmpty
	failOctetDigits
	failOctetLen
	failOctetZero
	failOctetRange
	failV6Long
	failV6MinParts
	failV6Colons
	failV6DoubleColon
	failV6Leading
	failV6Trailing
	failV6TooManyWithSkip
	failV6NotEight
	failHexDigits
	failHexLen
	failScope
	failOneSlash
	failNetmask    // '%r is not a valid netmask' % str
	failNetmaskInt // '%d is not a valid netmask' % int
)

func (f fail) ok() bool { return f.code == okCode }

func (f fail) kind() Kind {
	if f.code == failNetmask || f.code == failNetmaskInt {
		return KindNetmaskValueError
	}
	return KindAddressValueError
}

func (f fail) err() *Error { return &Error{Kind: f.kind(), Msg: f.msg()} }

func (f fail) msg() string {
	m := f.inner()
	if f.outer != "" {
		m += " in " + pyRepr(f.outer)
	}
	return m
}

func (f fail) inner() string {
	in := func(s string) string { return s + " in " + pyRepr(f.text) }
	switch f.code {
	case failEmpty:
		return "Address cannot be empty"
	case failSlash:
		return in("Unexpected '/'")
	case failV4Octets:
		return in("Expected 4 octets")
	case failOctetEmpty:
		return in("Empty octet not permitted")
	case failOctetDigits:
		return in("Only decimal digits permitted in " + pyRepr(f.part))
	case failOctetLen:
		return in("At most 3 characters permitted in " + pyRepr(f.part))
	case failOctetZero:
		return in("Leading zeros are not permitted in " + pyRepr(f.part))
	case failOctetRange:
		return in("Octet " + strconv.Itoa(f.num) + " (> 255) not permitted")
	case failV6Long:
		s := f.text
		if n := pyLen(s); n > 100 {
			s = pyPrefix(s, 45) + "(" + strconv.Itoa(n-90) + " chars elided)" + pySuffix(s, 45)
		}
		return "At most 45 characters expected in " + pyRepr(s)
	case failV6MinParts:
		return in("At least 3 parts expected")
	case failV6Colons:
		return in("At most 8 colons permitted")
	case failV6DoubleColon:
		return in("At most one '::' permitted")
	case failV6Leading:
		return in("Leading ':' only permitted as part of '::'")
	case failV6Trailing:
		return in("Trailing ':' only permitted as part of '::'")
	case failV6TooManyWithSkip:
		return in("Expected at most 7 other parts with '::'")
	case failV6NotEight:
		return in("Exactly 8 parts expected without '::'")
	case failHexDigits:
		return in("Only hex digits permitted in " + pyRepr(f.part))
	case failHexLen:
		return in("At most 4 characters permitted in " + pyRepr(f.part))
	case failScope:
		return `Invalid IPv6 address: "` + pyRepr(f.text) + `"`
	case failOneSlash:
		return in("Only one '/' permitted")
	case failNetmask:
		return pyRepr(f.part) + " is not a valid netmask"
	case failNetmaskInt:
		return strconv.Itoa(f.num) + " is not a valid netmask"
	}
	return "ok"
}
