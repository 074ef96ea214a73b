package rtnl

import (
	"math"
	"net/netip"
	"strings"
)

func buildAddr(b *Built, spec cmdSpec, args map[string]any) error {
	n := newNorm(addrSchema)
	var family uint8
	var addr netip.Addr
	prefixLen := -1
	var preferred, valid any
	if v, ok := args["family"]; ok && v != nil {
		f, err := toUint("family", v, 255)
		if err != nil {
			return err
		}
		family = uint8(f)
	}
	var broadcast any
	for _, key := range sortedKeys(args) {
		v := args[key]
		if v == nil {
			continue
		}
		switch key {
		case "family", "match":
		case "index":
			i, err := toInt(key, v)
			if err != nil {
				return err
			}
			n.set("index", i)
		case "address":
			s, _ := v.(string)
			if s == "" {
				continue
			}
			a, l, hasLen, err := splitPrefix(key, v)
			if err != nil {
				return err
			}
			addr = a
			if hasLen {
				prefixLen = l
			}
		case "prefixlen", "mask":
			l, err := parsePrefixLen(key, v, 128)
			if err != nil {
				return err
			}
			prefixLen = l
		case "local", "anycast", "multicast":
			a, err := toAddr(key, v)
			if err != nil {
				return err
			}
			n.add("IFA_"+strings.ToUpper(key), a.String())
		case "broadcast":
			broadcast = v
		case "label":
			n.add("IFA_LABEL", v)
		case "scope":
			s, err := lookupName(key, v, rtScopes, 255)
			if err != nil {
				return err
			}
			n.set("scope", s)
		case "flags":
			f, err := toUint(key, v, math.MaxUint32)
			if err != nil {
				return err
			}
			if b.Dump {
				n.set("flags", int64(f))
			} else {
				// pyroute2 sends flags as IFA_FLAGS (32 bits), header 0.
				n.add("IFA_FLAGS", int64(f))
			}
		case "preferred_lft", "preferred":
			preferred = v
		case "valid_lft", "valid":
			valid = v
		case "proto":
			n.add("IFA_PROTO", v)
		default:
			if _, s := addrTable.byName(key); s == nil || s.format == fmtStruct {
				return argErr(key, v, "unknown argument")
			}
			n.add(key, v)
		}
	}
	if addr.IsValid() {
		if family != 0 && familyOf(addr) != family {
			return argErr("address", addr.String(), "address family conflicts with family %d", family)
		}
		family = familyOf(addr)
	}
	if b.Dump {
		if addr.IsValid() {
			n.add("IFA_ADDRESS", addr.String())
		}
		if prefixLen >= 0 {
			n.set("prefixlen", int64(prefixLen))
		}
		idx, _ := n.get("index")
		f := AddressFilter{Family: family, Index: int(idx)}
		b.Request = f.Request()
		match := n.matcher(family)
		b.Match = func(m *Message) bool { return f.Match(m) && match(m) }
		b.matchesWholeKind(n, f.Family != 0 || f.Index != 0)
		return nil
	}
	if !addr.IsValid() {
		return argErr("address", nil, "address is required")
	}
	if prefixLen < 0 {
		prefixLen = addr.BitLen()
	}
	if prefixLen > addr.BitLen() {
		return argErr("prefixlen", prefixLen, "above %d", addr.BitLen())
	}
	n.set("family", int64(family))
	n.set("prefixlen", int64(prefixLen))
	attrs := []namedValue{{"IFA_ADDRESS", addr.String()}}
	if family == AF_INET && !n.has("IFA_LOCAL") {
		// pyroute2 (and iproute2) send IFA_LOCAL = address for IPv4.
		attrs = append(attrs, namedValue{"IFA_LOCAL", addr.String()})
	}
	n.attrs = append(attrs, n.attrs...)
	if broadcast != nil {
		if on, ok := broadcast.(bool); ok {
			if on && family == AF_INET {
				n.add("IFA_BROADCAST", broadcastOf(addr, prefixLen).String())
			}
		} else {
			a, err := toAddr("broadcast", broadcast)
			if err != nil {
				return err
			}
			n.add("IFA_BROADCAST", a.String())
		}
	}
	if preferred != nil || valid != nil {
		if spec.typ == RTM_DELADDR {
			return argErr("valid_lft", valid, "lifetimes are only valid when adding")
		}
		p, v := uint64(math.MaxUint32), uint64(math.MaxUint32)
		var err error
		if preferred != nil {
			if p, err = toUint("preferred_lft", preferred, math.MaxUint32); err != nil {
				return err
			}
		}
		if valid != nil {
			if v, err = toUint("valid_lft", valid, math.MaxUint32); err != nil {
				return err
			}
		}
		if v < p {
			return argErr("preferred_lft", preferred, "preferred_lft is greater than valid_lft")
		}
		n.add("IFA_CACHEINFO", map[string]any{"ifa_preferred": p, "ifa_valid": v})
	}
	data, err := n.encode(family)
	if err != nil {
		return err
	}
	b.Request = Request{Type: spec.typ, Flags: spec.flags, Data: data}
	return nil
}

