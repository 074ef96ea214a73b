package ipaddr

import "strings"

// Network and interface constructors: IPv4Network(s, strict),
// IPv6Network(...), IPv4Interface(s), IPv6Interface(s), their
// (address, mask) tuple forms, and the version-sniffing ip_network and
// ip_interface. Strings are split on '/' as _split_addr_prefix does; the
// address part goes through the address parser (so an IPv6 network may
// carry a scope id), then the mask, then the host-bit check.

// ParseIPv4Network is IPv4Network(s, strict).
func ParseIPv4Network(s string, strict bool) (Network, error) { return parseNetworkText(4, s, strict) }

// ParseIPv6Network is IPv6Network(s, strict).
func ParseIPv6Network(s string, strict bool) (Network, error) { return parseNetworkText(6, s, strict) }

// ParseNetwork is ip_network(s, strict): IPv4 first, then IPv6. Address
// and netmask errors of both attempts are replaced by one ValueError; the
// "has host bits set" ValueError is returned as is.
func ParseNetwork(s string, strict bool) (Network, error) {
	for _, v := range [2]uint8{4, 6} {
		if n, ok := parseNetworkFast(v, s, strict); ok {
			return n, nil
		}
	}
	// A text the fast path takes for one version fails the other on its
	// address, so trying both fast paths first keeps CPython's order.
	for _, v := range [2]uint8{4, 6} {
		n, f, err := parseNetworkExact(v, s, strict)
		if err != nil {
			return Network{}, err
		}
		if f.ok() {
			return n, nil
		}
	}
	return Network{}, valueError(pyRepr(s) + " does not appear to be an IPv4 or IPv6 network")
}

// MustParseNetwork is ParseNetwork(s, true) that panics on error.
func MustParseNetwork(s string) Network {
	n, err := ParseNetwork(s, true)
	if err != nil {
		panic(err)
	}
	return n
}

func parseNetworkText(v uint8, s string, strict bool) (Network, error) {
	n, f, err := parseNetwork(v, s, strict)
	if err != nil {
		return Network{}, err
	}
	if !f.ok() {
		return Network{}, f.err()
	}
	return n, nil
}

// parseNetwork returns a swallowable failure in f (address or netmask
// error) or the host-bits ValueError in err.
func parseNetwork(v uint8, s string, strict bool) (Network, fail, *Error) {
	if n, ok := parseNetworkFast(v, s, strict); ok {
		return n, fail{}, nil
	}
	return parseNetworkExact(v, s, strict)
}

// parseNetworkExact is the port of CPython's constructor, step by step.
func parseNetworkExact(v uint8, s string, strict bool) (Network, fail, *Error) {
	addrText, m, f := splitAddrPrefix(s, v)
	if !f.ok() {
		return Network{}, f, nil
	}
	a, f := parseAddrV(v, addrText)
	if !f.ok() {
		return Network{}, f, nil
	}
	return newNetwork(a, m, strict)
}

// splitAddrPrefix is _split_addr_prefix for a str.
func splitAddrPrefix(s string, v uint8) (string, Mask, fail) {
	i := strings.IndexByte(s, '/')
	if i < 0 {
		return s, PrefixLenMask(maxBits(v)), fail{}
	}
	if strings.IndexByte(s[i+1:], '/') >= 0 {
		return "", Mask{}, fail{code: failOneSlash, text: s}
	}
	return s[:i], StringMask(s[i+1:]), fail{}
}

// parseAddrV is IPv4Address(s) or IPv6Address(s).
func parseAddrV(v uint8, s string) (Addr, fail) {
	if v == 4 {
		x, f := parseIPv4Address(s)
		return AddrFrom4(x), f
	}
	ip, zone, f := parseIPv6Address(s)
	return Addr{ip: ip, zone: zone, v: 6}, f
}

