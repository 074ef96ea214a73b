//go:build linux

package rtnl

import (
	"encoding/json"
	"errors"
	"io/fs"
	"net/netip"
	"os"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// populate builds the same topology the golden messages were captured from.
func populate(t *testing.T, ns string) {
	t.Helper()
	for _, args := range [][]string{
		{"link", "add", "v0", "type", "veth", "peer", "name", "v1"},
		{"link", "set", "v0", "up", "mtu", "1400"},
		{"link", "set", "v1", "up"},
		{"addr", "add", "10.0.0.1/24", "dev", "v0"},
		{"-6", "addr", "add", "2001:db8::1/64", "dev", "v0", "nodad"},
		{"link", "add", "br0", "type", "bridge"},
		{"link", "set", "v1", "master", "br0"},
		{"addr", "add", "10.8.0.1/24", "dev", "br0"},
		{"route", "add", "10.1.0.0/24", "via", "10.0.0.2", "dev", "v0"},
		{"route", "add", "10.2.0.0/24", "nexthop", "via", "10.0.0.2", "weight", "2", "nexthop", "via", "10.0.0.3", "weight", "3"},
		{"route", "add", "10.3.0.0/24", "via", "10.0.0.2", "table", "100", "metric", "50", "mtu", "1300", "hoplimit", "16", "proto", "static"},
		{"route", "add", "10.4.0.0/24", "via", "10.0.0.2", "table", "1000"},
		{"route", "add", "blackhole", "10.5.0.0/24"},
		{"-6", "route", "add", "2001:db8:1::/64", "via", "2001:db8::2", "dev", "v0"},
		{"neigh", "add", "10.0.0.9", "lladdr", "00:11:22:33:44:55", "dev", "v0", "nud", "permanent"},
		{"rule", "add", "from", "10.0.0.0/8", "table", "100", "priority", "100"},
	} {
		ipIn(t, ns, args...)
	}
}

func linkIndex(t *testing.T, c *Conn, name string) int {
	t.Helper()
	l, err := c.LinkByName(name)
	if err != nil {
		t.Fatalf("LinkByName(%q): %v", name, err)
	}
	return l.Index
}

func TestLiveLinks(t *testing.T) {
	ns := newNamedNetNS(t)
	populate(t, ns)
	c := dialNamed(t, ns)
	if !c.StrictCheck() {
		t.Log("kernel without NETLINK_GET_STRICT_CHK: filters run in Go only")
	}
	links, err := c.Links()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Link{}
	for _, l := range links {
		byName[l.Name] = l
	}
	for _, n := range []string{"lo", "v0", "v1", "br0"} {
		if _, ok := byName[n]; !ok {
			t.Errorf("Links() lacks %s (got %d links)", n, len(links))
		}
	}
	v0 := byName["v0"]
	if v0.MTU != 1400 || v0.Kind != "veth" || !v0.Up() || v0.ParentIndex != byName["v1"].Index {
		t.Errorf("v0: %+v", v0)
	}
	if byName["v1"].Master != byName["br0"].Index {
		t.Errorf("v1 master %d, br0 %d", byName["v1"].Master, byName["br0"].Index)
	}

	got, err := c.LinkByIndex(v0.Index)
	if err != nil || got.Name != "v0" {
		t.Errorf("LinkByIndex(%d) = %q, %v", v0.Index, got.Name, err)
	}
	if _, err := c.LinkByIndex(99999); !errors.Is(err, unix.ENODEV) {
		t.Errorf("LinkByIndex(missing) err = %v, want ENODEV", err)
	}
	if _, err := c.LinkByName("nonexist0"); !errors.Is(err, unix.ENODEV) {
		t.Errorf("LinkByName(missing) err = %v, want ENODEV", err)
	}
	var kerr *Error
	if _, err := c.LinkByName("nonexist0"); !errors.As(err, &kerr) || kerr.Code() != 19 {
		t.Errorf("error type %T %v", err, err)
	}

	// Kernel-side (strict) or Go-side filtering by master and by kind.
	ports, err := c.LinksFiltered(LinkFilter{Master: byName["br0"].Index})
	if err != nil || len(ports) != 1 || ports[0].Name != "v1" {
		t.Errorf("links with master br0: %v %v", names(ports), err)
	}
	veths, err := c.LinksFiltered(LinkFilter{Kind: "veth"})
	if err != nil || len(veths) != 2 {
		t.Errorf("veth links: %v %v", names(veths), err)
	}
}

func names(ls []Link) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Name)
	}
	return out
}

