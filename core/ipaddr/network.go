package ipaddr

import (
	"cmp"
	"math/big"
	"net/netip"
	"strconv"
)

// Network is an IPv4Network or IPv6Network: a network address (which, for
// IPv6, may carry a scope id, as CPython allows) and a prefix length.
// Networks are comparable with == with CPython's __eq__ meaning.
type Network struct {
	addr Addr
	bits uint8
}

// NetworkFromNetip converts a netip.Prefix, masking host bits (netip
// prefixes have no zone).
func NetworkFromNetip(p netip.Prefix) Network {
	p = p.Masked()
	return Network{addr: AddrFromNetip(p.Addr()), bits: uint8(p.Bits())}
}

// IsValid reports whether n is a network (not the zero Network).
func (n Network) IsValid() bool { return n.addr.IsValid() }

// Addr is .network_address.
func (n Network) Addr() Addr { return n.addr }

// PrefixLen is .prefixlen.
func (n Network) PrefixLen() int { return int(n.bits) }

// Version is 4 or 6.
func (n Network) Version() int { return int(n.addr.v) }

// MaxPrefixLen is 32 or 128.
func (n Network) MaxPrefixLen() int { return n.addr.MaxPrefixLen() }

func (n Network) width() int    { return maxBits(n.addr.v) }
func (n Network) maskInt() u128 { return maskOf(int(n.bits), n.width()) }
func (n Network) last() u128    { return n.addr.ip.or(lowOnes(n.width() - int(n.bits))) }

// Netmask is .netmask.
func (n Network) Netmask() Addr { return Addr{ip: n.maskInt(), v: n.addr.v} }

// Hostmask is .hostmask.
func (n Network) Hostmask() Addr {
	return Addr{ip: lowOnes(n.width() - int(n.bits)), v: n.addr.v}
}

// BroadcastAddress is .broadcast_address (the last address; no scope id).
func (n Network) BroadcastAddress() Addr { return Addr{ip: n.last(), v: n.addr.v} }

// NumAddresses is .num_addresses.
func (n Network) NumAddresses() *big.Int {
	return new(big.Int).Lsh(big.NewInt(1), uint(n.width()-int(n.bits)))
}

// Netip converts to netip.Prefix; the scope id is dropped (netip prefixes have none).
func (n Network) Netip() netip.Prefix {
	return netip.PrefixFrom(n.addr.WithZone("").Netip(), int(n.bits))
}

// String is str(network): "<network_address>/<prefixlen>".
func (n Network) String() string {
	if !n.IsValid() {
		return "invalid Network"
	}
	return string(n.AppendTo(make([]byte, 0, 50)))
}

// AppendTo appends str(network) to b.
func (n Network) AppendTo(b []byte) []byte {
	b = n.addr.AppendTo(b)
	b = append(b, '/')
	return strconv.AppendUint(b, uint64(n.bits), 10)
}

// MarshalText implements encoding.TextMarshaler with String.
func (n Network) MarshalText() ([]byte, error) {
	if !n.IsValid() {
		return []byte{}, nil
	}
	return n.AppendTo(nil), nil
}

// UnmarshalText parses like ip_network(text, strict=True).
func (n *Network) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*n = Network{}
		return nil
	}
	x, err := ParseNetwork(string(text), true)
	if err != nil {
		return err
	}
	*n = x
	return nil
}

// Compressed and WithPrefixlen are String.
func (n Network) Compressed() string    { return n.String() }
func (n Network) WithPrefixlen() string { return n.String() }

// WithNetmask is .with_netmask ("10.0.0.0/255.0.0.0").
func (n Network) WithNetmask() string { return n.addr.String() + "/" + n.Netmask().String() }

// WithHostmask is .with_hostmask ("10.0.0.0/0.255.255.255").
func (n Network) WithHostmask() string { return n.addr.String() + "/" + n.Hostmask().String() }

// Exploded is .exploded: for IPv6 the eight full hextets of the network
// address (no dotted IPv4 tail, no scope id; 3.13 raises for a scoped
// network) and the prefix length.
func (n Network) Exploded() string {
	if n.addr.v == 4 {
		return n.String()
	}
	b := appendV6Full(make([]byte, 0, 43), n.addr.ip)
	b = append(b, '/')
	return string(strconv.AppendUint(b, uint64(n.bits), 10))
}

// ReversePointer is .reverse_pointer, reproducing CPython's treatment of
// the whole text: "0/24.2.0.192.in-addr.arpa", and the IPv6 form reversed
// from the exploded text including "/<prefixlen>".
func (n Network) ReversePointer() string {
	if n.addr.v == 4 {
		return reverseDotted(n.String())
	}
	return nibbleReverse(n.addr.ip, "/"+strconv.Itoa(int(n.bits)))
}

