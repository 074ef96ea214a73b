package rtnl

import (
	"encoding/binary"
	"reflect"
	"testing"
)

// walkWire reads msg with WireMessage and rebuilds what DecodeMessage
// gives: the fixed fields (in Message.Fields' shape) and the attributes.
func walkWire(msg []byte) (ok bool, fields []Member, pads []string, attrs Attrs, err error) {
	w, ok := ReadWire(msg)
	if !ok {
		return false, nil, nil, nil, nil
	}
	for i := 0; i < w.NumFields(); i++ {
		name, v, pad := w.Field(i)
		if pad {
			pads = append(pads, name)
			continue
		}
		fields = append(fields, Member{Name: name, Value: Int(v)})
	}
	attrs = Attrs{}
	a := w.Attrs()
	for a.Next() {
		var v Value
		switch a.Kind() {
		case WireUint:
			v = Uint(a.Uint())
		case WireInt:
			v = Int(a.Int())
		case WireString:
			v = String(a.Bytes())
		case WireAddr:
			v = IP(a.Addr())
		case WireNone:
			v = None{}
		case WireTrue:
			v = Bool(true)
		default:
			if v, err = a.Value(); err != nil {
				if a.Next() {
					return true, fields, pads, attrs, nil // Next must stop after an error
				}
				return true, fields, pads, attrs, a.Err()
			}
		}
		attrs = append(attrs, Attr{Name: a.Name(), Type: a.Type(), Value: v})
	}
	return true, fields, pads, attrs, a.Err()
}

// wireWalkAgrees checks that walking msg gives DecodeMessage's message.
func wireWalkAgrees(t *testing.T, msg []byte) {
	t.Helper()
	m, _, derr := DecodeMessage(msg)
	ok, fields, pads, attrs, err := walkWire(msg)
	schemaOK := m != nil && m.schema != nil && m.schema != errSchema && m.Raw == nil
	if ok != schemaOK {
		t.Fatalf("ReadWire ok=%v, DecodeMessage schema=%v (%v)", ok, schemaOK, derr)
	}
	if !ok {
		return
	}
	if (err == nil) != (derr == nil) || (err != nil && err.Error() != derr.Error()) {
		t.Fatalf("errors differ: wire %v, decode %v", err, derr)
	}
	w0, _ := ReadWire(msg)
	if cerr := w0.Check(); (cerr == nil) != (derr == nil) || (cerr != nil && cerr.Error() != derr.Error()) {
		t.Fatalf("Check: %v, decode %v", cerr, derr)
	}
	if derr != nil {
		return // the message is not delivered either way
	}
	if !reflect.DeepEqual(fields, m.Fields()) {
		t.Errorf("fields: wire %v, decode %v", fields, m.Fields())
	}
	var wantPads []string
	for _, f := range m.schema.fields {
		if f.pad {
			wantPads = append(wantPads, f.name)
		}
	}
	if !reflect.DeepEqual(pads, wantPads) {
		t.Errorf("pads: wire %v, decode %v", pads, wantPads)
	}
	if len(attrs) == 0 && len(m.Attrs) == 0 {
		return
	}
	if !reflect.DeepEqual(attrs, m.Attrs) {
		t.Errorf("attrs:\nwire   %s\ndecode %s", attrs.AppendJSONList(nil), m.Attrs.AppendJSONList(nil))
	}
	w, _ := ReadWire(msg)
	if w.Kind() != m.Kind() || w.Event() != m.Event() || w.Header != m.Header {
		t.Errorf("kind/event/header: %s %s %+v vs %s %s %+v", w.Kind(), w.Event(), w.Header, m.Kind(), m.Event(), m.Header)
	}
}

func TestWireWalkGolden(t *testing.T) {
	for _, g := range loadGolden(t) {
		t.Run(g.Name, func(t *testing.T) { wireWalkAgrees(t, mustWire(t, g)) })
	}
}

