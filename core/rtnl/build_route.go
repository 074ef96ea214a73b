package rtnl

import (
	"encoding/binary"
	"math"
	"net/netip"
	"strings"
)

var rtnhFlagNames = map[string]int64{"dead": RTNH_F_DEAD, "pervasive": RTNH_F_PERVASIVE,
	"onlink": RTNH_F_ONLINK, "offload": RTNH_F_OFFLOAD, "linkdown": RTNH_F_LINKDOWN}

// flagNames turns an int, a name, "a,b" or a list of names into flag bits.
func flagNames(key string, v any, names map[string]int64) (int64, error) {
	var list []any
	switch x := v.(type) {
	case string:
		if _, err := toInt(key, x); err == nil {
			return toInt(key, x)
		}
		for _, p := range strings.Split(x, ",") {
			list = append(list, strings.TrimSpace(p))
		}
	case []any:
		list = x
	default:
		return toInt(key, v)
	}
	var out int64
	for _, it := range list {
		s, ok := it.(string)
		if !ok {
			i, err := toInt(key, it)
			if err != nil {
				return 0, err
			}
			out |= i
			continue
		}
		f, ok := names[strings.ToLower(s)]
		if !ok {
			return 0, argErr(key, v, "unknown flag %q", s)
		}
		out |= f
	}
	return out, nil
}

// splitPrefix parses "addr", "addr/len", "addr/mask".
func splitPrefix(key string, v any) (netip.Addr, int, bool, error) {
	s, err := toString(key, v)
	if err != nil {
		return netip.Addr{}, 0, false, err
	}
	addrPart, lenPart, hasLen := strings.Cut(s, "/")
	a, err := netip.ParseAddr(addrPart)
	if err != nil {
		return netip.Addr{}, 0, false, argErr(key, v, "not an IP address or prefix")
	}
	a = a.Unmap()
	if !hasLen {
		return a, a.BitLen(), false, nil
	}
	l, err := parsePrefixLen(key, lenPart, a.BitLen())
	if err != nil {
		return netip.Addr{}, 0, false, argErr(key, v, "bad prefix length")
	}
	return a, l, true, nil
}

