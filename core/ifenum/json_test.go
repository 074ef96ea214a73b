package ifenum

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"math/rand/v2"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAppendJSONString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"lo", `"lo"`},
		{"", `""`},
		{"äth0", `"äth0"`},
		{"b\xffd", `"b\udcffd"`},
		{"\xed\xa0\x80", `"\udced\udca0\udc80"`}, // UTF-8-encoded surrogate is invalid
		{"a\"b\\c", `"a\"b\\c"`},
		{"\x00\x01\n\t\x1f\x7f", `"\u0000\u0001\n\t\u001f` + "\x7f" + `"`},
		{"\xef\xbf\xbd", "\"\xef\xbf\xbd\""}, // a real U+FFFD stays
		{"\xe2\x82", `"\udce2\udc82"`},       // truncated sequence
	}
	for _, tt := range tests {
		got := string(AppendJSONString(nil, tt.in))
		if got != tt.want {
			t.Errorf("AppendJSONString(%q) = %s, want %s", tt.in, got, tt.want)
		}
		if !json.Valid([]byte(got)) {
			t.Errorf("AppendJSONString(%q) = %s is not valid JSON", tt.in, got)
		}
		back, err := UnquoteJSONString([]byte(got))
		if err != nil || back != tt.in {
			t.Errorf("UnquoteJSONString(%s) = %q, %v; want %q", got, back, err, tt.in)
		}
	}
}

