package ipaddr

import "slices"

// When collapse_addresses gets addresses of one version and networks of the
// other, CPython only fails when it sorts the merged networks: the
// TypeError names the first two objects of different versions that
// list.sort compares. To give the same message, this replays CPython's
// merge loop (an insertion-ordered dict) and its sort up to the first
// comparison across versions. This is an error path only; speed does not
// matter.

type netKey struct {
	ip   u128
	bits uint8
	v    uint8
}

func keyOf(n Network) netKey { return netKey{n.addr.ip, n.bits, n.addr.v} }

// pySupernet is net.supernet(): one bit shorter, masked; a /0 is its own supernet.
func pySupernet(n Network) Network {
	if n.bits == 0 {
		return n
	}
	b := n.bits - 1
	return Network{addr: Addr{ip: n.addr.ip.and(maskOf(int(b), n.width())), v: n.addr.v}, bits: b}
}

func mixedSortError(items []collapseItem) error {
	// ips = sorted(set(ips)); ranges of consecutive addresses; summarize each.
	var hosts []u128
	var nets []Network
	var hostV uint8
	for _, it := range items {
		if it.host() {
			hosts = append(hosts, it.addr.ip)
			hostV = it.addr.v
		} else {
			nets = append(nets, Network{addr: it.addr.WithZone(""), bits: it.bits})
		}
	}
	slices.SortFunc(hosts, u128.compare)
	hosts = slices.Compact(hosts)
	var toMerge []Network
	for i := 0; i < len(hosts); {
		j := i
		for j+1 < len(hosts) && hosts[j+1] == hosts[j].addOne() {
			j++
		}
		summarize(hosts[i], hosts[j], hostV, func(n Network) bool {
			toMerge = append(toMerge, n)
			return true
		})
		i = j + 1
	}
	toMerge = append(toMerge, nets...)

	// The merge loop, with dict insertion order kept.
	index := map[netKey]int{}
	var order []Network
	var alive []bool
	for len(toMerge) > 0 {
		net := toMerge[len(toMerge)-1]
		toMerge = toMerge[:len(toMerge)-1]
		sup := keyOf(pySupernet(net))
		if i, ok := index[sup]; !ok {
			index[sup] = len(order)
			order = append(order, net)
			alive = append(alive, true)
		} else if order[i] != net {
			delete(index, sup)
			alive[i] = false
			toMerge = append(toMerge, pySupernet(net))
		}
	}
	var values []Network
	for i, n := range order {
		if alive[i] {
			values = append(values, n)
		}
	}
	s := pySort{a: values}
	s.sortStart()
	if s.err != nil {
		return s.err
	}
	return notSameVersion(items[0], items[len(items)-1]) // not reached: values mix versions
}

// pySort replays CPython's list.sort (timsort with powersort merging)
// with a comparison that records the TypeError of comparing networks of
// different versions. Runs that sort without error hold one version, and
// merging two runs starts by comparing the right run's first element with
// the left run's, so only run detection and merge order need replaying.
type pySort struct {
	a   []Network
	err error
}

type pyRun struct{ start, len, power int }

func (s *pySort) lt(x, y Network) bool {
	if s.err != nil {
		return false
	}
	if x.addr.v != y.addr.v {
		s.err = notSameVersion(x, y)
		return false
	}
	return x.Compare(y) < 0
}

func (s *pySort) sortStart() {
	n := len(s.a)
	if n < 2 {
		return
	}
	minrun, r := n, 0
	for minrun >= 64 {
		r |= minrun & 1
		minrun >>= 1
	}
	minrun += r
	var stack []pyRun
	for lo := 0; lo < n; {
		rest := s.a[lo:]
		k := s.countRun(rest)
		if s.err != nil {
			return
		}
		if k < minrun {
			force := min(minrun, len(rest))
			s.binarySort(rest[:force], k)
			if s.err != nil {
				return
			}
			k = force
		}
		if len(stack) > 0 {
			top := &stack[len(stack)-1]
			power := powerloop(top.start, top.len, k, n)
			for len(stack) > 1 && stack[len(stack)-2].power > power {
				if stack = s.mergeAt(stack, len(stack)-2); s.err != nil {
					return
				}
			}
			stack[len(stack)-1].power = power
		}
		stack = append(stack, pyRun{start: lo, len: k})
		lo += k
	}
	for len(stack) > 1 {
		i := len(stack) - 2
		if i > 0 && stack[i-1].len < stack[i+1].len {
			i--
		}
		if stack = s.mergeAt(stack, i); s.err != nil {
			return
		}
	}
}

// mergeAt merges runs i and i+1 of the stack (merge_at).
func (s *pySort) mergeAt(stack []pyRun, i int) []pyRun {
	a, b := stack[i], stack[i+1]
	if s.lt(s.a[b.start], s.a[a.start]); s.err != nil {
		return stack
	}
	merged := s.a[a.start : b.start+b.len]
	slices.SortStableFunc(merged, Network.Compare) // one version: no errors
	stack[i].len += b.len
	if i == len(stack)-3 {
		stack[i+1] = stack[i+2]
	}
	return stack[:len(stack)-1]
}

// powerloop is listsort's powerloop: the depth of the boundary between two
// adjacent runs in the powersort merge tree.
func powerloop(s1, n1, n2, n int) int {
	result := 0
	a := 2*s1 + n1
	b := a + n1 + n2
	for {
		result++
		if a >= n {
			a -= n
			b -= n
		} else if b >= n {
			break
		}
		a <<= 1
		b <<= 1
	}
	return result
}

// countRun is listsort's count_run over a: an ascending run, or a
// descending one that is reversed in place.
func (s *pySort) countRun(a []Network) int {
	n := len(a)
	if n == 1 {
		return 1
	}
	k := 1
	for ; k < n; k++ {
		if s.lt(a[k], a[k-1]) {
			break
		}
		if s.err != nil {
			return 0
		}
	}
	if k == n || s.err != nil {
		return k
	}
	if k > 1 {
		if s.lt(a[0], a[k-1]) || s.err != nil {
			return k
		}
		slices.Reverse(a[:k])
	}
	k++
	neq := 0
	reverseLastEq := func() {
		if neq > 0 {
			neq++
			slices.Reverse(a[k-neq : k])
			neq = 0
		}
	}
	for ; k < n; k++ {
		if s.lt(a[k], a[k-1]) {
			reverseLastEq()
		} else if s.err != nil {
			return 0
		} else if s.lt(a[k-1], a[k]) {
			break
		} else if s.err != nil {
			return 0
		} else {
			neq++
		}
	}
	if s.err != nil {
		return 0
	}
	reverseLastEq()
	slices.Reverse(a[:k])
	for ; k < n; k++ {
		if s.lt(a[k], a[k-1]) || s.err != nil {
			break
		}
	}
	return k
}

// binarySort is listsort's binary insertion sort of a with a[:ok] sorted.
func (s *pySort) binarySort(a []Network, ok int) {
	if ok == 0 {
		ok = 1
	}
	for ; ok < len(a); ok++ {
		l, r := 0, ok
		pivot := a[ok]
		for l < r {
			m := (l + r) >> 1
			if s.lt(pivot, a[m]) {
				r = m
			} else {
				l = m + 1
			}
			if s.err != nil {
				return
			}
		}
		copy(a[l+1:ok+1], a[l:ok])
		a[l] = pivot
	}
}
