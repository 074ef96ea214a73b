package rtnl

import (
	"math"
	"strings"
)

var bondModes = map[string]int64{"balance-rr": 0, "active-backup": 1, "balance-xor": 2,
	"broadcast": 3, "802.3ad": 4, "balance-tlb": 5, "balance-alb": 6}

var vlanProtocols = map[string]int64{"802.1q": 0x8100, "802.1ad": 0x88a8}

var vlanFlagNames = map[string]int64{"reorder_hdr": 0x1, "gvrp": 0x2, "loose_binding": 0x4,
	"mvrp": 0x8, "bridge_binding": 0x10}

func buildLink(b *Built, spec cmdSpec, args map[string]any, opts *BuildOptions) error {
	kind := ""
	for _, k := range []string{"kind", "info_kind"} {
		if v, ok := args[k]; ok && v != nil {
			s, err := toString(k, v)
			if err != nil {
				return err
			}
			kind = s
		}
	}
	if spec.typ == RTM_NEWLINK && spec.flags&NLM_F_CREATE != 0 {
		switch kind {
		case "tuntap", "tun", "tap":
			t, err := tunTapFromArgs(kind, args)
			if err != nil {
				return err
			}
			b.TunTap = t
			return nil
		}
	}
	n, family, err := linkNorm(b, spec, kind, args, opts)
	if err != nil {
		return err
	}
	if b.Dump {
		f := LinkFilter{Family: family, Kind: kind}
		if v, ok := args["master"]; ok && v != nil {
			m, err := toInt("master", v)
			if err != nil {
				return err
			}
			f.Master = int(m)
		}
		if v, ok := args["ext_mask"]; ok && v != nil {
			m, err := toUint("ext_mask", v, math.MaxUint32)
			if err != nil {
				return err
			}
			f.ExtMask = uint32(m)
		}
		b.Request = f.Request()
		match := n.matcher(family)
		state, hasState := args["state"].(string)
		b.Match = func(m *Message) bool {
			if !match(m) || !f.Match(m) {
				return false
			}
			if hasState {
				up := m.fixed[linkFieldFlags]&IFF_UP != 0
				return up == (state == "up")
			}
			return true
		}
		b.matchesWholeKind(n, f.Master != 0 || f.Kind != "" || hasState)
		return nil
	}
	data, err := n.encode(family)
	if err != nil {
		return err
	}
	b.Request = Request{Type: spec.typ, Flags: spec.flags, Data: data}
	return nil
}

