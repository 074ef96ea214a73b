//go:build linux

package rtnl

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"golang.org/x/sys/unix"
)

// linkGetJSON is a message's JSON with the sequence number (the only part
// two requests for the same link may differ in) zeroed.
func linkGetJSON(m *Message) string {
	c := *m
	c.Header.Sequence = 0
	return c.String()
}

// TestLiveGetLinkMatchesCall compares GetLink with the generic link get on
// the links of a throwaway namespace: by index, by name, by both; and the
// kernel's errors.
func TestLiveGetLinkMatchesCall(t *testing.T) {
	ns := newNamedNetNS(t)
	ipIn(t, ns, "link", "add", "v0", "type", "veth", "peer", "name", "v1")
	ipIn(t, ns, "link", "add", "br0", "type", "bridge")
	ipIn(t, ns, "link", "set", "v1", "master", "br0")
	ipIn(t, ns, "link", "set", "v0", "up")
	ipIn(t, ns, "link", "property", "add", "dev", "v0", "altname", "a-rather-long-alternative-name")
	c := dialNamed(t, ns)

	links, err := c.Links()
	if err != nil {
		t.Fatal(err)
	}
	if len(links) < 4 {
		t.Fatalf("%d links", len(links))
	}
	type query struct {
		index   int64
		name    string
		hasName bool
		js      string
	}
	var qs []query
	for _, l := range links {
		qs = append(qs,
			query{int64(l.Index), "", false, fmt.Sprintf(`{"object":"link","cmd":"get","args":{"index":%d}}`, l.Index)},
			query{0, l.Name, true, fmt.Sprintf(`{"object":"link","cmd":"get","args":{"ifname":%q}}`, l.Name)},
			query{int64(l.Index), l.Name, true, fmt.Sprintf(`{"object":"link","cmd":"get","args":{"index":%d,"ifname":%q}}`, l.Index, l.Name)})
	}
	for _, q := range qs {
		want := callT(t, c, q.js)
		got, err := c.GetLink(q.index, q.name, q.hasName)
		if err != nil {
			t.Fatalf("%s: %v", q.js, err)
		}
		if len(want) != 1 || got == nil {
			t.Fatalf("%s: generic %d messages, fast %v", q.js, len(want), got)
		}
		if g, w := linkGetJSON(got), linkGetJSON(want[0]); g != w {
			t.Errorf("%s:\n fast    %s\n generic %s", q.js, g, w)
		}
		wire, err := c.GetLinkWire([]byte("prefix"), q.index, q.name, q.hasName)
		if err != nil || !bytes.HasPrefix(wire, []byte("prefix")) {
			t.Fatalf("GetLinkWire: %v", err)
		}
		m, _, err := DecodeMessage(wire[len("prefix"):])
		if err != nil || linkGetJSON(m) != linkGetJSON(want[0]) {
			t.Errorf("%s: GetLinkWire decodes to %v (%v)", q.js, m, err)
		}
	}

	// Errors: the generic path's, errno kept. Names over 15 bytes go as
	// IFLA_IFNAME, as pyroute2 sends them: the kernel refuses (ERANGE).
	for _, q := range []query{
		{0, "a-rather-long-alternative-name", true,
			`{"object":"link","cmd":"get","args":{"ifname":"a-rather-long-alternative-name"}}`},
		{0, "nonexist", true, `{"object":"link","cmd":"get","args":{"ifname":"nonexist"}}`},
		{999999, "", false, `{"object":"link","cmd":"get","args":{"index":999999}}`},
		{0, "", true, `{"object":"link","cmd":"get","args":{"ifname":""}}`},
		{0, "x\x00y", true, `{"object":"link","cmd":"get","args":{"ifname":"x\u0000y"}}`},
	} {
		werr := callErr(c, q.js)
		_, gerr := c.GetLink(q.index, q.name, q.hasName)
		if werr == nil || gerr == nil || werr.Error() != gerr.Error() {
			t.Errorf("%s: fast error %v, generic %v", q.js, gerr, werr)
		}
	}
	if _, err := c.GetLink(0, "nonexist", true); !errors.Is(err, unix.ENODEV) {
		t.Errorf("missing link: %v, want ENODEV", err)
	}
	// The connection keeps working after errors (no stray answers queued).
	m, err := c.GetLink(1, "", false)
	if err != nil || m == nil {
		t.Fatalf("after errors: %v %v", m, err)
	}
	if name, _ := m.Attrs.String("IFLA_IFNAME"); name != "lo" {
		t.Fatalf("after errors: index 1 is %q", name)
	}
	c.Close()
	if _, err := c.GetLink(1, "", false); !errors.Is(err, ErrClosed) {
		t.Errorf("closed: %v", err)
	}
}
