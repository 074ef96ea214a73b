package rtnl

import (
	"encoding/binary"
	"net/netip"
	"reflect"
	"testing"
)

// wireAgrees checks one message against the generic path: when
// DecodeMessage and XFromMessage succeed, the wire decoder must give the
// same view (Msg aside) and the same filter answers; when it fails, the
// generic decoder must have failed too (the wire decoder may succeed where
// the generic one fails on an attribute the view does not use).
func wireAgrees(t *testing.T, msg []byte) {
	t.Helper()
	if len(msg) < nlmsgHeaderLen || int(binary.NativeEndian.Uint32(msg)) != len(msg) {
		return // exchange hands over only messages whose length was checked
	}
	m, _, gerr := DecodeMessage(msg)
	switch schemaFor(msgType(msg)) {
	case linkSchema:
		wl, werr := linkFromWire(msg)
		if gerr != nil {
			return
		}
		gl, err := LinkFromMessage(m)
		if err != nil {
			t.Fatal(err)
		}
		if werr != nil {
			t.Fatalf("wire link failed where the generic decoder did not: %v", werr)
		}
		gl.Msg = nil
		if !reflect.DeepEqual(gl, wl) {
			t.Fatalf("link views differ:\ngeneric %+v\nwire    %+v", gl, wl)
		}
		for _, f := range []LinkFilter{{}, {Master: gl.Master}, {Master: 99}, {Kind: gl.Kind}, {Kind: "nope"}} {
			if f.Match(m) != f.MatchLink(&wl) {
				t.Fatalf("filter %+v: Match %v, MatchLink %v", f, f.Match(m), f.MatchLink(&wl))
			}
		}
	case addrSchema:
		wa, werr := addressFromWire(msg)
		if gerr != nil {
			return
		}
		ga, err := AddressFromMessage(m)
		if err != nil {
			t.Fatal(err)
		}
		if werr != nil {
			t.Fatalf("wire address failed where the generic decoder did not: %v", werr)
		}
		ga.Msg = nil
		if !reflect.DeepEqual(ga, wa) {
			t.Fatalf("address views differ:\ngeneric %+v\nwire    %+v", ga, wa)
		}
		for _, f := range []AddressFilter{{}, {Family: ga.Family}, {Family: 99}, {Index: ga.Index}, {Index: ga.Index + 1}} {
			if f.Match(m) != f.MatchAddress(&wa) {
				t.Fatalf("filter %+v: Match %v, MatchAddress %v", f, f.Match(m), f.MatchAddress(&wa))
			}
		}
	case routeSchema:
		var wr Route
		werr := routeFromWire(msg, &wr)
		if gerr != nil {
			return
		}
		gr, err := RouteFromMessage(m)
		if err != nil {
			t.Fatal(err)
		}
		if werr != nil {
			t.Fatalf("wire route failed where the generic decoder did not: %v", werr)
		}
		gr.Msg = nil
		if !reflect.DeepEqual(gr, wr) {
			t.Fatalf("route views differ:\ngeneric %+v\nwire    %+v", gr, wr)
		}
		fs := []RouteFilter{{}, {Family: gr.Family}, {Family: 99}, {Table: gr.Table}, {Table: 7},
			{Protocol: gr.Protocol}, {Type: gr.Type + 1}, {OIF: gr.OIF}, {OIF: 12345}, {ZeroDst: true}}
		for _, h := range gr.Multipath {
			fs = append(fs, RouteFilter{OIF: h.OIF})
		}
		for _, f := range fs {
			if f.Match(m) != f.MatchRoute(&wr) {
				t.Fatalf("filter %+v: Match %v, MatchRoute %v", f, f.Match(m), f.MatchRoute(&wr))
			}
		}
		if wireNonZeroDst(msg) && wr.zeroDst() {
			t.Fatalf("wireNonZeroDst rejects a route whose view has a zero destination: %+v", wr)
		}
	}
}

func TestWireViewsMatchGoldenMessages(t *testing.T) {
	n := 0
	for _, g := range loadGolden(t) {
		msg := mustWire(t, g)
		switch schemaFor(msgType(msg)) {
		case linkSchema, addrSchema, routeSchema:
			n++
		}
		wireAgrees(t, msg)
	}
	if n < 30 {
		t.Fatalf("only %d link/address/route goldens", n)
	}
}

// wireMsg builds a message of type typ with a family header and raw
// attributes.
func wireMsg(typ uint16, hdr []byte, attrs ...[]byte) []byte {
	b := make([]byte, nlmsgHeaderLen, 256)
	binary.NativeEndian.PutUint16(b[4:], typ)
	b = append(b, hdr...)
	for _, a := range attrs {
		b = append(b, a...)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
	}
	binary.NativeEndian.PutUint32(b, uint32(len(b)))
	return b
}

func rawAttr(typ uint16, data ...byte) []byte {
	a := make([]byte, 4, 4+len(data))
	binary.NativeEndian.PutUint16(a, uint16(4+len(data)))
	binary.NativeEndian.PutUint16(a[2:], typ)
	return append(a, data...)
}

