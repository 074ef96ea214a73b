//go:build linux

package ifenum

import (
	"fmt"
	"strings"
	"testing"
)

const routeBase = `
ip link add v0 type veth peer name v0p
ip link add w0 type veth peer name w0p
for l in v0 v0p w0 w0p; do ip link set $l up; done
ip addr add 192.168.10.1/24 dev v0
ip addr add 192.168.20.1/24 dev w0
ip -6 addr add 2001:db8:1::1/64 dev v0 nodad
ip -6 addr add 2001:db8:2::1/64 dev w0 nodad
ip tuntap add tun0 mode tun
ip link set tun0 up
ip addr add 10.99.0.2/24 dev tun0
`

// hopJSON is one DefaultGateway next hop in JSON; ifindex is filled in
// from the namespace.
func hopJSON(gw, ifname string, weight int, flags string) string {
	g := "null"
	if gw != "" {
		g = `"` + gw + `"`
	}
	return fmt.Sprintf(`{"gateway":%s,"ifname":"%s","ifindex":@%s,"weight":%d,"flags":[%s]}`, g, ifname, ifname, weight, flags)
}

func defaultJSON(family int, metric uint32, typ, proto, prefsrc string, nhid int, hops ...string) string {
	ps := "null"
	if prefsrc != "" {
		ps = `"` + prefsrc + `"`
	}
	s := fmt.Sprintf(`{"family":%d,"table":254,"metric":%d,"type":"%s","protocol":"%s","prefsrc":%s,"nhid":%d,"nexthops":[`, family, metric, typ, proto, ps, nhid)
	for i, h := range hops {
		if i > 0 {
			s += ","
		}
		s += h
	}
	return s + "]}"
}

