package ipaddr

import "strconv"

// Interface is an IPv4Interface or IPv6Interface: an address (which may
// carry an IPv6 scope id) and the network IPvXNetwork((address, mask),
// strict=False). Comparable with == (CPython's __eq__).
type Interface struct {
	addr Addr
	net  Network
}

// Addr is the interface as an address, scope id included.
func (i Interface) Addr() Addr { return i.addr }

// IP is the .ip property: a fresh address, so without the scope id.
func (i Interface) IP() Addr { return i.addr.WithZone("") }

// Network is the .network property.
func (i Interface) Network() Network { return i.net }

func (i Interface) IsValid() bool     { return i.addr.IsValid() }
func (i Interface) Version() int      { return i.addr.Version() }
func (i Interface) PrefixLen() int    { return int(i.net.bits) }
func (i Interface) Netmask() Addr     { return i.net.Netmask() }
func (i Interface) Hostmask() Addr    { return i.net.Hostmask() }
func (i Interface) MaxPrefixLen() int { return i.addr.MaxPrefixLen() }

// String is str(interface): the address as str() prints it (dotted
// IPv4-mapped form, "%scope") and "/<prefixlen>".
func (i Interface) String() string {
	if !i.IsValid() {
		return "invalid Interface"
	}
	return string(i.AppendTo(make([]byte, 0, 50)))
}

// AppendTo appends str(interface) to b.
func (i Interface) AppendTo(b []byte) []byte {
	b = i.addr.AppendTo(b)
	b = append(b, '/')
	return strconv.AppendUint(b, uint64(i.net.bits), 10)
}

// MarshalText implements encoding.TextMarshaler with String.
func (i Interface) MarshalText() ([]byte, error) {
	if !i.IsValid() {
		return []byte{}, nil
	}
	return i.AppendTo(nil), nil
}

// UnmarshalText parses like ip_interface.
func (i *Interface) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*i = Interface{}
		return nil
	}
	x, err := ParseInterface(string(text))
	if err != nil {
		return err
	}
	*i = x
	return nil
}

// Compressed is String.
func (i Interface) Compressed() string { return i.String() }

// WithPrefixlen, WithNetmask and WithHostmask use CPython's plain integer
// formatting of the address: no dotted IPv4-mapped tail, no scope id.
func (i Interface) WithPrefixlen() string {
	return i.addr.plainString() + "/" + strconv.Itoa(int(i.net.bits))
}
func (i Interface) WithNetmask() string  { return i.addr.plainString() + "/" + i.Netmask().String() }
func (i Interface) WithHostmask() string { return i.addr.plainString() + "/" + i.Hostmask().String() }

// Exploded is .exploded. As in CPython 3.13 an IPv4-mapped IPv6 interface
// prints as the exploded address alone, without "/<prefixlen>".
func (i Interface) Exploded() string {
	if i.addr.v == 4 {
		return i.String()
	}
	if _, ok := i.addr.IPv4Mapped(); ok {
		return string(appendV6Exploded(nil, i.addr.ip))
	}
	b := appendV6Full(make([]byte, 0, 43), i.addr.ip)
	b = append(b, '/')
	return string(strconv.AppendUint(b, uint64(i.net.bits), 10))
}

// ReversePointer is .reverse_pointer, with CPython's quirks: IPv4
// "4/24.3.2.1.in-addr.arpa"; IPv6 reversed from the exploded text.
func (i Interface) ReversePointer() string {
	if i.addr.v == 4 {
		return reverseDotted(i.String())
	}
	if _, ok := i.addr.IPv4Mapped(); ok {
		return nibbleReverse(i.addr.ip, "")
	}
	return nibbleReverse(i.addr.ip, "/"+strconv.Itoa(int(i.net.bits)))
}

// Compare orders by network, then address (CPython's IPvXInterface.__lt__),
// IPv4 before IPv6.
func (i Interface) Compare(o Interface) int {
	if c := i.net.Compare(o.net); c != 0 {
		return c
	}
	return i.addr.Compare(o.addr)
}

// Address-level properties, as IPvXInterface inherits them from the
// address class; IPv6Interface overrides is_unspecified and is_loopback
// to also require it of the network.
func (i Interface) IsPrivate() bool   { return i.addr.IsPrivate() }
func (i Interface) IsGlobal() bool    { return i.addr.IsGlobal() }
func (i Interface) IsMulticast() bool { return i.addr.IsMulticast() }
func (i Interface) IsReserved() bool  { return i.addr.IsReserved() }
func (i Interface) IsLinkLocal() bool { return i.addr.IsLinkLocal() }
func (i Interface) IsSiteLocal() bool { return i.addr.IsSiteLocal() }

// IsUnspecified: IPv6Interface requires it of the network too. For
// IPv4Interface CPython 3.13 compares the interface with an IPv4Address,
// which never equals, so it is always false (changed in 3.15, gh-115766).
func (i Interface) IsUnspecified() bool {
	if i.addr.v == 6 {
		return i.addr.ip.isZero() && i.net.IsUnspecified()
	}
	return false
}

func (i Interface) IsLoopback() bool {
	if i.addr.v == 6 {
		return i.addr.IsLoopback() && i.net.IsLoopback()
	}
	return i.addr.IsLoopback()
}
