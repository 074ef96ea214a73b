package ifenum

import (
	"bytes"
	"math/rand/v2"
	"net/netip"
	"testing"
)

// randomSnapshot builds a small random kernel state with shared names,
// labels, vanished links and odd attributes.
func randomSnapshot(r *rand.Rand) *Snapshot {
	names := []string{"lo", "v0", "v1", "v0:1", "b\xffd", "wan", "x"}
	s := &Snapshot{}
	used := map[string]bool{}
	for i := 1; i <= 1+r.IntN(5); i++ {
		n := names[r.IntN(len(names))]
		if used[n] {
			continue
		}
		used[n] = true
		l := Link{Index: i, Name: n, Flags: uint32(r.IntN(1 << 17))}
		if r.IntN(4) > 0 {
			l.HardwareAddr = make([]byte, r.IntN(7))
			l.Broadcast = make([]byte, r.IntN(7))
		}
		s.Links = append(s.Links, l)
	}
	addr := func(v6 bool) netip.Addr {
		if r.IntN(5) == 0 {
			return netip.Addr{}
		}
		if v6 {
			b := randomIPv6(r)
			if r.IntN(3) == 0 {
				b[0], b[1] = 0xfe, 0x80
			}
			return netip.AddrFrom16(b)
		}
		if r.IntN(4) == 0 {
			return netip.AddrFrom4([4]byte{169, 254, byte(r.IntN(256)), 1})
		}
		return netip.AddrFrom4([4]byte{10, byte(r.IntN(4)), 0, byte(r.IntN(256))})
	}
	for i := 0; i < r.IntN(12); i++ {
		v6 := r.IntN(2) == 0
		a := Address{Family: AF_INET, Index: 1 + r.IntN(6), PrefixLen: r.IntN(140)}
		if v6 {
			a.Family = AF_INET6
		}
		a.Local, a.Address = addr(v6), addr(v6)
		if !v6 {
			a.Broadcast = addr(false)
			if r.IntN(2) == 0 {
				a.Label = names[r.IntN(len(names))]
			}
		}
		s.Addresses = append(s.Addresses, a)
	}
	for i := 0; i < r.IntN(8); i++ {
		fam := []int{AF_INET, AF_INET6, 128}[r.IntN(3)]
		rt := Route{Family: fam, Table: []uint32{254, 100, 255, 51820}[r.IntN(4)], OIF: r.IntN(7),
			Priority: []uint32{0, 50, 100, 1 << 31, 0xffffffff}[r.IntN(5)], Type: uint8(1 + r.IntN(9)),
			Flags: uint32(r.IntN(32))}
		rt.Gateway = addr(fam == AF_INET6)
		if r.IntN(2) == 0 {
			rt.Dst = addr(fam == AF_INET6)
			rt.DstLen = r.IntN(33)
		}
		if r.IntN(4) == 0 {
			rt.MultiPath = []NextHop{{Gateway: addr(false), Index: r.IntN(7), Weight: 1, Flags: uint8(r.IntN(32))}}
		}
		s.Routes = append(s.Routes, rt)
	}
	return s
}

func checkSnapshotInvariants(t *testing.T, s *Snapshot) {
	t.Helper()
	names := s.Interfaces()
	all := s.AllIfAddresses()
	if len(all) != len(names) {
		t.Fatalf("AllIfAddresses has %d names, Interfaces %d", len(all), len(names))
	}
	for i, n := range all {
		if n.Name != names[i] {
			t.Fatalf("name %d: AllIfAddresses %q, Interfaces %q", i, n.Name, names[i])
		}
		one, err := s.IfAddresses(n.Name)
		if err != nil {
			t.Fatalf("IfAddresses(%q): %v", n.Name, err)
		}
		if !bytes.Equal(one.AppendJSON(nil), n.Addrs.AppendJSON(nil)) {
			t.Fatalf("IfAddresses(%q) = %s, AllIfAddresses has %s", n.Name, one.AppendJSON(nil), n.Addrs.AppendJSON(nil))
		}
		for _, fa := range one {
			for _, d := range fa.Addrs {
				if d.Broadcast != "" && d.Peer != "" {
					t.Fatalf("%q has both broadcast and peer: %+v", n.Name, d)
				}
				if d == (AddrDict{}) {
					t.Fatalf("%q has an empty dict", n.Name)
				}
			}
		}
	}
	if _, err := s.IfAddresses("not-there"); err != ErrInvalidInterfaceName {
		t.Fatalf("IfAddresses(not-there) error %v", err)
	}
	g := s.Gateways()
	for _, f := range g.Families {
		if f.Family != AF_INET && f.Family != AF_INET6 || len(f.Gateways) == 0 {
			t.Fatalf("gateways family item %+v", f)
		}
	}
	for _, fam := range []int{AF_INET, AF_INET6} {
		d, err := s.DefaultRoute(fam)
		if err != nil {
			t.Fatal(err)
		}
		if d != nil && (d.Table != rtTableMain || d.Family != fam) {
			t.Fatalf("DefaultRoute(%d) = %+v", fam, d)
		}
	}
	enc := s.AppendJSON(nil)
	var back Snapshot
	if err := back.UnmarshalJSON(enc); err != nil {
		t.Fatalf("snapshot JSON %s: %v", enc, err)
	}
	if !bytes.Equal(back.AppendJSON(nil), enc) {
		t.Fatalf("snapshot JSON round trip differs")
	}
}

