package ifenum

import "github.com/netifaces-go/netifaces-go/core/rtnl"

// Conversions from core/rtnl's typed views to the formatting layer's input.
// They hold no logic beyond copying, so the rules stay in the pure layer.

func linkFromRtnl(l *rtnl.Link) Link {
	return Link{
		Index:        l.Index,
		Name:         l.Name,
		Flags:        l.Flags,
		Type:         l.Type,
		HardwareAddr: []byte(l.HWAddr),
		Broadcast:    []byte(l.Broadcast),
	}
}

func addressFromRtnl(a *rtnl.Address) Address {
	return Address{
		Family:    int(a.Family),
		Index:     a.Index,
		PrefixLen: a.PrefixLen,
		Flags:     a.Flags,
		Scope:     a.Scope,
		Local:     a.Local,
		Address:   a.Address,
		Broadcast: a.Broadcast,
		Label:     a.Label,
	}
}

func routeFromRtnl(r *rtnl.Route) Route {
	out := Route{
		Family:   int(r.Family),
		Table:    r.Table,
		DstLen:   r.DstLen,
		Gateway:  r.Gateway,
		Via:      r.Via,
		OIF:      r.OIF,
		Priority: r.Priority,
		Type:     r.Type,
		Protocol: r.Protocol,
		Scope:    r.Scope,
		Flags:    r.Flags,
		PrefSrc:  r.PrefSrc,
		NHID:     r.NHID,
	}
	// rtnl reports an absent RTA_DST as the unspecified address; both are
	// "default-looking" to netifaces, so nothing is lost.
	if r.Dst.IsValid() {
		out.Dst = r.Dst.Addr()
	}
	for _, h := range r.Multipath {
		out.MultiPath = append(out.MultiPath, NextHop{
			Gateway: h.Gateway, Via: h.Via, Index: h.OIF, Weight: h.Weight(), Flags: h.Flags,
		})
	}
	return out
}

func addressesFromRtnl(as []rtnl.Address) []Address {
	out := make([]Address, 0, len(as))
	for i := range as {
		if f := as[i].Family; f == AF_INET || f == AF_INET6 {
			out = append(out, addressFromRtnl(&as[i]))
		}
	}
	return out
}

// detailsFromRtnl builds Details of l with its addresses; names maps the
// master and parent indexes to names (missing entries stay "").
func detailsFromRtnl(l *rtnl.Link, addrs []rtnl.Address, names map[int]string) Details {
	d := Details{
		Index:       l.Index,
		Name:        l.Name,
		AltNames:    append([]string(nil), l.AltNames...),
		Alias:       l.Alias,
		Kind:        l.Kind,
		SlaveKind:   l.SlaveKind,
		Type:        l.Type,
		TypeName:    HardwareTypeName(l.Type),
		Flags:       l.Flags,
		FlagNames:   LinkFlagNames(l.Flags),
		OperState:   l.OperState,
		Carrier:     l.Carrier,
		MTU:         l.MTU,
		Master:      l.Master,
		MasterName:  names[l.Master],
		Parent:      l.ParentIndex,
		ParentNetNS: l.ParentIndex != 0 && l.LinkNetNSID >= 0,
		Address:     formatHW(l.HWAddr),
		Broadcast:   formatHW(l.Broadcast),
		PermAddress: formatHW(l.PermAddr),
		Qdisc:       l.Qdisc,
		TxQLen:      l.TxQLen,
	}
	if d.OperState == "" {
		d.OperState = "UNKNOWN"
	}
	if !d.ParentNetNS {
		d.ParentName = names[l.ParentIndex]
	}
	if s := l.Stats64; s != nil {
		d.Stats = make([]Stat, s.Len())
		for i := range d.Stats {
			d.Stats[i] = Stat{Name: s.Name(i), Value: s.Field(i)}
		}
	}
	for i := range addrs {
		a := &addrs[i]
		if a.Index != l.Index || (a.Family != AF_INET && a.Family != AF_INET6) {
			continue
		}
		fam := int(a.Family)
		ad := AddrDetails{
			Family:            fam,
			Address:           formatIP(fam, a.IP()),
			PrefixLen:         a.PrefixLen,
			Scope:             ScopeName(a.Scope),
			Flags:             AddrFlagNames(fam, a.Flags),
			PreferredLifetime: Forever,
			ValidLifetime:     Forever,
		}
		if p := a.Peer(); p.IsValid() {
			ad.Peer = formatIP(fam, p)
		}
		if a.Broadcast.IsValid() {
			ad.Broadcast = formatIP(fam, a.Broadcast)
		}
		if fam == AF_INET {
			ad.Label = a.Label
			if ad.Label == "" {
				ad.Label = l.Name
			}
		}
		if a.HasCacheInfo {
			ad.PreferredLifetime, ad.ValidLifetime = a.Preferred, a.Valid
		}
		d.Addresses = append(d.Addresses, ad)
	}
	return d
}

// allDetails builds Details for every link; master and parent names come
// from the same dump.
func allDetails(links []rtnl.Link, addrs []rtnl.Address) DetailsList {
	names := make(map[int]string, len(links))
	for i := range links {
		names[links[i].Index] = links[i].Name
	}
	byIndex := map[int][]rtnl.Address{}
	for _, a := range addrs {
		byIndex[a.Index] = append(byIndex[a.Index], a)
	}
	out := make(DetailsList, len(links))
	for i := range links {
		out[i] = detailsFromRtnl(&links[i], byIndex[links[i].Index], names)
	}
	return out
}