// Payloads of the wrong size, repeated attributes, flag bits in the type,
// and malformed streams: the corners where a hand-written decoder drifts.
func TestWireViewsOddPayloads(t *testing.T) {
	rt := []byte{AF_INET, 24, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0}
	rt6 := []byte{AF_INET6, 64, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0}
	ifa := []byte{AF_INET, 24, 0x80, 0, 3, 0, 0, 0}
	ifi := make([]byte, 16)
	binary.NativeEndian.PutUint32(ifi[4:], 7)
	cases := map[string][]byte{
		"route short gateway":     wireMsg(RTM_NEWROUTE, rt, rawAttr(RTA_GATEWAY, 10, 0, 0, 1), rawAttr(RTA_GATEWAY, 1, 2)),
		"route short dst":         wireMsg(RTM_NEWROUTE, rt, rawAttr(RTA_DST, 10, 0)),
		"route zero dst /1":       wireMsg(RTM_NEWROUTE, []byte{AF_INET, 1, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0}, rawAttr(RTA_DST, 0, 0, 0, 0)),
		"route dst then zero dst": wireMsg(RTM_NEWROUTE, rt, rawAttr(RTA_DST, 10, 0, 0, 0), rawAttr(RTA_DST, 0, 0, 0, 0)),
		"route dst bad dst_len":   wireMsg(RTM_NEWROUTE, []byte{AF_INET, 40, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0}, rawAttr(RTA_DST, 10, 0, 0, 0)),
		"route long oif":          wireMsg(RTM_NEWROUTE, rt, rawAttr(RTA_OIF, 3, 0, 0, 0, 9, 9)),
		"route short oif":         wireMsg(RTM_NEWROUTE, rt, rawAttr(RTA_OIF, 3, 0, 0, 0), rawAttr(RTA_OIF, 3)),
		"route nested flag":       wireMsg(RTM_NEWROUTE, rt, rawAttr(RTA_TABLE|0x8000, 100, 0, 0, 0)),
		"route v6 with v4 gw":     wireMsg(RTM_NEWROUTE, rt6, rawAttr(RTA_GATEWAY, 10, 0, 0, 1)),
		"route unknown attr":      wireMsg(RTM_NEWROUTE, rt, rawAttr(200, 1, 2, 3)),
		"route mpls dst":          wireMsg(RTM_NEWROUTE, []byte{AF_MPLS, 20, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0}, rawAttr(RTA_DST, 0, 1, 0x41, 0xff)),
		"route bad metrics":       wireMsg(RTM_NEWROUTE, rt, rawAttr(RTA_METRICS, 3, 0)),
		"route metrics":           wireMsg(RTM_NEWROUTE, rt, rawAttr(RTA_METRICS, 8, 0, RTAX_MTU, 0, 0xdc, 5, 0, 0)),
		"route multipath":         wireMsg(RTM_NEWROUTE, rt, rawAttr(RTA_MULTIPATH, 16, 0, 0, 1, 3, 0, 0, 0, 8, 0, RTA_GATEWAY, 0, 10, 0, 0, 2)),
		"route bad stream":        append(wireMsg(RTM_NEWROUTE, rt, rawAttr(RTA_OIF, 3, 0, 0, 0))[:0:0], wireMsg(RTM_NEWROUTE, rt, []byte{40, 0, 4, 0, 1, 0, 0, 0})...),
		"route short header":      wireMsg(RTM_NEWROUTE, rt[:8]),
		"address v4 odd":          wireMsg(RTM_NEWADDR, ifa, rawAttr(IFA_LOCAL, 1, 2, 3, 4, 5), rawAttr(IFA_ADDRESS, 1, 2, 3), rawAttr(IFA_FLAGS, 1), rawAttr(IFA_LABEL, 'a', 0, 'b')),
		"address 9 byte ip":       wireMsg(RTM_NEWADDR, ifa, rawAttr(IFA_ADDRESS, 1, 2, 3, 4, 5, 6, 7, 8, 9)),
		"address cacheinfo short": wireMsg(RTM_NEWADDR, ifa, rawAttr(IFA_CACHEINFO, 1, 0, 0, 0)),
		"address cacheinfo":       wireMsg(RTM_NEWADDR, ifa, rawAttr(IFA_CACHEINFO, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0)),
		"address label no nul":    wireMsg(RTM_NEWADDR, ifa, rawAttr(IFA_LABEL, 'x', 'y')),
		"link odd":                wireMsg(RTM_NEWLINK, ifi, rawAttr(IFLA_IFNAME, 'v', '0', 0), rawAttr(IFLA_MTU, 1), rawAttr(IFLA_ADDRESS), rawAttr(IFLA_LINK_NETNSID, 0xff, 0xff, 0xff, 0xff), rawAttr(IFLA_CARRIER, 0, 1)),
		"link operstate":          wireMsg(RTM_NEWLINK, ifi, rawAttr(IFLA_OPERSTATE, 6), rawAttr(IFLA_OPERSTATE, 77)),
		"link altnames":           wireMsg(RTM_NEWLINK, ifi, rawAttr(IFLA_PROP_LIST|0x8000, 8, 0, 53, 0, 'a', 'b', 0, 0)),
		"link kind":               wireMsg(RTM_NEWLINK, ifi, rawAttr(IFLA_LINKINFO, 9, 0, 1, 0, 'v', 'e', 't', 'h', 0)),
	}
	for name, msg := range cases {
		t.Run(name, func(t *testing.T) { wireAgrees(t, msg) })
	}
	var r Route
	if err := routeFromWire(cases["route short header"], &r); err == nil {
		t.Error("short rtmsg accepted")
	}
	if err := routeFromWire(cases["route multipath"], &r); err != nil || len(r.Multipath) != 1 || r.Multipath[0].Gateway != netip.MustParseAddr("10.0.0.2") {
		t.Errorf("multipath: %+v %v", r, err)
	}
}

func FuzzWireViews(f *testing.F) {
	for _, g := range loadGolden(f) {
		f.Add(mustWire(f, g))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, typ := range []uint16{RTM_NEWLINK, RTM_NEWADDR, RTM_NEWROUTE} {
			if len(b) < nlmsgHeaderLen {
				return
			}
			msg := append([]byte(nil), b...)
			binary.NativeEndian.PutUint32(msg, uint32(len(msg)))
			binary.NativeEndian.PutUint16(msg[4:], typ)
			wireAgrees(t, msg)
		}
	})
}
