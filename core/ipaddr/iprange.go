package ipaddr

import (
	"math/big"
	"strings"
)

// IPRange is an inclusive range of addresses of one version, first <= last
// (netaddr's IPRange; the stdlib only has summarize_address_range). Scope
// ids are dropped.
type IPRange struct {
	first, last Addr
}

// NewIPRange checks its arguments as summarize_address_range does (same
// errors) and returns the range.
func NewIPRange(first, last Addr) (IPRange, error) {
	if err := checkRange(first, last); err != nil {
		return IPRange{}, err
	}
	return IPRange{first.WithZone(""), last.WithZone("")}, nil
}

// ParseIPRange parses "first-last", each side as ip_address.
func ParseIPRange(s string) (IPRange, error) {
	i := strings.IndexByte(s, '-')
	if i < 0 {
		return IPRange{}, valueError(pyRepr(s) + " does not appear to be an IP range (want 'first-last')")
	}
	first, err := ParseAddress(s[:i])
	if err != nil {
		return IPRange{}, err
	}
	last, err := ParseAddress(s[i+1:])
	if err != nil {
		return IPRange{}, err
	}
	return NewIPRange(first, last)
}

// IPRangeOfNetwork is the range of a network's addresses.
func IPRangeOfNetwork(n Network) IPRange {
	return IPRange{n.addr.WithZone(""), n.BroadcastAddress()}
}

func (r IPRange) IsValid() bool { return r.first.IsValid() }
func (r IPRange) First() Addr   { return r.first }
func (r IPRange) Last() Addr    { return r.last }
func (r IPRange) Version() int  { return r.first.Version() }

// String is "first-last".
func (r IPRange) String() string {
	if !r.IsValid() {
		return "invalid IPRange"
	}
	return r.first.String() + "-" + r.last.String()
}

// Contains reports whether a (same version, scope id ignored) is in the range.
func (r IPRange) Contains(a Addr) bool {
	return a.v == r.first.v && r.first.ip.lessEq(a.ip) && a.ip.lessEq(r.last.ip)
}

// Size is the number of addresses.
func (r IPRange) Size() *big.Int {
	d := new(big.Int).Sub(r.last.ip.big(), r.first.ip.big())
	return d.Add(d, big.NewInt(1))
}

// Networks is the range as the fewest CIDR networks (summarize_address_range).
func (r IPRange) Networks() []Network {
	if !r.IsValid() {
		return nil
	}
	var out []Network
	summarize(r.first.ip, r.last.ip, r.first.v, func(n Network) bool {
		out = append(out, n)
		return true
	})
	return out
}
