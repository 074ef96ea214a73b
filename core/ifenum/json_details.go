package ifenum

import "strconv"

func appendIntField(dst []byte, k string, v int64) []byte {
	dst = append(dst, ',', '"')
	dst = append(dst, k...)
	dst = append(dst, '"', ':')
	return strconv.AppendInt(dst, v, 10)
}

func appendStrField(dst []byte, k, v string, nullIfEmpty bool) []byte {
	dst = append(dst, ',', '"')
	dst = append(dst, k...)
	dst = append(dst, '"', ':')
	if nullIfEmpty {
		return appendOptString(dst, v)
	}
	return AppendJSONString(dst, v)
}

// AppendJSON appends null for nil, else one object with keys in this
// order: index, name, altnames, ifalias, kind, slave_kind, type,
// type_name, flags, flag_names, operstate, carrier, mtu, master,
// master_name, parent, parent_name, parent_netns, address, broadcast,
// perm_address, qdisc, txqlen, stats64 ({name: counter} in kernel order,
// or null), addresses ([{family, address, prefixlen, peer, broadcast,
// label, scope, flags, preferred_lft, valid_lft}]). Optional strings are
// null when absent; lifetimes are seconds, 4294967295 meaning forever.
func (d *Details) AppendJSON(dst []byte) []byte {
	if d == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, `{"index":`...)
	dst = strconv.AppendInt(dst, int64(d.Index), 10)
	dst = appendStrField(dst, "name", d.Name, false)
	dst = append(dst, `,"altnames":`...)
	dst = appendStrings(dst, d.AltNames)
	dst = appendStrField(dst, "ifalias", d.Alias, true)
	dst = appendStrField(dst, "kind", d.Kind, true)
	dst = appendStrField(dst, "slave_kind", d.SlaveKind, true)
	dst = appendIntField(dst, "type", int64(d.Type))
	dst = appendStrField(dst, "type_name", d.TypeName, false)
	dst = appendIntField(dst, "flags", int64(d.Flags))
	dst = append(dst, `,"flag_names":`...)
	dst = appendStrings(dst, d.FlagNames)
	dst = appendStrField(dst, "operstate", d.OperState, false)
	dst = append(dst, `,"carrier":`...)
	dst = strconv.AppendBool(dst, d.Carrier)
	dst = appendIntField(dst, "mtu", int64(d.MTU))
	dst = appendIntField(dst, "master", int64(d.Master))
	dst = appendStrField(dst, "master_name", d.MasterName, true)
	dst = appendIntField(dst, "parent", int64(d.Parent))
	dst = appendStrField(dst, "parent_name", d.ParentName, true)
	dst = append(dst, `,"parent_netns":`...)
	dst = strconv.AppendBool(dst, d.ParentNetNS)
	dst = appendStrField(dst, "address", d.Address, true)
	dst = appendStrField(dst, "broadcast", d.Broadcast, true)
	dst = appendStrField(dst, "perm_address", d.PermAddress, true)
	dst = appendStrField(dst, "qdisc", d.Qdisc, true)
	dst = appendIntField(dst, "txqlen", int64(d.TxQLen))
	dst = append(dst, `,"stats64":`...)
	if d.Stats == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, '{')
		for i, s := range d.Stats {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendKey(dst, s.Name)
			dst = strconv.AppendUint(dst, s.Value, 10)
		}
		dst = append(dst, '}')
	}
	dst = append(dst, `,"addresses":[`...)
	for i, a := range d.Addresses {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"family":`...)
		dst = strconv.AppendInt(dst, int64(a.Family), 10)
		dst = appendStrField(dst, "address", a.Address, false)
		dst = appendIntField(dst, "prefixlen", int64(a.PrefixLen))
		dst = appendStrField(dst, "peer", a.Peer, true)
		dst = appendStrField(dst, "broadcast", a.Broadcast, true)
		dst = appendStrField(dst, "label", a.Label, true)
		dst = appendStrField(dst, "scope", a.Scope, false)
		dst = append(dst, `,"flags":`...)
		dst = appendStrings(dst, a.Flags)
		dst = appendIntField(dst, "preferred_lft", int64(a.PreferredLifetime))
		dst = appendIntField(dst, "valid_lft", int64(a.ValidLifetime))
		dst = append(dst, '}')
	}
	return append(dst, "]}"...)
}

// MarshalJSON implements json.Marshaler.
func (d *Details) MarshalJSON() ([]byte, error) { return d.AppendJSON(nil), nil }

// DetailsList is the result of AllInterfaceDetails.
type DetailsList []Details

// AppendJSON appends [{...},...], each item as (*Details).AppendJSON.
func (l DetailsList) AppendJSON(dst []byte) []byte {
	dst = append(dst, '[')
	for i := range l {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = l[i].AppendJSON(dst)
	}
	return append(dst, ']')
}

// MarshalJSON implements json.Marshaler.
func (l DetailsList) MarshalJSON() ([]byte, error) { return l.AppendJSON(nil), nil }
