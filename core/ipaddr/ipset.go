package ipaddr

import (
	"iter"
	"math/big"
	"slices"
	"sort"
)

// IPSet is an immutable set of IPv4 and IPv6 addresses, kept per version as
// sorted, disjoint, non-adjacent ranges. Scope ids are ignored. The zero
// IPSet is empty. Build one with IPSetBuilder or IPSetOf.
type IPSet struct {
	v4, v6 []span
}

type span struct{ first, last u128 }

// IPSetOf returns the set of the given networks' addresses.
func IPSetOf(nets ...Network) IPSet {
	var b IPSetBuilder
	for _, n := range nets {
		b.AddNetwork(n)
	}
	return b.IPSet()
}

// IPSetBuilder accumulates additions and removals; IPSet returns the result.
type IPSetBuilder struct {
	set        IPSet
	add4, add6 []span
}

func (b *IPSetBuilder) addSpan(v uint8, s span) {
	if v == 4 {
		b.add4 = append(b.add4, s)
	} else if v == 6 {
		b.add6 = append(b.add6, s)
	}
}

// AddAddr adds one address.
func (b *IPSetBuilder) AddAddr(a Addr) { b.addSpan(a.v, span{a.ip, a.ip}) }

// AddNetwork adds a network's addresses.
func (b *IPSetBuilder) AddNetwork(n Network) { b.addSpan(n.addr.v, span{n.addr.ip, n.last()}) }

// AddRange adds a range.
func (b *IPSetBuilder) AddRange(r IPRange) { b.addSpan(r.first.v, span{r.first.ip, r.last.ip}) }

// AddSet adds every address of s.
func (b *IPSetBuilder) AddSet(s IPSet) {
	b.add4 = append(b.add4, s.v4...)
	b.add6 = append(b.add6, s.v6...)
}

// RemoveAddr, RemoveNetwork, RemoveRange and RemoveSet take addresses out.
func (b *IPSetBuilder) RemoveAddr(a Addr)       { b.remove(a.v, span{a.ip, a.ip}) }
func (b *IPSetBuilder) RemoveNetwork(n Network) { b.remove(n.addr.v, span{n.addr.ip, n.last()}) }
func (b *IPSetBuilder) RemoveRange(r IPRange)   { b.remove(r.first.v, span{r.first.ip, r.last.ip}) }
func (b *IPSetBuilder) RemoveSet(s IPSet)       { b.flush(); b.set = b.set.Difference(s) }

func (b *IPSetBuilder) remove(v uint8, s span) {
	var o IPSet
	if v == 4 {
		o.v4 = []span{s}
	} else if v == 6 {
		o.v6 = []span{s}
	}
	b.RemoveSet(o)
}

func (b *IPSetBuilder) flush() {
	if len(b.add4)+len(b.add6) == 0 {
		return
	}
	b.set.v4 = normalize(append(slices.Clone(b.set.v4), b.add4...))
	b.set.v6 = normalize(append(slices.Clone(b.set.v6), b.add6...))
	b.add4, b.add6 = b.add4[:0], b.add6[:0]
}

// IPSet returns the set built so far; the builder stays usable.
func (b *IPSetBuilder) IPSet() IPSet {
	b.flush()
	return IPSet{slices.Clone(b.set.v4), slices.Clone(b.set.v6)}
}

// normalize sorts spans and merges overlapping or adjacent ones, in place.
func normalize(s []span) []span {
	if len(s) == 0 {
		return nil
	}
	slices.SortFunc(s, func(a, b span) int { return a.first.compare(b.first) })
	out := s[:1]
	for _, x := range s[1:] {
		cur := &out[len(out)-1]
		if cur.last == lowOnes(128) || x.first.lessEq(cur.last.addOne()) {
			if cur.last.less(x.last) {
				cur.last = x.last
			}
			continue
		}
		out = append(out, x)
	}
	return out
}

// Union, Intersection and Difference are the set operations.
func (s IPSet) Union(o IPSet) IPSet {
	return IPSet{
		normalize(append(slices.Clone(s.v4), o.v4...)),
		normalize(append(slices.Clone(s.v6), o.v6...)),
	}
}

