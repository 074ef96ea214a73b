package ipaddr

import (
	"iter"
	"net/netip"
	"slices"

	"github.com/gaissmai/bart"
)

// PrefixTable maps networks to values and answers longest-prefix-match
// lookups. It is a bart.Table (a multibit trie with 8-bit strides and
// popcount-compressed nodes): about 37 MB for 1M IPv4 prefixes with
// 4-byte values. Scope ids are ignored; an IPv4-mapped IPv6 address only
// matches IPv6 networks, as in CPython. The zero PrefixTable is empty and
// ready. Lookups may run concurrently; writes need exclusive access.
type PrefixTable[V any] struct {
	t bart.Table[V]
}

// Insert adds or replaces the value of n.
func (t *PrefixTable[V]) Insert(n Network, v V) { t.t.Insert(n.Netip(), v) }

// Delete removes n if present.
func (t *PrefixTable[V]) Delete(n Network) { t.t.Delete(n.Netip()) }

// Get returns the value stored for exactly n.
func (t *PrefixTable[V]) Get(n Network) (V, bool) { return t.t.Get(n.Netip()) }

// Lookup returns the longest network containing a, and its value.
func (t *PrefixTable[V]) Lookup(a Addr) (Network, V, bool) {
	ip := a.WithZone("").Netip()
	p, v, ok := t.t.LookupPrefixLPM(netip.PrefixFrom(ip, ip.BitLen()))
	if !ok {
		return Network{}, v, false
	}
	return NetworkFromNetip(p), v, true
}

// LookupValue is Lookup without the matching network (a little faster).
func (t *PrefixTable[V]) LookupValue(a Addr) (V, bool) { return t.t.Lookup(a.WithZone("").Netip()) }

// LookupMany looks up every address of addrs and reports each result to
// fn with its index in addrs. Results come in address order, not input
// order: walking the trie in order keeps it in cache, about twice as fast
// as separate Lookups on large random batches.
func (t *PrefixTable[V]) LookupMany(addrs []Addr, fn func(i int, n Network, v V, ok bool)) {
	if len(addrs) < 1024 {
		for i, a := range addrs {
			n, v, ok := t.Lookup(a)
			fn(i, n, v, ok)
		}
		return
	}
	v4 := make([]uint64, 0, len(addrs)) // address<<32 | index
	var v6 []int
	for i, a := range addrs {
		if a.v == 4 && uint64(i) <= 0xffffffff {
			v4 = append(v4, uint64(a.Uint32())<<32|uint64(i))
		} else {
			v6 = append(v6, i)
		}
	}
	radixSortBits(v4, 32, 64)
	for _, k := range v4 {
		n, v, ok := t.Lookup(AddrFrom4(uint32(k >> 32))) // not addrs[i]: that would be a cache miss
		fn(int(k&0xffffffff), n, v, ok)
	}
	slices.SortFunc(v6, func(a, b int) int { return addrs[a].Compare(addrs[b]) })
	for _, i := range v6 {
		n, v, ok := t.Lookup(addrs[i])
		fn(i, n, v, ok)
	}
}

// LookupNetwork returns the longest stored network containing all of n.
func (t *PrefixTable[V]) LookupNetwork(n Network) (Network, V, bool) {
	p, v, ok := t.t.LookupPrefixLPM(n.Netip())
	if !ok {
		return Network{}, v, false
	}
	return NetworkFromNetip(p), v, true
}

// Contains reports whether any stored network contains a.
func (t *PrefixTable[V]) Contains(a Addr) bool { return t.t.Contains(a.WithZone("").Netip()) }

// Len is the number of stored networks.
func (t *PrefixTable[V]) Len() int { return t.t.Size() }

// All yields the stored networks in CIDR sort order, IPv4 first.
func (t *PrefixTable[V]) All() iter.Seq2[Network, V] {
	return func(yield func(Network, V) bool) {
		for p, v := range t.t.AllSorted() {
			if !yield(NetworkFromNetip(p), v) {
				return
			}
		}
	}
}