func TestUnquoteJSONStringErrors(t *testing.T) {
	for _, in := range []string{
		``, `"`, `abc`, `"abc`, `"a"b"`, `"\ud800"`, `"\udc00"`, `"\udbff\u0041"`, `"\x"`,
		`"\u12"`, `"\u12g4"`, "\"\x01\"", "\"\xff\"", `"\`,
	} {
		if s, err := UnquoteJSONString([]byte(in)); err == nil {
			t.Errorf("UnquoteJSONString(%q) = %q, want error", in, s)
		} else if !strings.Contains(err.Error(), "ifenum: bad JSON name string") {
			t.Errorf("UnquoteJSONString(%q) error %q lacks context", in, err)
		}
	}
	// Standard escapes and surrogate pairs decode.
	got, err := UnquoteJSONString([]byte(`"\/\b\f\u00e4\ud83d\ude00\udc80"`))
	if want := "/\b\fä😀\x80"; err != nil || got != want {
		t.Errorf("UnquoteJSONString = %q, %v; want %q", got, err, want)
	}
}

// TestSurrogateEscapeMatchesPython checks the encoding against Python's
// own: json.dumps(os.fsdecode(raw)) must decode to the same bytes, and
// Python must read our JSON as os.fsdecode(raw).
func TestSurrogateEscapeMatchesPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	r := rand.New(rand.NewPCG(3, 4))
	var raws []string
	var in bytes.Buffer
	for i := 0; i < 2000; i++ {
		b := make([]byte, 1+r.IntN(15))
		for j := range b {
			switch r.IntN(3) {
			case 0:
				b[j] = byte('a' + r.IntN(26))
			case 1:
				b[j] = byte(0x80 + r.IntN(0x80))
			default:
				b[j] = []byte("ä€😀")[r.IntN(9)]
			}
		}
		raws = append(raws, string(b))
		in.WriteString(hex.EncodeToString(b) + " ")
		in.Write(AppendJSONString(nil, string(b)))
		in.WriteByte('\n')
	}
	script := `import json, os, sys
for line in sys.stdin:
    h, j = line.rstrip("\n").split(" ", 1)
    raw = bytes.fromhex(h)
    ok = json.loads(j) == os.fsdecode(raw)
    print(("ok " if ok else "BAD ") + json.dumps(os.fsdecode(raw)))
`
	cmd := exec.Command(py, "-c", script)
	cmd.Env = []string{"PYTHONIOENCODING=utf-8", "LC_ALL=C.UTF-8"}
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(raws) {
		t.Fatalf("python3 printed %d lines, want %d", len(lines), len(raws))
	}
	for i, l := range lines {
		verdict, pyJSON, _ := strings.Cut(l, " ")
		if verdict != "ok" {
			t.Errorf("Python reads %s as something other than os.fsdecode(%q)", AppendJSONString(nil, raws[i]), raws[i])
		}
		back, err := UnquoteJSONString([]byte(pyJSON))
		if err != nil || back != raws[i] {
			t.Errorf("UnquoteJSONString(python %s) = %q, %v; want %q", pyJSON, back, err, raws[i])
		}
	}
}

func FuzzJSONStringRoundTrip(f *testing.F) {
	for _, s := range []string{"lo", "", "b\xffd", "äth0", "\x00", "\"\\", "\xed\xa0\x80", "😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := AppendJSONString(nil, s)
		if !json.Valid(q) {
			t.Fatalf("AppendJSONString(%q) = %s: invalid JSON", s, q)
		}
		back, err := UnquoteJSONString(q)
		if err != nil || back != s {
			t.Fatalf("round trip %q -> %s -> %q, %v", s, q, back, err)
		}
		if utf8.ValidString(s) {
			var std string
			if err := json.Unmarshal(q, &std); err != nil || std != s {
				t.Fatalf("encoding/json reads %s as %q, %v; want %q", q, std, err, s)
			}
		}
	})
}

func FuzzUnquoteJSONString(f *testing.F) {
	for _, s := range []string{`"lo"`, `"\udcff"`, `"\ud83d\ude00"`, `"\u0000"`, `"`, `"\`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, q []byte) {
		s, err := UnquoteJSONString(q)
		if err != nil {
			return
		}
		// Whatever decodes must re-encode to something that decodes the same.
		back, err := UnquoteJSONString(AppendJSONString(nil, s))
		if err != nil || back != s {
			t.Fatalf("%q decoded to %q which does not round trip (%q, %v)", q, s, back, err)
		}
	})
}

func TestSnapshotJSONRoundTrip(t *testing.T) {
	for _, v := range loadVectors(t) {
		var in vectorInput
		if err := json.Unmarshal(v.In, &in); err != nil || in.Snapshot == nil {
			continue
		}
		var s Snapshot
		if err := json.Unmarshal(in.Snapshot, &s); err != nil {
			t.Fatalf("%s: %v", v.Name, err)
		}
		enc := s.AppendJSON(nil)
		var s2 Snapshot
		if err := s2.UnmarshalJSON(enc); err != nil {
			t.Fatalf("%s: re-decoding %s: %v", v.Name, enc, err)
		}
		if enc2 := s2.AppendJSON(nil); !bytes.Equal(enc, enc2) {
			t.Fatalf("%s: snapshot JSON does not round trip:\n%s\n%s", v.Name, enc, enc2)
		}
	}
}

func TestSnapshotJSONErrors(t *testing.T) {
	for _, tt := range []struct{ in, where string }{
		{`{"links":[{"index":1,"name":"lo","bogus":1}]}`, "document"},
		{`{"links":[{"index":1}]}`, "links[0].name"},
		{`{"links":[{"index":1,"name":"lo","address":"0:1"}]}`, "links[0].address"},
		{`{"links":[{"index":1,"name":"lo","broadcast":"zz"}]}`, "links[0].broadcast"},
		{`{"addresses":[{"family":2,"local":"1.2.3"}]}`, "addresses[0].local"},
		{`{"addresses":[{"family":2,"label":"\ud800"}]}`, "addresses[0].label"},
		{`{"routes":[{"family":2,"gateway":"x"}]}`, "routes[0].gateway"},
		{`{"routes":[{"family":2,"multipath":[{"via":"::g"}]}]}`, "routes[0].multipath[0].via"},
	} {
		var s Snapshot
		err := s.UnmarshalJSON([]byte(tt.in))
		se, ok := err.(*SnapshotError)
		if !ok || se.Where != tt.where {
			t.Errorf("UnmarshalJSON(%s) = %v, want SnapshotError at %s", tt.in, err, tt.where)
		}
	}
}

func TestErrorJSON(t *testing.T) {
	got := string(ErrInvalidInterfaceName.AppendJSON(nil))
	if want := `{"kind":"ValueError","message":"You must specify a valid interface name."}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	e := &Error{Kind: KindOSError, Message: "x", Errno: 19}
	if got, want := string(e.AppendJSON(nil)), `{"kind":"OSError","message":"x","errno":19}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestArgErrors(t *testing.T) {
	// spec §7, exact texts.
	for _, tt := range []struct {
		e    *Error
		kind Kind
		msg  string
	}{
		{ArgTypeError(1, "int"), KindTypeError, "argument 1 must be str, not int"},
		{ArgTypeError(1, "bytes"), KindTypeError, "argument 1 must be str, not bytes"},
		{ArgCountError(0), KindTypeError, "function takes exactly 1 argument (0 given)"},
		{ArgCountError(2), KindTypeError, "function takes exactly 1 argument (2 given)"},
		{NoKeywordsError("ifaddresses"), KindTypeError, "ifaddresses() takes no keyword arguments"},
		{NoArgsError("interfaces", 1), KindTypeError, "netifaces.interfaces() takes no arguments (1 given)"},
		{NoArgsError("gateways", 1), KindTypeError, "netifaces.gateways() takes no arguments (1 given)"},
		{ErrEmbeddedNull, KindValueError, "embedded null character"},
		{ErrTruncated, KindOSError, "netlink message truncated"},
	} {
		if tt.e.Kind != tt.kind || tt.e.Error() != tt.msg {
			t.Errorf("got %s %q, want %s %q", tt.e.Kind, tt.e.Error(), tt.kind, tt.msg)
		}
	}
}