func buildRoute(b *Built, spec cmdSpec, args map[string]any) error {
	n := newNorm(routeSchema)
	write := spec.typ == RTM_NEWROUTE
	var family uint8
	setFamily := func(key string, v any, f uint8) error {
		if family != 0 && family != f {
			return argErr(key, v, "address family conflicts with family %d", family)
		}
		family = f
		return nil
	}
	if v, ok := args["family"]; ok && v != nil {
		f, err := toUint("family", v, 255)
		if err != nil {
			return err
		}
		if f != 255 { // pyroute2's "all families" hack
			family = uint8(f)
		}
	}
	var table int64 = -1
	var multipath any
	for _, key := range sortedKeys(args) {
		v := args[key]
		if v == nil {
			continue
		}
		switch key {
		case "family", "match":
		case "dst", "src":
			s, isStr := v.(string)
			if isStr && (s == "" || s == "default") {
				continue
			}
			if isStr && (s == "0" || s == "0.0.0.0" || s == "0.0.0.0/0") {
				if err := setFamily(key, v, AF_INET); err != nil {
					return err
				}
				continue
			}
			if isStr && (s == "::" || s == "::/0") {
				if err := setFamily(key, v, AF_INET6); err != nil {
					return err
				}
				continue
			}
			if key == "dst" && isLabelValue(v) {
				labels, err := toLabels(key, v)
				if err != nil {
					return err
				}
				if err := setFamily(key, v, AF_MPLS); err != nil {
					return err
				}
				n.add("RTA_DST", labelsArg(labels))
				continue
			}
			a, l, hasLen, err := splitPrefix(key, v)
			if err != nil {
				return err
			}
			if err := setFamily(key, v, familyOf(a)); err != nil {
				return err
			}
			if _, explicit := args[key+"_len"]; hasLen || !explicit {
				n.set(key+"_len", int64(l))
			}
			n.add("RTA_"+strings.ToUpper(key), a.String())
		case "dst_len", "src_len", "tos":
			u, err := toUint(key, v, 255)
			if err != nil {
				return err
			}
			n.set(key, int64(u))
		case "gateway", "prefsrc":
			a, err := toAddr(key, v)
			if err != nil {
				return err
			}
			if err := setFamily(key, v, familyOf(a)); err != nil {
				return err
			}
			n.add("RTA_"+strings.ToUpper(key), a.String())
		case "oif", "iif":
			i, err := toInt(key, v)
			if err != nil {
				return err
			}
			n.add("RTA_"+strings.ToUpper(key), i)
		case "table":
			t, err := lookupName(key, v, rtTables, math.MaxUint32)
			if err != nil {
				return err
			}
			table = t
		case "proto", "protocol":
			p, err := lookupName(key, v, rtProtos, 255)
			if err != nil {
				return err
			}
			n.set("proto", p)
		case "scope":
			s, err := lookupName(key, v, rtScopes, 255)
			if err != nil {
				return err
			}
			n.set("scope", s)
		case "type":
			t, err := lookupName(key, v, rtTypes, 255)
			if err != nil {
				return err
			}
			n.set("type", t)
		case "flags":
			f, err := flagNames(key, v, rtnhFlagNames)
			if err != nil {
				return err
			}
			n.set("flags", f)
		case "priority", "metric":
			n.add("RTA_PRIORITY", v)
		case "metrics":
			m, ok := v.(map[string]any)
			if !ok {
				return argErr(key, v, "want an object like {\"mtu\": 1400}")
			}
			if len(m) > 0 {
				n.add("RTA_METRICS", m)
			}
		case "multipath":
			multipath = v
		case "encap":
			if err := routeEncap(n, key, v); err != nil {
				return err
			}
		case "encap_type":
			if s, ok := v.(string); ok {
				t, ok := encapTypes[strings.ToLower(s)]
				if !ok {
					return argErr(key, v, "unknown encapsulation")
				}
				v = t
			}
			n.add("RTA_ENCAP_TYPE", v)
		case "via":
			n.add("RTA_VIA", v)
		case "newdst":
			labels, err := toLabels(key, v)
			if err != nil {
				return err
			}
			n.add("RTA_NEWDST", labelsArg(labels))
		case "realms":
			n.add("RTA_FLOW", v)
		default:
			if _, s := routeTable.byName(key); s == nil || s.format == fmtMultipath || s.format == fmtEncap {
				return argErr(key, v, "unknown argument")
			}
			n.add(key, v)
		}
	}
	if multipath != nil {
		payload, mpFamily, err := encodeMultipath(multipath, family)
		if err != nil {
			return err
		}
		if family == 0 {
			family = mpFamily
		}
		n.add("RTA_MULTIPATH", preEncoded{payload: payload})
	}

	if b.Dump {
		if table >= 0 {
			n.set("table", table)
		}
		f := RouteFilter{Family: family}
		if table > 0 {
			f.Table = uint32(table)
		}
		b.Request = f.Request()
		b.Match = n.matcher(family)
		b.matchesWholeKind(n, false)
		return nil
	}

	if family == 0 {
		family = AF_INET
	}
	n.set("family", int64(family))
	if family == AF_MPLS {
		// The kernel accepts only these for MPLS routes (pyroute2 forces
		// the same header).
		n.set("dst_len", 20)
		n.set("table", RT_TABLE_MAIN)
		n.set("type", RTN_UNICAST)
		for _, a := range n.attrs {
			switch a.name {
			case "RTA_DST", "RTA_NEWDST", "RTA_VIA", "RTA_MULTIPATH", "RTA_OIF":
			default:
				return argErr(a.name, a.value, "not valid for MPLS routes")
			}
		}
	} else {
		switch {
		case table > 255:
			n.set("table", RT_TABLE_UNSPEC)
			n.attrs = append([]namedValue{{"RTA_TABLE", table}}, n.attrs...)
		case table >= 0:
			n.set("table", table)
			n.attrs = append([]namedValue{{"RTA_TABLE", table}}, n.attrs...)
		case b.Get:
			n.set("table", RT_TABLE_UNSPEC)
		default:
			n.set("table", RT_TABLE_MAIN)
		}
	}
	if write {
		if _, ok := n.get("proto"); !ok {
			n.set("proto", RTPROT_STATIC) // pyroute2's default; iproute2 uses boot
		}
		if _, ok := n.get("type"); !ok {
			n.set("type", RTN_UNICAST)
		}
	}
	if spec.typ == RTM_DELROUTE {
		if _, ok := n.get("scope"); !ok {
			// Match a route of any scope, as iproute2 does.
			n.set("scope", RT_SCOPE_NOWHERE)
		}
	}
	if family == AF_INET6 && write {
		// pyroute2: IPv6 priority 0 means the kernel default 1024.
		for i, a := range n.attrs {
			if a.name == "RTA_PRIORITY" {
				if p, err := toInt("priority", a.value); err == nil && p == 0 {
					n.attrs[i].value = int64(1024)
				}
			}
		}
	}
	data, err := n.encode(family)
	if err != nil {
		return err
	}
	b.Request = Request{Type: spec.typ, Flags: spec.flags, Data: data}
	return nil
}

