//go:build linux

package ifenum

import (
	"errors"
	"os"
	"strings"
	"syscall"
	"testing"
)

// specSetup builds the namespace of spec §5.6 with every MAC pinned.
const specSetup = `
ip link add v0 type veth peer name v1
ip link set v0 address 02:00:00:00:00:01
ip link set v1 address 02:00:00:00:00:02
ip link add br0 type bridge
ip link set br0 address de:2c:9c:c9:03:25
ip tuntap add tun0 mode tun
ip tuntap add tun1 mode tun
ip link add averyveryverylo type veth peer name x1
ip link set x1 address 02:00:00:00:00:07
ip link set averyveryverylo address 02:00:00:00:00:08
ip link add vx0 type vxlan id 42 dstport 4789
ip link set vx0 address c6:1b:8d:e9:c0:7d
for p in 1:64 2:56 3:128 4:127 5:112 6:65 7:1 8:64; do
  ip -6 addr add 2001:db8:${p%%:*}::1/${p##*:} dev v0 nodad
done
ip -6 addr add fe80::1234/64 dev v0 nodad
ip link set v0 up
ip link set v1 up
ip link set br0 up
ip link set tun0 up
ip link set vx0 up
ip addr add 192.168.10.1/24 brd + dev v0
ip addr add 192.168.11.1/24 dev v0
ip addr add 10.0.0.1 peer 10.0.0.2 dev v0
ip addr add 169.254.1.1/16 brd + dev v0
ip addr add 203.0.113.7/32 dev v0
ip addr add 192.168.10.5/24 dev v0 label v0:1
ip addr add 10.8.0.1 peer 10.8.0.2/32 dev tun0
ip addr add 2001:db8:99::1 peer 2001:db8:99::2 dev tun0
ip route add default via 192.168.10.254 dev v0
ip route add default via 192.168.11.254 dev v0 metric 50 table 100
ip -6 route add default via fe80::1 dev v0
ip route add 172.16.0.0/12 via 192.168.10.253
`

// specIfaddresses is spec §5.6, verbatim.
var specIfaddresses = map[string]string{
	"lo":   `{17: [{'addr': '00:00:00:00:00:00', 'peer': '00:00:00:00:00:00'}], 2: [{'addr': '127.0.0.1', 'netmask': '255.0.0.0', 'peer': '127.0.0.1'}], 10: [{'addr': '::1', 'netmask': 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128'}]}`,
	"v0":   `{17: [{'addr': '02:00:00:00:00:01', 'broadcast': 'ff:ff:ff:ff:ff:ff'}], 2: [{'addr': '192.168.10.1', 'netmask': '255.255.255.0', 'broadcast': '192.168.10.255'}, {'addr': '192.168.11.1', 'netmask': '255.255.255.0', 'broadcast': '192.168.11.1'}, {'addr': '10.0.0.1', 'netmask': '255.255.255.255', 'broadcast': '10.0.0.2'}, {'addr': '169.254.1.1', 'netmask': '255.255.0.0'}, {'addr': '203.0.113.7', 'netmask': '255.255.255.255', 'broadcast': '203.0.113.7'}], 10: [{'addr': '2001:db8:8::1', 'netmask': 'ffff:ffff:ffff:ffff::/64'}, {'addr': '2001:db8:7::1', 'netmask': '8000::/1'}, {'addr': '2001:db8:6::1', 'netmask': 'ffff:ffff:ffff:ffff:8000::/65'}, {'addr': '2001:db8:5::1', 'netmask': 'ffff:ffff:ffff:ffff:ffff:ffff:ffff::/112'}, {'addr': '2001:db8:4::1', 'netmask': 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127'}, {'addr': '2001:db8:3::1', 'netmask': 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128'}, {'addr': '2001:db8:2::1', 'netmask': 'ffff:ffff:ffff:ff00::/56'}, {'addr': '2001:db8:1::1', 'netmask': 'ffff:ffff:ffff:ffff::/64'}, {'addr': 'fe80::ff:fe00:1%v0', 'netmask': 'ffff:ffff:ffff:ffff::/64'}, {'addr': 'fe80::1234%v0', 'netmask': 'ffff:ffff:ffff:ffff::/64'}]}`,
	"br0":  `{17: [{'addr': 'de:2c:9c:c9:03:25', 'broadcast': 'ff:ff:ff:ff:ff:ff'}]}`,
	"tun0": `{2: [{'addr': '10.8.0.1', 'netmask': '255.255.255.255', 'peer': '10.8.0.2'}], 10: [{'addr': '2001:db8:99::1', 'netmask': 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128', 'peer': '2001:db8:99::2'}]}`,
	"tun1": `{}`,
	"vx0":  `{17: [{'addr': 'c6:1b:8d:e9:c0:7d', 'broadcast': 'ff:ff:ff:ff:ff:ff'}], 10: [{'addr': 'fe80::c41b:8dff:fee9:c07d%vx0', 'netmask': 'ffff:ffff:ffff:ffff::/64'}]}`,
	"v0:1": `{2: [{'addr': '192.168.10.5', 'netmask': '255.255.255.0', 'broadcast': '192.168.10.5'}]}`,
}