// linkNorm normalises link arguments (also used for a veth peer).
func linkNorm(b *Built, spec cmdSpec, kind string, args map[string]any, opts *BuildOptions) (*normMsg, uint8, error) {
	n := newNorm(linkSchema)
	var family uint8
	var flags, change int64
	var flagsSet bool
	var infoData []namedValue
	dataTable := infoDataTable(kind)
	slave := strings.HasSuffix(kind, "_slave")
	if kind == "bridge_slave" {
		dataTable = brportTable
	}
	for _, key := range sortedKeys(args) {
		v := args[key]
		if v == nil {
			continue
		}
		switch key {
		case "kind", "info_kind", "match", "ext_mask", "info_slave_kind", "carrier", "carrier_changes":
			// kind is handled below; ext_mask by dumps/gets; the rest are
			// read-only (pyroute2 drops them too).
			if key == "ext_mask" && !b.Dump {
				n.add("IFLA_EXT_MASK", v)
			}
		case "family":
			u, err := toUint(key, v, 255)
			if err != nil {
				return nil, 0, err
			}
			family = uint8(u)
		case "index":
			i, err := toInt(key, v)
			if err != nil {
				return nil, 0, err
			}
			n.set("index", i)
		case "ifi_type":
			u, err := toUint(key, v, math.MaxUint16)
			if err != nil {
				return nil, 0, err
			}
			n.set("ifi_type", int64(u))
		case "flags":
			i, err := toInt(key, v)
			if err != nil {
				return nil, 0, err
			}
			flags, flagsSet = i, true
		case "change", "mask":
			i, err := toInt(key, v)
			if err != nil {
				return nil, 0, err
			}
			change |= i
		case "state":
			if b.Dump {
				continue
			}
			s, err := toString(key, v)
			if err != nil {
				return nil, 0, err
			}
			switch strings.ToLower(s) {
			case "up":
				flags |= IFF_UP
			case "down":
			default:
				return nil, 0, argErr(key, v, "want \"up\" or \"down\"")
			}
			change |= IFF_UP
		case "arp", "noarp":
			on, err := toBool(key, v)
			if err != nil {
				return nil, 0, err
			}
			if on == (key == "noarp") {
				flags |= IFF_NOARP
			}
			change |= IFF_NOARP
		case "master", "link", "vxlan_link":
			i, err := toInt(key, v)
			if err != nil {
				return nil, 0, err
			}
			if key == "vxlan_link" {
				infoData = append(infoData, namedValue{"IFLA_VXLAN_LINK", i})
			} else {
				n.add(key, i)
			}
		case "net_ns_fd":
			fd, err := netnsFD(b, key, v, opts)
			if err != nil {
				return nil, 0, err
			}
			n.add("IFLA_NET_NS_FD", fd)
		case "altname":
			names, ok := v.([]any)
			if !ok {
				names = []any{v}
			}
			if b.Cmd == "property_add" || b.Cmd == "property_del" {
				var pairs []any
				for _, nm := range names {
					pairs = append(pairs, []any{"IFLA_ALT_IFNAME", nm})
				}
				n.add("IFLA_PROP_LIST", flaggedNested{map[string]any{"attrs": pairs}})
			} else {
				n.add("IFLA_ALT_IFNAME", names[0])
			}
		case "xdp_fd":
			n.add("IFLA_XDP", flaggedNested{map[string]any{"attrs": []any{[]any{"IFLA_XDP_FD", v}}}})
		case "peer":
			if kind != "veth" {
				return nil, 0, argErr(key, v, "peer is only valid for kind veth")
			}
			peerArgs, ok := v.(map[string]any)
			if !ok {
				peerArgs = map[string]any{"ifname": v}
			}
			pn, pfam, err := linkNorm(b, spec, "", peerArgs, opts)
			if err != nil {
				return nil, 0, err
			}
			payload, err := pn.encode(pfam)
			if err != nil {
				return nil, 0, err
			}
			infoData = append(infoData, namedValue{"VETH_INFO_PEER", preEncoded{payload: payload}})
		case "mode":
			if kind == "" {
				return nil, 0, argErr(key, v, "mode needs a kind")
			}
			if kind == "bond" {
				if s, ok := v.(string); ok {
					m, ok := bondModes[strings.ToLower(s)]
					if !ok {
						return nil, 0, argErr(key, v, "unknown bond mode")
					}
					v = m
				}
			}
			infoData = append(infoData, namedValue{"IFLA_" + strings.ToUpper(kind) + "_MODE", v})
		case "address":
			n.add("IFLA_ADDRESS", v)
		default:
			val := v
			if kind == "vlan" {
				var err error
				if val, err = vlanSpecial(key, v); err != nil {
					return nil, 0, err
				}
			}
			if kind == "bond" && key == "bond_mode" {
				if s, ok := v.(string); ok {
					m, ok := bondModes[strings.ToLower(s)]
					if !ok {
						return nil, 0, argErr(key, v, "unknown bond mode")
					}
					val = m
				}
			}
			if kind == "vxlan" && (key == "vxlan_group" || key == "vxlan_local") {
				if a, err := toAddr(key, v); err == nil && a.Is6() {
					infoData = append(infoData, namedValue{strings.ToUpper("IFLA_"+key) + "6", val})
					continue
				}
			}
			if dataTable != nil {
				if _, s := dataTable.byName(key); s != nil {
					infoData = append(infoData, namedValue{key, val})
					continue
				}
			}
			_, s := linkTable.byName(key)
			if s == nil {
				if kind != "" && dataTable == nil {
					return nil, 0, argErr(key, v, "unknown argument (no attribute table for kind %q)", kind)
				}
				return nil, 0, argErr(key, v, "unknown argument")
			}
			switch s.format {
			case fmtAFSpec, fmtProtinfo, fmtLinkPeer, fmtInfoData, fmtInfoSlaveData:
				return nil, 0, argErr(key, v, "cannot be given directly")
			}
			n.add(key, val)
		}
	}
	if flagsSet || flags != 0 || change != 0 {
		n.set("flags", flags)
		n.set("change", change)
	}
	n.set("family", int64(family))
	if kind != "" && !b.Dump {
		li, err := encodeLinkInfo(kind, slave, dataTable, infoData, family)
		if err != nil {
			return nil, 0, err
		}
		n.add("IFLA_LINKINFO", preEncoded{payload: li})
	} else if len(infoData) > 0 && !b.Dump {
		return nil, 0, argErr(infoData[0].name, infoData[0].value, "needs kind=")
	}
	return n, family, nil
}

