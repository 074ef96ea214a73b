package ifenum

import "strconv"

// Deterministic JSON for every result, written by hand so key order is
// netifaces' order. Python dict keys that are ints are written as decimal
// string keys ("2", "10", "17"); every other key is not a decimal number
// ("default", names), so a reader recovers int keys with
// `int(k) if k.isdigit() else k` at the levels doc.go lists.

// Names is an ordered list of interface names (interfaces()).
type Names []string

// AppendJSON appends ["lo","v0",...].
func (n Names) AppendJSON(dst []byte) []byte {
	dst = append(dst, '[')
	for i, s := range n {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = AppendJSONString(dst, s)
	}
	return append(dst, ']')
}

// MarshalJSON implements json.Marshaler.
func (n Names) MarshalJSON() ([]byte, error) { return n.AppendJSON(nil), nil }

func appendKey(dst []byte, k string) []byte {
	dst = AppendJSONString(dst, k)
	return append(dst, ':')
}

func appendIntKey(dst []byte, k int) []byte {
	dst = append(dst, '"')
	dst = strconv.AppendInt(dst, int64(k), 10)
	return append(dst, '"', ':')
}

// AppendJSON appends {"addr":...,"netmask":...,"broadcast"|"peer":...},
// absent keys omitted.
func (d AddrDict) AppendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	n := 0
	field := func(k, v string) {
		if v == "" {
			return
		}
		if n > 0 {
			dst = append(dst, ',')
		}
		n++
		dst = appendKey(dst, k)
		dst = AppendJSONString(dst, v)
	}
	field("addr", d.Addr)
	field("netmask", d.Netmask)
	field("broadcast", d.Broadcast)
	field("peer", d.Peer)
	return append(dst, '}')
}

// AppendJSON appends {"17":[...],"2":[...],"10":[...]} in family order.
func (a IfAddrs) AppendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	for i, fa := range a {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendIntKey(dst, fa.Family)
		dst = append(dst, '[')
		for j, d := range fa.Addrs {
			if j > 0 {
				dst = append(dst, ',')
			}
			dst = d.AppendJSON(dst)
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
}

// MarshalJSON implements json.Marshaler.
func (a IfAddrs) MarshalJSON() ([]byte, error) { return a.AppendJSON(nil), nil }

// AppendJSON appends {"lo":{...},"v0":{...},"v0:1":{...}} in interfaces()
// order.
func (all AllIfAddrs) AppendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	for i, n := range all {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendKey(dst, n.Name)
		dst = n.Addrs.AppendJSON(dst)
	}
	return append(dst, '}')
}

// MarshalJSON implements json.Marshaler.
func (all AllIfAddrs) MarshalJSON() ([]byte, error) { return all.AppendJSON(nil), nil }

// AppendJSON appends
// {"default":{"2":[gw,ifname],...},"2":[[gw,ifname,true],...],...}.
func (g GatewayTable) AppendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	dst = appendKey(dst, "default")
	dst = append(dst, '{')
	for i, d := range g.Default {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendIntKey(dst, d.Family)
		dst = append(dst, '[')
		dst = AppendJSONString(dst, d.Addr)
		dst = append(dst, ',')
		dst = AppendJSONString(dst, d.Ifname)
		dst = append(dst, ']')
	}
	dst = append(dst, '}')
	for _, f := range g.Families {
		dst = append(dst, ',')
		dst = appendIntKey(dst, f.Family)
		dst = append(dst, '[')
		for j, gw := range f.Gateways {
			if j > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, '[')
			dst = AppendJSONString(dst, gw.Addr)
			dst = append(dst, ',')
			dst = AppendJSONString(dst, gw.Ifname)
			dst = append(dst, ',')
			dst = strconv.AppendBool(dst, gw.IsDefault)
			dst = append(dst, ']')
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
}

// MarshalJSON implements json.Marshaler.
func (g GatewayTable) MarshalJSON() ([]byte, error) { return g.AppendJSON(nil), nil }

// FamilyNames is address_families: ordered (value, name) items.
type FamilyNames []AFConstant