var encapTypes = map[string]any{"mpls": int64(LWTUNNEL_ENCAP_MPLS), "ip": int64(LWTUNNEL_ENCAP_IP),
	"seg6": int64(LWTUNNEL_ENCAP_SEG6), "bpf": int64(LWTUNNEL_ENCAP_BPF), "seg6local": int64(7)}

// labelsArg passes an already parsed label stack through encodeValue.
func labelsArg(ls Labels) []any {
	out := make([]any, len(ls))
	for i, l := range ls {
		out[i] = map[string]any{"label": int64(l.Label), "tc": int64(l.TC), "ttl": int64(l.TTL), "bos": l.BOS}
	}
	return out
}

// routeEncap handles encap={"type":"mpls","labels":"200/300"} (and a bare
// label list, which implies MPLS).
func routeEncap(n *normMsg, key string, v any) error {
	var labels any
	switch x := v.(type) {
	case map[string]any:
		t, _ := x["type"].(string)
		if t != "" && !strings.EqualFold(t, "mpls") {
			if _, ok := x["type"].(string); ok {
				return argErr(key, v, "only MPLS encapsulation is supported")
			}
		}
		if t == "" {
			if tn, err := toInt(key, x["type"]); err != nil || tn != LWTUNNEL_ENCAP_MPLS && tn != AF_MPLS {
				return argErr(key, v, "only MPLS encapsulation is supported")
			}
		}
		labels = x["labels"]
	default:
		labels = v
	}
	ls, err := toLabels(key, labels)
	if err != nil {
		return err
	}
	e := NewAttrEncoder(nil)
	e.Raw(1, encodeLabels(ls)) // MPLS_IPTUNNEL_DST
	n.add("RTA_ENCAP_TYPE", int64(LWTUNNEL_ENCAP_MPLS))
	n.add("RTA_ENCAP", preEncoded{payload: e.Bytes()})
	return nil
}

// encodeMultipath builds RTA_MULTIPATH from pyroute2 hop objects:
// {"gateway": "10.0.0.2", "oif": 3, "hops": 1, "flags": ..., "encap": ...}.
// "hops" is the raw rtnh_hops (iproute2 weight - 1); "weight" is accepted
// as the iproute2 spelling.
func encodeMultipath(v any, family uint8) ([]byte, uint8, error) {
	list, ok := v.([]any)
	if !ok || len(list) == 0 {
		return nil, 0, argErr("multipath", v, "want a non-empty list of next hops")
	}
	var out []byte
	for i, it := range list {
		hop, ok := it.(map[string]any)
		if !ok {
			return nil, 0, argErr("multipath", it, "next hop %d is not an object", i)
		}
		var flags, hops, oif int64
		sub := newNorm(routeSchema)
		for _, k := range sortedKeys(hop) {
			hv := hop[k]
			if hv == nil {
				continue
			}
			var err error
			switch k {
			case "flags":
				flags, err = flagNames(k, hv, rtnhFlagNames)
			case "hops":
				var u uint64
				u, err = toUint(k, hv, 255)
				hops = int64(u)
			case "weight":
				var u uint64
				u, err = toUint(k, hv, 256)
				if err == nil && u == 0 {
					err = argErr(k, hv, "weight must be 1..256")
				}
				hops = int64(u) - 1
			case "oif", "ifindex", "index":
				oif, err = toInt(k, hv)
			case "gateway":
				var a netip.Addr
				a, err = toAddr(k, hv)
				if err == nil {
					if family == 0 {
						family = familyOf(a)
					}
					sub.add("RTA_GATEWAY", a.String())
				}
			case "attrs":
				pairs, perr := nestedPairs(k, hv)
				if perr != nil {
					return nil, 0, perr
				}
				for _, p := range pairs {
					sub.add(p.name, p.value)
				}
			case "encap":
				err = routeEncap(sub, k, hv)
			case "newdst":
				var ls Labels
				ls, err = toLabels(k, hv)
				sub.add("RTA_NEWDST", labelsArg(ls))
			case "via":
				sub.add("RTA_VIA", hv)
			default:
				if _, s := routeTable.byName(k); s == nil {
					err = argErr("multipath."+k, hv, "unknown next hop argument")
				} else {
					sub.add(k, hv)
				}
			}
			if err != nil {
				return nil, 0, err
			}
		}
		sub.schema = &msgSchema{table: routeTable} // attributes only, no header
		attrs, err := sub.encode(family)
		if err != nil {
			return nil, 0, err
		}
		var h [8]byte
		binary.NativeEndian.PutUint16(h[0:], uint16(8+len(attrs)))
		h[2] = byte(flags)
		h[3] = byte(hops)
		binary.NativeEndian.PutUint32(h[4:], uint32(int32(oif)))
		out = append(out, h[:]...)
		out = append(out, attrs...)
	}
	return out, family, nil
}