const specInterfaces = `['lo', 'v1', 'v0', 'br0', 'tun0', 'tun1', 'x1', 'averyveryverylo', 'vx0', 'v0:1']`
const specGateways = `{'default': {2: ('192.168.10.254', 'v0'), 10: ('fe80::1', 'v0')}, 2: [('192.168.11.254', 'v0', False), ('192.168.10.254', 'v0', True)], 10: [('fe80::1', 'v0', True)]}`

var badNames = []string{"nope0", "LO", "lo ", "lé", "v0:2", "averyveryverylong", "averyveryverylon"}

func TestLiveSpecNamespace(t *testing.T) {
	ns := newNetNS(t, specSetup)
	opts := Options{NetNS: ns}

	names, err := Interfaces(opts)
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "interfaces()", names.AppendJSON(nil), pyLiteral(specInterfaces))
	// The same namespace by path and by open fd.
	f, err := os.Open("/run/netns/" + ns)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, o := range []Options{{NetNS: "/run/netns/" + ns}, {NetNSFD: int(f.Fd()), Blocking: true}} {
		n2, err := Interfaces(o)
		if err != nil {
			t.Fatalf("Interfaces(%+v): %v", o, err)
		}
		sameJSON(t, "interfaces() by path/fd", n2.AppendJSON(nil), pyLiteral(specInterfaces))
	}

	for name, want := range specIfaddresses {
		got, err := IfAddresses(name, opts)
		if err != nil {
			t.Errorf("IfAddresses(%q): %v", name, err)
			continue
		}
		sameJSON(t, "ifaddresses("+name+")", got.AppendJSON(nil), pyLiteral(want))
	}
	for _, name := range append([]string{""}, badNames...) {
		if _, err := IfAddresses(name, opts); err != ErrInvalidInterfaceName {
			t.Errorf("IfAddresses(%q) error = %v, want ErrInvalidInterfaceName", name, err)
		}
	}
	if _, err := IfAddresses("lo\x00", opts); err != ErrEmbeddedNull {
		t.Errorf("IfAddresses(lo NUL) error = %v, want ErrEmbeddedNull", err)
	}

	gw, err := Gateways(opts)
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "gateways()", gw.AppendJSON(nil), pyLiteral(specGateways))

	all, err := AllIfAddresses(opts)
	if err != nil {
		t.Fatal(err)
	}
	var allNames Names
	for _, n := range all {
		allNames = append(allNames, n.Name)
		one, err := IfAddresses(n.Name, opts)
		if err != nil {
			t.Errorf("IfAddresses(%q): %v", n.Name, err)
			continue
		}
		sameJSON(t, "AllIfAddresses vs IfAddresses("+n.Name+")", n.Addrs.AppendJSON(nil), one.AppendJSON(nil))
	}
	sameJSON(t, "AllIfAddresses names", allNames.AppendJSON(nil), pyLiteral(specInterfaces))

	compareWithNetifaces(t, ns)
}