func (s IPSet) Intersection(o IPSet) IPSet {
	return IPSet{intersect(s.v4, o.v4), intersect(s.v6, o.v6)}
}

func (s IPSet) Difference(o IPSet) IPSet {
	return IPSet{intersect(s.v4, complement(o.v4, 32)), intersect(s.v6, complement(o.v6, 128))}
}

// Complement is every address of both versions not in s.
func (s IPSet) Complement() IPSet {
	return IPSet{complement(s.v4, 32), complement(s.v6, 128)}
}

func intersect(a, b []span) []span {
	var out []span
	for i, j := 0, 0; i < len(a) && j < len(b); {
		lo, hi := a[i].first, a[i].last
		if lo.less(b[j].first) {
			lo = b[j].first
		}
		if b[j].last.less(hi) {
			hi = b[j].last
		}
		if lo.lessEq(hi) {
			out = append(out, span{lo, hi})
		}
		if a[i].last.less(b[j].last) {
			i++
		} else {
			j++
		}
	}
	return out
}

func complement(s []span, width int) []span {
	var out []span
	next, top := u128{}, lowOnes(width)
	for _, x := range s {
		if next.less(x.first) {
			out = append(out, span{next, x.first.subOne()})
		}
		if x.last == top {
			return out
		}
		next = x.last.addOne()
	}
	return append(out, span{next, top})
}

// IsEmpty reports whether s has no address.
func (s IPSet) IsEmpty() bool { return len(s.v4)+len(s.v6) == 0 }

// Equal reports whether both sets hold the same addresses.
func (s IPSet) Equal(o IPSet) bool { return slices.Equal(s.v4, o.v4) && slices.Equal(s.v6, o.v6) }

func (s IPSet) spans(v uint8) []span {
	if v == 4 {
		return s.v4
	}
	return s.v6
}

// ContainsAddr reports whether a is in s (O(log n)).
func (s IPSet) ContainsAddr(a Addr) bool { return s.containsSpan(a.v, span{a.ip, a.ip}) }

// ContainsNetwork reports whether all of n is in s.
func (s IPSet) ContainsNetwork(n Network) bool {
	return s.containsSpan(n.addr.v, span{n.addr.ip, n.last()})
}

// ContainsRange reports whether all of r is in s.
func (s IPSet) ContainsRange(r IPRange) bool {
	return s.containsSpan(r.first.v, span{r.first.ip, r.last.ip})
}

func (s IPSet) containsSpan(v uint8, x span) bool {
	sp := s.spans(v)
	i := sort.Search(len(sp), func(i int) bool { return x.first.lessEq(sp[i].last) })
	return i < len(sp) && sp[i].first.lessEq(x.first) && x.last.lessEq(sp[i].last)
}

// Ranges returns the set as ranges, IPv4 first.
func (s IPSet) Ranges() []IPRange {
	out := make([]IPRange, 0, len(s.v4)+len(s.v6))
	for _, v := range [2]uint8{4, 6} {
		for _, x := range s.spans(v) {
			out = append(out, IPRange{Addr{ip: x.first, v: v}, Addr{ip: x.last, v: v}})
		}
	}
	return out
}

// All yields the set's CIDR networks (the fewest), IPv4 first, in order.
func (s IPSet) All() iter.Seq[Network] {
	return func(yield func(Network) bool) {
		for _, v := range [2]uint8{4, 6} {
			for _, x := range s.spans(v) {
				if !summarize(x.first, x.last, v, yield) {
					return
				}
			}
		}
	}
}

// Networks returns All as a slice: the same list collapse_addresses gives
// for the set's members.
func (s IPSet) Networks() []Network { return slices.Collect(s.All()) }

// Size is the number of addresses in s.
func (s IPSet) Size() *big.Int {
	total := new(big.Int)
	for _, v := range [2]uint8{4, 6} {
		for _, x := range s.spans(v) {
			d := new(big.Int).Sub(x.last.big(), x.first.big())
			total.Add(total, d.Add(d, big.NewInt(1)))
		}
	}
	return total
}
