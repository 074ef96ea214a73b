package ifenum

import "strings"

// Snapshot is one view of the kernel's state, each slice in dump order:
// RTM_GETLINK, RTM_GETADDR (all IPv4, then all IPv6) and RTM_GETROUTE. The
// netifaces results are pure functions of it.
type Snapshot struct {
	Links     []Link
	Addresses []Address
	Routes    []Route
}

// AddrDict is one netifaces address dict. Empty fields are absent keys;
// at most one of Broadcast and Peer is set.
type AddrDict struct {
	Addr      string
	Netmask   string
	Broadcast string
	Peer      string
}

// FamilyAddrs is one item of an ifaddresses() dict: a family and its list.
type FamilyAddrs struct {
	Family int
	Addrs  []AddrDict
}

// IfAddrs is the ifaddresses() dict: families in the order netifaces
// inserts them (first seen; in practice 17, 2, 10).
type IfAddrs []FamilyAddrs

// NamedIfAddrs is the ifaddresses() result of one interface name.
type NamedIfAddrs struct {
	Name  string
	Addrs IfAddrs
}

// AllIfAddrs is ifaddresses() of every name of interfaces(), in that order.
type AllIfAddrs []NamedIfAddrs

// Family returns the list of family f, or nil.
func (a IfAddrs) Family(f int) []AddrDict {
	for _, fa := range a {
		if fa.Family == f {
			return fa.Addrs
		}
	}
	return nil
}

// add appends d to its family's list as netifaces' add_to_family does:
// an empty dict is dropped, a new family goes last.
func (a IfAddrs) add(family int, d AddrDict) IfAddrs {
	if d == (AddrDict{}) {
		return a
	}
	for i := range a {
		if a[i].Family == family {
			a[i].Addrs = append(a[i].Addrs, d)
			return a
		}
	}
	return append(a, FamilyAddrs{Family: family, Addrs: []AddrDict{d}})
}

// linkIndex maps ifindex to position in s.Links.
func (s *Snapshot) linkIndex() map[int]int {
	m := make(map[int]int, len(s.Links))
	for i, l := range s.Links {
		m[l.Index] = i
	}
	return m
}

// entries emulates getifaddrs(): one entry per link, then one per address
// whose link is in the snapshot. glibc restarts when an address names an
// unknown link; a snapshot skips it instead (the link vanished).
func (s *Snapshot) entries() []entry {
	idx := s.linkIndex()
	out := make([]entry, 0, len(s.Links)+len(s.Addresses))
	for _, l := range s.Links {
		out = append(out, linkEntry(l))
	}
	for _, a := range s.Addresses {
		i, ok := idx[a.Index]
		if !ok {
			continue
		}
		if e, ok := addrEntry(a, s.Links[i]); ok {
			out = append(out, e)
		}
	}
	return out
}

// Interfaces returns interfaces(): link names in dump order, then IPv4
// labels that are not link names, in order of first appearance.
func (s *Snapshot) Interfaces() Names {
	seen := make(map[string]bool, len(s.Links))
	names := Names{}
	for _, e := range s.entries() {
		if !seen[e.name] {
			seen[e.name] = true
			names = append(names, e.name)
		}
	}
	return names
}

// IfAddresses returns ifaddresses(name). A name that is neither a link name
// nor an address label yields ErrInvalidInterfaceName; a known name with
// nothing to report yields an empty IfAddrs.
func (s *Snapshot) IfAddresses(name string) (IfAddrs, error) {
	if strings.IndexByte(name, 0) >= 0 {
		return nil, ErrEmbeddedNull
	}
	found := false
	out := IfAddrs{}
	for _, e := range s.entries() {
		if e.name != name {
			continue
		}
		found = true
		if e.family != AF_UNSPEC {
			out = out.add(e.family, e.dict)
		}
	}
	if !found {
		return nil, ErrInvalidInterfaceName
	}
	return out, nil
}

// AllIfAddresses returns ifaddresses(n) for every n in Interfaces(), in one
// pass over the snapshot.
func (s *Snapshot) AllIfAddresses() AllIfAddrs {
	pos := make(map[string]int, len(s.Links))
	var out AllIfAddrs
	for _, e := range s.entries() {
		i, ok := pos[e.name]
		if !ok {
			i = len(out)
			pos[e.name] = i
			out = append(out, NamedIfAddrs{Name: e.name, Addrs: IfAddrs{}})
		}
		if e.family != AF_UNSPEC {
			out[i].Addrs = out[i].Addrs.add(e.family, e.dict)
		}
	}
	return out
}
