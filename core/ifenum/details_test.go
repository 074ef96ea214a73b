package ifenum

import (
	"encoding/json"
	"net"
	"net/netip"
	"reflect"
	"testing"

	"github.com/netifaces-go/netifaces-go/core/rtnl"
)

func TestDetailsFromRtnl(t *testing.T) {
	mac, _ := net.ParseMAC("02:00:00:00:00:01")
	l := rtnl.Link{
		Index: 3, Name: "v0", Flags: 0x11043, Type: 1, HWAddr: mac,
		Broadcast: net.HardwareAddr{0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
		MTU:       1400, TxQLen: 1000, Qdisc: "noqueue", OperState: "UP", Carrier: true,
		Master: 9, ParentIndex: 2, LinkNetNSID: -1, Alias: "up\"link", AltNames: []string{"b\xffd"},
		Kind: "veth", SlaveKind: "bridge",
	}
	addrs := []rtnl.Address{
		{Family: AF_INET, Index: 3, PrefixLen: 24, Flags: 0x80, Local: netip.MustParseAddr("192.0.2.1"),
			Address: netip.MustParseAddr("192.0.2.1"), Broadcast: netip.MustParseAddr("192.0.2.255")},
		{Family: AF_INET, Index: 3, PrefixLen: 32, Flags: 0x81, Local: netip.MustParseAddr("10.0.0.1"),
			Address: netip.MustParseAddr("10.0.0.2"), Label: "v0:p"},
		{Family: AF_INET6, Index: 3, PrefixLen: 64, Flags: 0x1c0 | 0x01, Scope: 0,
			Address: netip.MustParseAddr("2001:db8::5"), HasCacheInfo: true, Preferred: 1800, Valid: 3600},
		{Family: AF_INET6, Index: 3, PrefixLen: 64, Flags: 0x80 | 0x8000, Scope: 253,
			Address: netip.MustParseAddr("fe80::1")},
		{Family: AF_INET6, Index: 4, PrefixLen: 64, Address: netip.MustParseAddr("fe80::2")}, // other link
	}
	d := detailsFromRtnl(&l, addrs, map[int]string{9: "br0", 2: "v1"})
	want := `{"index":3,"name":"v0","altnames":["b\udcffd"],"ifalias":"up\"link","kind":"veth","slave_kind":"bridge",` +
		`"type":1,"type_name":"ether","flags":69699,"flag_names":["UP","BROADCAST","RUNNING","MULTICAST","LOWER_UP"],` +
		`"operstate":"UP","carrier":true,"mtu":1400,"master":9,"master_name":"br0","parent":2,"parent_name":"v1",` +
		`"parent_netns":false,"address":"02:00:00:00:00:01","broadcast":"ff:ff:ff:ff:ff:ff","perm_address":null,` +
		`"qdisc":"noqueue","txqlen":1000,"stats64":null,"addresses":[` +
		`{"family":2,"address":"192.0.2.1","prefixlen":24,"peer":null,"broadcast":"192.0.2.255","label":"v0","scope":"global","flags":["permanent"],"preferred_lft":4294967295,"valid_lft":4294967295},` +
		`{"family":2,"address":"10.0.0.1","prefixlen":32,"peer":"10.0.0.2","broadcast":null,"label":"v0:p","scope":"global","flags":["secondary","permanent"],"preferred_lft":4294967295,"valid_lft":4294967295},` +
		`{"family":10,"address":"2001:db8::5","prefixlen":64,"peer":null,"broadcast":null,"label":null,"scope":"global","flags":["temporary","tentative","permanent","mngtmpaddr"],"preferred_lft":1800,"valid_lft":3600},` +
		`{"family":10,"address":"fe80::1","prefixlen":64,"peer":null,"broadcast":null,"label":null,"scope":"link","flags":["permanent","0x8000"],"preferred_lft":4294967295,"valid_lft":4294967295}]}`
	if got := string(d.AppendJSON(nil)); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// encoding/json keeps our bytes (it only validates and compacts).
	std, err := json.Marshal(struct{ D *Details }{&d})
	if err != nil || string(std) != `{"D":`+want+`}` {
		t.Errorf("json.Marshal = %s, %v", std, err)
	}
	var nilD *Details
	if got := string(nilD.AppendJSON(nil)); got != "null" {
		t.Errorf("nil Details = %s", got)
	}

	// A parent in another namespace gets no name; an empty operstate is
	// UNKNOWN.
	l.LinkNetNSID, l.OperState = 0, ""
	d = detailsFromRtnl(&l, nil, map[int]string{2: "v1"})
	if d.ParentName != "" || !d.ParentNetNS || d.OperState != "UNKNOWN" || d.Addresses != nil {
		t.Errorf("details: %s", d.AppendJSON(nil))
	}
}

func TestNames(t *testing.T) {
	for _, tt := range []struct {
		got, want any
	}{
		{LinkFlagNames(0x1 | 0x8 | 0x40 | 0x10000), []string{"UP", "LOOPBACK", "RUNNING", "LOWER_UP"}},
		{LinkFlagNames(0), []string{}},
		{LinkFlagNames(0x80000), []string{"0x80000"}},
		{AddrFlagNames(AF_INET, 0x81), []string{"secondary", "permanent"}},
		{AddrFlagNames(AF_INET6, 0x201), []string{"temporary", "noprefixroute"}},
		{AddrFlagNames(AF_INET6, 0x82a), []string{"nodad", "dadfailed", "deprecated", "stable-privacy"}},
		{ScopeName(0), "global"}, {ScopeName(253), "link"}, {ScopeName(254), "host"}, {ScopeName(7), "7"},
		{HardwareTypeName(1), "ether"}, {HardwareTypeName(772), "loopback"}, {HardwareTypeName(65534), "none"},
		{HardwareTypeName(32), "infiniband"}, {HardwareTypeName(4242), "4242"},
		{routeTypeName(1), "unicast"}, {routeTypeName(6), "blackhole"}, {routeTypeName(99), "99"},
		{routeProtocolName(3), "boot"}, {routeProtocolName(16), "dhcp"}, {routeProtocolName(200), "200"},
		{nextHopFlagNames(0x14), []string{"onlink", "linkdown"}},
	} {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("got %#v, want %#v", tt.got, tt.want)
		}
	}
}

func TestMarshalJSONMatchesAppendJSON(t *testing.T) {
	s := randomSnapshot(newRand(9))
	all := s.AllIfAddresses()
	g := s.Gateways()
	d, _ := s.DefaultRoute(AF_INET)
	for _, m := range []interface {
		AppendJSON([]byte) []byte
		MarshalJSON() ([]byte, error)
	}{s.Interfaces(), all, g, d, AddressFamilies(), AFConstants(), ErrInvalidInterfaceName, s} {
		b, err := m.MarshalJSON()
		if err != nil || string(b) != string(m.AppendJSON(nil)) || !json.Valid(b) {
			t.Errorf("%T: MarshalJSON = %s, %v", m, b, err)
		}
	}
	if len(all) > 0 {
		b, _ := all[0].Addrs.MarshalJSON()
		if !json.Valid(b) {
			t.Errorf("IfAddrs JSON invalid: %s", b)
		}
	}
}