// compareWithNetifaces checks every call against the real netifaces run
// in the same namespace.
func compareWithNetifaces(t *testing.T, ns string) {
	t.Helper()
	opts := Options{NetNS: ns}
	py, ok := runNetifaces(t, ns, badNames...)
	if !ok {
		return
	}
	names, err := Interfaces(opts)
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "netifaces interfaces()", names.AppendJSON(nil), py.Interfaces)
	all, err := AllIfAddresses(opts)
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "netifaces all ifaddresses", all.AppendJSON(nil), py.All)
	for name, want := range py.allByName {
		got, err := IfAddresses(name, opts)
		if err != nil {
			t.Errorf("IfAddresses(%q): %v", name, err)
			continue
		}
		sameJSON(t, "netifaces ifaddresses("+name+")", got.AppendJSON(nil), want)
	}
	gw, err := Gateways(opts)
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "netifaces gateways()", gw.AppendJSON(nil), py.Gateways)
	for name, msg := range py.Errors {
		_, err := IfAddresses(name, opts)
		switch {
		case msg == nil && err != nil:
			t.Errorf("IfAddresses(%q) = %v, netifaces succeeds", name, err)
		case msg != nil && (err == nil || err.Error() != *msg):
			t.Errorf("IfAddresses(%q) = %v, netifaces raises ValueError(%q)", name, err, *msg)
		}
	}
}

// rowsSetup covers the §5.3 rows not in the spec namespace, down links,
// tentative addresses, labels without the dev: prefix and a macvlan.
const rowsSetup = `
ip link add v0 type veth peer name v1
ip link set v0 address 02:00:00:00:00:01
ip link set v1 address 02:00:00:00:00:02
ip link set v0 up
ip link set v1 up
ip addr add 10.1.1.0/31 brd + dev v0
ip addr add 10.1.3.1/24 brd 10.1.3.77 dev v0
ip addr add 10.1.4.1/24 brd + dev v0
ip addr add 10.1.4.2/24 brd + dev v0
ip addr add 10.1.4.3/24 dev v0 label v0:sec
ip addr add 169.254.7.7/32 dev v0
ip addr add 2001:db8::1 peer 2001:db8::2 dev v0 nodad
ip addr add fe80::a peer fe80::b dev v0 nodad
ip addr add ::1.2.3.4/96 dev v0 nodad
ip addr add ::ffff:1.2.3.5/128 dev v0 nodad
ip addr add 2001:db8:aa::1/64 dev v0 nodad valid_lft 3600 preferred_lft 1800
ip addr add 198.51.100.1/24 dev v1 label wan
ip addr add 198.51.100.2/24 dev v1 label v1:x
ip link add d0 type veth peer name d1
ip link set d0 address 02:00:00:00:00:0d
ip addr add 192.0.2.1/24 brd + dev d0
sysctl -qw net.ipv6.conf.d0.accept_dad=1
ip addr add 2001:db8:d::1/64 dev d0
ip link add m0 type veth peer name m1
ip link set m0 address 02:00:00:00:00:10
ip link set m1 address 02:00:00:00:00:11
ip link add mv0 link m0 type macvlan mode bridge
ip link set mv0 address 02:00:00:00:00:0e
ip link set mv0 up
ip addr add 192.0.2.77/24 dev mv0
ip link add br1 type bridge
ip link set br1 address 02:00:00:00:00:0b
ip link set v1 master br1
ip link set br1 up
# The bridge gets carrier (and then its link-local) only once v1 forwards.
for i in $(seq 50); do ip -6 addr show dev br1 | grep -q fe80 && break; sleep 0.1; done
ip tuntap add tap0 mode tap
ip link set tap0 address 02:00:00:00:00:0a
`

