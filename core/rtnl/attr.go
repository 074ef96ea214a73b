package rtnl

// Attr is one decoded netlink attribute: pyroute2's (NAME, value) pair.
type Attr struct {
	// Name is pyroute2's name ("IFLA_IFNAME", "RTAX_MTU"), or "UNKNOWN" for
	// an attribute the tables do not describe (its Value is then Unknown).
	Name string
	// Type is the attribute type with the NLA_F_NESTED/NLA_F_NET_BYTEORDER
	// bits masked off.
	Type  uint16
	Value Value
}

// Attrs is an ordered attribute list. Names may repeat (pyroute2 keeps
// repeated attributes such as IFLA_MACVLAN_MACADDR in order). As a Value it
// is a nested attribute and renders as {"attrs":[[NAME, value], ...]}.
type Attrs []Attr

// AppendJSON implements Value: {"attrs":[...]}.
func (a Attrs) AppendJSON(dst []byte) []byte {
	dst = append(dst, `{"attrs":`...)
	dst = a.AppendJSONList(dst)
	return append(dst, '}')
}

// AppendJSONList appends the bare pair list [[NAME, value], ...].
func (a Attrs) AppendJSONList(dst []byte) []byte {
	dst = append(dst, '[')
	for i := range a {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `["`...)
		dst = append(dst, a[i].Name...) // names are plain ASCII identifiers
		dst = append(dst, `",`...)
		dst = appendValueJSON(dst, a[i].Value)
		dst = append(dst, ']')
	}
	return append(dst, ']')
}

// Get returns the value of the first attribute called name.
func (a Attrs) Get(name string) (Value, bool) {
	for i := range a {
		if a[i].Name == name {
			return a[i].Value, true
		}
	}
	return nil, false
}

// GetAll returns the values of every attribute called name, in order.
func (a Attrs) GetAll(name string) []Value {
	var out []Value
	for i := range a {
		if a[i].Name == name {
			out = append(out, a[i].Value)
		}
	}
	return out
}

// ByType returns the value of the first attribute of type typ.
func (a Attrs) ByType(typ uint16) (Value, bool) {
	for i := range a {
		if a[i].Type == typ && a[i].Name != "UNKNOWN" {
			return a[i].Value, true
		}
	}
	return nil, false
}

// Nested follows a path of attribute names through nested lists, like
// pyroute2's get_nested("IFLA_LINKINFO", "IFLA_INFO_KIND").
func (a Attrs) Nested(path ...string) (Value, bool) {
	cur := a
	for i, name := range path {
		v, ok := cur.Get(name)
		if !ok {
			return nil, false
		}
		if i == len(path)-1 {
			return v, true
		}
		next, ok := v.(Attrs)
		if !ok {
			return nil, false
		}
		cur = next
	}
	return nil, false
}

// Uint returns the first attribute called name as an unsigned integer.
func (a Attrs) Uint(name string) (uint64, bool) {
	v, ok := a.Get(name)
	if !ok {
		return 0, false
	}
	switch x := v.(type) {
	case Uint:
		return uint64(x), true
	case Int:
		return uint64(x), true
	}
	return 0, false
}

// String returns the first attribute called name as a string.
func (a Attrs) String(name string) (string, bool) {
	v, ok := a.Get(name)
	if !ok {
		return "", false
	}
	switch x := v.(type) {
	case String:
		return string(x), true
	case Hex:
		return x.String(), true
	case IP:
		return x.Addr().String(), true
	}
	return "", false
}
