package ipaddr

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"go4.org/netipx"
)

func TestRecordLayout(t *testing.T) {
	var r Record
	if unsafe.Sizeof(r) != RecordSize || unsafe.Alignof(r) != 1 ||
		unsafe.Offsetof(r.PrefixLen) != 16 || unsafe.Offsetof(r.Family) != 17 || unsafe.Offsetof(r.Flags) != 18 {
		t.Fatalf("Record layout changed: size %d", unsafe.Sizeof(r))
	}
	r = RecordOfAddr(MustParseAddress("1.2.3.4"))
	if r.IP != [16]byte{12: 1, 13: 2, 14: 3, 15: 4} || r.PrefixLen != 32 || r.Family != 4 || r.Flags != FlagAddress {
		t.Errorf("%+v", r)
	}
	if r := RecordOfInterface(MustParseInterface("fe80::1%eth0/64")); r.Flags != FlagInterface|FlagZone ||
		r.Interface().String() != "fe80::1/64" {
		t.Errorf("%+v %v", r, r.Interface())
	}
	bad := Record{Family: 4, PrefixLen: 33}
	if bad.Addr().IsValid() || bad.Network().IsValid() || bad.Interface().IsValid() {
		t.Error("invalid record accepted")
	}
	if _, err := CollapseRecords([]Record{bad}); err == nil {
		t.Error("CollapseRecords accepted an invalid record")
	}
}

func TestParseMany(t *testing.T) {
	text := "1.2.3.4\n::1\nfe80::1%eth0\n10.0.0.0"
	recs, zones, err := ParseMany(nil, []byte(text), ModeAddress)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		got = append(got, r.Addr().String())
	}
	if strings.Join(got, ",") != "1.2.3.4,::1,fe80::1,10.0.0.0" || len(zones) != 1 || zones[0] != (ZoneEntry{2, "eth0"}) ||
		recs[2].Flags != FlagAddress|FlagZone {
		t.Errorf("%v %v %+v", got, zones, recs[2])
	}

	_, _, err = ParseMany(nil, []byte("1.2.3.4\n1.2.3\n"), ModeIPv4Address)
	var me *ManyError
	if !errors.As(err, &me) || me.Index != 1 || me.Err.Msg != "Expected 4 octets in '1.2.3'" || KindOf(err) != KindAddressValueError {
		t.Errorf("%v", err)
	}
	// A trailing "\n" is one more (empty) item.
	_, _, err = ParseMany(nil, []byte("1.2.3.4\n"), ModeAddress)
	if !errors.As(err, &me) || me.Index != 1 || me.Err.Msg != "'' does not appear to be an IPv4 or IPv6 address" {
		t.Errorf("%v", err)
	}
	if recs, _, err := ParseMany(nil, nil, ModeAddress); err != nil || len(recs) != 0 {
		t.Error("empty input")
	}
	recs, _, err = ParseMany(nil, []byte("10.0.0.1/8\n2001:db8::1/32"), ModeNetworkNonStrict)
	if err != nil || recs[0].Network().String() != "10.0.0.0/8" || recs[1].Network().String() != "2001:db8::/32" {
		t.Error(recs, err)
	}
	if _, _, err = ParseMany(nil, []byte("10.0.0.1/8"), ModeNetwork); err == nil || KindOf(err) != KindValueError {
		t.Error(err)
	}
	recs, _, err = ParseMany(nil, []byte("10.0.0.1/8"), ModeInterface)
	if err != nil || recs[0].Interface().String() != "10.0.0.1/8" {
		t.Error(recs, err)
	}
	if _, _, err = ParseMany(nil, []byte("x"), ModeInterface); err == nil {
		t.Error("bad interface accepted")
	}

	v4, err := ParseManyV4(nil, []byte("0.0.0.1\n255.255.255.255"))
	if err != nil || !slices.Equal(v4, []uint32{1, 0xffffffff}) {
		t.Error(v4, err)
	}
	if _, err := ParseManyV4(nil, []byte("1.2.3.4\n::1")); err == nil {
		t.Error("IPv6 accepted by ParseManyV4")
	}
}

// randomNets returns n random IPv4 networks /24../32 inside 10.0.0.0/8.
func randomNets(r *rand.Rand, n int) []Network {
	out := make([]Network, n)
	for i := range out {
		bits := 24 + r.IntN(9)
		ip := 0x0A000000 | r.Uint32()&0x00FFFFFF
		out[i] = Network{addr: AddrFrom4(ip &^ (1<<(32-bits) - 1)), bits: uint8(bits)}
	}
	return out
}