// flaggedNested is a nested argument sent with NLA_F_NESTED.
type flaggedNested struct{ v any }

func encodeLinkInfo(kind string, slave bool, table *attrTable, data []namedValue, family uint8) ([]byte, error) {
	e := NewAttrEncoder(nil)
	kindAttr, dataAttr := uint16(IFLA_INFO_KIND), uint16(IFLA_INFO_DATA)
	if slave {
		kindAttr, dataAttr = IFLA_INFO_SLAVE_KIND, IFLA_INFO_SLAVE_DATA
		kind = strings.TrimSuffix(kind, "_slave")
	}
	e.String(kindAttr, kind)
	if len(data) > 0 {
		if table == nil {
			return nil, argErr(data[0].name, data[0].value, "no attribute table for kind %q", kind)
		}
		nd := e.Nest(dataAttr)
		ctx := &encodeCtx{family: family}
		for _, d := range data {
			if p, ok := d.value.(preEncoded); ok {
				typ, s := table.byName(d.name)
				if s == nil {
					return nil, argErr(d.name, nil, "unknown attribute for kind %q", kind)
				}
				e.Raw(typ, p.payload)
				continue
			}
			if err := encodeArg(e, table, d.name, d.value, ctx); err != nil {
				return nil, err
			}
		}
		e.End(nd)
	}
	return e.Bytes(), e.Err()
}

// vlanSpecial normalises vlan_flags and the QoS maps the way pyroute2 does.
func vlanSpecial(key string, v any) (any, error) {
	switch key {
	case "vlan_flags":
		switch x := v.(type) {
		case map[string]any:
			return x, nil
		case string:
			f, ok := vlanFlagNames[strings.ToLower(x)]
			if !ok {
				return nil, argErr(key, v, "unknown vlan flag")
			}
			return map[string]any{"flags": f, "mask": f}, nil
		case []any:
			if len(x) == 2 {
				if a, err := toInt(key, x[0]); err == nil {
					if m, err := toInt(key, x[1]); err == nil {
						return map[string]any{"flags": a, "mask": m}, nil
					}
				}
			}
			f, err := flagNames(key, x, vlanFlagNames)
			if err != nil {
				return nil, err
			}
			return map[string]any{"flags": f, "mask": f}, nil
		default:
			f, err := toInt(key, v)
			if err != nil {
				return nil, err
			}
			return map[string]any{"flags": f, "mask": f}, nil
		}
	case "vlan_protocol":
		if s, ok := v.(string); ok {
			p, ok := vlanProtocols[strings.ToLower(s)]
			if !ok {
				return nil, argErr(key, v, "want 802.1Q or 802.1ad")
			}
			return p, nil
		}
	case "vlan_egress_qos", "vlan_ingress_qos":
		if m, ok := v.(map[string]any); ok {
			if _, hasFrom := m["from"]; hasFrom {
				return map[string]any{"attrs": []any{[]any{"IFLA_VLAN_QOS_MAPPING", m}}}, nil
			}
		}
	}
	return v, nil
}

func netnsFD(b *Built, key string, v any, opts *BuildOptions) (int64, error) {
	switch v.(type) {
	case string:
	default:
		return toInt(key, v)
	}
	s := v.(string)
	if opts.OpenNetNS == nil {
		return 0, argErr(key, v, "cannot open namespaces here")
	}
	fd, err := opts.OpenNetNS(s)
	if err != nil {
		return 0, argErr(key, v, "%v", err)
	}
	b.fds = append(b.fds, fd)
	return int64(fd), nil
}