// broadcastOf returns the IPv4 broadcast address of addr/prefixLen.
func broadcastOf(addr netip.Addr, prefixLen int) netip.Addr {
	b := addr.As4()
	for i := prefixLen; i < 32; i++ {
		b[i/8] |= 1 << (7 - i%8)
	}
	return netip.AddrFrom4(b)
}

var nudNames = map[string]int64{"incomplete": NUD_INCOMPLETE, "reachable": NUD_REACHABLE,
	"stale": NUD_STALE, "delay": NUD_DELAY, "probe": NUD_PROBE, "failed": NUD_FAILED,
	"noarp": NUD_NOARP, "permanent": NUD_PERMANENT, "none": NUD_NONE}

var ntfNames = map[string]int64{"use": NTF_USE, "self": NTF_SELF, "master": NTF_MASTER,
	"proxy": NTF_PROXY, "extern_learn": NTF_EXT_LEARNED, "ext_learned": NTF_EXT_LEARNED,
	"offloaded": NTF_OFFLOADED, "sticky": NTF_STICKY, "router": NTF_ROUTER}

func buildNeigh(b *Built, spec cmdSpec, args map[string]any) error {
	n := newNorm(neighSchema)
	var family uint8
	if v, ok := args["family"]; ok && v != nil {
		f, err := toUint("family", v, 255)
		if err != nil {
			return err
		}
		family = uint8(f)
	}
	for _, key := range sortedKeys(args) {
		v := args[key]
		if v == nil {
			continue
		}
		switch key {
		case "family", "match":
		case "index", "ifindex":
			i, err := toInt(key, v)
			if err != nil {
				return err
			}
			n.set("ifindex", i)
		case "dst":
			a, err := toAddr(key, v)
			if err != nil {
				return err
			}
			if family == 0 {
				family = familyOf(a)
			}
			n.add("NDA_DST", a.String())
		case "lladdr":
			n.add("NDA_LLADDR", v)
		case "state", "nud":
			s, err := flagNames(key, v, nudNames)
			if err != nil {
				return err
			}
			n.set("state", s)
		case "flags":
			f, err := flagNames(key, v, ntfNames)
			if err != nil {
				return err
			}
			n.set("flags", f)
		case "ndm_type":
			t, err := lookupName(key, v, rtTypes, 255)
			if err != nil {
				return err
			}
			n.set("ndm_type", t)
		default:
			if _, s := neighTable.byName(key); s == nil || s.format == fmtStruct {
				return argErr(key, v, "unknown argument")
			}
			n.add(key, v)
		}
	}
	if b.Dump {
		idx, _ := n.get("ifindex")
		f := NeighFilter{Family: family, Index: int(idx)}
		b.Request = f.Request()
		match := n.matcher(family)
		b.Match = func(m *Message) bool { return f.Match(m) && match(m) }
		b.matchesWholeKind(n, f.Family != 0 || f.Index != 0 || f.Master != 0)
		return nil
	}
	if _, ok := n.get("state"); !ok && spec.typ == RTM_NEWNEIGH {
		n.set("state", NUD_PERMANENT) // pyroute2's default
	}
	n.set("family", int64(family))
	data, err := n.encode(family)
	if err != nil {
		return err
	}
	b.Request = Request{Type: spec.typ, Flags: spec.flags, Data: data}
	return nil
}