// TestCollapseMatchesNetipx checks the canonical cover against netipx.
func TestCollapseMatchesNetipx(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 50; round++ {
		nets := randomNets(r, 1+r.IntN(3000))
		if round%2 == 1 { // IPv6 too
			for i := range nets {
				nets[i] = Network{addr: AddrFromUint128(0x20010db800000000, uint64(nets[i].addr.Uint32())<<12), bits: nets[i].bits + 84}
			}
		}
		got, err := Collapse(nets)
		if err != nil {
			t.Fatal(err)
		}
		var b netipx.IPSetBuilder
		for _, n := range nets {
			b.AddPrefix(n.Netip())
		}
		set, _ := b.IPSet()
		want := set.Prefixes()
		if len(got) != len(want) {
			t.Fatalf("round %d: %d networks, netipx %d", round, len(got), len(want))
		}
		for i := range got {
			if got[i].Netip() != want[i] {
				t.Fatalf("round %d #%d: %v vs %v", round, i, got[i], want[i])
			}
		}
		// The record path gives the same.
		recs := make([]Record, len(nets))
		for i, n := range nets {
			recs[i] = RecordOfNetwork(n)
		}
		out, err := CollapseRecords(recs)
		if err != nil || len(out) != len(got) || out[0].Network() != got[0] || out[len(out)-1].Network() != got[len(got)-1] {
			t.Fatalf("CollapseRecords differs: %v", err)
		}
	}
}

func TestSummarizeAndExcludeRecords(t *testing.T) {
	pairs := []Record{
		RecordOfAddr(MustParseAddress("192.0.2.0")), RecordOfAddr(MustParseAddress("192.0.2.130")),
		RecordOfAddr(MustParseAddress("::")), RecordOfAddr(MustParseAddress("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")),
	}
	out, counts, err := SummarizeRecords(pairs)
	if err != nil || !slices.Equal(counts, []int{3, 1}) || out[3].Network().String() != "::/0" {
		t.Fatal(out, counts, err)
	}
	if _, _, err := SummarizeRecords(pairs[:3]); err == nil {
		t.Error("odd pair count accepted")
	}
	_, _, err = SummarizeRecords([]Record{pairs[1], pairs[0]})
	var me *ManyError
	if !errors.As(err, &me) || me.Index != 0 || me.Err.Msg != "last IP address must be greater than first" {
		t.Error(err)
	}

	base := []Record{RecordOfNetwork(MustParseNetwork("10.0.0.0/8")), RecordOfNetwork(MustParseNetwork("2001:db8::/32"))}
	excl := []Record{RecordOfNetwork(MustParseNetwork("10.0.0.0/9")), RecordOfAddr(MustParseAddress("10.255.255.255")),
		RecordOfNetwork(MustParseNetwork("2001:db8::/33"))}
	res, err := ExcludeRecords(base, excl)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range res {
		got = append(got, r.Network().String())
	}
	want := "10.128.0.0/10,10.192.0.0/11,10.224.0.0/12,10.240.0.0/13,10.248.0.0/14,10.252.0.0/15,10.254.0.0/16," +
		"10.255.0.0/17,10.255.128.0/18,10.255.192.0/19,10.255.224.0/20,10.255.240.0/21,10.255.248.0/22," +
		"10.255.252.0/23,10.255.254.0/24,10.255.255.0/25,10.255.255.128/26,10.255.255.192/27," +
		"10.255.255.224/28,10.255.255.240/29,10.255.255.248/30,10.255.255.252/31,10.255.255.254/32,2001:db8:8000::/33"
	if strings.Join(got, ",") != want {
		t.Errorf("got %v", got)
	}
}

func TestCollapseAddrs(t *testing.T) {
	got, err := CollapseAddrs([]Addr{AddrFrom4(3), AddrFrom4(1), AddrFrom4(2), AddrFrom4(0), AddrFrom4(5)})
	if err != nil || len(got) != 2 || got[0].String() != "0.0.0.0/30" || got[1].String() != "0.0.0.5/32" {
		t.Error(got, err)
	}
	if got, err := CollapseAddrs(nil); err != nil || len(got) != 0 {
		t.Error(got, err)
	}
	_, err = CollapseAddrs([]Addr{AddrFrom4(1), MustParseAddress("::1")})
	if err == nil || err.Error() != "::1 and 0.0.0.1 are not of the same version" {
		t.Error(err)
	}
}
