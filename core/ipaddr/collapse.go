package ipaddr

import (
	"slices"
)

// collapse_addresses. CPython merges sibling pairs into supernets until
// none is left and drops networks covered by others; the result is the
// unique minimal list of CIDR blocks covering the union, sorted. This
// computes the same list directly: sort the blocks, merge overlapping or
// adjacent ranges, split each range into CIDR blocks. Scope ids are not
// kept (see doc.go).

// collapseItem is one input object: an address or a network.
type collapseItem struct {
	addr   Addr
	bits   uint8
	isAddr bool
}

// host reports whether CPython files the item with the addresses: an
// address, or a network of prefix length 32 / 128.
func (c collapseItem) host() bool { return c.isAddr || int(c.bits) == maxBits(c.addr.v) }

func (c collapseItem) String() string {
	if c.isAddr {
		return c.addr.String()
	}
	return Network{addr: c.addr, bits: c.bits}.String()
}

// Collapse is collapse_addresses(networks). A /32 or /128 network is taken
// as its address, as in CPython. Mixed versions give CPython's TypeError.
func Collapse(nets []Network) ([]Network, error) {
	items := make([]collapseItem, len(nets))
	for i, n := range nets {
		items[i] = collapseItem{addr: n.addr, bits: n.bits}
	}
	return collapseItems(items)
}

// CollapseAddrs is collapse_addresses(addresses).
func CollapseAddrs(addrs []Addr) ([]Network, error) {
	items := make([]collapseItem, len(addrs))
	for i, a := range addrs {
		items[i] = collapseItem{addr: a, bits: uint8(a.MaxPrefixLen()), isAddr: true}
	}
	return collapseItems(items)
}

func collapseItems(items []collapseItem) ([]Network, error) {
	if err := checkCollapseVersions(items); err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, nil
	}
	v := items[0].addr.v
	if v == 4 {
		keys := make([]uint64, len(items))
		for i, it := range items {
			keys[i] = uint64(it.addr.Uint32())<<8 | uint64(32-int(it.bits))
		}
		return collapseV4Keys(keys, nil), nil
	}
	blocks := make([]block, len(items))
	for i, it := range items {
		blocks[i] = block{ip: it.addr.ip.and(maskOf(int(it.bits), 128)), bits: int(it.bits)}
	}
	return collapseBlocks(blocks, 6, nil), nil
}

// checkCollapseVersions reproduces collapse_addresses' TypeErrors: each
// item is checked against the previous one of its kind (addresses and
// full-length networks, or other networks); two kinds of different
// versions fail later, when CPython sorts them together.
func checkCollapseVersions(items []collapseItem) error {
	var lastHost, lastNet *collapseItem
	for i := range items {
		it := &items[i]
		prev := &lastNet
		if it.host() {
			prev = &lastHost
		}
		if *prev != nil && (*prev).addr.v != it.addr.v {
			// CPython keeps a full-length network as its address (ips[-1]).
			if prev == &lastHost {
				return notSameVersion(it, (*prev).addr)
			}
			return notSameVersion(it, *prev)
		}
		*prev = it
	}
	if lastHost != nil && lastNet != nil && lastHost.addr.v != lastNet.addr.v {
		return mixedSortError(items)
	}
	return nil
}

// collapseV4Keys collapses IPv4 blocks packed as address<<8 | host bits,
// appending to out. keys is sorted in place.
func collapseV4Keys(keys []uint64, out []Network) []Network {
	radixSort40(keys)
	var start, end uint64
	have := false
	flush := func() {
		summarize(u128{0, start}, u128{0, end}, 4, func(n Network) bool {
			out = append(out, n)
			return true
		})
	}
	for _, k := range keys {
		s := k >> 8 & 0xffffffff
		e := s | (1<<(k&0xff) - 1)
		switch {
		case !have:
			start, end, have = s, e, true
		case s <= end+1:
			end = max(end, e)
		default:
			flush()
			start, end = s, e
		}
	}
	if have {
		flush()
	}
	return out
}

// collapseBlocks collapses masked blocks of version v, appending to out.
func collapseBlocks(blocks []block, v uint8, out []Network) []Network {
	slices.SortFunc(blocks, func(a, b block) int {
		if c := a.ip.compare(b.ip); c != 0 {
			return c
		}
		return b.bits - a.bits // larger blocks (shorter prefix) last: irrelevant for the union
	})
	width := maxBits(v)
	var start, end u128
	have := false
	flush := func() {
		summarize(start, end, v, func(n Network) bool {
			out = append(out, n)
			return true
		})
	}
	for _, b := range blocks {
		e := b.ip.or(lowOnes(width - b.bits))
		switch {
		case !have:
			start, end, have = b.ip, e, true
		case end != lowOnes(width) && b.ip.lessEq(end.addOne()):
			if end.less(e) {
				end = e
			}
		case end == lowOnes(width):
			// everything after is covered
		default:
			flush()
			start, end = b.ip, e
		}
	}
	if have {
		flush()
	}
	return out
}

// radixSort40 sorts keys below 2**40 (address<<8 | 8-bit tag).
func radixSort40(keys []uint64) { radixSortBits(keys, 0, 40) }

// radixSortBits sorts keys by bits [from, to) with a stable LSD radix sort,
// one pass per byte; bits outside the range keep their input order.
func radixSortBits(keys []uint64, from, to uint) {
	if len(keys) < 256 && from == 0 {
		slices.Sort(keys)
		return
	}
	tmp := make([]uint64, len(keys))
	src, dst := keys, tmp
	for shift := from; shift < to; shift += 8 {
		var count [256]int
		for _, k := range src {
			count[k>>shift&0xff]++
		}
		if count[src[0]>>shift&0xff] == len(src) {
			continue // all equal in this byte
		}
		pos := 0
		for i := range count {
			c := count[i]
			count[i] = pos
			pos += c
		}
		for _, k := range src {
			b := k >> shift & 0xff
			dst[count[b]] = k
			count[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
	}
}
