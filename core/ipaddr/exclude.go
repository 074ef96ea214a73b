package ipaddr

// AddressExclude is .address_exclude(other): n minus other, in CPython's
// order (the sibling halves from the largest down). Errors, in CPython's
// order: other version (TypeError), other not inside n (ValueError
// "<other> not contained in <n>"). other == n gives an empty list. The
// scope id of other is ignored once containment is established (CPython
// would fail with an AssertionError on some scoped inputs).
func (n Network) AddressExclude(other Network) ([]Network, error) {
	if n.addr.v != other.addr.v {
		return nil, notSameVersion(n, other)
	}
	if ok, _ := isSubnetOf(other, n); !ok {
		return nil, valueError(other.String() + " not contained in " + n.String())
	}
	if other == n {
		return nil, nil
	}
	target := Network{addr: other.addr.WithZone(""), bits: other.bits}
	out := make([]Network, 0, int(other.bits)-int(n.bits))
	cur := Network{addr: n.addr.WithZone(""), bits: n.bits}
	for cur.bits < target.bits {
		lo, hi := cur.halves()
		if hi.containsNet(target) {
			out = append(out, lo)
			cur = hi
		} else {
			out = append(out, hi)
			cur = lo
		}
	}
	return out, nil
}

// halves returns the two subnets one bit longer.
func (n Network) halves() (lo, hi Network) {
	b := n.bits + 1
	lo = Network{addr: Addr{ip: n.addr.ip, v: n.addr.v}, bits: b}
	hi = Network{addr: Addr{ip: n.addr.ip.or(u128{0, 1}.shl(uint(n.width() - int(b)))), v: n.addr.v}, bits: b}
	return lo, hi
}
