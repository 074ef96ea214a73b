package ipaddr

import (
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"go4.org/netipx"
)

func randomMixedNets(r *rand.Rand, n int) []Network {
	out := randomNets(r, n)
	for i := range out {
		if r.IntN(3) == 0 {
			out[i] = Network{addr: AddrFromUint128(0x20010db800000000|uint64(r.IntN(4)), uint64(out[i].addr.Uint32())<<40), bits: out[i].bits + 64}
		}
	}
	return out
}

func netipxSet(nets []Network) *netipx.IPSet {
	var b netipx.IPSetBuilder
	for _, n := range nets {
		b.AddPrefix(n.Netip())
	}
	s, _ := b.IPSet()
	return s
}

func sameSet(t *testing.T, what string, got IPSet, want *netipx.IPSet) {
	t.Helper()
	g, w := got.Networks(), want.Prefixes()
	if len(g) != len(w) {
		t.Fatalf("%s: %d networks, netipx %d", what, len(g), len(w))
	}
	for i := range g {
		if g[i].Netip() != w[i] {
			t.Fatalf("%s #%d: %v vs %v", what, i, g[i], w[i])
		}
	}
}

func TestIPSetMatchesNetipx(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 30; round++ {
		a, b := randomMixedNets(r, 1+r.IntN(500)), randomMixedNets(r, 1+r.IntN(500))
		sa, sb := IPSetOf(a...), IPSetOf(b...)
		xa, xb := netipxSet(a), netipxSet(b)
		sameSet(t, "a", sa, xa)

		var bu netipx.IPSetBuilder
		bu.AddSet(xa)
		bu.AddSet(xb)
		u, _ := bu.IPSet()
		sameSet(t, "union", sa.Union(sb), u)

		var bi netipx.IPSetBuilder
		bi.AddSet(xa)
		bi.Intersect(xb)
		in, _ := bi.IPSet()
		sameSet(t, "intersection", sa.Intersection(sb), in)

		var bd netipx.IPSetBuilder
		bd.AddSet(xa)
		bd.RemoveSet(xb)
		d, _ := bd.IPSet()
		sameSet(t, "difference", sa.Difference(sb), d)

		var bc netipx.IPSetBuilder
		bc.AddSet(xa)
		bc.Complement()
		c, _ := bc.IPSet()
		sameSet(t, "complement", sa.Complement(), c)
		if !sa.Complement().Complement().Equal(sa) {
			t.Fatal("double complement")
		}

		for i := 0; i < 200; i++ {
			probe := randomMixedNets(r, 1)[0]
			if sa.ContainsAddr(probe.addr) != xa.Contains(probe.addr.Netip()) {
				t.Fatalf("ContainsAddr(%v)", probe.addr)
			}
			if sa.ContainsNetwork(probe) != xa.ContainsPrefix(probe.Netip()) {
				t.Fatalf("ContainsNetwork(%v)", probe)
			}
		}
		var size big.Int
		for _, p := range xa.Prefixes() {
			size.Add(&size, new(big.Int).Lsh(big.NewInt(1), uint(p.Addr().BitLen()-p.Bits())))
		}
		if sa.Size().Cmp(&size) != 0 {
			t.Fatalf("size %v vs %v", sa.Size(), &size)
		}
	}
}

func TestIPSetBuilderAndRanges(t *testing.T) {
	var b IPSetBuilder
	b.AddNetwork(MustParseNetwork("10.0.0.0/8"))
	b.RemoveNetwork(MustParseNetwork("10.128.0.0/9"))
	b.AddAddr(MustParseAddress("::1"))
	rg, err := ParseIPRange("10.0.0.5-10.1.0.0")
	if err != nil {
		t.Fatal(err)
	}
	b.RemoveRange(rg)
	b.RemoveAddr(MustParseAddress("10.0.0.0"))
	s := b.IPSet()
	rs := s.Ranges()
	if len(rs) != 3 || rs[0].String() != "10.0.0.1-10.0.0.4" || rs[1].String() != "10.1.0.1-10.127.255.255" || rs[2].String() != "::1-::1" {
		t.Fatal(rs)
	}
	if !s.ContainsRange(rs[1]) || s.ContainsRange(rg) || s.IsEmpty() || !(IPSet{}).IsEmpty() {
		t.Error("contains/empty")
	}
	var all IPSetBuilder
	all.AddSet((IPSet{}).Complement())
	if got := all.IPSet().Networks(); len(got) != 2 || got[0].String() != "0.0.0.0/0" || got[1].String() != "::/0" {
		t.Error(got)
	}
	if got := rg.Networks(); len(got) != 16 || got[0].String() != "10.0.0.5/32" || got[len(got)-1].String() != "10.1.0.0/32" {
		t.Error(got)
	}
	if rg.Size().Int64() != 65532 || !rg.Contains(MustParseAddress("10.0.200.1")) || rg.Contains(MustParseAddress("::1")) {
		t.Error("range size/contains")
	}
	if _, err := ParseIPRange("10.0.0.5"); err == nil {
		t.Error("no dash accepted")
	}
	if _, err := ParseIPRange("10.0.0.5-::1"); KindOf(err) != KindTypeError {
		t.Error(err)
	}
	if _, err := ParseIPRange("10.0.0.5-10.0.0.4"); err == nil || err.Error() != "last IP address must be greater than first" {
		t.Error(err)
	}
}

