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
	if len(out) < 40 {
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
		want := decodedResult(t, marshal, msgs...)
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

// BenchmarkPyMessage encodes one link (lo: stats, AF_SPEC, ...) as
// resultWriter.add does from the decoded message and as addReceived does
// from the wire.
func BenchmarkPyMessage(b *testing.B) {
	wire := capturedWires(b)[0]
	m, _, err := rtnl.DecodeMessage(wire)
	if err != nil {
		b.Fatal(err)
	}
	var scratch, dst []byte
	b.Run("decoded", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			dst, _ = appendPyMessage(dst[:0], m, &scratch)
		}
	})
	b.Run("wire", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			wm, _ := rtnl.ReadWire(wire)
			dst, _ = appendPyWire(dst[:0], &wm, &scratch)
		}
	})
}

// BenchmarkEncodeAnswers is nig_rtnl_marshal's work: a received link
// (lo: stats, AF_SPEC...) and a raw dump chunk of 256 routes.
func BenchmarkEncodeAnswers(b *testing.B) {
	link := capturedWires(b)[0]
	var routes []byte
	for i := 0; i < 256; i++ {
		routes = append(routes, wireMsgForTest(rtnl.RTM_NEWROUTE,
			[]byte{rtnl.AF_INET, 32, 0, 0, 254, 4, 0, 1, 0, 0, 0, 0},
			nlattr(rtnl.RTA_TABLE, 254, 0, 0, 0), nlattr(rtnl.RTA_DST, 20, 0, byte(i>>8), byte(i)),
			nlattr(rtnl.RTA_GATEWAY, 10, 0, 0, 2), nlattr(rtnl.RTA_OIF, 2, 0, 0, 0))...)
	}
	for _, tc := range []struct {
		name string
		wire []byte
	}{{"link", link}, {"routes256", routes}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.wire)))
			for i := 0; i < b.N; i++ {
				if _, err := encodeAnswers(tc.wire, true); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
