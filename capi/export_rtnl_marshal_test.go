package main

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"testing"
	"unicode/utf8"
)

// pyValue decodes the marshal subset the transcoder writes back into the
// values encoding/json produces (tuples become []any), for round trips.
func pyValue(b []byte) (any, []byte, error) {
	if len(b) == 0 {
		return nil, nil, fmt.Errorf("short input")
	}
	c, b := b[0], b[1:]
	switch c {
	case pyNone:
		return nil, b, nil
	case pyTrue:
		return true, b, nil
	case pyFalse:
		return false, b, nil
	case pyInt:
		return float64(int32(binary.LittleEndian.Uint32(b))), b[4:], nil
	case pyLong:
		n := int32(binary.LittleEndian.Uint32(b))
		b = b[4:]
		neg := n < 0
		if neg {
			n = -n
		}
		v := new(big.Int)
		for i := n - 1; i >= 0; i-- {
			v.Lsh(v, 15)
			v.Or(v, big.NewInt(int64(binary.LittleEndian.Uint16(b[2*i:]))))
		}
		if neg {
			v.Neg(v)
		}
		f, _ := new(big.Float).SetInt(v).Float64()
		return f, b[2*n:], nil
	case pyFloat:
		return math.Float64frombits(binary.LittleEndian.Uint64(b)), b[8:], nil
	case pyShortASCII:
		n := int(b[0])
		return string(b[1 : 1+n]), b[1+n:], nil
	case pyUnicode, pyBytes:
		n := int(binary.LittleEndian.Uint32(b))
		return string(b[4 : 4+n]), b[4+n:], nil
	case pySmallTuple, pyList:
		var n int
		if c == pySmallTuple {
			n, b = int(b[0]), b[1:]
		} else {
			n, b = int(binary.LittleEndian.Uint32(b)), b[4:]
		}
		out := make([]any, 0, n)
		for i := 0; i < n; i++ {
			var v any
			var err error
			if v, b, err = pyValue(b); err != nil {
				return nil, nil, err
			}
			out = append(out, v)
		}
		return out, b, nil
	case pyDict:
		out := map[string]any{}
		for len(b) > 0 && b[0] != pyNull {
			k, rest, err := pyValue(b)
			if err != nil {
				return nil, nil, err
			}
			v, rest, err := pyValue(rest)
			if err != nil {
				return nil, nil, err
			}
			out[k.(string)] = v
			b = rest
		}
		return out, b[1:], nil
	}
	return nil, nil, fmt.Errorf("unknown type %q", c)
}

func TestMarshalTranscoderGolden(t *testing.T) {
	for _, tc := range []struct{ js, hex string }{
		{`null`, "4e"},
		{`true`, "54"},
		{`0`, "6900000000"},
		{`-1`, "69ffffffff"},
		{`2147483647`, "69ffffff7f"},
		{`-2147483648`, "6900000080"},
		{`2147483648`, "6c03000000" + "0000" + "0000" + "0200"},                             // 2^31 = 2*2^30
		{`18446744073709551615`, "6c05000000" + "ff7f" + "ff7f" + "ff7f" + "ff7f" + "0f00"}, // 2^64-1
		{`-4294967296`, "6cfdffffff" + "0000" + "0000" + "0400"},
		{`"ab"`, "7a026162"},
		{`"\u00e9"`, "7502000000c3a9"},
		{`"\udcff"`, "7503000000edb3bf"},         // surrogateescape byte, WTF-8
		{`"\ud83d\ude00"`, "7504000000f09f9880"}, // a pair is one code point
		{`"a\"\\\n"`, "7a0461225c0a"},
		{`[]`, "5b00000000"},
		{`{"__align":[],"x":[]}`, "7b7a075f5f616c69676e29007a01785b0000000030"},
		{`{"attrs":[["A",1]]}`, "7b7a056174747273" + "5b01000000" + "2902" + "7a0141" + "6901000000" + "30"},
		{`{"attrs":[["N",{"attrs":[]}]]}`, "7b7a056174747273" + "5b01000000" + "2902" + "7a014e" + "7b7a0561747472735b00000000" + "30" + "30"},
		{`1.5`, "67000000000000f83f"},
	} {
		tr := pyTranscoder{in: []byte(tc.js)}
		if err := tr.value(ctxNone); err != nil {
			t.Errorf("%s: %v", tc.js, err)
			continue
		}
		if got := hex.EncodeToString(tr.out); got != tc.hex {
			t.Errorf("%s: got %s, want %s", tc.js, got, tc.hex)
		}
	}
}

func TestMarshalTranscoderErrors(t *testing.T) {
	for _, js := range []string{``, `{`, `[1,`, `{"a"}`, `{"a":1,}`, `"abc`, `"\x"`, `"\u12"`, `tru`, `[1 2]`, `@`, `-`, `{1:2}`} {
		if _, err := appendPyBlob(nil, []byte(js)); err == nil {
			t.Errorf("%q: no error", js)
		}
	}
	if _, err := appendPyBlob(nil, []byte(`1 2`)); err == nil {
		t.Error("trailing data accepted")
	}
}

