package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/netifaces-go/netifaces-go/core/rtnl"
)

// decodedResult is what a connection of the format returns for msgs:
// each decoded and encoded with resultWriter.add.
func decodedResult(t testing.TB, marshal bool, msgs ...[]byte) []byte {
	t.Helper()
	w := newResultWriter(marshal)
	for _, msg := range msgs {
		m, _, err := rtnl.DecodeMessage(msg)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.add(m); err != nil {
			t.Fatal(err)
		}
	}
	return w.finish()
}

// checkAddReceived: addReceived writes what the decoded path writes for
// the first message of msg and takes the bytes DecodeMessage takes, or
// fails as the decoded path fails.
func checkAddReceived(t *testing.T, msg []byte) {
	t.Helper()
	w := newResultWriter(true)
	n, err := w.addReceived(msg)
	want := newResultWriter(true)
	m, dn, derr := rtnl.DecodeMessage(msg)
	if derr == nil {
		derr = want.add(m)
	}
	if (err == nil) != (derr == nil) || (err != nil && err.Error() != derr.Error()) {
		t.Fatalf("% x: in place %v, decoded %v", msg, err, derr)
	}
	if err != nil {
		return
	}
	if got := w.finish(); n != dn || !bytes.Equal(got, want.finish()) {
		t.Fatalf("% x: took %d, decode %d:\nin place %q\ndecoded  %q", msg, n, dn, got, want.finish())
	}
	// Both are the transcoded JSON of the message.
	js, _ := beginPyList(nil)
	if js, err = appendPyBlob(js, m.AppendJSON(nil)); err != nil {
		t.Fatalf("% x: transcoding %s: %v", msg, m.AppendJSON(nil), err)
	}
	if got := w.finish(); !bytes.Equal(got, endPyList(js, 0, 1)) {
		t.Fatalf("% x: in place\n%q\ntranscoded JSON\n%q", msg, got, js)
	}
}

// The in-place encoder writes the decoded path's bytes exactly.
func TestAddReceivedSameAsDecoded(t *testing.T) {
	msgs := capturedWires(t)
	odd := [][]byte{
		wireMsgForTest(rtnl.RTM_NEWROUTE, []byte{rtnl.AF_INET, 24, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0},
			nlattr(rtnl.RTA_PRIORITY, 0xff, 0xff, 0xff, 0xff), nlattr(rtnl.RTA_GATEWAY, 1, 2), nlattr(200, 7)),
		wireMsgForTest(rtnl.RTM_NEWADDR, []byte{rtnl.AF_INET, 24, 0x80, 0, 3, 0, 0, 0},
			nlattr(rtnl.IFA_LABEL, 'x', 0xff, 0), nlattr(rtnl.IFA_LOCAL, 10, 0, 0, 1)),
		wireMsgForTest(rtnl.RTM_NEWLINK, make([]byte, 16), nlattr(rtnl.IFLA_MTU, 1), nlattr(rtnl.IFLA_ADDRESS),
			nlattr(rtnl.IFLA_STATS64, make([]byte, 8)...)),
	}
	for _, msg := range append(append(msgs, craftedWires()...), odd...) {
		checkAddReceived(t, msg)
	}
	// A whole batch at once, and the JSON Lines format (always decoded).
	w := newResultWriter(true)
	for _, msg := range msgs {
		if _, err := w.addReceived(msg); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(w.finish(), decodedResult(t, true, msgs...)) {
		t.Error("batch differs")
	}
	j := newResultWriter(false)
	if _, err := j.addReceived(msgs[0]); err != nil || !json.Valid(j.finish()) {
		t.Errorf("JSON Lines: %v %s", err, j.finish())
	}
	// A malformed message fails as DecodeMessage fails.
	bad := wireMsgForTest(rtnl.RTM_NEWROUTE, []byte{rtnl.AF_INET, 24, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0}, []byte{40, 0, 4, 0})
	if _, _, derr := rtnl.DecodeMessage(bad); derr == nil {
		t.Fatal("malformed message decodes")
	}
	checkAddReceived(t, bad)
}

// A chunk of raw messages is the marshal tuple (n, wire), and wire is what
// nig_rtnl_marshal (encodeAnswers) turns into the blobs a marshal
// connection returns for the same messages.
func TestRawChunkFormat(t *testing.T) {
	msgs := capturedWires(t)
	odd := wireMsgForTest(rtnl.RTM_NEWROUTE, []byte{rtnl.AF_INET, 24, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0},
		nlattr(rtnl.RTA_GATEWAY, 1, 2, 3)) // 39 bytes: padded in the chunk
	odd = odd[:binary.NativeEndian.Uint32(odd)]
	msgs = append([][]byte{odd}, msgs...)
	w := newResultWriter(true)
	for _, msg := range msgs {
		w.addRaw(msg)
	}
	chunk := w.finish()
	v, rest, err := pyValue(chunk)
	if err != nil || len(rest) != 0 {
		t.Fatalf("chunk: %v, %d bytes left", err, len(rest))
	}
	tuple, ok := v.([]any)
	if !ok || len(tuple) != 2 || tuple[0] != float64(len(msgs)) {
		t.Fatalf("chunk is not (n, wire): %v", v)
	}
	wire := []byte(tuple[1].(string))
	if len(wire)%4 != 0 {
		t.Errorf("wire of %d bytes", len(wire))
	}
	got, err := encodeAnswers(wire, true)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, decodedResult(t, true, msgs...)) {
		t.Error("the wire of the chunk encodes differently from its messages")
	}
	// After reset the writer starts a list again.
	w.reset()
	m, _, _ := rtnl.DecodeMessage(msgs[1])
	if err := w.add(m); err != nil || w.raw || w.finish()[0] != pyList {
		t.Errorf("after reset: raw=%v %v", w.raw, err)
	}
}

