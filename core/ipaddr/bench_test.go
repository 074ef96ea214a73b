package ipaddr

import (
	"bytes"
	"math/rand/v2"
	"net/netip"
	"runtime"
	"sync"
	"testing"

	"go4.org/netipx"
)

// Benchmarks of the numbers the spec measures (1M items). Run with
//   go test -run XXX -bench . -benchtime 3x ./core/ipaddr/
// The million-item ones report per-item time as ns/item.

const million = 1_000_000

// lazy builds a benchmark input once, then collects garbage so the
// timed part does not pay for building it.
func lazy[T any](build func(r *rand.Rand) T) func() T {
	return sync.OnceValue(func() T {
		v := build(rand.New(rand.NewPCG(42, 42)))
		runtime.GC()
		return v
	})
}

type textSet struct {
	text []byte
	strs []string
}

func makeText(gen func(r *rand.Rand, i int) string) func(*rand.Rand) textSet {
	return func(r *rand.Rand) textSet {
		var ts textSet
		var buf bytes.Buffer
		for i := 0; i < million; i++ {
			s := gen(r, i)
			ts.strs = append(ts.strs, s)
			if i > 0 {
				buf.WriteByte('\n')
			}
			buf.WriteString(s)
		}
		ts.text = buf.Bytes()
		return ts
	}
}

var (
	benchV4 = lazy(makeText(func(r *rand.Rand, _ int) string { return AddrFrom4(r.Uint32()).String() }))
	benchV6 = lazy(makeText(func(r *rand.Rand, i int) string {
		hi, lo := r.Uint64(), r.Uint64()
		if i%2 == 0 { // half with "::"
			lo &= 0xffff
		}
		return AddrFromUint128(hi, lo).String()
	}))
	benchCollapseNets = lazy(func(r *rand.Rand) []Network { return randomNets(r, million) })
	benchCollapseRecs = lazy(func(r *rand.Rand) []Record {
		var out []Record
		for _, n := range randomNets(r, million) {
			out = append(out, RecordOfNetwork(n))
		}
		return out
	})
	// LPM: 1M IPv4 prefixes, lengths 8..32 weighted towards /24, and 1M probes.
	benchLPM = lazy(func(r *rand.Rand) (d struct {
		nets   []Network
		probes []Addr
	}) {
		for i := 0; i < million; i++ {
			bits := 24
			switch k := r.IntN(10); {
			case k < 2:
				bits = 8 + r.IntN(16)
			case k < 4:
				bits = 25 + r.IntN(8)
			}
			ip := r.Uint32() &^ (1<<(32-bits) - 1)
			d.nets = append(d.nets, Network{addr: AddrFrom4(ip), bits: uint8(bits)})
			d.probes = append(d.probes, AddrFrom4(r.Uint32()))
		}
		return d
	})
	benchRanges = lazy(func(r *rand.Rand) []Record {
		var out []Record
		for i := 0; i < 100_000; i++ {
			a, b := r.Uint32(), r.Uint32()
			if a > b {
				a, b = b, a
			}
			out = append(out, RecordOfAddr(AddrFrom4(a)), RecordOfAddr(AddrFrom4(b)))
		}
		return out
	})
)

func perItem(b *testing.B, items int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(items), "ns/item")
}

func BenchmarkParseIPv4Address(b *testing.B) {
	for b.Loop() {
		_, _ = ParseIPv4Address("192.168.100.200")
	}
}

func BenchmarkParseIPv6Address(b *testing.B) {
	for b.Loop() {
		_, _ = ParseIPv6Address("2001:db8:85a3::8a2e:370:7334")
	}
}

func BenchmarkParseAddressV6(b *testing.B) { // ip_address: IPv4 attempt first
	for b.Loop() {
		_, _ = ParseAddress("2001:db8:85a3::8a2e:370:7334")
	}
}

func BenchmarkParseNetworkNetmask(b *testing.B) {
	for b.Loop() {
		_, _ = ParseNetwork("10.20.0.0/255.255.0.0", true)
	}
}

func BenchmarkAddrStringV6(b *testing.B) {
	a := MustParseAddress("2001:db8:85a3::8a2e:370:7334")
	buf := make([]byte, 0, 64)
	for b.Loop() {
		buf = a.AppendTo(buf[:0])
	}
}

func BenchmarkParseStrings1M(b *testing.B) {
	for _, tc := range []struct {
		name string
		data func() textSet
	}{{"v4", benchV4}, {"v6", benchV6}} {
		b.Run(tc.name, func(b *testing.B) {
			strs := tc.data().strs
			for b.Loop() {
				for _, s := range strs {
					if _, err := ParseAddress(s); err != nil {
						b.Fatal(err)
					}
				}
			}
			perItem(b, million)
		})
	}
}