// newNetwork is the body of IPvXNetwork.__init__ once the address is parsed.
func newNetwork(a Addr, m Mask, strict bool) (Network, fail, *Error) {
	bits, f := m.prefixLen(a.v)
	if !f.ok() {
		return Network{}, f, nil
	}
	n := Network{addr: a, bits: uint8(bits)}
	mask := maskOf(bits, maxBits(a.v))
	if a.ip.and(mask) != a.ip {
		if strict {
			return Network{}, fail{}, valueError(n.String() + " has host bits set")
		}
		n.addr = Addr{ip: a.ip.and(mask), v: a.v} // a new address: the scope id is gone
	}
	return n, fail{}, nil
}

// coerce gives a an address of version v the way CPython does when handed
// an address object of the other version: through str().
func coerce(a Addr, v uint8) (Addr, fail) {
	if a.v == v {
		return a, fail{}
	}
	return parseAddrV(v, a.String())
}

func networkFromTuple(v uint8, a Addr, m Mask, strict bool) (Network, error) {
	a, f := coerce(a, v)
	if !f.ok() {
		return Network{}, f.err()
	}
	n, f, err := newNetwork(a, m, strict)
	if err != nil {
		return Network{}, err
	}
	if !f.ok() {
		return Network{}, f.err()
	}
	return n, nil
}

// IPv4NetworkFromTuple is IPv4Network((addr, mask), strict).
func IPv4NetworkFromTuple(a Addr, m Mask, strict bool) (Network, error) {
	return networkFromTuple(4, a, m, strict)
}

// IPv6NetworkFromTuple is IPv6Network((addr, mask), strict).
func IPv6NetworkFromTuple(a Addr, m Mask, strict bool) (Network, error) {
	return networkFromTuple(6, a, m, strict)
}

// NetworkFromTuple is the tuple constructor of a's own version.
func NetworkFromTuple(a Addr, m Mask, strict bool) (Network, error) {
	if !a.IsValid() {
		return Network{}, valueError("invalid address")
	}
	return networkFromTuple(a.v, a, m, strict)
}

// NetworkFromAddr is IPvXNetwork(address): a /32 or /128 that keeps the scope id.
func NetworkFromAddr(a Addr) Network { return Network{addr: a, bits: uint8(a.MaxPrefixLen())} }

// ParseIPv4Interface is IPv4Interface(s).
func ParseIPv4Interface(s string) (Interface, error) { return parseInterfaceText(4, s) }

// ParseIPv6Interface is IPv6Interface(s).
func ParseIPv6Interface(s string) (Interface, error) { return parseInterfaceText(6, s) }

// ParseInterface is ip_interface(s).
func ParseInterface(s string) (Interface, error) {
	for _, v := range [2]uint8{4, 6} {
		if i, f := parseInterface(v, s); f.ok() {
			return i, nil
		}
	}
	return Interface{}, valueError(pyRepr(s) + " does not appear to be an IPv4 or IPv6 interface")
}

// MustParseInterface is ParseInterface that panics on error.
func MustParseInterface(s string) Interface {
	i, err := ParseInterface(s)
	if err != nil {
		panic(err)
	}
	return i
}

func parseInterfaceText(v uint8, s string) (Interface, error) {
	i, f := parseInterface(v, s)
	if !f.ok() {
		return Interface{}, f.err()
	}
	return i, nil
}

func parseInterface(v uint8, s string) (Interface, fail) {
	if a, bits, ok := parseAddrPrefixFast(v, s); ok {
		ip := a.ip.and(maskOf(bits, maxBits(v)))
		return Interface{addr: a, net: Network{addr: Addr{ip: ip, v: v}, bits: uint8(bits)}}, fail{}
	}
	return parseInterfaceExact(v, s)
}

func parseInterfaceExact(v uint8, s string) (Interface, fail) {
	addrText, m, f := splitAddrPrefix(s, v)
	if !f.ok() {
		return Interface{}, f
	}
	a, f := parseAddrV(v, addrText)
	if !f.ok() {
		return Interface{}, f
	}
	return newInterface(a, m)
}