// dumpRaw sends messages undecoded exactly when the dump's filter needs no
// decoding, keeps what Match keeps, and still rejects malformed messages.
func TestDumpRawDecisions(t *testing.T) {
	build := func(js string) *rtnl.Built {
		c, err := rtnl.ParseCall([]byte(js))
		if err != nil {
			t.Fatal(err)
		}
		b, err := rtnl.BuildRequest(c, rtnl.BuildOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	all := build(`{"object":"route","cmd":"dump","args":{"family":255}}`)
	filtered := build(`{"object":"route","cmd":"dump","args":{"table":254}}`)
	var routes, others int
	for _, msg := range capturedWires(t) {
		m, _, err := rtnl.DecodeMessage(msg)
		if err != nil {
			t.Fatal(err)
		}
		raw, keep, err := dumpRaw(msg, all)
		if err != nil {
			t.Fatal(err)
		}
		if m.Kind() == "" || m.Kind() == "nlmsgerr" {
			if raw {
				t.Errorf("%s sent raw", m.Event())
			}
			continue
		}
		if !raw || keep != all.Match(m) {
			t.Errorf("%s: raw %v keep %v, Match %v", m.Event(), raw, keep, all.Match(m))
		}
		if keep {
			routes++
		} else {
			others++
		}
		if raw, _, _ := dumpRaw(msg, filtered); raw {
			t.Errorf("%s sent raw by a filtered dump", m.Event())
		}
	}
	if routes == 0 || others == 0 {
		t.Fatalf("%d routes, %d others", routes, others)
	}
	bad := wireMsgForTest(rtnl.RTM_NEWROUTE, []byte{rtnl.AF_INET, 24, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0},
		nlattr(rtnl.RTA_MULTIPATH, 16, 0, 0, 1, 3, 0, 0, 0, 40, 0, rtnl.RTA_GATEWAY, 0, 10, 0, 0, 2))
	if _, _, err := dumpRaw(bad, all); err == nil {
		t.Error("a message with a malformed nested value was sent raw")
	}
}

func wireMsgForTest(typ uint16, hdr []byte, attrs ...[]byte) []byte {
	b := make([]byte, 16, 256)
	binary.NativeEndian.PutUint16(b[4:], typ)
	b = append(b, hdr...)
	for _, a := range attrs {
		b = append(b, a...)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
	}
	binary.NativeEndian.PutUint32(b, uint32(len(b)))
	return b
}

func nlattr(typ uint16, data ...byte) []byte {
	a := make([]byte, 4, 4+len(data))
	binary.NativeEndian.PutUint16(a, uint16(4+len(data)))
	binary.NativeEndian.PutUint16(a[2:], typ)
	return append(a, data...)
}

// ---- live dumps --------------------------------------------------------------

func requireRootCapi(t testing.TB) {
	t.Helper()
	if os.Geteuid() == 0 {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("test needs root (CAP_NET_ADMIN) and CI=true forbids skipping")
	}
	t.Skip("needs root")
}

var capiNS atomic.Int32

// routesNetNS makes a throwaway namespace holding n /32 routes.
func routesNetNS(t testing.TB, n int) string {
	t.Helper()
	requireRootCapi(t)
	name := fmt.Sprintf("nigcapi-%d-%d", os.Getpid(), capiNS.Add(1))
	if out, err := exec.Command("ip", "netns", "add", name).CombinedOutput(); err != nil {
		t.Fatalf("ip netns add: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("ip", "netns", "del", name).Run() })
	var sb strings.Builder
	sb.WriteString("link set lo up\nlink add v0 type veth peer name v1\nlink set v0 up\nlink set v1 up\naddr add 10.0.0.1/24 dev v0\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "route add 20.%d.%d.%d/32 via 10.0.0.2 dev v0\n", i>>16&255, i>>8&255, i&255)
	}
	cmd := exec.Command("ip", "-n", name, "-batch", "-")
	cmd.Stdin = strings.NewReader(sb.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ip -batch: %v %s", err, out)
	}
	return name
}

func startDump(t testing.TB, c *rtnl.Conn, js string) *rtnlDump {
	t.Helper()
	call, err := rtnl.ParseCall([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	b, err := rtnl.BuildRequest(call, rtnl.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d := &rtnlDump{marshal: true}
	d.cond.L = &d.mu
	go d.run(c, b)
	return d
}

// drain reads a dump to its end as nig_rtnl_next does and returns its
// messages as marshal blobs (raw chunks encoded with encodeAnswers) and
// the number of raw chunks.
func drain(t testing.TB, d *rtnlDump) (blobs []any, rawChunks int) {
	t.Helper()
	for {
		chunk, err := d.next()
		if err != nil {
			t.Fatal(err)
		}
		if len(chunk) == 0 {
			return blobs, rawChunks
		}
		list := chunk
		if chunk[0] == pySmallTuple {
			v, _, err := pyValue(chunk)
			if err != nil {
				t.Fatal(err)
			}
			tuple := v.([]any)
			if tuple[0].(float64) > rtnlRawMessages {
				t.Fatalf("raw chunk of %v messages", tuple[0])
			}
			if list, err = encodeAnswers([]byte(tuple[1].(string)), true); err != nil {
				t.Fatal(err)
			}
			rawChunks++
		}
		v, _, err := pyValue(list)
		if err != nil {
			t.Fatal(err)
		}
		blobs = append(blobs, v.([]any)...)
		d.recycle(chunk)
	}
}

// A large unfiltered dump comes in raw chunks that encode to what the
// request path returns; a filtered one in blob chunks.
func TestLiveDumpRawChunks(t *testing.T) {
	ns := routesNetNS(t, 3000)
	c, err := rtnl.Dial(rtnl.Options{NetNS: ns, ReceiveMode: rtnl.ReceiveBlocking})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, tc := range []struct {
		js  string
		raw bool
	}{
		{`{"object":"route","cmd":"dump","args":{"family":2}}`, true},
		{`{"object":"route","cmd":"dump","args":{"family":2,"table":254}}`, false},
		{`{"object":"link","cmd":"dump"}`, true},
		{`{"object":"addr","cmd":"dump"}`, true},
	} {
		blobs, rawChunks := drain(t, startDump(t, c, tc.js))
		if (rawChunks > 0) != tc.raw {
			t.Errorf("%s: %d raw chunks", tc.js, rawChunks)
		}
		b, err := parseCallBytes(tc.js)
		if err != nil {
			t.Fatal(err)
		}
		want := newResultWriter(true)
		if err := c.DumpFunc(b.Request, func(m *rtnl.Message) error {
			if b.Match != nil && !b.Match(m) {
				return nil
			}
			return want.add(m)
		}, nil); err != nil {
			t.Fatal(err)
		}
		wv, _, err := pyValue(want.finish())
		if err != nil {
			t.Fatal(err)
		}
		if len(blobs) != len(wv.([]any)) {
			t.Fatalf("%s: %d messages, request path %d", tc.js, len(blobs), len(wv.([]any)))
		}
		for i, blob := range blobs {
			// Sequence numbers differ between the two dumps.
			got, want := stripSeq(t, blob), stripSeq(t, wv.([]any)[i])
			if got != want {
				t.Fatalf("%s message %d:\n%s\n%s", tc.js, i, got, want)
			}
		}
		if strings.Contains(tc.js, `"route"`) && tc.raw && len(blobs) < 3000 {
			t.Errorf("only %d routes", len(blobs))
		}
	}
}

func parseCallBytes(js string) (*rtnl.Built, error) {
	call, err := rtnl.ParseCall([]byte(js))
	if err != nil {
		return nil, err
	}
	return rtnl.BuildRequest(call, rtnl.BuildOptions{})
}

// volatile names the values the kernel changes between two dumps.
var volatile = map[string]bool{"IFLA_STATS": true, "IFLA_STATS64": true, "IFLA_AF_SPEC": true,
	"IFLA_CARRIER_CHANGES": true, "IFLA_CARRIER_UP_COUNT": true, "IFLA_CARRIER_DOWN_COUNT": true,
	"RTA_CACHEINFO": true, "IFA_CACHEINFO": true}

// stripSeq renders a blob (a marshalled message) without its header's
// sequence number and the volatile attributes.
func stripSeq(t testing.TB, blob any) string {
	t.Helper()
	v, _, err := pyValue([]byte(blob.(string)))
	if err != nil {
		t.Fatal(err)
	}
	m := v.(map[string]any)
	delete(m["header"].(map[string]any), "sequence_number")
	var attrs []any
	for _, a := range m["attrs"].([]any) {
		if !volatile[a.([]any)[0].(string)] {
			attrs = append(attrs, a)
		}
	}
	m["attrs"] = attrs
	js, _ := json.Marshal(m)
	return string(js)
}

// The producer stays rtnlAhead chunks ahead of a consumer, and once the
// consumer stalls it queues the rest so that the dump ends anyway.
func TestLiveDumpFlowControl(t *testing.T) {
	ns := routesNetNS(t, 20000)
	c, err := rtnl.Dial(rtnl.Options{NetNS: ns, ReceiveMode: rtnl.ReceiveBlocking})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	d := startDump(t, c, `{"object":"route","cmd":"dump","args":{"family":2}}`)
	time.Sleep(rtnlStall / 4)
	d.mu.Lock()
	queued, done := len(d.chunks), d.done
	d.mu.Unlock()
	if done || queued != rtnlAhead {
		t.Fatalf("before the stall: %d chunks queued, done=%v; want %d, not done", queued, done, rtnlAhead)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		d.mu.Lock()
		done, stalled, queued := d.done, d.stalled, len(d.chunks)
		d.mu.Unlock()
		if done {
			if !stalled || queued <= rtnlAhead {
				t.Fatalf("done with stalled=%v, %d chunks queued", stalled, queued)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("a dump nobody reads did not end")
		}
		time.Sleep(10 * time.Millisecond)
	}
	blobs, _ := drain(t, d)
	if len(blobs) < 20000 {
		t.Errorf("%d routes", len(blobs))
	}
	// The connection is free again.
	if _, err := c.Dump(rtnl.RouteFilter{Family: rtnl.AF_INET}.Request()); err != nil {
		t.Fatal(err)
	}
}

// FuzzAddReceived: on any message, as given and as each of the five
// kinds, the in-place encoder writes exactly what the decoded path writes,
// or fails as it fails.
func FuzzAddReceived(f *testing.F) {
	for _, msg := range append(capturedWires(f), craftedWires()...) {
		f.Add(msg)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		checkAddReceived(t, b)
		if len(b) < 16 {
			return
		}
		for _, typ := range []uint16{rtnl.RTM_NEWLINK, rtnl.RTM_NEWADDR, rtnl.RTM_NEWROUTE, rtnl.RTM_NEWNEIGH, rtnl.RTM_NEWRULE} {
			msg := append([]byte(nil), b...)
			binary.NativeEndian.PutUint32(msg, uint32(len(msg)))
			binary.NativeEndian.PutUint16(msg[4:], typ)
			checkAddReceived(t, msg)
		}
	})
}
