package ipaddr

import (
	"encoding/json"
	"errors"
	"net/netip"
	"os"
	"strings"
	"testing"
)

// Fuzz targets, one per parser. Seeds: a fixed list plus every string
// input of the shared vectors. Properties: no panic; errors are *Error of
// an expected kind; valid text round-trips (parse, format, parse gives the
// same value); valid addresses are also valid for net/netip with the same
// value (CPython accepts a subset of what netip accepts).

var fuzzSeeds = []string{
	"", "1.2.3.4", "0.0.0.0", "255.255.255.255", "01.2.3.4", "1.2.3", "::", "::1", "1::", "fe80::1%eth0",
	"::ffff:1.2.3.4", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "1111:2222:3333:4444:5555:6666:255.255.255.255",
	"10.0.0.0/8", "10.0.0.0/08", "10.0.0.1/255.0.0.0", "10.0.0.0/0.255.255.255", "2001:db8::%eth0/32",
	"::/129", "1/2/3", "fe80::1%", "12345::", "1::2::3", "0:0:0:0:0:0:0:0:0:0:1.2.3.4",
}

func addSeeds(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	raw, err := os.ReadFile("../../ci/vectors/ipaddr.json")
	if err != nil {
		f.Fatal(err)
	}
	var vf vectorFile
	if err := json.Unmarshal(raw, &vf); err != nil {
		f.Fatal(err)
	}
	for _, c := range vf.Cases {
		var s string
		if json.Unmarshal(c.In, &s) == nil && len(s) < 200 {
			f.Add(s)
		}
	}
}

func checkErr(t *testing.T, err error, kinds ...Kind) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) || e.Msg == "" {
		t.Fatalf("error %#v is not a usable *Error", err)
	}
	for _, k := range kinds {
		if e.Kind == k {
			return
		}
	}
	t.Fatalf("error kind %v not in %v: %q", e.Kind, kinds, e.Msg)
}

func checkAddrRoundTrip(t *testing.T, s string, a Addr) {
	t.Helper()
	for _, text := range []string{a.String(), a.Exploded()} {
		b, err := ParseAddress(text)
		if err != nil || b != a {
			t.Fatalf("%q -> %q -> %v, %v", s, text, b, err)
		}
	}
	n, err := netip.ParseAddr(s)
	if err != nil || AddrFromNetip(n) != a {
		t.Fatalf("%q: ours %v, netip %v %v", s, a, n, err)
	}
	if r := RecordOfAddr(a); r.Addr() != a.WithZone("") {
		t.Fatalf("record round trip %v", a)
	}
}

func FuzzParseIPv4Address(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		if v, ok := parseV4Fast(s); ok {
			if w, f := parseV4Int(s); !f.ok() || w != v {
				t.Fatalf("%q: fast path %d, exact port %d %v", s, v, w, f.msg())
			}
		}
		a, err := ParseIPv4Address(s)
		if err != nil {
			checkErr(t, err, KindAddressValueError)
			return
		}
		checkAddrRoundTrip(t, s, a)
	})
}

func FuzzParseIPv6Address(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		if v, ok := parseV6Fast(s); ok {
			if w, f := parseV6Int(s); !f.ok() || w != v {
				t.Fatalf("%q: fast path %v, exact port %v %v", s, v, w, f.msg())
			}
		}
		a, err := ParseIPv6Address(s)
		if err != nil {
			checkErr(t, err, KindAddressValueError)
			return
		}
		if !a.Is6() || strings.Contains(a.Zone(), "%") {
			t.Fatalf("%q: %v", s, a)
		}
		checkAddrRoundTrip(t, s, a)
	})
}

func FuzzParseAddress(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseAddress(s)
		if err != nil {
			checkErr(t, err, KindValueError)
			if want := pyRepr(s) + " does not appear to be an IPv4 or IPv6 address"; err.Error() != want {
				t.Fatalf("message %q", err.Error())
			}
			return
		}
		checkAddrRoundTrip(t, s, a)
	})
}