func TestLiveAddresses(t *testing.T) {
	ns := newNamedNetNS(t)
	populate(t, ns)
	c := dialNamed(t, ns)
	v0 := linkIndex(t, c, "v0")

	all, err := c.Addresses(0)
	if err != nil {
		t.Fatal(err)
	}
	want := map[netip.Prefix]bool{
		netip.MustParsePrefix("127.0.0.1/8"):    false,
		netip.MustParsePrefix("10.0.0.1/24"):    false,
		netip.MustParsePrefix("10.8.0.1/24"):    false,
		netip.MustParsePrefix("2001:db8::1/64"): false,
		netip.MustParsePrefix("::1/128"):        false,
	}
	for _, a := range all {
		if _, ok := want[a.Prefix()]; ok {
			want[a.Prefix()] = true
		}
	}
	for p, seen := range want {
		if !seen {
			t.Errorf("Addresses(0) lacks %v", p)
		}
	}

	v4, _ := c.Addresses(AF_INET)
	for _, a := range v4 {
		if a.Family != AF_INET {
			t.Errorf("Addresses(AF_INET) returned %v", a.Prefix())
		}
	}
	one, err := c.AddressesByIndex(0, v0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range one {
		if a.Index != v0 {
			t.Errorf("AddressesByIndex(%d) returned index %d", v0, a.Index)
		}
		got = append(got, a.Prefix().String())
	}
	if !contains(got, "10.0.0.1/24") || !contains(got, "2001:db8::1/64") || contains(got, "10.8.0.1/24") {
		t.Errorf("AddressesByIndex(v0) = %v", got)
	}
	v6only, _ := c.AddressesByIndex(AF_INET6, v0)
	for _, a := range v6only {
		if a.Family != AF_INET6 {
			t.Errorf("family filter: %v", a.Prefix())
		}
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestLiveRoutes(t *testing.T) {
	ns := newNamedNetNS(t)
	populate(t, ns)
	c := dialNamed(t, ns)
	v0 := linkIndex(t, c, "v0")

	t100, err := c.Routes(RouteFilter{Family: AF_INET, Table: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(t100) != 1 || t100[0].Dst.String() != "10.3.0.0/24" || t100[0].Metrics[RTAX_MTU] != 1300 ||
		t100[0].Priority != 50 || t100[0].Protocol != RTPROT_STATIC {
		t.Errorf("table 100: %+v", t100)
	}
	t1000, err := c.Routes(RouteFilter{Table: 1000})
	if err != nil || len(t1000) != 1 || t1000[0].Table != 1000 {
		t.Errorf("table 1000: %+v %v", t1000, err)
	}
	none, err := c.Routes(RouteFilter{Family: AF_INET, Table: 4242})
	if err != nil || len(none) != 0 {
		t.Errorf("missing table: %v %v", none, err)
	}
	main, err := c.Routes(RouteFilter{Family: AF_INET, Table: RT_TABLE_MAIN})
	if err != nil {
		t.Fatal(err)
	}
	var mp *Route
	for i := range main {
		if main[i].Table != RT_TABLE_MAIN {
			t.Errorf("main filter returned table %d", main[i].Table)
		}
		if main[i].Dst.String() == "10.2.0.0/24" {
			mp = &main[i]
		}
	}
	if mp == nil || len(mp.Multipath) != 2 || mp.Multipath[0].Weight() != 2 || mp.Multipath[1].Weight() != 3 {
		t.Errorf("multipath route: %+v", mp)
	}
	bh, _ := c.Routes(RouteFilter{Family: AF_INET, Type: RTN_BLACKHOLE})
	if len(bh) != 1 || bh[0].Dst.String() != "10.5.0.0/24" {
		t.Errorf("blackhole filter: %+v", bh)
	}
	byOIF, _ := c.Routes(RouteFilter{Family: AF_INET, Table: RT_TABLE_MAIN, OIF: v0})
	for _, r := range byOIF {
		if r.OIF != v0 && len(r.Multipath) == 0 {
			t.Errorf("OIF filter returned %+v", r)
		}
	}
	v6, _ := c.Routes(RouteFilter{Family: AF_INET6})
	found := false
	for _, r := range v6 {
		if r.Family != AF_INET6 {
			t.Errorf("v6 filter returned family %d", r.Family)
		}
		if r.Dst.String() == "2001:db8:1::/64" && r.Gateway.String() == "2001:db8::2" {
			found = true
		}
	}
	if !found {
		t.Error("v6 route missing")
	}
	all, err := c.Routes(RouteFilter{})
	if err != nil || len(all) < len(main)+len(v6) {
		t.Errorf("all routes: %d (main %d, v6 %d) %v", len(all), len(main), len(v6), err)
	}

	// JSON of a whole dump is one valid array.
	js, err := c.DumpJSON(nil, RouteFilter{}.Request(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var arr []map[string]any
	if err := json.Unmarshal(js, &arr); err != nil || len(arr) != len(all) {
		t.Errorf("DumpJSON: %d objects, %v", len(arr), err)
	}
}

func TestLiveNeighboursAndRules(t *testing.T) {
	ns := newNamedNetNS(t)
	populate(t, ns)
	c := dialNamed(t, ns)
	v0 := linkIndex(t, c, "v0")
	ns4, err := c.Neighbours(NeighFilter{Family: AF_INET, Index: v0})
	if err != nil {
		t.Fatal(err)
	}
	if len(ns4) != 1 || ns4[0].Dst.String() != "10.0.0.9" || ns4[0].LLAddr.String() != "00:11:22:33:44:55" || ns4[0].State != NUD_PERMANENT {
		t.Errorf("neighbours: %+v", ns4)
	}
	rules, err := c.Rules(AF_INET)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rules {
		if r.Family != AF_INET {
			t.Errorf("rule family %d", r.Family)
		}
		if r.Priority == 100 && r.Table == 100 && r.Src.String() == "10.0.0.0/8" {
			found = true
		}
	}
	if !found {
		t.Errorf("rule missing: %+v", rules)
	}
}

func TestLiveDialInUnsharedThread(t *testing.T) {
	inFreshNetNS(t, func() {
		c, err := Dial(Options{})
		if err != nil {
			panic(err)
		}
		defer c.Close()
		links, err := c.Links()
		if err != nil {
			panic(err)
		}
		if len(links) != 1 || links[0].Name != "lo" {
			panic("fresh netns should hold only lo, got " + strings.Join(names(links), ","))
		}
	})
}

func TestLiveDialByPathAndFD(t *testing.T) {
	ns := newNamedNetNS(t)
	ipIn(t, ns, "link", "add", "pathtest0", "type", "veth", "peer", "name", "pathtest1")
	path := NetNSPath(ns)
	c := dialNamed(t, path)
	if _, err := c.LinkByName("pathtest0"); err != nil {
		t.Errorf("by path: %v", err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c2, err := Dial(Options{NetNSFD: int(f.Fd())})
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	if _, err := c2.LinkByName("pathtest1"); err != nil {
		t.Errorf("by fd: %v", err)
	}
	// The caller's thread namespace is untouched: the host has no pathtest0.
	host, err := Dial(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer host.Close()
	if _, err := host.LinkByName("pathtest0"); !errors.Is(err, unix.ENODEV) {
		t.Errorf("namespace leaked into the calling thread: %v", err)
	}
}

func TestLiveDialMissingNetNS(t *testing.T) {
	requireRoot(t)
	_, err := Dial(Options{NetNS: "rtnl-does-not-exist"})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err = %v, want fs.ErrNotExist", err)
	}
}

func TestLiveReceiveModes(t *testing.T) {
	ns := newNamedNetNS(t)
	populate(t, ns)
	for _, mode := range []ReceiveMode{ReceiveNetpoller, ReceiveBlocking} {
		c := dialNamed(t, ns, Options{ReceiveMode: mode})
		links, err := c.Links()
		if err != nil || len(links) < 4 {
			t.Errorf("mode %d: %d links, %v", mode, len(links), err)
		}
		if _, err := c.LinkByName("nonexist0"); !errors.Is(err, unix.ENODEV) {
			t.Errorf("mode %d: %v", mode, err)
		}
	}
}

func TestLiveClosedConn(t *testing.T) {
	ns := newNamedNetNS(t)
	c := dialNamed(t, ns)
	c.Close()
	if _, err := c.Links(); !errors.Is(err, ErrClosed) {
		t.Errorf("after Close: %v", err)
	}
}
