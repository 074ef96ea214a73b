package rtnl

import "testing"

// MatchWire must agree with Match wherever it answers, and answer for the
// unfiltered dumps the Python binding runs most (get_routes(), get_links(),
// get_addr(), get_neighbours(), get_rules()).
func TestMatchWireAgreesWithMatch(t *testing.T) {
	calls := []struct {
		js    string
		whole bool
	}{
		{`{"object":"route","cmd":"dump","args":{"family":255}}`, true},
		{`{"object":"route","cmd":"dump"}`, true},
		{`{"object":"route","cmd":"dump","args":{"family":2,"match":null}}`, true},
		{`{"object":"route","cmd":"dump","args":{"table":254}}`, false},
		{`{"object":"route","cmd":"dump","args":{"table":1000}}`, false},
		{`{"object":"route","cmd":"dump","args":{"dst":"10.1.0.0/24"}}`, false},
		{`{"object":"route","cmd":"dump","args":{"oif":3}}`, false},
		{`{"object":"route","cmd":"dump","args":{"proto":"static"}}`, false},
		{`{"object":"link","cmd":"dump"}`, true},
		{`{"object":"link","cmd":"dump","args":{"family":7}}`, true},
		{`{"object":"link","cmd":"dump","args":{"ifname":"v0"}}`, false},
		{`{"object":"link","cmd":"dump","args":{"kind":"veth"}}`, false},
		{`{"object":"link","cmd":"dump","args":{"master":2}}`, false},
		{`{"object":"link","cmd":"dump","args":{"state":"up"}}`, false},
		{`{"object":"addr","cmd":"dump","args":{"family":0}}`, true},
		{`{"object":"addr","cmd":"dump","args":{"family":2}}`, false},
		{`{"object":"addr","cmd":"dump","args":{"index":1}}`, false},
		{`{"object":"addr","cmd":"dump","args":{"address":"10.0.0.1"}}`, false},
		{`{"object":"neigh","cmd":"dump"}`, true},
		{`{"object":"neigh","cmd":"dump","args":{"ifindex":3}}`, false},
		{`{"object":"rule","cmd":"dump"}`, true},
		{`{"object":"rule","cmd":"dump","args":{"table":100}}`, false},
		{`{"object":"rule","cmd":"dump","args":{"family":2}}`, false},
	}
	goldens := loadGolden(t)
	for _, c := range calls {
		b := mustBuild(t, c.js)
		answered := 0
		for _, g := range goldens {
			msg := mustWire(t, g)
			m, _, err := DecodeMessage(msg)
			if err != nil {
				t.Fatal(err)
			}
			w, ok := ReadWire(msg)
			if !ok {
				continue
			}
			keep, ok := b.MatchWire(&w)
			if ok != c.whole {
				t.Fatalf("%s: MatchWire answers %v, want %v", c.js, ok, c.whole)
			}
			if !ok {
				continue
			}
			answered++
			if keep != b.Match(m) {
				t.Errorf("%s on %s: MatchWire %v, Match %v", c.js, g.Name, keep, b.Match(m))
			}
		}
		if c.whole && answered < 40 {
			t.Errorf("%s: only %d messages answered", c.js, answered)
		}
	}
}
