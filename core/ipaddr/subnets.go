package ipaddr

import (
	"iter"
	"math/big"
	"strconv"
)

// Iteration, indexing, subnets() and supernet(). Sequences are lazy: an
// IPv6 /0 has 2**128 addresses.

// All is iter(network): every address, network and broadcast included.
func (n Network) All() iter.Seq[Addr] {
	if !n.IsValid() {
		return func(func(Addr) bool) {}
	}
	return addrRange(n.addr.ip, n.last(), n.addr.v)
}

// Hosts is .hosts(): a /32 or /128 yields its address (scope id kept); a
// /31 or /127 yields both addresses; otherwise IPv4 skips the network and
// broadcast addresses and IPv6 skips only the Subnet-Router anycast
// (network) address.
func (n Network) Hosts() iter.Seq[Addr] {
	if !n.IsValid() {
		return func(func(Addr) bool) {}
	}
	w := n.width()
	switch int(n.bits) {
	case w:
		return func(yield func(Addr) bool) { yield(n.addr) }
	case w - 1:
		return n.All()
	}
	last := n.last()
	if n.addr.v == 4 {
		last = last.subOne()
	}
	return addrRange(n.addr.ip.addOne(), last, n.addr.v)
}

func addrRange(first, last u128, v uint8) iter.Seq[Addr] {
	return func(yield func(Addr) bool) {
		if last.less(first) {
			return
		}
		for ip := first; ; ip = ip.addOne() {
			if !yield(Addr{ip: ip, v: v}) || ip == last {
				return
			}
		}
	}
}

// At is network[i]: negative i counts from the broadcast address.
// Out of range is CPython's IndexError "address out of range".
func (n Network) At(i int64) (Addr, error) {
	hostBits := n.width() - int(n.bits)
	size := new(big.Int).Lsh(big.NewInt(1), uint(hostBits))
	idx := big.NewInt(i)
	if i < 0 {
		idx.Add(idx, size)
	}
	if idx.Sign() < 0 || idx.Cmp(size) >= 0 {
		return Addr{}, &Error{Kind: KindIndexError, Msg: "address out of range"}
	}
	ip, _ := n.addr.ip.add(u128FromBig(idx))
	return Addr{ip: ip, v: n.addr.v}, nil
}

// Subnets is .subnets(prefixlen_diff, new_prefix); newPrefix nil means
// None. Errors are CPython's ValueErrors, checked in its order; a /32 or
// /128 yields itself whatever the arguments.
func (n Network) Subnets(prefixlenDiff int, newPrefix *int) (iter.Seq[Network], error) {
	if !n.IsValid() {
		return nil, valueError("invalid network")
	}
	w := n.width()
	if int(n.bits) == w {
		return func(yield func(Network) bool) { yield(n) }, nil
	}
	if newPrefix != nil {
		if *newPrefix < int(n.bits) {
			return nil, valueError("new prefix must be longer")
		}
		if prefixlenDiff != 1 {
			return nil, valueError("cannot set prefixlen_diff and new_prefix")
		}
		prefixlenDiff = *newPrefix - int(n.bits)
	}
	if prefixlenDiff < 0 {
		return nil, valueError("prefix length diff must be > 0")
	}
	if prefixlenDiff > w-int(n.bits) {
		newLen := new(big.Int).Add(big.NewInt(int64(n.bits)), big.NewInt(int64(prefixlenDiff)))
		return nil, valueError("prefix length diff " + newLen.String() + " is invalid for netblock " + n.String())
	}
	newLen := int(n.bits) + prefixlenDiff
	step := newLen
	return func(yield func(Network) bool) {
		last := n.last()
		for ip := n.addr.ip; ; {
			sub := Network{addr: Addr{ip: ip, v: n.addr.v}, bits: uint8(step)}
			end := sub.last()
			if !yield(sub) || end == last {
				return
			}
			ip = end.addOne()
		}
	}, nil
}

// Supernet is .supernet(prefixlen_diff, new_prefix); newPrefix nil means None.
// A /0 returns itself.
func (n Network) Supernet(prefixlenDiff int, newPrefix *int) (Network, error) {
	if n.bits == 0 {
		return n, nil
	}
	if newPrefix != nil {
		if *newPrefix > int(n.bits) {
			return Network{}, valueError("new prefix must be shorter")
		}
		if prefixlenDiff != 1 {
			return Network{}, valueError("cannot set prefixlen_diff and new_prefix")
		}
		d := new(big.Int).Sub(big.NewInt(int64(n.bits)), big.NewInt(int64(*newPrefix)))
		if !d.IsInt64() || d.Int64() > int64(^uint(0)>>1) {
			return Network{}, valueError("current prefixlen is " + strconv.Itoa(int(n.bits)) +
				", cannot have a prefixlen_diff of " + d.String())
		}
		prefixlenDiff = int(d.Int64())
	}
	if prefixlenDiff > int(n.bits) {
		return Network{}, valueError("current prefixlen is " + strconv.Itoa(int(n.bits)) +
			", cannot have a prefixlen_diff of " + strconv.Itoa(prefixlenDiff))
	}
	if prefixlenDiff < 0 {
		return Network{}, valueError("negative shift count") // int(netmask) << prefixlen_diff
	}
	newLen := int(n.bits) - prefixlenDiff
	return Network{addr: Addr{ip: n.addr.ip.and(maskOf(newLen, n.width())), v: n.addr.v}, bits: uint8(newLen)}, nil
}