// AppendJSON appends {"0":"AF_UNSPEC","1":"AF_FILE",...}.
func (f FamilyNames) AppendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	for i, c := range f {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendIntKey(dst, c.Value)
		dst = AppendJSONString(dst, c.Name)
	}
	return append(dst, '}')
}

// MarshalJSON implements json.Marshaler.
func (f FamilyNames) MarshalJSON() ([]byte, error) { return f.AppendJSON(nil), nil }

// Constants is the AF_* module attributes: ordered (name, value) items.
type Constants []AFConstant

// AppendJSON appends {"AF_UNSPEC":0,"AF_UNIX":1,...}.
func (c Constants) AppendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	for i, x := range c {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendKey(dst, x.Name)
		dst = strconv.AppendInt(dst, int64(x.Value), 10)
	}
	return append(dst, '}')
}

// MarshalJSON implements json.Marshaler.
func (c Constants) MarshalJSON() ([]byte, error) { return c.AppendJSON(nil), nil }

// AppendJSON appends {"kind":"ValueError","message":"...","errno":N}; errno
// is present only for OSError with an errno.
func (e *Error) AppendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	dst = appendKey(dst, "kind")
	dst = AppendJSONString(dst, string(e.Kind))
	dst = append(dst, ',')
	dst = appendKey(dst, "message")
	dst = AppendJSONString(dst, e.Message)
	if e.Errno != 0 {
		dst = append(dst, ',')
		dst = appendKey(dst, "errno")
		dst = strconv.AppendUint(dst, uint64(e.Errno), 10)
	}
	return append(dst, '}')
}

// MarshalJSON implements json.Marshaler.
func (e *Error) MarshalJSON() ([]byte, error) { return e.AppendJSON(nil), nil }

func appendOptString(dst []byte, s string) []byte {
	if s == "" {
		return append(dst, "null"...)
	}
	return AppendJSONString(dst, s)
}

func appendStrings(dst []byte, ss []string) []byte {
	dst = append(dst, '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = AppendJSONString(dst, s)
	}
	return append(dst, ']')
}

// AppendJSON appends null for a nil route, else
// {"family":2,"table":254,"metric":100,"type":"unicast","protocol":"boot",
// "prefsrc":null,"nhid":0,"nexthops":[{"gateway":"192.0.2.1","ifname":"v0",
// "ifindex":2,"weight":1,"flags":[]}]}; gateway and ifname are null when
// absent.
func (d *DefaultRoute) AppendJSON(dst []byte) []byte {
	if d == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, `{"family":`...)
	dst = strconv.AppendInt(dst, int64(d.Family), 10)
	dst = append(dst, `,"table":`...)
	dst = strconv.AppendUint(dst, uint64(d.Table), 10)
	dst = append(dst, `,"metric":`...)
	dst = strconv.AppendUint(dst, uint64(d.Metric), 10)
	dst = append(dst, `,"type":`...)
	dst = AppendJSONString(dst, d.Type)
	dst = append(dst, `,"protocol":`...)
	dst = AppendJSONString(dst, d.Protocol)
	dst = append(dst, `,"prefsrc":`...)
	dst = appendOptString(dst, d.PrefSrc)
	dst = append(dst, `,"nhid":`...)
	dst = strconv.AppendUint(dst, uint64(d.NHID), 10)
	dst = append(dst, `,"nexthops":[`...)
	for i, h := range d.NextHops {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"gateway":`...)
		dst = appendOptString(dst, h.Gateway)
		dst = append(dst, `,"ifname":`...)
		dst = appendOptString(dst, h.Ifname)
		dst = append(dst, `,"ifindex":`...)
		dst = strconv.AppendInt(dst, int64(h.Index), 10)
		dst = append(dst, `,"weight":`...)
		dst = strconv.AppendInt(dst, int64(h.Weight), 10)
		dst = append(dst, `,"flags":`...)
		dst = appendStrings(dst, h.Flags)
		dst = append(dst, '}')
	}
	return append(dst, "]}"...)
}

// MarshalJSON implements json.Marshaler.
func (d *DefaultRoute) MarshalJSON() ([]byte, error) { return d.AppendJSON(nil), nil }
