package rtnl

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
)

// Independent wire helpers: the expected bytes below are spelled out with
// these, not with AttrEncoder, so the builder is checked against the
// netlink format itself.
func nla(typ uint16, payload ...[]byte) []byte {
	var p []byte
	for _, x := range payload {
		p = append(p, x...)
	}
	b := make([]byte, 4, 4+len(p)+3)
	binary.LittleEndian.PutUint16(b, uint16(4+len(p)))
	binary.LittleEndian.PutUint16(b[2:], typ)
	b = append(b, p...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}
func le16(v uint16) []byte { return binary.LittleEndian.AppendUint16(nil, v) }
func le32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }
func be16(v uint16) []byte { return binary.BigEndian.AppendUint16(nil, v) }
func be32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }
func cstr(s string) []byte { return append([]byte(s), 0) }
func cat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
func ifinfo(index int32, flags, change uint32) []byte {
	return IfInfoMsg{Index: index, Flags: flags, Change: change}.Bytes()
}

func mustBuild(t *testing.T, js string, opts ...BuildOptions) *Built {
	t.Helper()
	c, err := ParseCall([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	o := BuildOptions{}
	if len(opts) > 0 {
		o = opts[0]
	}
	b, err := BuildRequest(c, o)
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return b
}

func TestBuildGoldenBytes(t *testing.T) {
	tests := []struct {
		name  string
		call  string
		typ   uint16
		flags uint16
		want  []byte
	}{
		{
			"dummy (kernel here lacks it)",
			`{"object":"link","cmd":"add","args":{"ifname":"d0","kind":"dummy"}}`,
			RTM_NEWLINK, flagsCreate,
			cat(ifinfo(0, 0, 0), nla(IFLA_IFNAME, cstr("d0")), nla(IFLA_LINKINFO, nla(IFLA_INFO_KIND, cstr("dummy")))),
		},
		{
			"vlan 802.1ad with flags",
			`{"object":"link","cmd":"add","args":{"ifname":"eth0.10","kind":"vlan","link":2,"vlan_id":10,"vlan_protocol":"802.1ad","vlan_flags":["reorder_hdr","gvrp"]}}`,
			RTM_NEWLINK, flagsCreate,
			cat(ifinfo(0, 0, 0), nla(IFLA_IFNAME, cstr("eth0.10")), nla(IFLA_LINK, le32(2)),
				nla(IFLA_LINKINFO, nla(IFLA_INFO_KIND, cstr("vlan")), nla(IFLA_INFO_DATA,
					nla(2 /*IFLA_VLAN_FLAGS*/, le32(3), le32(3)),
					nla(1 /*IFLA_VLAN_ID*/, le16(10)),
					nla(5 /*IFLA_VLAN_PROTOCOL*/, be16(0x88a8))))),
		},
		{
			"bond 802.3ad",
			`{"object":"link","cmd":"add","args":{"ifname":"bond0","kind":"bond","bond_mode":"802.3ad","bond_miimon":100,"state":"up"}}`,
			RTM_NEWLINK, flagsCreate,
			cat(ifinfo(0, IFF_UP, IFF_UP), nla(IFLA_IFNAME, cstr("bond0")),
				nla(IFLA_LINKINFO, nla(IFLA_INFO_KIND, cstr("bond")), nla(IFLA_INFO_DATA,
					nla(3 /*IFLA_BOND_MIIMON*/, le32(100)),
					nla(1 /*IFLA_BOND_MODE*/, []byte{4})))),
		},
		{
			"vrf",
			`{"object":"link","cmd":"add","args":{"ifname":"vrf-blue","kind":"vrf","vrf_table":10}}`,
			RTM_NEWLINK, flagsCreate,
			cat(ifinfo(0, 0, 0), nla(IFLA_IFNAME, cstr("vrf-blue")),
				nla(IFLA_LINKINFO, nla(IFLA_INFO_KIND, cstr("vrf")), nla(IFLA_INFO_DATA, nla(1, le32(10))))),
		},
		{
			"gre",
			`{"object":"link","cmd":"add","args":{"ifname":"gre1","kind":"gre","gre_local":"192.0.2.1","gre_remote":"192.0.2.2","gre_ttl":64,"gre_ikey":5,"gre_iflags":8192}}`,
			RTM_NEWLINK, flagsCreate,
			cat(ifinfo(0, 0, 0), nla(IFLA_IFNAME, cstr("gre1")),
				nla(IFLA_LINKINFO, nla(IFLA_INFO_KIND, cstr("gre")), nla(IFLA_INFO_DATA,
					nla(2 /*IFLA_GRE_IFLAGS*/, be16(0x2000)),
					nla(4 /*IFLA_GRE_IKEY*/, be32(5)),
					nla(6 /*IFLA_GRE_LOCAL*/, []byte{192, 0, 2, 1}),
					nla(7 /*IFLA_GRE_REMOTE*/, []byte{192, 0, 2, 2}),
					nla(8 /*IFLA_GRE_TTL*/, []byte{64})))),
		},
		{
			"veth with peer dict",
			`{"object":"link","cmd":"add","args":{"ifname":"va","kind":"veth","peer":{"ifname":"vb","mtu":1400}}}`,
			RTM_NEWLINK, flagsCreate,
			cat(ifinfo(0, 0, 0), nla(IFLA_IFNAME, cstr("va")),
				nla(IFLA_LINKINFO, nla(IFLA_INFO_KIND, cstr("veth")), nla(IFLA_INFO_DATA,
					nla(1 /*VETH_INFO_PEER*/, ifinfo(0, 0, 0), nla(IFLA_IFNAME, cstr("vb")), nla(IFLA_MTU, le32(1400)))))),
		},
		{
			"link set state down by index list",
			`{"object":"link","cmd":"set","args":{"index":[7],"state":"down","mtu":9000}}`,
			RTM_NEWLINK, flagsReq,
			cat(ifinfo(7, 0, IFF_UP), nla(IFLA_MTU, le32(9000))),
		},
		{
			"addr add v4 with mask= and broadcast",
			`{"object":"addr","cmd":"add","args":{"index":3,"address":"10.0.0.1","mask":"255.255.255.0","broadcast":true}}`,
			RTM_NEWADDR, flagsCreate,
			cat([]byte{AF_INET, 24, 0, 0}, le32(3), nla(IFA_ADDRESS, []byte{10, 0, 0, 1}), nla(IFA_LOCAL, []byte{10, 0, 0, 1}),
				nla(IFA_BROADCAST, []byte{10, 0, 0, 255})),
		},
		{
			"addr del v6",
			`{"object":"addr","cmd":"del","args":{"index":3,"address":"2001:db8::1/64"}}`,
			RTM_DELADDR, flagsReq,
			cat([]byte{AF_INET6, 64, 0, 0}, le32(3), nla(IFA_ADDRESS, []byte{0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1})),
		},
		{
			"route add table 1000 with metrics",
			`{"object":"route","cmd":"add","args":{"dst":"10.3.0.0/24","gateway":"10.0.0.2","table":1000,"priority":50,"metrics":{"mtu":1300,"hoplimit":16}}}`,
			RTM_NEWROUTE, flagsCreate,
			cat([]byte{AF_INET, 24, 0, 0, RT_TABLE_UNSPEC, RTPROT_STATIC, 0, RTN_UNICAST}, le32(0),
				nla(RTA_TABLE, le32(1000)), nla(RTA_DST, []byte{10, 3, 0, 0}), nla(RTA_GATEWAY, []byte{10, 0, 0, 2}),
				nla(RTA_METRICS, nla(RTAX_HOPLIMIT, le32(16)), nla(RTAX_MTU, le32(1300))),
				nla(RTA_PRIORITY, le32(50))),
		},
		{
			"route add multipath, hops raw",
			`{"object":"route","cmd":"add","args":{"dst":"10.2.0.0/24","multipath":[{"gateway":"10.0.0.2","hops":1},{"gateway":"10.0.0.3","oif":3,"weight":3}]}}`,
			RTM_NEWROUTE, flagsCreate,
			cat([]byte{AF_INET, 24, 0, 0, RT_TABLE_MAIN, RTPROT_STATIC, 0, RTN_UNICAST}, le32(0),
				nla(RTA_DST, []byte{10, 2, 0, 0}),
				nla(RTA_MULTIPATH,
					le16(16), []byte{0, 1}, le32(0), nla(RTA_GATEWAY, []byte{10, 0, 0, 2}),
					le16(16), []byte{0, 2}, le32(3), nla(RTA_GATEWAY, []byte{10, 0, 0, 3}))),
		},
		{
			"route blackhole, proto by name, scope by name",
			`{"object":"route","cmd":"replace","args":{"dst":"10.5.0.0/16","type":"blackhole","proto":"boot","scope":"link"}}`,
			RTM_NEWROUTE, flagsReplace,
			cat([]byte{AF_INET, 16, 0, 0, RT_TABLE_MAIN, RTPROT_BOOT, RT_SCOPE_LINK, RTN_BLACKHOLE}, le32(0),
				nla(RTA_DST, []byte{10, 5, 0, 0})),
		},
		{
			"route del matches any scope",
			`{"object":"route","cmd":"del","args":{"dst":"10.7.0.0/24","table":100}}`,
			RTM_DELROUTE, flagsReq,
			cat([]byte{AF_INET, 24, 0, 0, 100, 0, RT_SCOPE_NOWHERE, 0}, le32(0),
				nla(RTA_TABLE, le32(100)), nla(RTA_DST, []byte{10, 7, 0, 0})),
		},
		{
			"v6 route priority 0 becomes 1024",
			`{"object":"route","cmd":"append","args":{"dst":"2001:db8:1::/64","gateway":"fe80::1","oif":2,"priority":0}}`,
			RTM_NEWROUTE, flagsAppend,
			cat([]byte{AF_INET6, 64, 0, 0, RT_TABLE_MAIN, RTPROT_STATIC, 0, RTN_UNICAST}, le32(0),
				nla(RTA_DST, []byte{0x20, 1, 0xd, 0xb8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
				nla(RTA_GATEWAY, []byte{0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}),
				nla(RTA_OIF, le32(2)), nla(RTA_PRIORITY, le32(1024))),
		},
		{
			"MPLS route with label swap and via",
			`{"object":"route","cmd":"add","args":{"family":28,"dst":100,"newdst":[200,300],"via":{"family":2,"addr":"10.0.0.2"},"oif":3}}`,
			RTM_NEWROUTE, flagsCreate,
			cat([]byte{AF_MPLS, 20, 0, 0, RT_TABLE_MAIN, RTPROT_STATIC, 0, RTN_UNICAST}, le32(0),
				nla(RTA_DST, be32(100<<12|0x100)),
				nla(RTA_NEWDST, be32(200<<12), be32(300<<12|0x100)),
				nla(RTA_OIF, le32(3)),
				nla(RTA_VIA, le16(AF_INET), []byte{10, 0, 0, 2})),
		},
		{
			"route with MPLS encap",
			`{"object":"route","cmd":"add","args":{"dst":"10.8.0.0/24","oif":3,"encap":{"type":"mpls","labels":"200/300"}}}`,
			RTM_NEWROUTE, flagsCreate,
			cat([]byte{AF_INET, 24, 0, 0, RT_TABLE_MAIN, RTPROT_STATIC, 0, RTN_UNICAST}, le32(0),
				nla(RTA_DST, []byte{10, 8, 0, 0}),
				nla(RTA_ENCAP_TYPE, le16(LWTUNNEL_ENCAP_MPLS)),
				nla(RTA_ENCAP, nla(1, be32(200<<12), be32(300<<12|0x100))),
				nla(RTA_OIF, le32(3))),
		},
		{
			"neigh add defaults to permanent",
			`{"object":"neigh","cmd":"add","args":{"ifindex":3,"dst":"10.0.0.9","lladdr":"00:11:22:33:44:55"}}`,
			RTM_NEWNEIGH, flagsCreate,
			cat(NdMsg{Family: AF_INET, Ifindex: 3, State: NUD_PERMANENT}.Bytes(),
				nla(NDA_DST, []byte{10, 0, 0, 9}), nla(NDA_LLADDR, []byte{0, 0x11, 0x22, 0x33, 0x44, 0x55})),
		},
		{
			"rule with table above 255",
			`{"object":"rule","cmd":"add","args":{"src":"10.0.0.0/8","table":1000,"priority":100}}`,
			RTM_NEWRULE, flagsCreate,
			cat(FibRuleHdr{Family: AF_INET, SrcLen: 8, Table: RT_TABLE_COMPAT, Action: FR_ACT_TO_TBL}.Bytes(),
				nla(FRA_TABLE, le32(1000)), nla(FRA_PRIORITY, le32(100)), nla(FRA_SRC, []byte{10, 0, 0, 0})),
		},
	}
	for _, tc := range tests {
		b := mustBuild(t, tc.call)
		if b.Request.Type != tc.typ || b.Request.Flags != tc.flags {
			t.Errorf("%s: type %d flags %#x, want %d %#x", tc.name, b.Request.Type, b.Request.Flags, tc.typ, tc.flags)
		}
		if !bytes.Equal(b.Request.Data, tc.want) {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, hex.EncodeToString(b.Request.Data), hex.EncodeToString(tc.want))
		}
		// Every request decodes with our own decoder.
		if _, _, err := DecodeMessage(b.Request.AppendWire(nil, 1, 1)); err != nil {
			t.Errorf("%s: request does not decode: %v", tc.name, err)
		}
	}
}

func TestBuildNetNSFDOpensAndCloses(t *testing.T) {
	var opened []string
	var closed []int
	opts := BuildOptions{
		OpenNetNS: func(n string) (int, error) { opened = append(opened, n); return 42, nil },
		CloseFD:   func(fd int) { closed = append(closed, fd) },
	}
	b := mustBuild(t, `{"object":"link","cmd":"set","args":{"index":5,"net_ns_fd":"blue"}}`, opts)
	want := cat(ifinfo(5, 0, 0), nla(IFLA_NET_NS_FD, le32(42)))
	if !bytes.Equal(b.Request.Data, want) || len(opened) != 1 || opened[0] != "blue" {
		t.Errorf("got %x opened %v", b.Request.Data, opened)
	}
	b.Close()
	b.Close()
	if len(closed) != 1 || closed[0] != 42 {
		t.Errorf("closed %v", closed)
	}
	// An integer is an fd the caller owns: nothing is opened or closed.
	b = mustBuild(t, `{"object":"link","cmd":"set","args":{"index":5,"net_ns_fd":7}}`, opts)
	b.Close()
	if len(opened) != 1 || len(closed) != 1 {
		t.Errorf("integer fd opened/closed something: %v %v", opened, closed)
	}
}

func TestBuildDumpsAndFilters(t *testing.T) {
	b := mustBuild(t, `{"object":"route","cmd":"dump","args":{"table":100,"family":2,"dst":"10.3.0.0/24"}}`)
	if !b.Dump || b.Request.Type != RTM_GETROUTE || b.Request.Flags != flagsDump {
		t.Fatalf("route dump: %+v", b)
	}
	gs := loadGolden(t)
	in := decodeGolden(t, gs, "routes 10.3.0.0 RTM_NEWROUTE")
	out := decodeGolden(t, gs, "routes 10.4.0.0 RTM_NEWROUTE")
	if !b.Match(in) || b.Match(out) {
		t.Errorf("route dump filter: in %v out %v", b.Match(in), b.Match(out))
	}
	lb := mustBuild(t, `{"object":"link","cmd":"dump","args":{"ifname":"v0"}}`)
	if !lb.Match(decodeGolden(t, gs, "links v0 RTM_NEWLINK")) || lb.Match(decodeGolden(t, gs, "links v1 RTM_NEWLINK")) {
		t.Error("link dump by ifname")
	}
	kb := mustBuild(t, `{"object":"link","cmd":"dump","args":{"kind":"bridge"}}`)
	if !kb.Match(decodeGolden(t, gs, "links br0 RTM_NEWLINK")) || kb.Match(decodeGolden(t, gs, "links v0 RTM_NEWLINK")) {
		t.Error("link dump by kind")
	}
	rb := mustBuild(t, `{"object":"rule","cmd":"dump","args":{}}`)
	if rb.Request.Flags != flagsRoot {
		t.Errorf("rule dump flags %#x, want ROOT|ATOMIC", rb.Request.Flags)
	}
	ab := mustBuild(t, `{"object":"addr","cmd":"dump","args":{"address":"10.0.0.1"}}`)
	if !ab.Match(decodeGolden(t, gs, "addrs 10.0.0.1 RTM_NEWADDR")) || ab.Match(decodeGolden(t, gs, "addrs 127.0.0.1 RTM_NEWADDR")) {
		t.Error("addr dump by address")
	}
	if gb := mustBuild(t, `{"object":"route","cmd":"get","args":{"dst":"10.1.0.9"}}`); !gb.Get || gb.Dump || gb.Request.Flags != flagsReq {
		t.Errorf("route get: %+v", gb)
	}
}

func TestBuildTunTapSpec(t *testing.T) {
	b := mustBuild(t, `{"object":"link","cmd":"add","args":{"ifname":"tap0","kind":"tuntap","mode":"tap","uid":1000,"ifr":{"no_pi":true},"mtu":1280}}`)
	tt := b.TunTap
	if tt == nil || tt.Name != "tap0" || !tt.Tap || tt.UID != 1000 || tt.GID != -1 || tt.Flags != IFF_NO_PI || tt.Set["mtu"] == nil {
		t.Errorf("tuntap spec: %+v", tt)
	}
}

func TestBuildArgErrors(t *testing.T) {
	for _, js := range []string{
		`{"object":"route","cmd":"add","args":{"dst":"10.0.0.0/33"}}`,
		`{"object":"route","cmd":"add","args":{"dst":"10.0.0.0/24","gateway":"2001:db8::1"}}`,
		`{"object":"route","cmd":"add","args":{"dst":"nonsense"}}`,
		`{"object":"route","cmd":"add","args":{"table":"nosuchtable"}}`,
		`{"object":"route","cmd":"add","args":{"metrics":{"nosuchmetric":1}}}`,
		`{"object":"route","cmd":"add","args":{"multipath":[]}}`,
		`{"object":"route","cmd":"add","args":{"multipath":[{"weight":0}]}}`,
		`{"object":"route","cmd":"add","args":{"family":28,"dst":100,"gateway":"10.0.0.1"}}`,
		`{"object":"route","cmd":"add","args":{"encap":{"type":"seg6","segs":"x"}}}`,
		`{"object":"link","cmd":"add","args":{"ifname":"x","mtu":-1}}`,
		`{"object":"link","cmd":"add","args":{"ifname":"x","mtu":4294967296}}`,
		`{"object":"link","cmd":"add","args":{"ifname":"x","address":"zz:zz"}}`,
		`{"object":"link","cmd":"add","args":{"ifname":"x","kind":"dummy","vlan_id":3}}`,
		`{"object":"link","cmd":"add","args":{"ifname":"x","peer":"y"}}`,
		`{"object":"link","cmd":"set","args":{"index":1,"state":"sideways"}}`,
		`{"object":"link","cmd":"add","args":{"ifname":"bad\u0000name"}}`,
		`{"object":"link","cmd":"add","args":{"ifname":"waytoolongforatapdevice","kind":"tuntap"}}`,
		`{"object":"link","cmd":"set","args":{"index":1,"net_ns_fd":"blue"}}`,
		`{"object":"addr","cmd":"add","args":{"index":1,"address":"10.0.0.1/24","valid_lft":10,"preferred_lft":20}}`,
		`{"object":"addr","cmd":"add","args":{"index":1,"address":"10.0.0.1","mask":"255.0.255.0"}}`,
		`{"object":"neigh","cmd":"add","args":{"ifindex":1,"dst":"10.0.0.1","state":"confused"}}`,
		`{"object":"rule","cmd":"add","args":{"action":"explode"}}`,
		`{"object":"nexthop","cmd":"add","args":{}}`,
		// Header fields are never truncated to their width.
		`{"object":"link","cmd":"get","args":{"index":4294967297}}`,
		`{"object":"link","cmd":"get","args":{"index":-2147483649}}`,
		`{"object":"addr","cmd":"add","args":{"index":1,"address":"10.0.0.1/24","prefixlen":256}}`,
		`{"object":"route","cmd":"add","args":{"dst":"10.0.0.0/24","scope":300}}`,
	} {
		c, err := ParseCall([]byte(js))
		if err != nil {
			t.Fatal(err)
		}
		_, err = BuildRequest(c, BuildOptions{})
		var ae *ArgError
		if !errors.As(err, &ae) {
			t.Errorf("%s: want *ArgError, got %v", js, err)
			continue
		}
		if !strings.HasPrefix(ae.Error(), "rtnl: ") {
			t.Errorf("error text %q", ae.Error())
		}
	}
}

func FuzzBuildRequest(f *testing.F) {
	for _, s := range []string{
		`{"object":"route","cmd":"add","args":{"dst":"10.0.0.0/24","multipath":[{"gateway":"10.0.0.2","hops":1}]}}`,
		`{"object":"link","cmd":"add","args":{"ifname":"x","kind":"veth","peer":{"ifname":"y"}}}`,
		`{"object":"addr","cmd":"add","args":{"index":1,"address":"2001:db8::1/64"}}`,
		`{"object":"rule","cmd":"add","args":{"src":"10.0.0.0/8","table":100}}`,
		`{"object":"neigh","cmd":"add","args":{"ifindex":1,"dst":"10.0.0.1","lladdr":"aa:bb:cc:dd:ee:ff"}}`,
		`{"object":"route","cmd":"add","args":{"family":28,"dst":100,"newdst":[200]}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, js []byte) {
		c, err := ParseCall(js)
		if err != nil {
			return
		}
		b, err := BuildRequest(c, BuildOptions{OpenNetNS: func(string) (int, error) { return 3, nil }, CloseFD: func(int) {}})
		if err != nil {
			var ae *ArgError
			var ee *EncodeError
			if !errors.As(err, &ae) && !errors.As(err, &ee) {
				t.Fatalf("untyped error %T %v", err, err)
			}
			return
		}
		defer b.Close()
		if b.TunTap == nil {
			if _, _, err := DecodeMessage(b.Request.AppendWire(nil, 1, 1)); err != nil {
				t.Fatalf("built request does not decode: %v", err)
			}
		}
	})
}