func TestLiveGateways(t *testing.T) {
	tests := []struct {
		name     string
		script   string
		gateways string // spec §6.3 literal; "" = compare with netifaces only
		dg4, dg6 string // DefaultGateway JSON; "" = null
	}{
		{name: "none", gateways: `{'default': {}}`},
		{
			name:     "policy table with lower metric hides main",
			script:   "ip route add default via 192.168.10.254 dev v0 metric 100\nip route add default via 192.168.20.254 dev w0 metric 50 table 100",
			gateways: `{'default': {}, 2: [('192.168.20.254', 'w0', False), ('192.168.10.254', 'v0', False)]}`,
			dg4:      defaultJSON(2, 100, "unicast", "boot", "", 0, hopJSON("192.168.10.254", "v0", 1, "")),
		},
		{
			name:     "policy and main both metric 0",
			script:   "ip route add default via 192.168.10.253 dev v0\nip route add default via 192.168.10.254 dev v0 table 100",
			gateways: `{'default': {}, 2: [('192.168.10.254', 'v0', False), ('192.168.10.253', 'v0', False)]}`,
			dg4:      defaultJSON(2, 0, "unicast", "boot", "", 0, hopJSON("192.168.10.253", "v0", 1, "")),
		},
		{
			name:     "two main defaults",
			script:   "ip route add default via 192.168.10.254 dev v0 metric 100\nip route add default via 192.168.20.254 dev w0 metric 50",
			gateways: `{'default': {2: ('192.168.20.254', 'w0')}, 2: [('192.168.20.254', 'w0', True), ('192.168.10.254', 'v0', False)]}`,
			dg4:      defaultJSON(2, 50, "unicast", "boot", "", 0, hopJSON("192.168.20.254", "w0", 1, "")),
		},
		{
			name:     "two main defaults added in reverse",
			script:   "ip route add default via 192.168.20.254 dev w0 metric 100\nip route add default via 192.168.10.254 dev v0 metric 50",
			gateways: `{'default': {2: ('192.168.10.254', 'v0')}, 2: [('192.168.10.254', 'v0', True), ('192.168.20.254', 'w0', False)]}`,
			dg4:      defaultJSON(2, 50, "unicast", "boot", "", 0, hopJSON("192.168.10.254", "v0", 1, "")),
		},
		{
			name:     "ECMP IPv4",
			script:   "ip route add default nexthop via 192.168.10.254 dev v0 weight 1 nexthop via 192.168.20.254 dev w0 weight 3",
			gateways: `{'default': {}}`,
			dg4:      defaultJSON(2, 0, "unicast", "boot", "", 0, hopJSON("192.168.10.254", "v0", 1, ""), hopJSON("192.168.20.254", "w0", 3, "")),
		},
		{
			name:     "ECMP IPv4 with a dead hop",
			script:   "ip route add default nexthop via 192.168.10.254 dev v0 nexthop via 192.168.20.254 dev w0\nip link set w0 down",
			gateways: `{'default': {}}`,
			dg4:      defaultJSON(2, 0, "unicast", "boot", "", 0, hopJSON("192.168.10.254", "v0", 1, "")),
		},
		{
			name:     "ECMP IPv6",
			script:   "ip -6 route add default nexthop via 2001:db8:1::fe dev v0 nexthop via 2001:db8:2::fe dev w0",
			gateways: `{'default': {}}`,
			dg6:      defaultJSON(10, 1024, "unicast", "boot", "", 0, hopJSON("2001:db8:1::fe", "v0", 1, ""), hopJSON("2001:db8:2::fe", "w0", 1, "")),
		},
		{
			name:     "gateway-less default",
			script:   "ip route add default dev tun0",
			gateways: `{'default': {}}`,
			dg4:      defaultJSON(2, 0, "unicast", "boot", "", 0, hopJSON("", "tun0", 1, `"linkdown"`)),
		},
		{
			name:     "blackhole default",
			script:   "ip route add blackhole default",
			gateways: `{'default': {}}`,
			dg4:      defaultJSON(2, 0, "blackhole", "boot", "", 0),
		},
		{
			name:   "unreachable default beats a gateway",
			script: "ip route add unreachable default metric 10\nip route add default via 192.168.10.254 dev v0 metric 100",
			dg4:    defaultJSON(2, 10, "unreachable", "boot", "", 0),
		},
		{
			name:     "OpenVPN def1 routes",
			script:   "ip route add 0.0.0.0/1 via 192.168.10.254 dev v0\nip route add 128.0.0.0/1 via 192.168.10.254 dev v0",
			gateways: `{'default': {2: ('192.168.10.254', 'v0')}, 2: [('192.168.10.254', 'v0', True)]}`,
		},
		{
			name:     "/1 before a metric-100 default",
			script:   "ip route add 0.0.0.0/1 via 192.168.20.254 dev w0\nip route add default via 192.168.10.254 dev v0 metric 100",
			gateways: `{'default': {2: ('192.168.20.254', 'w0')}, 2: [('192.168.20.254', 'w0', True), ('192.168.10.254', 'v0', False)]}`,
			dg4:      defaultJSON(2, 100, "unicast", "boot", "", 0, hopJSON("192.168.10.254", "v0", 1, "")),
		},
		{
			name:     "nexthop object",
			script:   "ip nexthop add id 10 via 192.168.10.254 dev v0\nip route add default nhid 10",
			gateways: `{'default': {2: ('192.168.10.254', 'v0')}, 2: [('192.168.10.254', 'v0', True)]}`,
			dg4:      defaultJSON(2, 0, "unicast", "boot", "", 10, hopJSON("192.168.10.254", "v0", 1, "")),
		},
		{
			name:     "RTA_VIA",
			script:   "ip -4 route add default via inet6 fe80::1 dev v0",
			gateways: `{'default': {}}`,
			dg4:      defaultJSON(2, 0, "unicast", "boot", "", 0, hopJSON("fe80::1", "v0", 1, "")),
		},
		{
			name:     "IPv6 two main defaults",
			script:   "ip -6 route add default via 2001:db8:1::fe dev v0 metric 1024\nip -6 route add default via 2001:db8:2::fe dev w0 metric 512",
			gateways: `{'default': {10: ('2001:db8:2::fe', 'w0')}, 10: [('2001:db8:2::fe', 'w0', True), ('2001:db8:1::fe', 'v0', False)]}`,
			dg6:      defaultJSON(10, 512, "unicast", "boot", "", 0, hopJSON("2001:db8:2::fe", "w0", 1, "")),
		},
		{
			name:     "IPv6 default only in table 100",
			script:   "ip -6 route add default via 2001:db8:1::fe dev v0 table 100",
			gateways: `{'default': {}, 10: [('2001:db8:1::fe', 'v0', False)]}`,
		},
		{
			name:     "onlink default on a link without carrier",
			script:   "ip route add default via 10.99.0.1 dev tun0 onlink",
			gateways: `{'default': {2: ('10.99.0.1', 'tun0')}, 2: [('10.99.0.1', 'tun0', True)]}`,
			dg4:      defaultJSON(2, 0, "unicast", "boot", "", 0, hopJSON("10.99.0.1", "tun0", 1, `"onlink","linkdown"`)),
		},
		{
			name:     "only a non-default route",
			script:   "ip route add 172.16.0.0/12 via 192.168.10.253",
			gateways: `{'default': {}}`,
		},
		{
			name:     "IPv6 link-local gateway",
			script:   "ip -6 route add default via fe80::1 dev v0 src 2001:db8:1::1",
			gateways: `{'default': {10: ('fe80::1', 'v0')}, 10: [('fe80::1', 'v0', True)]}`,
			dg6:      defaultJSON(10, 1024, "unicast", "boot", "2001:db8:1::1", 0, hopJSON("fe80::1", "v0", 1, "")),
		},
		{
			name:   "table above 255",
			script: "ip route add default via 192.168.10.254 dev v0 table 51820\nip route add default via 192.168.20.254 dev w0 metric 7 proto static",
			dg4:    defaultJSON(2, 7, "unicast", "static", "", 0, hopJSON("192.168.20.254", "w0", 1, "")),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ns := newNetNS(t, routeBase+tt.script+"\n")
			opts := Options{NetNS: ns}
			gw, err := Gateways(opts)
			if err != nil {
				t.Fatal(err)
			}
			if tt.gateways != "" {
				sameJSON(t, "gateways()", gw.AppendJSON(nil), pyLiteral(tt.gateways))
			}
			if py, ok := runNetifaces(t, ns); ok {
				sameJSON(t, "netifaces gateways()", gw.AppendJSON(nil), py.Gateways)
			}
			idx := map[string]int{}
			s, err := ReadSnapshot(opts, false)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range s.Links {
				idx[l.Name] = l.Index
			}
			for _, c := range []struct {
				family int
				want   string
			}{{AF_INET, tt.dg4}, {AF_INET6, tt.dg6}} {
				d, err := DefaultGateway(c.family, opts)
				if err != nil {
					t.Fatal(err)
				}
				want := c.want
				if want == "" {
					want = "null"
				}
				for name, i := range idx {
					want = strings.ReplaceAll(want, "@"+name+",", fmt.Sprintf("%d,", i))
				}
				sameJSON(t, fmt.Sprintf("DefaultGateway(%d)", c.family), d.AppendJSON(nil), []byte(want))
			}
		})
	}
}
