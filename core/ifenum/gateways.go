package ifenum

// Gateway is one (gw, ifname, is_default) tuple of a gateways() list.
type Gateway struct {
	Addr      string
	Ifname    string
	IsDefault bool
}

// DefaultGW is one item of gateways()['default']: family -> (gw, ifname).
type DefaultGW struct {
	Family int
	Addr   string
	Ifname string
}

// FamilyGateways is one int-keyed item of gateways().
type FamilyGateways struct {
	Family   int
	Gateways []Gateway
}

// GatewayTable is the gateways() dict: 'default' first (its items in the order
// families were first set), then one list per family in dump order.
type GatewayTable struct {
	Default  []DefaultGW
	Families []FamilyGateways
}

// Gateways returns gateways() exactly as netifaces 0.11.0 computes it on
// Linux, bugs included (spec §6.2):
//   - only routes whose RTA_DST is absent or all-zero (rtm_dst_len is
//     ignored, so 0.0.0.0/1 counts) with both RTA_GATEWAY and RTA_OIF;
//     multipath, RTA_VIA and gateway-less routes are dropped;
//   - routes of every table are listed; is_default starts as
//     "rtm_table == main" and is cleared unless the route's metric is
//     strictly lower than every earlier kept route's of the family, in
//     any table, so a policy table dumped before main can hide the main
//     default;
//   - metrics are read as a C int: values >= 2^31 count as 0;
//   - IPv6 link-local gateways have no %scope.
//
// netifaces restarts an interrupted dump without clearing its results,
// which can list routes twice; a Snapshot is one consistent dump, so that
// duplication is not reproduced.
func (s *Snapshot) Gateways() GatewayTable {
	idx := s.linkIndex()
	best := map[int]int64{}
	var g GatewayTable
	for _, r := range s.Routes {
		if r.Family != AF_INET && r.Family != AF_INET6 {
			continue // inet_ntop fails for other families
		}
		if r.Dst.IsValid() && !r.Dst.IsUnspecified() {
			continue
		}
		if !r.Gateway.IsValid() || r.OIF <= 0 {
			continue
		}
		li, ok := idx[r.OIF]
		if !ok {
			continue // if_indextoname failed: the link is gone
		}
		ifname := s.Links[li].Name
		addr := formatIP(r.Family, r.Gateway)
		isDefault := r.rtmTable() == rtTableMain
		prio := int64(int32(r.Priority))
		if prio < 0 {
			prio = 0
		}
		if b, ok := best[r.Family]; !ok || prio < b {
			best[r.Family] = prio
		} else {
			isDefault = false
		}
		g.appendGateway(r.Family, Gateway{Addr: addr, Ifname: ifname, IsDefault: isDefault})
		if isDefault {
			g.setDefault(DefaultGW{Family: r.Family, Addr: addr, Ifname: ifname})
		}
	}
	return g
}

func (g *GatewayTable) appendGateway(family int, gw Gateway) {
	for i := range g.Families {
		if g.Families[i].Family == family {
			g.Families[i].Gateways = append(g.Families[i].Gateways, gw)
			return
		}
	}
	g.Families = append(g.Families, FamilyGateways{Family: family, Gateways: []Gateway{gw}})
}

// setDefault replaces the family's item in place (a Python dict keeps the
// position of an updated key) or appends it.
func (g *GatewayTable) setDefault(d DefaultGW) {
	for i := range g.Default {
		if g.Default[i].Family == d.Family {
			g.Default[i] = d
			return
		}
	}
	g.Default = append(g.Default, d)
}
