package main

import (
	"strings"
	"testing"

	"github.com/netifaces-go/netifaces-go/core/ipaddr"
)

// The record and text adapters of export_ipaddr.go without cgo: any 20 bytes
// either fail checkRecord or describe a value whose texts parse back to it.

func recordOf(b []byte) ipaddr.Record {
	var r ipaddr.Record
	copy(r.IP[:], b)
	r.PrefixLen, r.Family, r.Flags = b[16], b[17], b[18]
	return r
}

func FuzzDescribeRecord(f *testing.F) {
	for _, s := range []string{"192.0.2.1", "::ffff:1.2.3.4", "2001:db8::1", "::", "255.255.255.255"} {
		r := ipaddr.RecordOfAddr(ipaddr.MustParseAddress(s))
		f.Add(append(r.IP[:], r.PrefixLen, r.Family, r.Flags, 0))
	}
	for _, s := range []string{"10.0.0.0/8", "2001:db8::/32", "::/0", "0.0.0.0/0"} {
		r := ipaddr.RecordOfNetwork(ipaddr.MustParseNetwork(s))
		f.Add(append(r.IP[:], r.PrefixLen, r.Family, r.Flags, 0))
	}
	r := ipaddr.RecordOfInterface(ipaddr.MustParseInterface("::ffff:1.2.3.4/120"))
	f.Add(append(r.IP[:], r.PrefixLen, r.Family, r.Flags, 0))
	f.Add([]byte("0000000000000000\x80\x06\x030")) // address and interface flags: refused
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) != recordSize {
			return
		}
		r := recordOf(b)
		if checkRecord(r, b[recordSize-1]) != nil {
			return
		}
		for what := 0; what < textCount; what++ {
			s, err := textOf(r, what)
			if err != nil || s == "" || len(s) >= describeSize {
				t.Fatalf("textOf(%x, %d) = %q, %v", b, what, s, err)
			}
		}
		_ = propertiesOf(r)
		text, _ := textOf(r, textCompressed)
		mode := modeNetworkNonStrict
		switch {
		case r.Flags&ipaddr.FlagInterface != 0:
			mode = modeInterface
		case r.Flags&ipaddr.FlagAddress != 0:
			mode = modeAddress
		}
		back, zone, err := parseOne(text, mode)
		if err != nil || zone != "" {
			t.Fatalf("parseOne(%q) = %v, %q", text, err, zone)
		}
		want := r
		want.Flags &^= ipaddr.FlagZone
		if mode == modeNetworkNonStrict {
			want = ipaddr.RecordOfNetwork(r.Network())
		}
		if back != want {
			t.Fatalf("%q parsed back as %+v, want %+v", text, back, want)
		}
	})
}

func TestParseOneModes(t *testing.T) {
	for _, c := range []struct {
		mode int
		text string
		ok   bool
	}{
		{modeIPv4Address, "1.2.3.4", true}, {modeIPv6Address, "1.2.3.4", false},
		{modeIPv4Network, "1.2.3.4/24", false}, {modeIPv4NetworkNonStrict, "1.2.3.4/24", true},
		{modeIPv6Interface, "fe80::1%eth0/64", true}, {modeIPv4Netmask, "0.0.255.255", true},
		{modeIPv6Netmask, "0.0.255.255", false}, {modeIPv4NetmaskInt, "33", false},
		{modeIPv6NetmaskInt, "128", true}, {modeIPv4Int, "+1", false}, {modeIPv6Int, "-1", false},
		{modeIPv4Packed, "\x01\x02\x03\x04", true}, {modeIPv6Packed, "\x01\x02\x03\x04", false},
		{modeCount, "1.2.3.4", false},
	} {
		_, _, err := parseOne(c.text, c.mode)
		if (err == nil) != c.ok {
			t.Errorf("parseOne(%q, %d) error = %v, want ok=%v", c.text, c.mode, err, c.ok)
		}
	}
	// An int mask too large for an int keeps its digits in the message.
	_, _, err := parseOne(strings.Repeat("9", 40), modeIPv4NetmaskInt)
	if err == nil || err.Error() != strings.Repeat("9", 40)+" is not a valid netmask" {
		t.Errorf("huge int mask: %v", err)
	}
}

func TestManyErrorKeepsKind(t *testing.T) {
	_, _, err := parseOne("1.2.3", modeIPv4Address)
	me := manyError(7, err)
	if ipaddr.KindOf(me) != ipaddr.KindAddressValueError || me.Error() != "item 7: Expected 4 octets in '1.2.3'" {
		t.Errorf("manyError = %v (%v)", me, ipaddr.KindOf(me))
	}
	code, kind, ok := domainStatus(me)
	if !ok || code != statusValue || kind != "AddressValueError" {
		t.Errorf("domainStatus = %d %q %v", code, kind, ok)
	}
}
