//go:build linux

package rtnl

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

func TestLiveEvents(t *testing.T) {
	ns := newNamedNetNS(t)
	sub, err := Subscribe(Options{NetNS: ns}, DefaultGroups...)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Close()
	c := dialNamed(t, ns)
	callT(t, c, `{"object":"link","cmd":"add","args":{"ifname":"ev0","kind":"veth","peer":"ev1","state":"up"}}`)
	l, _ := c.LinkByName("ev0")
	callT(t, c, `{"object":"addr","cmd":"add","args":{"index":`+itoa(l.Index)+`,"address":"10.0.0.1/24"}}`)
	callT(t, c, `{"object":"route","cmd":"add","args":{"dst":"10.9.0.0/24","gateway":"10.0.0.2","table":100}}`)

	seen := map[string]bool{}
	deadline := time.Now().Add(5 * time.Second)
	for !(seen["RTM_NEWLINK ev0"] && seen["RTM_NEWADDR 10.0.0.1"] && seen["RTM_NEWROUTE 10.9.0.0"]) {
		msgs, err := sub.Receive(deadline)
		if err != nil {
			t.Fatalf("after %v: %v", seen, err)
		}
		for _, m := range msgs {
			key := m.Event()
			if s, ok := m.Attrs.String("IFLA_IFNAME"); ok {
				key += " " + s
			}
			if s, ok := m.Attrs.String("IFA_ADDRESS"); ok {
				key += " " + s
			}
			if s, ok := m.Attrs.String("RTA_DST"); ok {
				key += " " + s
			}
			seen[key] = true
		}
	}
	// A closed subscription unblocks a pending Receive.
	done := make(chan error, 1)
	go func() { _, err := sub.Receive(time.Time{}); done <- err }()
	time.Sleep(50 * time.Millisecond)
	sub.Close()
	select {
	case err := <-done:
		if !errors.Is(err, ErrClosed) {
			t.Errorf("Receive after Close: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Receive did not return after Close")
	}
}

// With a tiny buffer and a burst of routes nobody reads, the kernel drops
// notifications; Receive must say so with an OVERFLOW event, then go on.
func TestLiveEventsOverflow(t *testing.T) {
	ns := newNamedNetNS(t)
	sub, err := Subscribe(Options{NetNS: ns, ReadBuffer: 4096}, RTNLGRP_IPV4_ROUTE)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Close()
	c := dialNamed(t, ns)
	callT(t, c, `{"object":"link","cmd":"add","args":{"ifname":"ov0","kind":"veth","peer":"ov1","state":"up"}}`)
	callT(t, c, `{"object":"link","cmd":"set","args":{"ifname":"ov1","state":"up"}}`)
	l, _ := c.LinkByName("ov0")
	callT(t, c, `{"object":"addr","cmd":"add","args":{"index":`+itoa(l.Index)+`,"address":"10.0.0.1/24"}}`)
	var calls []Call
	for i := 0; i < 500; i++ {
		calls = append(calls, Call{Object: "route", Cmd: "add", Args: map[string]any{
			"dst": fmt.Sprintf("20.0.%d.%d/32", i/256, i%256), "gateway": "10.0.0.2"}})
	}
	if _, err := c.BatchCalls(calls); err != nil {
		t.Fatal(err)
	}
	overflow := false
	for i := 0; i < 1000 && !overflow; i++ {
		msgs, err := sub.Receive(time.Now().Add(2 * time.Second))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range msgs {
			if m.IsOverflow() {
				overflow = true
				js := string(m.AppendJSON(nil))
				if !strings.Contains(js, `"event":"OVERFLOW"`) || !strings.Contains(js, `"error":105`) || !json.Valid([]byte(js)) {
					t.Errorf("overflow JSON %s", js)
				}
			}
		}
	}
	if !overflow {
		t.Fatal("no overflow reported for 500 unread notifications in a 4 KiB buffer")
	}
	// Drain what is queued; then the subscription keeps working.
	for {
		_, err := sub.Receive(time.Now().Add(200 * time.Millisecond))
		if errors.Is(err, os.ErrDeadlineExceeded) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	callT(t, c, `{"object":"route","cmd":"add","args":{"dst":"30.0.0.0/24","gateway":"10.0.0.2"}}`)
	deadline := time.Now().Add(5 * time.Second)
	for {
		msgs, err := sub.Receive(deadline)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range msgs {
			if d, _ := m.Attrs.String("RTA_DST"); d == "30.0.0.0" {
				return
			}
		}
	}
}

func TestLiveBatch(t *testing.T) {
	ns := newNamedNetNS(t)
	c := dialNamed(t, ns)
	callT(t, c, `{"object":"link","cmd":"add","args":{"ifname":"b0","kind":"veth","peer":"b1","state":"up"}}`)
	callT(t, c, `{"object":"link","cmd":"set","args":{"ifname":"b1","state":"up"}}`)
	l, _ := c.LinkByName("b0")
	callT(t, c, `{"object":"addr","cmd":"add","args":{"index":`+itoa(l.Index)+`,"address":"10.0.0.1/24"}}`)
	const n = 2000
	var calls []Call
	for i := 0; i < n; i++ {
		calls = append(calls, Call{Object: "route", Cmd: "add", Args: map[string]any{
			"dst": fmt.Sprintf("20.%d.%d.0/24", i/256, i%256), "gateway": "10.0.0.2", "table": 200}})
	}
	calls = append(calls,
		Call{Object: "route", Cmd: "add", Args: map[string]any{"dst": "20.0.0.0/24", "gateway": "10.0.0.2", "table": 200}}, // duplicate
		Call{Object: "route", Cmd: "add", Args: map[string]any{"dst": "bogus"}},                                            // argument error
		Call{Object: "route", Cmd: "dump", Args: map[string]any{}},                                                         // not batchable
	)
	start := time.Now()
	res, err := c.BatchCalls(calls)
	el := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("batch of %d route adds: %v (%.1f µs/route)", n, el, float64(el.Microseconds())/n)
	for i := 0; i < n; i++ {
		if res[i].Err != nil || len(res[i].Messages) != 1 || res[i].Messages[0].Error != 0 {
			t.Fatalf("request %d: %+v", i, res[i])
		}
	}
	if !errors.Is(res[n].Err, unix.EEXIST) {
		t.Errorf("duplicate: %v", res[n].Err)
	}
	var ae *ArgError
	if !errors.As(res[n+1].Err, &ae) || !errors.As(res[n+2].Err, &ae) {
		t.Errorf("bad/dump entries: %v / %v", res[n+1].Err, res[n+2].Err)
	}
	routes, err := c.Routes(RouteFilter{Table: 200})
	if err != nil || len(routes) != n {
		t.Errorf("table 200 has %d routes, %v", len(routes), err)
	}
	js, err := c.BatchJSON(nil, []byte(`[{"object":"route","cmd":"del","args":{"dst":"20.0.0.0/24","table":200}},
		{"object":"route","cmd":"del","args":{"dst":"20.0.0.0/24","table":200}}, {"bad":`))
	if err == nil {
		t.Errorf("bad batch JSON accepted: %s", js)
	}
	js, err = c.BatchJSON(nil, []byte(`[{"object":"route","cmd":"del","args":{"dst":"20.0.0.0/24","table":200}},
		{"object":"route","cmd":"del","args":{"dst":"20.0.0.0/24","table":200}}, {"object":"route"}]`))
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(js, &out); err != nil || len(out) != 3 {
		t.Fatalf("batch JSON %s: %v", js, err)
	}
	if out[0]["ok"] != true || out[1]["ok"] != false {
		t.Errorf("batch JSON results %s", js)
	}
	if e := out[1]["error"].(map[string]any); e["kind"] != "netlink" || e["code"] != float64(unix.ESRCH) {
		t.Errorf("batch JSON error %v", e)
	}
	if e := out[2]["error"].(map[string]any); e["kind"] != "argument" {
		t.Errorf("batch JSON arg error %v", e)
	}
}
