package ipaddr

import (
	"errors"
	"math/big"
	"net/netip"
	"strings"
	"testing"
)

func TestParseAllocs(t *testing.T) {
	for _, s := range []string{"192.168.100.200", "2001:db8:85a3::8a2e:370:7334", "fe80::1%eth0",
		"::ffff:1.2.3.4", "1111:2222:3333:4444:5555:6666:255.255.255.255"} {
		if n := testing.AllocsPerRun(100, func() { _, _ = ParseAddress(s) }); n != 0 {
			t.Errorf("ParseAddress(%q): %v allocs", s, n)
		}
	}
	for _, s := range []string{"10.0.0.0/8", "10.0.0.0/255.0.0.0", "2001:db8::/32", "10.1.2.3/8"} {
		if n := testing.AllocsPerRun(100, func() { _, _ = ParseNetwork(s, false) }); n != 0 {
			t.Errorf("ParseNetwork(%q): %v allocs", s, n)
		}
		if n := testing.AllocsPerRun(100, func() { _, _ = ParseInterface(s) }); n != 0 {
			t.Errorf("ParseInterface(%q): %v allocs", s, n)
		}
	}
	a := MustParseAddress("2001:db8::1")
	buf := make([]byte, 0, 64)
	if n := testing.AllocsPerRun(100, func() { buf = a.AppendTo(buf[:0]) }); n != 0 {
		t.Errorf("AppendTo: %v allocs", n)
	}
}

func TestErrorKinds(t *testing.T) {
	tests := []struct {
		err  error
		kind Kind
		msg  string
	}{
		{second(ParseIPv4Address("1.2.3")), KindAddressValueError, "Expected 4 octets in '1.2.3'"},
		{second(ParseIPv6Address("::1%")), KindAddressValueError, `Invalid IPv6 address: "'::1%'"`},
		{second(ParseIPv4Network("1.2.3.0/33", true)), KindNetmaskValueError, "'33' is not a valid netmask"},
		{second(ParseIPv4Network("1.2.3.4/24", true)), KindValueError, "1.2.3.4/24 has host bits set"},
		{second(ParseNetwork("1.2.3.4/24", true)), KindValueError, "1.2.3.4/24 has host bits set"},
		{second(ParseAddress("x")), KindValueError, "'x' does not appear to be an IPv4 or IPv6 address"},
		{second(IPv4NetworkFromTuple(MustParseAddress("1.2.3.0"), PrefixLenMask(33), true)), KindNetmaskValueError, "33 is not a valid netmask"},
		{second(IPv4NetworkFromTuple(MustParseAddress("::1"), PrefixLenMask(8), true)), KindAddressValueError, "Expected 4 octets in '::1'"},
		{second(MustParseNetwork("1.0.0.0/8").At(1 << 24)), KindIndexError, "address out of range"},
		{second(MustParseAddress("1.1.1.1").Add(1 << 32)), KindAddressValueError, "4311810305 (>= 2**32) is not permitted as an IPv4 address"},
		{second(IPv4AddressFromBytes([]byte{0, 0, 0})), KindAddressValueError, `b'\x00\x00\x00' (len 3 != 4) is not permitted as an IPv4 address`},
		{second(IPv6AddressFromInt(new(big.Int).Lsh(big.NewInt(1), 128))), KindAddressValueError,
			"340282366920938463463374607431768211456 (>= 2**128) is not permitted as an IPv6 address"},
		{second(SummarizeAddressRange(MustParseAddress("1.0.0.0"), MustParseAddress("::1"))), KindTypeError, "1.0.0.0 and ::1 are not of the same version"},
		{second(MustParseNetwork("1.0.0.0/8").CompareNetworks(MustParseNetwork("::/8"))), KindTypeError, "1.0.0.0/8 and ::/8 are not of the same type"},
		{MustParseAddress("1.1.1.1").SameVersion(MustParseAddress("::1")), KindTypeError, "1.1.1.1 and ::1 are not of the same version"},
	}
	for _, tt := range tests {
		var e *Error
		if !errors.As(tt.err, &e) || e.Kind != tt.kind || e.Msg != tt.msg {
			t.Errorf("got %#v, want %v %q", tt.err, tt.kind, tt.msg)
			continue
		}
		if !errors.Is(tt.err, &Error{Kind: tt.kind}) || KindOf(tt.err) != tt.kind {
			t.Errorf("%q: errors.Is/KindOf do not see kind %v", tt.msg, tt.kind)
		}
		if tt.kind.IsValueError() != (tt.kind != KindTypeError && tt.kind != KindIndexError) {
			t.Errorf("%v.IsValueError() wrong", tt.kind)
		}
	}
}

func second[T any](_ T, err error) error { return err }

func TestLongIPv6Elision(t *testing.T) {
	long := strings.Repeat("0:", 10000) + "0"
	_, err := ParseIPv6Address(long)
	want := "At most 45 characters expected in '" + long[:45] + "(19911 chars elided)" + long[len(long)-45:] + "'"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v", err)
	}
	// The scope id does not count towards the 45 characters.
	if _, err := ParseIPv6Address("1111:2222:3333:4444:5555:6666:255.255.255.255%" + strings.Repeat("z", 100)); err != nil {
		t.Fatal(err)
	}
}

func TestAgreesWithNetipOnValidText(t *testing.T) {
	for _, s := range []string{"::", "::1", "1::", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "0001:02:003::",
		"::ffff:1.2.3.4", "::FFFF:1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "fe80::1%eth0", "FE80::ABCD"} {
		a := MustParseAddress(s)
		n := netip.MustParseAddr(s)
		if a.Netip() != n || AddrFromNetip(n) != a {
			t.Errorf("%q: %v vs netip %v", s, a, n)
		}
	}
}