func TestRandomSnapshots(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 3000; i++ {
		checkSnapshotInvariants(t, randomSnapshot(r))
	}
}

func FuzzSnapshot(f *testing.F) {
	for _, seed := range []uint64{1, 2, 3, 42} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, seed uint64) {
		checkSnapshotInvariants(t, randomSnapshot(rand.New(rand.NewPCG(seed, seed>>7))))
	})
}

func FuzzSnapshotJSON(f *testing.F) {
	f.Add([]byte(`{"links":[{"index":1,"name":"lo","flags":73,"type":772,"address":"00:00"}],"addresses":[{"family":2,"index":1,"prefixlen":8,"local":"127.0.0.1"}]}`))
	f.Add([]byte(`{"routes":[{"family":2,"table":254,"gateway":"10.0.0.1","oif":1}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var s Snapshot
		if s.UnmarshalJSON(b) != nil {
			return
		}
		checkSnapshotInvariants(t, &s)
	})
}

func TestEntriesGlibcOrder(t *testing.T) {
	// IPv4 attribute replay: IFA_ADDRESS alone, IFA_LOCAL alone (no
	// broadcast: glibc only moves a previous address), and IPv6 with only
	// IFA_LOCAL.
	v0 := Link{Index: 2, Name: "v0", Flags: iffBroadcast}
	cases := []struct {
		a    Address
		want AddrDict
	}{
		{Address{Family: AF_INET, Index: 2, PrefixLen: 24, Address: netip.MustParseAddr("192.0.2.1")},
			AddrDict{Addr: "192.0.2.1", Netmask: "255.255.255.0"}},
		{Address{Family: AF_INET, Index: 2, PrefixLen: 24, Local: netip.MustParseAddr("192.0.2.1")},
			AddrDict{Addr: "192.0.2.1", Netmask: "255.255.255.0"}},
		{Address{Family: AF_INET6, Index: 2, PrefixLen: 64, Local: netip.MustParseAddr("2001:db8::1")},
			AddrDict{Addr: "2001:db8::1", Netmask: "ffff:ffff:ffff:ffff::/64"}},
		{Address{Family: AF_INET6, Index: 2, PrefixLen: 128, Address: netip.MustParseAddr("ff02::1")},
			AddrDict{Addr: "ff02::1%v0", Netmask: "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"}},
		{Address{Family: AF_INET6, Index: 2, PrefixLen: 64, Address: netip.MustParseAddr("fec0::1")},
			AddrDict{Addr: "fec0::1", Netmask: "ffff:ffff:ffff:ffff::/64"}},
		{Address{Family: AF_INET6, Index: 2, PrefixLen: 64, Address: netip.MustParseAddr("febf::1")},
			AddrDict{Addr: "febf::1%v0", Netmask: "ffff:ffff:ffff:ffff::/64"}},
	}
	for _, c := range cases {
		e, ok := addrEntry(c.a, v0)
		if !ok || e.dict != c.want || e.name != "v0" {
			t.Errorf("addrEntry(%+v) = %+v, %v; want %+v", c.a, e, ok, c.want)
		}
	}
	// No address at all: the name is found, nothing is listed.
	s := Snapshot{Links: []Link{{Index: 2, Name: "v0"}}, Addresses: []Address{{Family: AF_INET, Index: 2, Label: "v0:z"}}}
	if a, err := s.IfAddresses("v0:z"); err != nil || len(a) != 0 {
		t.Errorf("IfAddresses(v0:z) = %v, %v; want {}", a, err)
	}
	// Families other than IPv4/IPv6 are not glibc entries.
	s.Addresses = []Address{{Family: 45, Index: 2, Label: "m0", Local: netip.MustParseAddr("10.0.0.1")}}
	if _, err := s.IfAddresses("m0"); err != ErrInvalidInterfaceName {
		t.Errorf("IfAddresses(m0) error %v", err)
	}
}

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed+1)) }