var ruleActions = map[string]int64{"unspec": 0, "to_tbl": 1, "fr_act_to_tbl": 1, "goto": 2, "fr_act_goto": 2,
	"nop": 3, "fr_act_nop": 3, "blackhole": 6, "fr_act_blackhole": 6, "unreachable": 7,
	"fr_act_unreachable": 7, "prohibit": 8, "fr_act_prohibit": 8}

// DefaultRulePriority is pyroute2's priority for rules added without one.
const DefaultRulePriority = 32000

func buildRule(b *Built, spec cmdSpec, args map[string]any) error {
	n := newNorm(ruleSchema)
	var family uint8
	if v, ok := args["family"]; ok && v != nil {
		f, err := toUint("family", v, 255)
		if err != nil {
			return err
		}
		family = uint8(f)
	}
	var table int64 = -1
	for _, key := range sortedKeys(args) {
		v := args[key]
		if v == nil {
			continue
		}
		switch key {
		case "family", "match":
		case "src", "dst":
			a, l, hasLen, err := splitPrefix(key, v)
			if err != nil {
				return err
			}
			if family == 0 {
				family = familyOf(a)
			} else if family != familyOf(a) {
				return argErr(key, v, "address family conflicts with family %d", family)
			}
			if _, explicit := args[key+"_len"]; hasLen || !explicit {
				n.set(key+"_len", int64(l))
			}
			n.add("FRA_"+strings.ToUpper(key), a.String())
		case "src_len", "dst_len", "tos":
			u, err := toUint(key, v, 255)
			if err != nil {
				return err
			}
			n.set(key, int64(u))
		case "table":
			t, err := lookupName(key, v, rtTables, math.MaxUint32)
			if err != nil {
				return err
			}
			table = t
		case "action":
			act, err := lookupName(key, v, ruleActions, 255)
			if err != nil {
				return err
			}
			n.set("action", act)
		case "flags":
			i, err := toInt(key, v)
			if err != nil {
				return err
			}
			n.set("flags", i)
		case "priority":
			n.add("FRA_PRIORITY", v)
		case "protocol", "proto":
			p, err := lookupName(key, v, rtProtos, 255)
			if err != nil {
				return err
			}
			n.add("FRA_PROTOCOL", p)
		default:
			if _, s := ruleTable.byName(key); s == nil {
				return argErr(key, v, "unknown argument")
			}
			n.add(key, v)
		}
	}
	if b.Dump {
		if table >= 0 {
			n.add("FRA_TABLE", table)
		}
		f := RuleFilter{Family: family}
		b.Request = f.Request()
		b.Request.Flags = spec.flags
		match := n.matcher(family)
		b.Match = func(m *Message) bool { return f.Match(m) && match(m) }
		b.matchesWholeKind(n, f.Family != 0)
		return nil
	}
	if family == 0 {
		family = AF_INET
	}
	n.set("family", int64(family))
	if table >= 0 {
		if table > 255 {
			n.set("table", RT_TABLE_COMPAT)
		} else {
			n.set("table", table)
		}
		n.attrs = append([]namedValue{{"FRA_TABLE", table}}, n.attrs...)
		if _, ok := n.get("action"); !ok {
			n.set("action", FR_ACT_TO_TBL)
		}
	}
	if spec.typ == RTM_NEWRULE && !n.has("FRA_PRIORITY") {
		n.add("FRA_PRIORITY", int64(DefaultRulePriority))
	}
	data, err := n.encode(family)
	if err != nil {
		return err
	}
	b.Request = Request{Type: spec.typ, Flags: spec.flags, Data: data}
	return nil
}