func TestPrefixTable(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	nets := randomMixedNets(r, 5000)
	for i := range nets { // vary the lengths more
		if nets[i].Version() == 4 {
			nets[i], _ = nets[i].Supernet(r.IntN(16), nil)
		}
	}
	var tbl PrefixTable[int]
	for i, n := range nets {
		tbl.Insert(n, i)
	}
	// Brute-force LPM over the distinct networks (the last insert of a network wins).
	last := map[Network]int{}
	for i, n := range nets {
		last[n] = i
	}
	if tbl.Len() != len(last) {
		t.Fatalf("Len %d, want %d", tbl.Len(), len(last))
	}
	for i := 0; i < 3000; i++ {
		probe := randomMixedNets(r, 1)[0].addr
		var best Network
		found := false
		for n := range last {
			if n.Contains(probe) && (!found || n.bits > best.bits) {
				best, found = n, true
			}
		}
		got, v, ok := tbl.Lookup(probe)
		if ok != found || (ok && (got != best || v != last[best])) {
			t.Fatalf("Lookup(%v) = %v %d %v, want %v %d %v", probe, got, v, ok, best, last[best], found)
		}
		if tbl.Contains(probe) != found {
			t.Fatal("Contains")
		}
		if v2, ok2 := tbl.LookupValue(probe); ok2 != ok || v2 != v {
			t.Fatal("LookupValue")
		}
	}
	probes := make([]Addr, 5000)
	for i := range probes {
		probes[i] = randomMixedNets(r, 1)[0].addr
	}
	seen := make([]bool, len(probes))
	tbl.LookupMany(probes, func(i int, n Network, v int, ok bool) {
		n2, v2, ok2 := tbl.Lookup(probes[i])
		if seen[i] || n != n2 || v != v2 || ok != ok2 {
			t.Fatalf("LookupMany #%d: %v %d %v vs %v %d %v", i, n, v, ok, n2, v2, ok2)
		}
		seen[i] = true
	})
	if slices.Contains(seen, false) {
		t.Fatal("LookupMany skipped an address")
	}
	n := nets[0]
	if v, ok := tbl.Get(n); !ok || v != last[n] {
		t.Error("Get")
	}
	if got, _, ok := tbl.LookupNetwork(Network{addr: n.addr, bits: uint8(n.MaxPrefixLen())}); !ok || !got.containsNet(n) && got != n {
		t.Error("LookupNetwork")
	}
	tbl.Delete(n)
	if _, ok := tbl.Get(n); ok {
		t.Error("Delete")
	}
	prev := Network{}
	count := 0
	for n := range tbl.All() {
		if count > 0 && prev.Version() == n.Version() && prev.addr.ip.compare(n.addr.ip) > 0 {
			t.Fatalf("All not sorted: %v then %v", prev, n)
		}
		prev = n
		count++
	}
	if count != tbl.Len() {
		t.Error("All count")
	}
	// IPv4-mapped addresses do not match IPv4 networks (CPython: different versions).
	var t2 PrefixTable[string]
	t2.Insert(MustParseNetwork("0.0.0.0/0"), "v4")
	if _, _, ok := t2.Lookup(MustParseAddress("::ffff:1.2.3.4")); ok {
		t.Error("mapped address matched an IPv4 network")
	}
	if _, v, ok := t2.Lookup(MustParseAddress("1.2.3.4")); !ok || v != "v4" {
		t.Error("default route")
	}
}