// reverseDotted is '.'.join(s.split('.')[::-1]) + '.in-addr.arpa'.
func reverseDotted(s string) string {
	b := make([]byte, 0, len(s)+13)
	end := len(s)
	for i := len(s) - 1; i >= -1; i-- {
		if i == -1 || s[i] == '.' {
			b = append(b, s[i+1:end]...)
			b = append(b, '.')
			end = i
		}
	}
	return string(append(b, "in-addr.arpa"...))
}

// Contains is `addr in network`: false across versions; the scope id is ignored.
func (n Network) Contains(a Addr) bool {
	return a.v == n.addr.v && a.ip.and(n.maskInt()) == n.addr.ip
}

// containsNet reports whether o lies inside n (same version assumed; no scope rules).
func (n Network) containsNet(o Network) bool {
	return n.bits <= o.bits && o.addr.ip.and(n.maskInt()) == n.addr.ip
}

// Overlaps is .overlaps(other): false across versions.
func (n Network) Overlaps(o Network) bool {
	return n.addr.v == o.addr.v && (n.Contains(o.addr) || o.Contains(n.addr))
}

// SubnetOf is .subnet_of(other). Across versions it is CPython's TypeError.
// As in CPython, an equal network address with a different scope id is not <=.
func (n Network) SubnetOf(o Network) (bool, error) { return isSubnetOf(n, o) }

// SupernetOf is .supernet_of(other).
func (n Network) SupernetOf(o Network) (bool, error) { return isSubnetOf(o, n) }

func isSubnetOf(a, b Network) (bool, error) {
	if a.addr.v != b.addr.v {
		return false, notSameVersion(a, b)
	}
	return b.addr.lessEqPy(a.addr) && a.last().lessEq(b.last()), nil
}

// CompareNetworks is .compare_networks(other): -1, 0 or 1 by network
// address, then netmask. Across versions it is TypeError "... not of the same type".
func (n Network) CompareNetworks(o Network) (int, error) {
	if n.addr.v != o.addr.v {
		return 0, typeError(n.String() + " and " + o.String() + " are not of the same type")
	}
	switch {
	case n.addr.ip.less(o.addr.ip):
		return -1, nil
	case n.addr.greaterPy(o.addr):
		return 1, nil
	}
	// A shorter prefix is a smaller netmask.
	return cmp.Compare(n.bits, o.bits), nil
}

// Compare is a total order: version (IPv4 first), network address, netmask
// (shorter prefix first), then scope id. For one version it is CPython's
// sort order (get_mixed_type_key / __lt__), so Compare == 0 exactly when ==.
func (n Network) Compare(o Network) int {
	if n.addr.v != o.addr.v {
		return n.addr.Compare(o.addr)
	}
	if c := n.addr.ip.compare(o.addr.ip); c != 0 {
		return c
	}
	if c := cmp.Compare(n.bits, o.bits); c != 0 {
		return c
	}
	return n.addr.Compare(o.addr)
}

// bothEnds applies an address test to the network and broadcast addresses,
// as _BaseNetwork's is_* properties do.
func (n Network) bothEnds(test func(Addr) bool) bool {
	return test(n.addr) && test(n.BroadcastAddress())
}

func (n Network) IsMulticast() bool   { return n.bothEnds(Addr.IsMulticast) }
func (n Network) IsReserved() bool    { return n.bothEnds(Addr.IsReserved) }
func (n Network) IsLinkLocal() bool   { return n.bothEnds(Addr.IsLinkLocal) }
func (n Network) IsUnspecified() bool { return n.bothEnds(Addr.IsUnspecified) }
func (n Network) IsLoopback() bool    { return n.bothEnds(Addr.IsLoopback) }

// IsSiteLocal is IPv6Network.is_site_local (false for IPv4).
func (n Network) IsSiteLocal() bool { return n.bothEnds(Addr.IsSiteLocal) }

// IsPrivate is _BaseNetwork.is_private: both ends inside one private block
// and neither inside an exception. IPv4-mapped networks are not delegated.
func (n Network) IsPrivate() bool {
	var priv, exc []block
	switch n.addr.v {
	case 4:
		priv, exc = v4Private, v4PrivateExceptions
	case 6:
		priv, exc = v6Private, v6PrivateExceptions
	default:
		return false
	}
	w, first, last := n.width(), n.addr.ip, n.last()
	in := false
	for _, b := range priv {
		if b.contains(first, w) && b.contains(last, w) {
			in = true
			break
		}
	}
	for _, b := range exc {
		if b.contains(first, w) || b.contains(last, w) {
			return false
		}
	}
	return in
}

// IsGlobal is .is_global: not private, and for IPv4 not inside 100.64.0.0/10.
func (n Network) IsGlobal() bool {
	if n.addr.v == 4 && v4Shared.contains(n.addr.ip, 32) && v4Shared.contains(n.last(), 32) {
		return false
	}
	return n.IsValid() && !n.IsPrivate()
}