func newInterface(a Addr, m Mask) (Interface, fail) {
	n, f, _ := newNetwork(a, m, false) // non-strict never reports host bits
	if !f.ok() {
		return Interface{}, f
	}
	return Interface{addr: a, net: n}, fail{}
}

func interfaceFromTuple(v uint8, a Addr, m Mask) (Interface, error) {
	a, f := coerce(a, v)
	if f.ok() {
		var i Interface
		if i, f = newInterface(a, m); f.ok() {
			return i, nil
		}
	}
	return Interface{}, f.err()
}

// IPv4InterfaceFromTuple is IPv4Interface((addr, mask)).
func IPv4InterfaceFromTuple(a Addr, m Mask) (Interface, error) { return interfaceFromTuple(4, a, m) }

// IPv6InterfaceFromTuple is IPv6Interface((addr, mask)).
func IPv6InterfaceFromTuple(a Addr, m Mask) (Interface, error) { return interfaceFromTuple(6, a, m) }

// InterfaceFromAddr is IPvXInterface(address): prefix /32 or /128.
func InterfaceFromAddr(a Addr) Interface {
	return Interface{addr: a, net: NetworkFromAddr(a)}
}

// ParseAddress is ip_address(s): IPv4 first, then IPv6; otherwise
// ValueError "'<s>' does not appear to be an IPv4 or IPv6 address".
func ParseAddress(s string) (Addr, error) {
	if v, f := parseIPv4Address(s); f.ok() {
		return AddrFrom4(v), nil
	}
	if ip, zone, f := parseIPv6Address(s); f.ok() {
		return Addr{ip: ip, zone: zone, v: 6}, nil
	}
	return Addr{}, valueError(pyRepr(s) + " does not appear to be an IPv4 or IPv6 address")
}

// MustParseAddress is ParseAddress that panics on error.
func MustParseAddress(s string) Addr {
	a, err := ParseAddress(s)
	if err != nil {
		panic(err)
	}
	return a
}

// parseAddrPrefixFast reads plain "address", "address/prefixlen" and (IPv4)
// "address/netmask|hostmask" text without a scope id, with the same
// helpers as the exact path; anything else is left to it.
func parseAddrPrefixFast(v uint8, s string) (Addr, int, bool) {
	addrText, maskText := s, ""
	i := strings.IndexByte(s, '/')
	if i >= 0 {
		addrText, maskText = s[:i], s[i+1:]
	}
	var a Addr
	if v == 4 {
		x, ok := parseV4Fast(addrText)
		if !ok {
			return Addr{}, 0, false
		}
		a = AddrFrom4(x)
	} else {
		ip, ok := parseV6Fast(addrText)
		if !ok {
			return Addr{}, 0, false
		}
		a = Addr{ip: ip, v: 6}
	}
	width := maxBits(v)
	if i < 0 {
		return a, width, true
	}
	if n, ok := prefixFromPrefixString(maskText, width); ok {
		return a, n, true
	}
	if v == 4 {
		if m, ok := parseV4Fast(maskText); ok {
			ip := u128{0, uint64(m)}
			if n, ok := prefixFromIPInt(ip, 32); ok {
				return a, n, true
			}
			if n, ok := prefixFromIPInt(ip.xor(lowOnes(32)), 32); ok {
				return a, n, true
			}
		}
	}
	return Addr{}, 0, false
}

// parseNetworkFast is the fast path of parseNetwork; a strict host-bit
// failure is left to the exact path, which reports it.
func parseNetworkFast(v uint8, s string, strict bool) (Network, bool) {
	a, bits, ok := parseAddrPrefixFast(v, s)
	if !ok {
		return Network{}, false
	}
	mask := maskOf(bits, maxBits(v))
	if a.ip.and(mask) != a.ip {
		if strict {
			return Network{}, false
		}
		a.ip = a.ip.and(mask)
	}
	return Network{addr: a, bits: uint8(bits)}, true
}