func FuzzParseNetwork(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, v := range []uint8{4, 6} {
			for _, strict := range []bool{true, false} {
				if n, ok := parseNetworkFast(v, s, strict); ok {
					if m, f, err := parseNetworkExact(v, s, strict); !f.ok() || err != nil || m != n {
						t.Fatalf("%q: fast path %v, exact port %v %v %v", s, n, m, f.msg(), err)
					}
				}
			}
			if a, bits, ok := parseAddrPrefixFast(v, s); ok {
				i, f := parseInterfaceExact(v, s)
				if !f.ok() || i.Addr() != a || i.PrefixLen() != bits {
					t.Fatalf("%q: fast interface %v/%d, exact %v %v", s, a, bits, i, f.msg())
				}
			}
		}
		for _, strict := range []bool{true, false} {
			n, err := ParseNetwork(s, strict)
			if err != nil {
				checkErr(t, err, KindValueError)
				continue
			}
			m, err := ParseNetwork(n.String(), true)
			if err != nil || m != n {
				t.Fatalf("%q -> %q -> %v, %v", s, n, m, err)
			}
			if n.Addr().ip.and(n.maskInt()) != n.Addr().ip {
				t.Fatalf("%q: host bits in %v", s, n)
			}
			if v4, err := ParseIPv4Network(s, strict); err == nil && v4 != n {
				t.Fatalf("%q: IPv4Network %v vs ip_network %v", s, v4, n)
			}
			if p := n.Netip(); p.Bits() != n.PrefixLen() || NetworkFromNetip(p) != (Network{addr: n.addr.WithZone(""), bits: n.bits}) {
				t.Fatalf("%q: netip round trip %v", s, p)
			}
		}
	})
}

func FuzzParseInterface(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		i, err := ParseInterface(s)
		if err != nil {
			checkErr(t, err, KindValueError)
			return
		}
		j, err := ParseInterface(i.String())
		if err != nil || j != i {
			t.Fatalf("%q -> %q -> %v, %v", s, i, j, err)
		}
		if !i.Network().Contains(i.Addr()) || i.Network().PrefixLen() != i.PrefixLen() {
			t.Fatalf("%q: %v not in %v", s, i, i.Network())
		}
		if r := RecordOfInterface(i); r.Interface().IP() != i.IP() {
			t.Fatalf("record round trip %v", i)
		}
	})
}

// FuzzParseMany checks the bulk parser against the per-item parser.
func FuzzParseMany(f *testing.F) {
	f.Add("1.2.3.4\n::1\nfe80::1%eth0")
	f.Add("1.2.3.4\n\n")
	f.Add("10.0.0.0/8\n2001:db8::/32")
	f.Fuzz(func(t *testing.T, text string) {
		recs, zones, err := ParseMany(nil, []byte(text), ModeAddress)
		lines := strings.Split(text, "\n")
		if text == "" {
			lines = nil
		}
		zi := 0
		for i, line := range lines {
			a, perr := ParseAddress(line)
			if perr != nil {
				var me *ManyError
				if !errors.As(err, &me) || me.Index != i || me.Err.Msg != perr.Error() || len(recs) != i {
					t.Fatalf("line %d %q: bulk %v, single %v", i, line, err, perr)
				}
				return
			}
			if recs[i].Addr() != a.WithZone("") {
				t.Fatalf("line %d: %v vs %v", i, recs[i].Addr(), a)
			}
			if a.Zone() != "" {
				if zones[zi] != (ZoneEntry{i, a.Zone()}) {
					t.Fatalf("zone %v", zones[zi])
				}
				zi++
			}
		}
		if err != nil || len(recs) != len(lines) || zi != len(zones) {
			t.Fatalf("bulk %d records, %v", len(recs), err)
		}
	})
}