func TestLiveRows(t *testing.T) {
	ns := newNetNS(t, rowsSetup)
	opts := Options{NetNS: ns}
	want := map[string]string{
		"v0":   `{17: [{'addr': '02:00:00:00:00:01', 'broadcast': 'ff:ff:ff:ff:ff:ff'}], 2: [{'addr': '10.1.1.0', 'netmask': '255.255.255.254', 'broadcast': '10.1.1.0'}, {'addr': '10.1.3.1', 'netmask': '255.255.255.0', 'broadcast': '10.1.3.77'}, {'addr': '10.1.4.1', 'netmask': '255.255.255.0', 'broadcast': '10.1.4.255'}, {'addr': '169.254.7.7', 'netmask': '255.255.255.255'}, {'addr': '10.1.4.2', 'netmask': '255.255.255.0', 'broadcast': '10.1.4.255'}]}`,
		"wan":  `{2: [{'addr': '198.51.100.1', 'netmask': '255.255.255.0', 'broadcast': '198.51.100.1'}]}`,
		"d0":   `{17: [{'addr': '02:00:00:00:00:0d', 'broadcast': 'ff:ff:ff:ff:ff:ff'}], 2: [{'addr': '192.0.2.1', 'netmask': '255.255.255.0', 'broadcast': '192.0.2.255'}], 10: [{'addr': '2001:db8:d::1', 'netmask': 'ffff:ffff:ffff:ffff::/64'}]}`,
		"tap0": `{17: [{'addr': '02:00:00:00:00:0a', 'broadcast': 'ff:ff:ff:ff:ff:ff'}]}`,
	}
	for name, w := range want {
		got, err := IfAddresses(name, opts)
		if err != nil {
			t.Errorf("IfAddresses(%q): %v", name, err)
			continue
		}
		g := got
		if name == "v0" {
			g = IfAddrs{got[0], got[1]} // IPv6 checked below and by netifaces
		}
		sameJSON(t, "ifaddresses("+name+")", g.AppendJSON(nil), pyLiteral(w))
	}
	v0, err := IfAddresses("v0", opts)
	if err != nil {
		t.Fatal(err)
	}
	var v6 []string
	for _, a := range v0.Family(AF_INET6) {
		v6 = append(v6, a.Addr+" "+a.Netmask+" b="+a.Broadcast+" p="+a.Peer)
	}
	for _, w := range []string{
		"2001:db8::1 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128 b=2001:db8::2 p=",
		"fe80::a%v0 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128 b=fe80::b%v0 p=",
		"::1.2.3.4 ffff:ffff:ffff:ffff:ffff:ffff::/96 b= p=",
		"::ffff:1.2.3.5 ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128 b= p=",
	} {
		if !containsStr(v6, w) {
			t.Errorf("v0 IPv6 %q missing from %q", w, v6)
		}
	}
	compareWithNetifaces(t, ns)

	// The down link's IPv6 address is tentative: reported, flag by name in
	// InterfaceDetails.
	d, err := InterfaceDetails("d0", opts)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, a := range d.Addresses {
		if a.Address == "2001:db8:d::1" {
			found = true
			if !containsStr(a.Flags, "tentative") || a.Scope != "global" {
				t.Errorf("d0 2001:db8:d::1 flags %q scope %q, want tentative, global", a.Flags, a.Scope)
			}
		}
	}
	if !found || d.OperState != "DOWN" || containsStr(d.FlagNames, "UP") {
		t.Errorf("d0 details: %s", d.AppendJSON(nil))
	}
}

