package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"os"
	"testing"

	"github.com/netifaces-go/netifaces-go/core/rtnl"
)

// capturedWires are the captured kernel messages of core/rtnl's testdata
// (links of several kinds, addresses, routes, neighbours, rules), as wire.
func capturedWires(t testing.TB) [][]byte {
	t.Helper()
	f, err := os.Open("../core/rtnl/testdata/kernel_messages.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]byte
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec struct{ Wire string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		b, err := hex.DecodeString(rec.Wire)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	if len(out) < 20 {
		t.Fatalf("only %d captured messages", len(out))
	}
	return out
}

// craftedWires are messages with the values the captures lack: 64-bit
// counters beyond int64, negative signed struct fields, a record longer
// than its layout (a "__tail"), long hex, attributes unknown to the
// tables (with flag bits), wrong sizes, nested sets, multipath.
func craftedWires() [][]byte {
	u64 := func(vs ...uint64) []byte {
		b := make([]byte, 8*len(vs))
		for i, v := range vs {
			binary.NativeEndian.PutUint64(b[8*i:], v)
		}
		return b
	}
	link := rtnl.NewAttrEncoder(rtnl.IfInfoMsg{Type: 1, Index: 7, Flags: 0x80000003, Change: 0xffffffff}.Bytes())
	link.String(rtnl.IFLA_IFNAME, "t\xffst\xc3\xa9")
	link.Raw(rtnl.IFLA_STATS64, u64(1<<63, ^uint64(0), 5, 1<<40))
	link.Raw(rtnl.IFLA_MAP, append(u64(1, 2, 3), 9, 0, 4, 5, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x11, 0x22))
	link.Raw(rtnl.IFLA_ADDRESS, bytes.Repeat([]byte{0xab}, 100))
	link.Raw(rtnl.IFLA_ADDRESS, nil)
	link.Raw(0x3ff0|0x8000, []byte{1, 2, 3})
	link.U8(rtnl.IFLA_STATS, 1) // wrong size for the struct
	li := link.Nest(rtnl.IFLA_LINKINFO)
	link.String(rtnl.IFLA_INFO_KIND, "vxlan")
	d := link.Nest(rtnl.IFLA_INFO_DATA)
	link.U32(1, 42)              // IFLA_VXLAN_ID
	link.Raw(2, []byte{1, 2, 3}) // IFLA_VXLAN_GROUP, wrong size
	link.End(d)
	link.End(li)
	af := link.Nest(rtnl.IFLA_AF_SPEC)
	inet := link.Nest(2)
	link.Raw(1, bytes.Repeat([]byte{1, 0, 0, 0}, 40))
	link.End(inet)
	link.End(af)

	route := rtnl.NewAttrEncoder(rtnl.RtMsg{Family: 2, DstLen: 24, Table: 254, Protocol: 4, Type: 1}.Bytes())
	route.Raw(rtnl.RTA_CACHEINFO, []byte{1, 0, 0, 0, 2, 0, 0, 0, 0xfe, 0xff, 0xff, 0xff, 0, 0, 0, 0x80, 9, 9})
	// One rtnexthop (len 16, flags 1, hops 2, ifindex 3) holding RTA_GATEWAY.
	route.Raw(rtnl.RTA_MULTIPATH, []byte{16, 0, 1, 2, 3, 0, 0, 0, 8, 0, 5, 0, 10, 0, 0, 2})

	var out [][]byte
	for _, r := range []rtnl.Request{
		{Type: rtnl.RTM_NEWLINK, Data: link.Bytes()},
		{Type: rtnl.RTM_NEWROUTE, Flags: 2, Data: route.Bytes()},
		{Type: rtnl.RTM_NEWLINK, Data: rtnl.IfInfoMsg{}.Bytes()}, // no attributes
		{Type: 99, Data: []byte{1, 2, 3, 4}},                     // no schema
	} {
		out = append(out, r.AppendWire(nil, 0xfffffff0, 0x7fffffff))
	}
	return out
}

// TestPyMessageDirectSame holds appendPyMessageDirect to appendPyMessage,
// byte for byte.
func TestPyMessageDirectSame(t *testing.T) {
	for _, wire := range append(capturedWires(t), craftedWires()...) {
		checkPyDirectSame(t, wire)
	}
}

func checkPyDirectSame(t *testing.T, wire []byte) {
	t.Helper()
	m, _, err := rtnl.DecodeMessage(wire)
	if err != nil {
		t.Fatalf("decode % x: %v", wire, err)
	}
	var s1, s2 []byte
	want, err1 := appendPyMessage([]byte("x"), m, &s1)
	got, err2 := appendPyMessageDirect([]byte("x"), m, &s2)
	if (err1 == nil) != (err2 == nil) || !bytes.Equal(got, want) {
		t.Fatalf("%s:\n direct  %q (%v)\n generic %q (%v)", m, got, err2, want, err1)
	}
}

func FuzzPyMessageDirect(f *testing.F) {
	for _, w := range append(capturedWires(f), craftedWires()...) {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, wire []byte) {
		if _, _, err := rtnl.DecodeMessage(wire); err != nil {
			return
		}
		checkPyDirectSame(t, wire)
	})
}

// TestEncodeAnswersSame: the results nig_rtnl_get_link and nig_rtnl_marshal
// build are the ones the request path builds for the same messages, in
// both formats.
func TestEncodeAnswersSame(t *testing.T) {
	msgs := append(capturedWires(t), craftedWires()...)
	var all []byte
	for _, wire := range msgs {
		all = append(all, wire...)
	}
	for _, marshal := range []bool{false, true} {
		w := newResultWriter(marshal)
		for _, wire := range msgs {
			m, _, err := rtnl.DecodeMessage(wire)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.add(m); err != nil {
				t.Fatal(err)
			}
		}
		want := w.finish()
		got, err := encodeAnswers(all, marshal)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("marshal=%v: %v\n got  %q\n want %q", marshal, err, got, want)
		}
	}
	empty, err := encodeAnswers(nil, true)
	if err != nil || hex.EncodeToString(empty) != "5b00000000" {
		t.Fatalf("empty: % x %v", empty, err)
	}
	if _, err := encodeAnswers([]byte{1, 2, 3}, true); err == nil {
		t.Fatal("short input accepted")
	}
}

func BenchmarkPyMessageDirect(b *testing.B) {
	wire := capturedWires(b)[0] // lo: stats, AF_SPEC, ...
	m, _, err := rtnl.DecodeMessage(wire)
	if err != nil {
		b.Fatal(err)
	}
	var scratch, dst []byte
	b.Run("generic", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			dst, _ = appendPyMessage(dst[:0], m, &scratch)
		}
	})
	b.Run("direct", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			dst, _ = appendPyMessageDirect(dst[:0], m, &scratch)
		}
	})
}