func BenchmarkParseMany1M(b *testing.B) {
	dst := make([]Record, 0, million)
	b.Run("v4", func(b *testing.B) {
		text := benchV4().text
		for b.Loop() {
			if _, _, err := ParseMany(dst[:0], text, ModeAddress); err != nil {
				b.Fatal(err)
			}
		}
		perItem(b, million)
	})
	b.Run("v6", func(b *testing.B) {
		text := benchV6().text
		for b.Loop() {
			if _, _, err := ParseMany(dst[:0], text, ModeAddress); err != nil {
				b.Fatal(err)
			}
		}
		perItem(b, million)
	})
	b.Run("v4-uint32", func(b *testing.B) {
		out := make([]uint32, 0, million)
		text := benchV4().text
		for b.Loop() {
			if _, err := ParseManyV4(out[:0], text); err != nil {
				b.Fatal(err)
			}
		}
		perItem(b, million)
	})
}

// BenchmarkCollapse1M: 1M random /24../32 networks inside 10.0.0.0/8.
func BenchmarkCollapse1M(b *testing.B) {
	var n int
	b.Run("records", func(b *testing.B) {
		recs := benchCollapseRecs()
		for b.Loop() {
			out, err := CollapseRecords(recs)
			if err != nil {
				b.Fatal(err)
			}
			n = len(out)
		}
		b.ReportMetric(float64(n), "networks")
	})
	b.Run("networks", func(b *testing.B) {
		nets := benchCollapseNets()
		for b.Loop() {
			if _, err := Collapse(nets); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("netipx-reference", func(b *testing.B) {
		nets := benchCollapseNets()
		for b.Loop() {
			var sb netipx.IPSetBuilder
			for _, n := range nets {
				sb.AddPrefix(n.Netip())
			}
			s, _ := sb.IPSet()
			n = len(s.Prefixes())
		}
		b.ReportMetric(float64(n), "networks")
	})
}

func BenchmarkSummarize100k(b *testing.B) {
	ranges := benchRanges()
	var n int
	for b.Loop() {
		out, _, err := SummarizeRecords(ranges)
		if err != nil {
			b.Fatal(err)
		}
		n = len(out)
	}
	b.ReportMetric(float64(n), "networks")
}

// BenchmarkLPM1M: longest-prefix match against 1M IPv4 prefixes.
func BenchmarkLPM1M(b *testing.B) {
	d := benchLPM()
	b.Run("insert", func(b *testing.B) {
		var tbl PrefixTable[uint32]
		for b.Loop() {
			tbl = PrefixTable[uint32]{}
			for i, n := range d.nets {
				tbl.Insert(n, uint32(i))
			}
		}
		perItem(b, million)
		b.ReportMetric(float64(tbl.Len()), "prefixes")
	})
	var tbl PrefixTable[uint32]
	for i, n := range d.nets {
		tbl.Insert(n, uint32(i))
	}
	runtime.GC()
	b.Run("lookup", func(b *testing.B) {
		hits := 0
		for b.Loop() {
			hits = 0
			for _, a := range d.probes {
				if _, _, ok := tbl.Lookup(a); ok {
					hits++
				}
			}
		}
		perItem(b, million)
		b.ReportMetric(float64(million)*float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
		b.ReportMetric(float64(hits), "hits")
	})
	b.Run("lookup-many", func(b *testing.B) {
		hits := 0
		for b.Loop() {
			hits = 0
			tbl.LookupMany(d.probes, func(_ int, _ Network, _ uint32, ok bool) {
				if ok {
					hits++
				}
			})
		}
		perItem(b, million)
		b.ReportMetric(float64(million)*float64(b.N)/b.Elapsed().Seconds(), "lookups/s")
	})
}

func BenchmarkIPSetContains(b *testing.B) {
	s := IPSetOf(benchCollapseNets()...)
	probes := benchLPM().probes
	i := 0
	for b.Loop() {
		s.ContainsAddr(probes[i%len(probes)])
		i++
	}
	b.ReportMetric(float64(len(s.v4)), "ranges")
}

// Reference: net/netip on the same inputs (a different acceptance set).
func BenchmarkNetipParseAddr(b *testing.B) {
	b.Run("v4", func(b *testing.B) {
		for b.Loop() {
			_, _ = netip.ParseAddr("192.168.100.200")
		}
	})
	b.Run("v6", func(b *testing.B) {
		for b.Loop() {
			_, _ = netip.ParseAddr("2001:db8:85a3::8a2e:370:7334")
		}
	})
}