// The corners where reading values in place could drift from decodeValue:
// payload sizes around each format's width, address formats per family,
// flag bits, unknown types, nested and malformed streams.
func TestWireWalkOddPayloads(t *testing.T) {
	rt := []byte{AF_INET, 24, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0}
	rt6 := []byte{AF_INET6, 64, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0}
	rtOther := []byte{AF_BRIDGE, 64, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0}
	ifa := []byte{AF_INET, 24, 0x80, 0, 3, 0, 0, 0}
	ifi := make([]byte, 16)
	binary.NativeEndian.PutUint32(ifi[4:], 0xfffffff9) // negative index: a signed field
	nd := []byte{AF_INET, 0, 0, 0, 3, 0, 0, 0, 0x80, 0, 0, 1}
	v6 := []byte{0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}
	cases := map[string][]byte{
		"route gateways":       wireMsg(RTM_NEWROUTE, rt, rawAttr(RTA_GATEWAY, 10, 0, 0, 1), rawAttr(RTA_GATEWAY, 1, 2), rawAttr(RTA_GATEWAY, append(v6, 1)...)),
		"route v6 gateways":    wireMsg(RTM_NEWROUTE, rt6, rawAttr(RTA_GATEWAY, 10, 0, 0, 1), rawAttr(RTA_GATEWAY, v6...), rawAttr(RTA_DST, v6[:15]...)),
		"route other family":   wireMsg(RTM_NEWROUTE, rtOther, rawAttr(RTA_GATEWAY, 10, 0, 0, 1), rawAttr(RTA_GATEWAY, v6...), rawAttr(RTA_GATEWAY, 1, 2, 3, 4, 5), rawAttr(RTA_PREFSRC, 1, 2, 3, 4, 5, 6)),
		"route mpls":           wireMsg(RTM_NEWROUTE, []byte{AF_MPLS, 20, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0}, rawAttr(RTA_DST, 0, 1, 0x41, 0xff), rawAttr(RTA_NEWDST, 0, 2, 0x1, 0xff)),
		"route ints":           wireMsg(RTM_NEWROUTE, rt, rawAttr(RTA_OIF, 3, 0, 0, 0, 9, 9), rawAttr(RTA_OIF, 3), rawAttr(RTA_TABLE|0x8000, 100, 0, 0, 0), rawAttr(RTA_PRIORITY)),
		"route metrics":        wireMsg(RTM_NEWROUTE, rt, rawAttr(RTA_METRICS, 8, 0, RTAX_MTU, 0, 0xdc, 5, 0, 0), rawAttr(RTA_METRICS, 3, 0)),
		"route multipath":      wireMsg(RTM_NEWROUTE, rt, rawAttr(RTA_MULTIPATH, 16, 0, 0, 1, 3, 0, 0, 0, 8, 0, RTA_GATEWAY, 0, 10, 0, 0, 2)),
		"route unknown":        wireMsg(RTM_NEWROUTE, rt, rawAttr(200, 1, 2, 3), rawAttr(0)),
		"route bad stream":     wireMsg(RTM_NEWROUTE, rt, rawAttr(RTA_OIF, 3, 0, 0, 0), []byte{40, 0, 4, 0, 1, 0, 0, 0}),
		"route short stream":   wireMsg(RTM_NEWROUTE, rt, rawAttr(RTA_OIF, 3, 0, 0, 0), []byte{4, 0}),
		"route bad nested":     wireMsg(RTM_NEWROUTE, rt, rawAttr(RTA_OIF, 3, 0, 0, 0), rawAttr(RTA_MULTIPATH, 16, 0, 0, 1, 3, 0, 0, 0, 40, 0, RTA_GATEWAY, 0, 10, 0, 0, 2)),
		"route short header":   wireMsg(RTM_NEWROUTE, rt[:8]),
		"address odd":          wireMsg(RTM_NEWADDR, ifa, rawAttr(IFA_LOCAL, 1, 2, 3, 4, 5), rawAttr(IFA_ADDRESS, 1, 2, 3), rawAttr(IFA_FLAGS, 1), rawAttr(IFA_LABEL, 'a', 0, 'b'), rawAttr(IFA_LABEL, 0xff, 'x')),
		"address 9 byte ip":    wireMsg(RTM_NEWADDR, ifa, rawAttr(IFA_ADDRESS, 1, 2, 3, 4, 5, 6, 7, 8, 9), rawAttr(IFA_ADDRESS, 1, 2, 3, 4, 5, 6, 7, 8)),
		"address cacheinfo":    wireMsg(RTM_NEWADDR, ifa, rawAttr(IFA_CACHEINFO, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0), rawAttr(IFA_CACHEINFO, 1)),
		"link odd":             wireMsg(RTM_NEWLINK, ifi, rawAttr(IFLA_IFNAME, 'v', '0', 0), rawAttr(IFLA_MTU, 1), rawAttr(IFLA_ADDRESS), rawAttr(IFLA_ADDRESS, 1, 2, 3, 4), rawAttr(IFLA_BROADCAST, 1, 2, 3, 4, 5, 6), rawAttr(IFLA_LINK_NETNSID, 0xff, 0xff, 0xff, 0xff), rawAttr(IFLA_CARRIER, 0, 1)),
		"link kind and data":   wireMsg(RTM_NEWLINK, ifi, rawAttr(IFLA_LINKINFO, 9, 0, 1, 0, 'v', 'x', 'l', 'a', 'n', 0, 0, 0, 12, 0, 2, 0, 8, 0, 1, 0, 42, 0, 0, 0)),
		"link operstate":       wireMsg(RTM_NEWLINK, ifi, rawAttr(IFLA_OPERSTATE, 6), rawAttr(IFLA_OPERSTATE, 77)),
		"neighbour":            wireMsg(RTM_NEWNEIGH, nd, rawAttr(NDA_DST, 10, 0, 0, 9), rawAttr(NDA_LLADDR, 0, 0x11, 0x22, 0x33, 0x44, 0x55), rawAttr(NDA_LLADDR)),
		"rule":                 wireMsg(RTM_NEWRULE, []byte{AF_INET, 8, 0, 0, 100, 0, 0, 1, 0, 0, 0, 0}, rawAttr(FRA_PRIORITY, 100, 0, 0, 0), rawAttr(FRA_SRC, 10, 0, 0, 0)),
		"error is not walked":  wireMsg(NLMSG_ERROR, []byte{0, 0, 0, 0}),
		"unknown type":         wireMsg(99, []byte{1, 2, 3, 4}),
		"length beyond buffer": wireMsg(RTM_NEWROUTE, rt)[:20],
	}
	for name, msg := range cases {
		t.Run(name, func(t *testing.T) { wireWalkAgrees(t, msg) })
	}
	if _, ok := ReadWire(cases["length beyond buffer"]); ok {
		t.Error("a message longer than its buffer was read")
	}
	if _, ok := ReadWire(nil); ok {
		t.Error("an empty buffer was read")
	}
}

func FuzzWireWalk(f *testing.F) {
	for _, g := range loadGolden(f) {
		f.Add(mustWire(f, g))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < nlmsgHeaderLen {
			return
		}
		for _, typ := range []uint16{RTM_NEWLINK, RTM_NEWADDR, RTM_NEWROUTE, RTM_NEWNEIGH, RTM_NEWRULE} {
			msg := append([]byte(nil), b...)
			binary.NativeEndian.PutUint32(msg, uint32(len(msg)))
			binary.NativeEndian.PutUint16(msg[4:], typ)
			wireWalkAgrees(t, msg)
		}
	})
}