func containsStr(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestLiveInterfaceDetails(t *testing.T) {
	ns := newNetNS(t, rowsSetup+`
ip link property add dev v0 altname uplink-with-a-long-altname
ip link set v0 alias "my uplink"
ip link set v0 mtu 1400
`)
	opts := Options{NetNS: ns}
	d, err := InterfaceDetails("v0", opts)
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, ok bool) {
		t.Helper()
		if !ok {
			t.Errorf("v0 %s wrong: %s", what, d.AppendJSON(nil))
		}
	}
	check("altnames", len(d.AltNames) == 1 && d.AltNames[0] == "uplink-with-a-long-altname")
	check("alias", d.Alias == "my uplink")
	check("kind", d.Kind == "veth" && d.SlaveKind == "")
	check("type", d.Type == 1 && d.TypeName == "ether")
	check("flags", containsStr(d.FlagNames, "UP") && containsStr(d.FlagNames, "BROADCAST") && containsStr(d.FlagNames, "LOWER_UP"))
	check("operstate", d.OperState == "UP" && d.Carrier)
	check("mtu", d.MTU == 1400)
	check("parent", d.ParentName == "v1" && d.Parent != 0 && !d.ParentNetNS)
	check("address", d.Address == "02:00:00:00:00:01" && d.Broadcast == "ff:ff:ff:ff:ff:ff")
	check("qdisc", d.Qdisc != "" && d.TxQLen == 1000)
	check("stats", len(d.Stats) > 10 && d.Stats[0].Name != "")
	var lft, nodad, v4 bool
	for _, a := range d.Addresses {
		if a.Address == "2001:db8:aa::1" {
			lft = a.ValidLifetime <= 3600 && a.ValidLifetime > 3500 && a.PreferredLifetime <= 1800 && a.PreferredLifetime > 1700
		}
		if a.Address == "2001:db8::1" {
			nodad = a.Peer == "2001:db8::2" && containsStr(a.Flags, "nodad") && containsStr(a.Flags, "permanent")
		}
		if a.Address == "10.1.4.3" {
			v4 = a.Label == "v0:sec" && containsStr(a.Flags, "secondary") && a.Broadcast == "" && a.Scope == "global"
		}
	}
	check("lifetimes", lft)
	check("nodad peer", nodad)
	check("IPv4 secondary label", v4)

	// An altname finds the link here, but not in ifaddresses().
	if d2, err := InterfaceDetails("uplink-with-a-long-altname", opts); err != nil || d2.Index != d.Index {
		t.Errorf("InterfaceDetails(altname) = %v, %v", d2, err)
	}
	if _, err := IfAddresses("uplink-with-a-long-altname", opts); err != ErrInvalidInterfaceName {
		t.Errorf("IfAddresses(altname) error = %v", err)
	}
	for _, name := range []string{"v0:sec", "nope", "", "v0\x00"} {
		if _, err := InterfaceDetails(name, opts); err == nil {
			t.Errorf("InterfaceDetails(%q) succeeded", name)
		}
	}

	// The bulk call agrees with the per-link one.
	list, err := AllInterfaceDetails(opts)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for i := range list {
		one, err := InterfaceDetails(list[i].Name, opts)
		if err != nil {
			t.Fatal(err)
		}
		// Counters move between the two reads; compare without them.
		a, b := list[i], *one
		a.Stats, b.Stats = nil, nil
		for j := range a.Addresses {
			a.Addresses[j].PreferredLifetime, a.Addresses[j].ValidLifetime = 0, 0
		}
		for j := range b.Addresses {
			b.Addresses[j].PreferredLifetime, b.Addresses[j].ValidLifetime = 0, 0
		}
		sameJSON(t, "AllInterfaceDetails "+a.Name, a.AppendJSON(nil), b.AppendJSON(nil))
		seen++
	}
	if seen < 10 {
		t.Errorf("AllInterfaceDetails listed %d links", seen)
	}

	port, err := InterfaceDetails("v1", opts)
	if err != nil {
		t.Fatal(err)
	}
	if port.MasterName != "br1" || port.SlaveKind != "bridge" {
		t.Errorf("v1 master: %s", port.AppendJSON(nil))
	}
	mv, err := InterfaceDetails("mv0", opts)
	if err != nil {
		t.Fatal(err)
	}
	if mv.Kind != "macvlan" || mv.ParentName != "m0" {
		t.Errorf("mv0 parent: %s", mv.AppendJSON(nil))
	}
	tun, err := InterfaceDetails("lo", opts)
	if err != nil {
		t.Fatal(err)
	}
	if tun.TypeName != "loopback" || tun.OperState != "UNKNOWN" || !containsStr(tun.FlagNames, "LOOPBACK") {
		t.Errorf("lo: %s", tun.AppendJSON(nil))
	}
}

