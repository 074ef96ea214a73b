package rtnl

import (
	"encoding/json"
	"net/netip"
	"testing"
)

func TestAppendJSONString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"eth0", `"eth0"`},
		{`a"b\c`, `"a\"b\\c"`},
		{"tab\there\nnl\x01", `"tab\there\nnl\u0001"`},
		{"héllo", `"héllo"`},
		{"bad\xffbyte", `"bad\udcffbyte"`},
		{"\u2028", `"\u2028"`},
		{"", `""`},
	}
	for _, tc := range tests {
		got := string(AppendJSONString(nil, tc.in))
		if got != tc.want {
			t.Errorf("%q: got %s want %s", tc.in, got, tc.want)
		}
		if !json.Valid([]byte(got)) {
			t.Errorf("%q: invalid JSON %s", tc.in, got)
		}
	}
}

func TestValueJSON(t *testing.T) {
	tests := []struct {
		v    Value
		want string
	}{
		{None{}, "null"},
		{Bool(true), "true"},
		{Uint(18446744073709551615), "18446744073709551615"},
		{Int(-5), "-5"},
		{Hex{0xaa, 0x0b}, `"aa:0b"`},
		{Hex{}, `""`},
		{IP(netip.MustParseAddr("2001:db8::1")), `"2001:db8::1"`},
		{Labels{{Label: 200, TTL: 64}, {Label: 300, BOS: true}}, `[{"label":200,"tc":0,"bos":0,"ttl":64},{"label":300,"tc":0,"bos":1,"ttl":0}]`},
		{Object{{"family", Uint(2)}, {"addr", String("10.0.0.1")}}, `{"family":2,"addr":"10.0.0.1"}`},
		{List{Uint(1), String("x")}, `[1,"x"]`},
		{Attrs{{Name: "RTAX_MTU", Type: 2, Value: Uint(1300)}}, `{"attrs":[["RTAX_MTU",1300]]}`},
		{Attrs{}, `{"attrs":[]}`},
		{Multipath{{Flags: 16, Hops: 1, OIF: 3, Attrs: Attrs{{Name: "RTA_GATEWAY", Type: 5, Value: IP(netip.MustParseAddr("10.0.0.2"))}}}},
			`[{"flags":16,"hops":1,"oif":3,"attrs":[["RTA_GATEWAY","10.0.0.2"]]}]`},
		{Unknown{Type: 67, Data: []byte{1}}, `{"header":{"length":5,"type":67},"raw":"01"}`},
		{(&structLayout{fields: []structField{u32f("a"), s32f("b")}}).decode([]byte{1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff}), `{"a":1,"b":-1}`},
		{(&structLayout{fields: []structField{u32f("a")}}).decode([]byte{1, 0, 0, 0, 9}), `{"a":1,"__tail":"09"}`},
		{(&structLayout{elem: 4, fields: fieldsOf(4, "x")}).decode([]byte{1, 0, 0, 0, 2, 0, 0, 0}), `{"x":1,"__1":2}`},
	}
	for _, tc := range tests {
		got := string(tc.v.AppendJSON(nil))
		if got != tc.want {
			t.Errorf("%#v: got %s want %s", tc.v, got, tc.want)
		}
		if !json.Valid([]byte(got)) {
			t.Errorf("invalid JSON %s", got)
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"eth0", "\xff\xfe", "a\"\\\n", "\u2029x", "日本"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := AppendJSONString(nil, s)
		var back string
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%q -> %s: %v", s, b, err)
		}
	})
}