func TestFormats(t *testing.T) {
	tests := []struct{ got, want string }{
		{MustParseAddress("fe80::1%eth0").Exploded(), "fe80:0000:0000:0000:0000:0000:0000:0001%eth0"},
		{MustParseAddress("fe80::1%eth0").ReversePointer(), "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.e.f.ip6.arpa"},
		{MustParseNetwork("fe80::%eth0/64").Exploded(), "fe80:0000:0000:0000:0000:0000:0000:0000/64"},
		{MustParseAddress("::ffff:1.2.3.4").Exploded(), "0000:0000:0000:0000:0000:ffff:1.2.3.4"},
		{MustParseAddress("1:0:0:2:0:0:0:3").String(), "1:0:0:2::3"},
		{MustParseAddress("1:0:0:2:0:0:3:4").String(), "1::2:0:0:3:4"},
		{MustParseAddress("1:0:2:3:4:5:6:7").String(), "1:0:2:3:4:5:6:7"},
		{MustParseInterface("::ffff:1.2.3.4/120").WithPrefixlen(), "::ffff:102:304/120"},
		{MustParseNetwork("::/80").Hostmask().String(), "::ffff:255.255.255.255"},
		{MustParseNetwork("192.0.2.0/24").ReversePointer(), "0/24.2.0.192.in-addr.arpa"},
		{AddrFrom4(0x01020304).IPv6Mapped().String(), "::ffff:1.2.3.4"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	var zero Addr
	if zero.String() != "invalid Addr" || zero.IsValid() || zero.IsPrivate() || zero.IsGlobal() {
		t.Error("zero Addr")
	}
}

func TestTextMarshal(t *testing.T) {
	for _, s := range []string{"1.2.3.4", "fe80::1%eth0"} {
		var a Addr
		if err := a.UnmarshalText([]byte(s)); err != nil || a.String() != s {
			t.Errorf("%q: %v %v", s, a, err)
		}
		if b, _ := a.MarshalText(); string(b) != s {
			t.Errorf("MarshalText %q", b)
		}
	}
	var n Network
	if err := n.UnmarshalText([]byte("10.0.0.1/8")); err == nil {
		t.Error("strict network accepted host bits")
	}
	var i Interface
	if err := i.UnmarshalText([]byte("10.0.0.1/8")); err != nil || i.String() != "10.0.0.1/8" || i.Network().String() != "10.0.0.0/8" {
		t.Error(i, err)
	}
}

func TestAddrCompareAndStep(t *testing.T) {
	a, b := MustParseAddress("1.2.3.4"), MustParseAddress("::1")
	if a.Compare(b) >= 0 || !a.Less(b) || b.Compare(a) <= 0 || a.Compare(a) != 0 {
		t.Error("IPv4 must sort first")
	}
	if z1, z2 := MustParseAddress("fe80::1%a"), MustParseAddress("fe80::1%b"); z1 == z2 || z1.Compare(z2) == 0 {
		t.Error("scope ids must matter for equality")
	}
	last := MustParseAddress("255.255.255.255")
	if _, ok := last.Next(); ok {
		t.Error("Next past the end")
	}
	if p, ok := AddrFrom4(1).Prev(); !ok || p != AddrFrom4(0) {
		t.Error("Prev")
	}
	if _, ok := AddrFrom4(0).Prev(); ok {
		t.Error("Prev before 0")
	}
	if s, c, ok := MustParseAddress("2001:0:4136:e378:8000:63bf:3fff:fdd2").Teredo(); !ok || s.String() != "65.54.227.120" || c.String() != "192.0.2.45" {
		t.Error("teredo", s, c)
	}
}

func TestNetworkHelpers(t *testing.T) {
	n := MustParseNetwork("10.0.0.0/30")
	var hosts []string
	for a := range n.Hosts() {
		hosts = append(hosts, a.String())
	}
	if strings.Join(hosts, ",") != "10.0.0.1,10.0.0.2" {
		t.Error(hosts)
	}
	// Early break from the lazy sequences.
	for range MustParseNetwork("::/0").All() {
		break
	}
	seq, err := MustParseNetwork("::/0").Subnets(64, nil)
	if err != nil {
		t.Fatal(err)
	}
	count := 0
	for range seq {
		if count++; count == 3 {
			break
		}
	}
	if p := NetworkFromNetip(netip.MustParsePrefix("10.1.2.3/8")); p.String() != "10.0.0.0/8" || p.Netip().String() != "10.0.0.0/8" {
		t.Error(p)
	}
	if got := IPRangeOfNetwork(n).String(); got != "10.0.0.0-10.0.0.3" {
		t.Error(got)
	}
}

func TestZeroValues(t *testing.T) {
	var n Network
	for range n.All() {
		t.Error("zero Network yields addresses")
	}
	for range n.Hosts() {
		t.Error("zero Network yields hosts")
	}
	if _, err := n.Subnets(1, nil); err == nil {
		t.Error("zero Network subnets")
	}
	if n.String() != "invalid Network" || (Interface{}).String() != "invalid Interface" || (IPRange{}).String() != "invalid IPRange" {
		t.Error("zero String")
	}
	if _, err := (Addr{}).Add(1); err == nil {
		t.Error("zero Addr + 1")
	}
	if _, err := SummarizeAddressRange(Addr{}, AddrFrom4(1)); KindOf(err) != KindTypeError {
		t.Error(err)
	}
}
