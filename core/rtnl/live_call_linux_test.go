//go:build linux

package rtnl

import (
	"encoding/json"
	"errors"
	"net/netip"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// callT runs a pyroute2-style call given as JSON and fails the test on error.
func callT(t *testing.T, c *Conn, js string) []*Message {
	t.Helper()
	call, err := ParseCall([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := c.Call(call)
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return msgs
}

func callErr(c *Conn, js string) error {
	call, err := ParseCall([]byte(js))
	if err != nil {
		return err
	}
	_, err = c.Call(call)
	return err
}

// ipOut runs `ip -n ns args` and returns its output.
func ipOut(t *testing.T, ns string, args ...string) string {
	t.Helper()
	out, err := exec.Command("ip", append([]string{"-n", ns}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("ip %v: %v %s", args, err, out)
	}
	return string(out)
}

func TestLiveCallLinkLifecycle(t *testing.T) {
	ns := newNamedNetNS(t)
	c := dialNamed(t, ns)

	// veth with a peer given as a dict, then state/mtu/address changes.
	acks := callT(t, c, `{"object":"link","cmd":"add","args":{"ifname":"va","kind":"veth","peer":{"ifname":"vb","mtu":1400}}}`)
	if len(acks) != 1 || acks[0].Event() != "NLMSG_ERROR" || acks[0].Error != 0 {
		t.Errorf("add answer: %v", acks)
	}
	va, err := c.LinkByName("va")
	if err != nil {
		t.Fatal(err)
	}
	vb, _ := c.LinkByName("vb")
	if vb.MTU != 1400 || va.Kind != "veth" {
		t.Errorf("va kind %q, vb mtu %d", va.Kind, vb.MTU)
	}
	callT(t, c, `{"object":"link","cmd":"set","args":{"index":`+itoa(va.Index)+`,"state":"up","mtu":1300,"address":"02:00:00:00:00:0a","ifalias":"test link"}}`)
	va, _ = c.LinkByIndex(va.Index)
	if !va.Up() || va.MTU != 1300 || va.HWAddr.String() != "02:00:00:00:00:0a" || va.Alias != "test link" {
		t.Errorf("after set: up %v mtu %d mac %s alias %q", va.Up(), va.MTU, va.HWAddr, va.Alias)
	}
	callT(t, c, `{"object":"link","cmd":"set","args":{"index":[`+itoa(va.Index)+`],"state":"down"}}`)
	if va, _ = c.LinkByIndex(va.Index); va.Up() {
		t.Error("state down ignored")
	}

	// EEXIST keeps the errno and the kernel's text is kept when sent.
	err = callErr(c, `{"object":"link","cmd":"add","args":{"ifname":"va","kind":"veth","peer":"vc"}}`)
	if !errors.Is(err, unix.EEXIST) {
		t.Errorf("duplicate add: %v", err)
	}

	// bridge with IFLA_BR_* data, a port, kind-filtered dump.
	callT(t, c, `{"object":"link","cmd":"add","args":{"ifname":"br0","kind":"bridge","br_stp_state":1,"br_forward_delay":800}}`)
	br, _ := c.LinkByName("br0")
	if v, _ := br.Msg.Attrs.Nested("IFLA_LINKINFO", "IFLA_INFO_DATA", "IFLA_BR_FORWARD_DELAY"); v != Uint(800) {
		t.Errorf("br_forward_delay = %v", v)
	}
	if v, _ := br.Msg.Attrs.Nested("IFLA_LINKINFO", "IFLA_INFO_DATA", "IFLA_BR_STP_STATE"); v != Uint(1) {
		t.Errorf("br_stp_state = %v", v)
	}
	callT(t, c, `{"object":"link","cmd":"set","args":{"ifname":"vb","master":`+itoa(br.Index)+`}}`)
	ports := callT(t, c, `{"object":"link","cmd":"dump","args":{"master":`+itoa(br.Index)+`}}`)
	if len(ports) != 1 {
		t.Errorf("ports of br0: %d", len(ports))
	}
	bridges := callT(t, c, `{"object":"link","cmd":"dump","args":{"kind":"bridge"}}`)
	if len(bridges) != 1 {
		t.Errorf("bridges: %d", len(bridges))
	}
	byName := callT(t, c, `{"object":"link","cmd":"dump","args":{"ifname":"va"}}`)
	if len(byName) != 1 {
		t.Errorf("dump ifname=va: %d", len(byName))
	}
	got := callT(t, c, `{"object":"link","cmd":"get","args":{"ifname":"br0"}}`)
	if len(got) != 1 || got[0].Event() != "RTM_NEWLINK" {
		t.Errorf("get: %v", got)
	}

	// macvlan (mode by name), vxlan, ifb.
	callT(t, c, `{"object":"link","cmd":"add","args":{"ifname":"mv0","kind":"macvlan","link":`+itoa(va.Index)+`,"macvlan_mode":"bridge"}}`)
	mv, _ := c.LinkByName("mv0")
	if v, _ := mv.Msg.Attrs.Nested("IFLA_LINKINFO", "IFLA_INFO_DATA", "IFLA_MACVLAN_MODE"); v != String("bridge") || mv.ParentIndex != va.Index {
		t.Errorf("macvlan mode %v parent %d", v, mv.ParentIndex)
	}
	callT(t, c, `{"object":"link","cmd":"add","args":{"ifname":"mv1","kind":"macvlan","link":`+itoa(va.Index)+`,"mode":"private"}}`)
	callT(t, c, `{"object":"link","cmd":"add","args":{"ifname":"vx0","kind":"vxlan","vxlan_id":42,"vxlan_port":4789,"vxlan_local":"10.0.0.1","vxlan_learning":0}}`)
	vx, _ := c.LinkByName("vx0")
	if v, _ := vx.Msg.Attrs.Nested("IFLA_LINKINFO", "IFLA_INFO_DATA", "IFLA_VXLAN_ID"); v != Uint(42) {
		t.Errorf("vxlan id %v", v)
	}
	if v, _ := vx.Msg.Attrs.Nested("IFLA_LINKINFO", "IFLA_INFO_DATA", "IFLA_VXLAN_PORT"); v != Uint(4789) {
		t.Errorf("vxlan port %v", v)
	}
	callT(t, c, `{"object":"link","cmd":"add","args":{"ifname":"vx6","kind":"vxlan","vxlan_id":43,"vxlan_local":"2001:db8::1"}}`)
	callT(t, c, `{"object":"link","cmd":"add","args":{"ifname":"ifb0","kind":"ifb"}}`)

	// tun/tap through the ioctl path, inside this namespace only.
	callT(t, c, `{"object":"link","cmd":"add","args":{"ifname":"tap0","kind":"tuntap","mode":"tap","mtu":1280}}`)
	tap, err := c.LinkByName("tap0")
	if err != nil || tap.Kind != "tun" || tap.MTU != 1280 {
		t.Errorf("tap0: kind %q mtu %d err %v", tap.Kind, tap.MTU, err)
	}
	callT(t, c, `{"object":"link","cmd":"add","args":{"ifname":"tun0","kind":"tun"}}`)
	if tun, err := c.LinkByName("tun0"); err != nil || tun.Type != 65534 {
		t.Errorf("tun0: type %d err %v", tun.Type, err)
	}
	host, err := Dial(Options{}) // the test process's own namespace
	if err != nil {
		t.Fatal(err)
	}
	defer host.Close()
	if _, err := host.LinkByName("tap0"); !errors.Is(err, unix.ENODEV) {
		t.Errorf("tap0 leaked into the host namespace: %v", err)
	}

	// Alternative names via property_add.
	callT(t, c, `{"object":"link","cmd":"property_add","args":{"index":`+itoa(va.Index)+`,"altname":["very-long-alternative-name"]}}`)
	if l, err := c.LinkByName("very-long-alternative-name"); err != nil || l.Index != va.Index {
		t.Errorf("lookup by altname: %v %v", l.Name, err)
	}

	// Deletion by index and by name.
	callT(t, c, `{"object":"link","cmd":"del","args":{"index":`+itoa(mv.Index)+`}}`)
	callT(t, c, `{"object":"link","cmd":"del","args":{"ifname":"vx0"}}`)
	for _, n := range []string{"mv0", "vx0"} {
		if _, err := c.LinkByName(n); !errors.Is(err, unix.ENODEV) {
			t.Errorf("%s still exists: %v", n, err)
		}
	}
	// Kinds this kernel lacks fail with the kernel's errno, not a panic.
	for _, kind := range []string{"dummy", "vlan", "bond", "vrf", "gre"} {
		args := `"ifname":"x` + kind + `","kind":"` + kind + `"`
		if kind == "vlan" {
			args += `,"link":` + itoa(va.Index) + `,"vlan_id":10`
		}
		err := callErr(c, `{"object":"link","cmd":"add","args":{`+args+`}}`)
		if err == nil {
			t.Logf("kind %s is available on this kernel", kind)
			continue
		}
		if !errors.Is(err, unix.EOPNOTSUPP) {
			t.Errorf("kind %s: %v (want EOPNOTSUPP when the kernel lacks it)", kind, err)
		}
	}
}

func TestLiveCallMoveLinkToNetNS(t *testing.T) {
	ns := newNamedNetNS(t)
	other := newNamedNetNS(t)
	c := dialNamed(t, ns)
	callT(t, c, `{"object":"link","cmd":"add","args":{"ifname":"mv-a","kind":"veth","peer":"mv-b"}}`)
	b, _ := c.LinkByName("mv-b")
	if err := c.LinkSetNetNS(b.Index, other); err != nil {
		t.Fatal(err)
	}
	if _, err := c.LinkByName("mv-b"); !errors.Is(err, unix.ENODEV) {
		t.Errorf("mv-b still in source: %v", err)
	}
	oc := dialNamed(t, other)
	if _, err := oc.LinkByName("mv-b"); err != nil {
		t.Errorf("mv-b not in target: %v", err)
	}
	// And the veth peer in the source now reports a link netnsid.
	a, _ := c.LinkByName("mv-a")
	if a.LinkNetNSID < 0 {
		t.Errorf("mv-a has no IFLA_LINK_NETNSID after the move")
	}
}

func TestLiveCallAddresses(t *testing.T) {
	ns := newNamedNetNS(t)
	c := dialNamed(t, ns)
	callT(t, c, `{"object":"link","cmd":"add","args":{"ifname":"v0","kind":"veth","peer":"v1"}}`)
	v0, _ := c.LinkByName("v0")
	idx := itoa(v0.Index)
	callT(t, c, `{"object":"addr","cmd":"add","args":{"index":`+idx+`,"address":"10.0.0.1/24","broadcast":true,"label":"v0:main"}}`)
	callT(t, c, `{"object":"addr","cmd":"add","args":{"index":`+idx+`,"address":"10.1.0.1","mask":"255.255.0.0"}}`)
	callT(t, c, `{"object":"addr","cmd":"add","args":{"index":`+idx+`,"address":"2001:db8::1","prefixlen":64,"flags":2}}`)
	callT(t, c, `{"object":"addr","cmd":"add","args":{"index":`+idx+`,"address":"10.2.0.1/32","valid_lft":3600,"preferred_lft":1800}}`)
	addrs, err := c.AddressesByIndex(0, v0.Index)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Address{}
	for _, a := range addrs {
		got[a.Prefix().String()] = a
	}
	if a, ok := got["10.0.0.1/24"]; !ok || a.Broadcast.String() != "10.0.0.255" || a.Label != "v0:main" {
		t.Errorf("10.0.0.1/24: %+v", a)
	}
	if _, ok := got["10.1.0.1/16"]; !ok {
		t.Errorf("mask= alias: %v", got)
	}
	if a, ok := got["2001:db8::1/64"]; !ok || a.Flags&IFA_F_NODAD == 0 {
		t.Errorf("v6 nodad: %+v", a)
	}
	if a := got["10.2.0.1/32"]; a.Valid == 0 || a.Valid > 3600 || a.Preferred > 1800 {
		t.Errorf("lifetimes: valid %d preferred %d", a.Valid, a.Preferred)
	}
	err = callErr(c, `{"object":"addr","cmd":"add","args":{"index":`+idx+`,"address":"10.0.0.1/24"}}`)
	if !errors.Is(err, unix.EEXIST) {
		t.Errorf("duplicate address: %v", err)
	}
	callT(t, c, `{"object":"addr","cmd":"replace","args":{"index":`+idx+`,"address":"10.0.0.1/24","label":"v0:new"}}`)
	dump := callT(t, c, `{"object":"addr","cmd":"dump","args":{"index":`+idx+`,"family":2}}`)
	if len(dump) != 3 {
		t.Errorf("addr dump index/family: %d", len(dump))
	}
	dump = callT(t, c, `{"object":"addr","cmd":"dump","args":{"address":"10.1.0.1"}}`)
	if len(dump) != 1 {
		t.Errorf("addr dump by address: %d", len(dump))
	}
	callT(t, c, `{"object":"addr","cmd":"del","args":{"index":`+idx+`,"address":"10.0.0.1/24"}}`)
	if err := callErr(c, `{"object":"addr","cmd":"del","args":{"index":`+idx+`,"address":"10.0.0.1/24"}}`); !errors.Is(err, unix.EADDRNOTAVAIL) {
		t.Errorf("deleting a missing address: %v", err)
	}
}

func TestLiveCallRoutes(t *testing.T) {
	ns := newNamedNetNS(t)
	c := dialNamed(t, ns)
	callT(t, c, `{"object":"link","cmd":"add","args":{"ifname":"v0","kind":"veth","peer":"v1","state":"up"}}`)
	callT(t, c, `{"object":"link","cmd":"set","args":{"ifname":"v1","state":"up"}}`)
	v0, _ := c.LinkByName("v0")
	idx := itoa(v0.Index)
	callT(t, c, `{"object":"addr","cmd":"add","args":{"index":`+idx+`,"address":"10.0.0.1/24"}}`)
	callT(t, c, `{"object":"addr","cmd":"add","args":{"index":`+idx+`,"address":"2001:db8::1/64","flags":2}}`)

	callT(t, c, `{"object":"route","cmd":"add","args":{"dst":"10.1.0.0/24","gateway":"10.0.0.2"}}`)
	callT(t, c, `{"object":"route","cmd":"add","args":{"dst":"10.3.0.0/24","gateway":"10.0.0.2","table":100,"priority":50,"metrics":{"mtu":1300,"hoplimit":16,"advmss":1200,"initcwnd":10,"lock":4}}}`)
	callT(t, c, `{"object":"route","cmd":"add","args":{"dst":"10.4.0.0/24","gateway":"10.0.0.2","table":1000,"proto":"boot","prefsrc":"10.0.0.1"}}`)
	callT(t, c, `{"object":"route","cmd":"add","args":{"dst":"10.2.0.0/24","multipath":[{"gateway":"10.0.0.2","hops":1},{"gateway":"10.0.0.3","oif":`+idx+`,"hops":2}]}}`)
	for _, typ := range []string{"blackhole", "unreachable", "prohibit"} {
		callT(t, c, `{"object":"route","cmd":"add","args":{"dst":"10.5.`+map[string]string{"blackhole": "1", "unreachable": "2", "prohibit": "3"}[typ]+`.0/24","type":"`+typ+`"}}`)
	}
	callT(t, c, `{"object":"route","cmd":"add","args":{"dst":"10.6.0.1","type":"local","oif":`+idx+`,"scope":"host","table":"local"}}`)
	callT(t, c, `{"object":"route","cmd":"add","args":{"dst":"10.7.0.0/24","oif":`+idx+`,"scope":"link"}}`)
	callT(t, c, `{"object":"route","cmd":"add","args":{"dst":"2001:db8:1::/64","gateway":"2001:db8::2"}}`)
	callT(t, c, `{"object":"route","cmd":"add","args":{"dst":"2001:db8:2::/64","multipath":[{"gateway":"2001:db8::2"},{"gateway":"2001:db8::3"}]}}`)

	show := ipOut(t, ns, "route", "show", "table", "all")
	for _, want := range []string{
		"10.1.0.0/24 via 10.0.0.2 dev v0 proto static",
		"10.3.0.0/24 via 10.0.0.2 dev v0 table 100 proto static metric 50 mtu lock 1300 advmss 1200 hoplimit 16 initcwnd 10",
		"10.4.0.0/24 via 10.0.0.2 dev v0 table 1000 src 10.0.0.1", // proto boot is not printed
		"nexthop via 10.0.0.2 dev v0 weight 2",
		"nexthop via 10.0.0.3 dev v0 weight 3",
		"blackhole 10.5.1.0/24 proto static",
		"unreachable 10.5.2.0/24 proto static",
		"prohibit 10.5.3.0/24 proto static",
		"local 10.6.0.1 dev v0 table local proto static scope host",
		"10.7.0.0/24 dev v0 proto static scope link",
		"2001:db8:1::/64 via 2001:db8::2 dev v0 proto static metric 1024",
	} {
		if !strings.Contains(show, want) {
			t.Errorf("ip route show lacks %q:\n%s", want, show)
		}
	}
	// route replace/change/append and errors.
	err := callErr(c, `{"object":"route","cmd":"add","args":{"dst":"10.1.0.0/24","gateway":"10.0.0.2"}}`)
	if !errors.Is(err, unix.EEXIST) {
		t.Errorf("duplicate route: %v", err)
	}
	callT(t, c, `{"object":"route","cmd":"replace","args":{"dst":"10.1.0.0/24","gateway":"10.0.0.3"}}`)
	callT(t, c, `{"object":"route","cmd":"change","args":{"dst":"10.1.0.0/24","gateway":"10.0.0.4","priority":0}}`)
	if err := callErr(c, `{"object":"route","cmd":"change","args":{"dst":"10.99.0.0/24","gateway":"10.0.0.4"}}`); !errors.Is(err, unix.ENOENT) {
		t.Errorf("change of a missing route: %v", err)
	}
	callT(t, c, `{"object":"route","cmd":"append","args":{"dst":"2001:db8:3::/64","gateway":"2001:db8::2"}}`)
	callT(t, c, `{"object":"route","cmd":"append","args":{"dst":"2001:db8:3::/64","gateway":"2001:db8::3"}}`)
	if out := ipOut(t, ns, "-6", "route", "show", "2001:db8:3::/64"); !strings.Contains(out, "nexthop via 2001:db8::3") {
		t.Errorf("append did not add a next hop:\n%s", out)
	}

	// Dumps with pyroute2 filters; table filter is kernel-side.
	t100 := callT(t, c, `{"object":"route","cmd":"dump","args":{"table":100}}`)
	if len(t100) != 1 {
		t.Errorf("table 100 dump: %d", len(t100))
	}
	byDst := callT(t, c, `{"object":"route","cmd":"dump","args":{"dst":"10.1.0.0/24"}}`)
	if len(byDst) != 1 {
		t.Errorf("dump dst=10.1.0.0/24: %d", len(byDst))
	}
	if r, _ := RouteFromMessage(byDst[0]); r.Gateway.String() != "10.0.0.4" {
		t.Errorf("after change: gateway %v", r.Gateway)
	}
	if none := callT(t, c, `{"object":"route","cmd":"dump","args":{"table":4242,"family":2}}`); len(none) != 0 {
		t.Errorf("missing table: %d", len(none))
	}
	// route get is a FIB lookup.
	got := callT(t, c, `{"object":"route","cmd":"get","args":{"dst":"10.1.0.9"}}`)
	if len(got) != 1 {
		t.Fatalf("route get: %v", got)
	}
	if r, _ := RouteFromMessage(got[0]); r.Dst.String() != "10.1.0.9/32" || r.OIF != v0.Index || r.Gateway.String() != "10.0.0.4" || r.PrefSrc.String() != "10.0.0.1" {
		t.Errorf("route get: %+v", r)
	}
	if t1000, _ := c.Routes(RouteFilter{Table: 1000}); len(t1000) != 1 || t1000[0].Protocol != RTPROT_BOOT {
		t.Errorf("proto boot: %+v", t1000)
	}
	// JSON shape of a multipath dump: pyroute2's hop dicts.
	js, err := c.CallJSON(nil, []byte(`{"object":"route","cmd":"dump","args":{"dst":"10.2.0.0/24"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(js), `"RTA_MULTIPATH",[{"flags":`) || !strings.Contains(string(js), `"hops":2,"oif":`+idx) {
		t.Errorf("multipath JSON: %s", js)
	}
	// Deletion, including a link-scope route without giving the scope.
	callT(t, c, `{"object":"route","cmd":"del","args":{"dst":"10.7.0.0/24"}}`)
	callT(t, c, `{"object":"route","cmd":"del","args":{"dst":"10.4.0.0/24","table":1000}}`)
	if err := callErr(c, `{"object":"route","cmd":"del","args":{"dst":"10.4.0.0/24","table":1000}}`); !errors.Is(err, unix.ESRCH) {
		t.Errorf("deleting a missing route: %v", err)
	}
}

func TestLiveCallNeighboursAndRules(t *testing.T) {
	ns := newNamedNetNS(t)
	c := dialNamed(t, ns)
	callT(t, c, `{"object":"link","cmd":"add","args":{"ifname":"v0","kind":"veth","peer":"v1"}}`)
	v0, _ := c.LinkByName("v0")
	idx := itoa(v0.Index)
	callT(t, c, `{"object":"neigh","cmd":"add","args":{"ifindex":`+idx+`,"dst":"10.0.0.9","lladdr":"00:11:22:33:44:55"}}`)
	callT(t, c, `{"object":"neigh","cmd":"replace","args":{"index":`+idx+`,"dst":"10.0.0.10","lladdr":"00:11:22:33:44:66","state":"reachable"}}`)
	callT(t, c, `{"object":"neigh","cmd":"add","args":{"ifindex":`+idx+`,"dst":"2001:db8::9","lladdr":"00:11:22:33:44:77","state":128}}`)
	ns4 := callT(t, c, `{"object":"neigh","cmd":"dump","args":{"ifindex":`+idx+`,"family":2}}`)
	if len(ns4) != 2 {
		t.Errorf("neigh dump: %d", len(ns4))
	}
	one := callT(t, c, `{"object":"neigh","cmd":"dump","args":{"dst":"10.0.0.9"}}`)
	if n, _ := NeighbourFromMessage(one[0]); len(one) != 1 || n.State != NUD_PERMANENT || n.LLAddr.String() != "00:11:22:33:44:55" {
		t.Errorf("neigh 10.0.0.9: %v", one)
	}
	callT(t, c, `{"object":"neigh","cmd":"del","args":{"ifindex":`+idx+`,"dst":"10.0.0.9"}}`)
	if left := callT(t, c, `{"object":"neigh","cmd":"dump","args":{"dst":"10.0.0.9"}}`); len(left) != 0 {
		t.Errorf("neigh not deleted")
	}

	callT(t, c, `{"object":"rule","cmd":"add","args":{"src":"10.0.0.0/8","table":100,"priority":100}}`)
	callT(t, c, `{"object":"rule","cmd":"add","args":{"fwmark":10,"fwmask":255,"table":1000,"priority":101}}`)
	callT(t, c, `{"object":"rule","cmd":"add","args":{"family":10,"dst":"2001:db8::/32","action":"blackhole"}}`)
	callT(t, c, `{"object":"rule","cmd":"add","args":{"iifname":"v0","table":"main","priority":102}}`)
	out := ipOut(t, ns, "rule", "show")
	for _, want := range []string{"100:\tfrom 10.0.0.0/8 lookup 100", "101:\tfrom all fwmark 0xa/0xff lookup 1000", "102:\tfrom all iif v0 lookup main"} {
		if !strings.Contains(out, want) {
			t.Errorf("ip rule lacks %q:\n%s", want, out)
		}
	}
	if out6 := ipOut(t, ns, "-6", "rule", "show"); !strings.Contains(out6, "32000:\tfrom all to 2001:db8::/32 blackhole") {
		t.Errorf("v6 rule with pyroute2's default priority 32000:\n%s", out6)
	}
	rules := callT(t, c, `{"object":"rule","cmd":"dump","args":{"table":1000}}`)
	if len(rules) != 1 {
		t.Errorf("rule dump table=1000: %d", len(rules))
	}
	callT(t, c, `{"object":"rule","cmd":"del","args":{"priority":101,"table":1000}}`)
	if rules := callT(t, c, `{"object":"rule","cmd":"dump","args":{"table":1000}}`); len(rules) != 0 {
		t.Errorf("rule not deleted")
	}
}

func TestLiveCallJSONAndArgErrors(t *testing.T) {
	ns := newNamedNetNS(t)
	c := dialNamed(t, ns)
	js, err := c.CallJSON(nil, []byte(`{"object":"link","cmd":"dump","args":{}}`))
	if err != nil {
		t.Fatal(err)
	}
	var arr []map[string]any
	if err := json.Unmarshal(js, &arr); err != nil || len(arr) != 1 || arr[0]["event"] != "RTM_NEWLINK" {
		t.Errorf("link dump JSON: %s %v", js, err)
	}
	ack, err := c.CallJSON(nil, []byte(`{"object":"link","cmd":"set","args":{"index":1,"state":"up"}}`))
	if err != nil || !strings.HasPrefix(string(ack), `[{"error":0,`) {
		t.Errorf("ack JSON: %s %v", ack, err)
	}
	for _, bad := range []string{
		`{"object":"route","cmd":"add","args":{"dst":"10.0.0.0/33"}}`,
		`{"object":"route","cmd":"add","args":{"dst":"10.0.0.0/24","gateway":"2001:db8::1"}}`,
		`{"object":"route","cmd":"add","args":{"dst":"10.0.0.0/24","bogus":1}}`,
		`{"object":"link","cmd":"add","args":{"ifname":"x","kind":"veth","peer":{"mtu":"big"}}}`,
		`{"object":"addr","cmd":"add","args":{"index":1}}`,
		`{"object":"frob","cmd":"add","args":{}}`,
		`{"object":"link","cmd":"explode","args":{}}`,
		`not json`,
	} {
		_, err := c.CallJSON(nil, []byte(bad))
		var ae *ArgError
		if !errors.As(err, &ae) {
			t.Errorf("%s: want *ArgError, got %v", bad, err)
		}
	}
}

func TestLiveNetNSManagement(t *testing.T) {
	requireRoot(t)
	name := "rtnl-mgmt-" + itoa(int(nsCounter.Add(1))) + "-" + itoa(unix.Getpid())
	if err := CreateNetNS(name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { RemoveNetNS(name) })
	names, err := ListNetNS()
	if err != nil || !contains(names, name) {
		t.Errorf("ListNetNS = %v, %v", names, err)
	}
	if err := CreateNetNS(name); !errors.Is(err, unix.EEXIST) {
		t.Errorf("second create: %v", err)
	}
	// `ip` sees it, and it is an empty namespace (just lo).
	if out, err := exec.Command("ip", "-n", name, "-o", "link").CombinedOutput(); err != nil || strings.Count(string(out), "\n") != 1 {
		t.Errorf("ip -n %s link: %s %v", name, out, err)
	}
	c := dialNamed(t, name)
	links, _ := c.Links()
	if len(links) != 1 {
		t.Errorf("new namespace has %d links", len(links))
	}
	c.Close()
	if err := RemoveNetNS(name); err != nil {
		t.Fatal(err)
	}
	names, _ = ListNetNS()
	if contains(names, name) {
		t.Error("still listed after remove")
	}
	if err := RemoveNetNS(name); !errors.Is(err, unix.ENOENT) {
		t.Errorf("second remove: %v", err)
	}
	for _, bad := range []string{"", "..", "a/b"} {
		var ae *ArgError
		if err := CreateNetNS(bad); !errors.As(err, &ae) {
			t.Errorf("CreateNetNS(%q): %v", bad, err)
		}
	}
}

var _ = netip.Addr{}