func roundTrip(t *testing.T, js []byte) {
	t.Helper()
	var want any
	if err := json.Unmarshal(js, &want); err != nil {
		return
	}
	blob, err := appendPyBlob(nil, js)
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	if blob[0] != pyBytes || int(binary.LittleEndian.Uint32(blob[1:])) != len(blob)-5 {
		t.Fatalf("%s: bad blob header % x", js, blob[:5])
	}
	got, rest, err := pyValue(blob[5:])
	if err != nil || len(rest) != 0 {
		t.Fatalf("%s: decode %v, %d bytes left", js, err, len(rest))
	}
	if !reflect.DeepEqual(normalise(got), normalise(want)) {
		t.Fatalf("%s: round trip gave %#v, want %#v", js, got, want)
	}
}

// replaced maps what stands for an invalid byte on either side (U+FFFD
// from encoding/json, a lone surrogate from the transcoder) to "?".
func replaced(s string) string {
	var b []byte
	for i := 0; i < len(s); {
		if s[i] == 0xed && i+2 < len(s) && s[i+1] >= 0xa0 {
			b, i = append(b, '?'), i+3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r == '\uFFFD' {
			b, i = append(b, '?'), i+n
			continue
		}
		b, i = append(b, s[i:i+n]...), i+n
	}
	return string(b)
}

// normalise maps invalid UTF-8 the way both sides see it.
func normalise(v any) any {
	switch x := v.(type) {
	case string:
		return replaced(x)
	case []any:
		for i := range x {
			x[i] = normalise(x[i])
		}
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			out[replaced(k)] = normalise(e)
		}
		return out
	}
	return v
}

func TestMarshalRoundTripMessages(t *testing.T) {
	for _, js := range []string{
		`{"family":0,"__align":[],"ifi_type":1,"index":3,"flags":4099,"change":0,"attrs":[["IFLA_IFNAME","v0"],["IFLA_STATS64",{"rx_packets":18446744073709551615}],["UNKNOWN",{"header":{"length":5,"type":67},"raw":"01"}],["IFLA_LINKINFO",{"attrs":[["IFLA_INFO_KIND","veth"]]}]],"header":{"length":1492,"type":16,"flags":2,"sequence_number":4294967295,"pid":7673,"error":null},"state":"up","event":"RTM_NEWLINK"}`,
		`{"error":-17,"attrs":[["NLMSGERR_ATTR_MSG","File exists"]],"header":{"length":36,"type":2,"flags":256,"sequence_number":5,"pid":6,"error":-17},"event":"NLMSG_ERROR"}`,
		`{"restart":true}`,
	} {
		roundTrip(t, []byte(js))
	}
}

func TestPyLinesList(t *testing.T) {
	out, err := pyLines([]byte("{\"a\":1}\n{\"b\":[1,2]}"))
	if err != nil {
		t.Fatal(err)
	}
	v, rest, err := pyValue(out)
	if err != nil || len(rest) != 0 {
		t.Fatal(err, len(rest))
	}
	blobs := v.([]any)
	if len(blobs) != 2 {
		t.Fatalf("%d blobs", len(blobs))
	}
	first, _, _ := pyValue([]byte(blobs[0].(string)))
	if !reflect.DeepEqual(first, map[string]any{"a": float64(1)}) {
		t.Fatalf("first blob %#v", first)
	}
	empty, _ := pyLines(nil)
	if hex.EncodeToString(empty) != "5b00000000" {
		t.Fatalf("empty list % x", empty)
	}
}

func FuzzMarshalTranscoder(f *testing.F) {
	for _, s := range []string{`{"attrs":[["A",{"attrs":[]}]],"__pad":[]}`, `[1,-2,3.5e3,"\u00e9\udc80",null,true,false,{}]`,
		`"\ud800"`, `"\ud800\u0041"`, `18446744073709551616`, `{"a":{"b":[[],[[]]]}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, js []byte) {
		if !json.Valid(js) {
			appendPyBlob(nil, js) // must not panic
			return
		}
		var probe any
		dec := json.NewDecoder(bytes.NewReader(js))
		dec.UseNumber()
		if dec.Decode(&probe) != nil || hasHugeOrFloat(probe) {
			return
		}
		roundTrip(t, js)
	})
}

// hasHugeOrFloat skips inputs whose numbers float64 cannot compare exactly.
func hasHugeOrFloat(v any) bool {
	switch x := v.(type) {
	case json.Number:
		_, err := x.Int64()
		return err != nil
	case []any:
		for _, e := range x {
			if hasHugeOrFloat(e) {
				return true
			}
		}
	case map[string]any:
		for _, e := range x {
			if hasHugeOrFloat(e) {
				return true
			}
		}
	}
	return false
}

var benchRoute = []byte(`{"family":2,"dst_len":32,"src_len":0,"tos":0,"table":254,"proto":3,"scope":0,"type":1,"flags":0,"attrs":[["RTA_TABLE",254],["RTA_DST","20.1.134.160"],["RTA_GATEWAY","10.0.0.2"],["RTA_OIF",2]],"header":{"length":60,"type":24,"flags":2,"sequence_number":1234567,"pid":3456789,"error":null},"event":"RTM_NEWROUTE"}`)

func BenchmarkMarshalTranscodeRoute(b *testing.B) {
	var dst []byte
	b.SetBytes(int64(len(benchRoute)))
	for i := 0; i < b.N; i++ {
		dst, _ = appendPyBlob(dst[:0], benchRoute)
	}
}