func TestLiveNonUTF8Name(t *testing.T) {
	ns := newNetNS(t, `
ip link add "$(printf 'b\377d')" type veth peer name nu1
ip link set "$(printf 'b\377d')" address 02:00:00:00:00:01
ip link set "$(printf 'b\377d')" up
ip link set nu1 up
ip addr add 192.0.2.1/24 dev "$(printf 'b\377d')" label "$(printf 'b\377d:\376')"
ip addr add fe80::1/64 dev "$(printf 'b\377d')" nodad
`)
	opts := Options{NetNS: ns}
	names, err := Interfaces(opts)
	if err != nil {
		t.Fatal(err)
	}
	if !containsStr(names, "b\xffd") || !containsStr(names, "b\xffd:\xfe") {
		t.Fatalf("Interfaces() = %q", names)
	}
	if js := string(names.AppendJSON(nil)); !strings.Contains(js, `"b\udcffd"`) || !strings.Contains(js, `"b\udcffd:\udcfe"`) {
		t.Errorf("JSON %s lacks surrogate escapes", js)
	}
	a, err := IfAddresses("b\xffd", opts)
	if err != nil {
		t.Fatal(err)
	}
	ll := a.Family(AF_INET6)
	if len(ll) == 0 || !strings.HasSuffix(ll[len(ll)-1].Addr, "%b\xffd") {
		t.Errorf("IfAddresses(b\\xffd) = %s", a.AppendJSON(nil))
	}
	l, err := IfAddresses("b\xffd:\xfe", opts)
	if err != nil || len(l.Family(AF_INET)) != 1 {
		t.Errorf("IfAddresses(label) = %v, %v", l, err)
	}
	d, err := InterfaceDetails("b\xffd", opts)
	if err != nil || d.ParentName != "nu1" {
		t.Errorf("InterfaceDetails = %v, %v", d, err)
	}
}

func TestLiveErrors(t *testing.T) {
	needRoot(t)
	_, err := Interfaces(Options{NetNS: "ifenum-no-such-namespace"})
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindOSError || e.Errno != syscall.ENOENT || !errors.Is(err, syscall.ENOENT) {
		t.Fatalf("Interfaces(missing netns) error = %#v", err)
	}
	for _, f := range []func() error{
		func() error { _, err := IfAddresses("lo", Options{NetNS: "ifenum-no-such-namespace"}); return err },
		func() error { _, err := AllIfAddresses(Options{NetNS: "/nonexistent/ns"}); return err },
		func() error { _, err := Gateways(Options{NetNS: "ifenum-no-such-namespace"}); return err },
		func() error {
			_, err := DefaultGateway(AF_INET6, Options{NetNS: "ifenum-no-such-namespace"})
			return err
		},
		func() error { _, err := InterfaceDetails("lo", Options{NetNS: "ifenum-no-such-namespace"}); return err },
	} {
		if err := f(); !errors.Is(err, syscall.ENOENT) || !errors.As(err, &e) || e.Kind != KindOSError {
			t.Errorf("missing netns error = %v", err)
		}
	}
	if _, err := DefaultGateway(7, Options{}); err == nil || err.(*Error).Kind != KindValueError {
		t.Errorf("DefaultGateway(7) error = %v", err)
	}
}
