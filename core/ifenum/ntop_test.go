package ifenum

import (
	"bytes"
	"encoding/hex"
	"math/rand/v2"
	"net/netip"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

func TestIPv6Netmask(t *testing.T) {
	// spec §5.4, plus glibc's clamping of impossible prefix lengths.
	tests := []struct {
		prefix int
		want   string
	}{
		{0, "::/0"},
		{1, "8000::/1"},
		{16, "ffff::/16"},
		{17, "ffff:8000::/17"},
		{56, "ffff:ffff:ffff:ff00::/56"},
		{64, "ffff:ffff:ffff:ffff::/64"},
		{65, "ffff:ffff:ffff:ffff:8000::/65"},
		{112, "ffff:ffff:ffff:ffff:ffff:ffff:ffff::/112"},
		{113, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:8000/113"},
		{127, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127"},
		{128, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"},
		{129, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"},
		{255, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"},
	}
	for _, tt := range tests {
		if got := formatIPv6Netmask(tt.prefix); got != tt.want {
			t.Errorf("formatIPv6Netmask(%d) = %q, want %q", tt.prefix, got, tt.want)
		}
	}
}

func TestIPv4Netmask(t *testing.T) {
	tests := []struct {
		prefix int
		want   string
	}{
		{0, "0.0.0.0"}, {1, "128.0.0.0"}, {8, "255.0.0.0"}, {16, "255.255.0.0"},
		{23, "255.255.254.0"}, {31, "255.255.255.254"}, {32, "255.255.255.255"},
		{33, "255.255.255.255"},
	}
	for _, tt := range tests {
		if got := formatIPv4Netmask(tt.prefix); got != tt.want {
			t.Errorf("formatIPv4Netmask(%d) = %q, want %q", tt.prefix, got, tt.want)
		}
	}
}

func TestFormatIPv6(t *testing.T) {
	// glibc inet_ntop forms, including the IPv4-compatible form net/netip
	// does not produce.
	tests := []struct{ in, want string }{
		{"::", "::"},
		{"::1", "::1"},
		{"::2", "::2"},
		{"::1.2.3.4", "::1.2.3.4"},
		{"::ffff:1.2.3.4", "::ffff:1.2.3.4"},
		{"::ffff:0.0.0.0", "::ffff:0.0.0.0"},
		{"::ffff:0:1.2.3.4", "::ffff:0:102:304"},
		{"1::", "1::"},
		{"1:0:0:1::", "1:0:0:1::"},
		{"1:0:1:0:1:0:1:0", "1:0:1:0:1:0:1:0"},
		{"2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"},
		{"2001:0:0:1:0:0:0:1", "2001:0:0:1::1"},
		{"fe80::ff:fe00:1", "fe80::ff:fe00:1"},
		{"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"},
		{"0:0:1::", "0:0:1::"},
	}
	for _, tt := range tests {
		if got := formatIP(AF_INET6, netip.MustParseAddr(tt.in)); got != tt.want {
			t.Errorf("formatIP(AF_INET6, %s) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// A wrong-length address prints as glibc's zeroed sockaddr.
	if got := formatIP(AF_INET6, netip.MustParseAddr("1.2.3.4")); got != "::" {
		t.Errorf("formatIP(AF_INET6, 1.2.3.4) = %q, want ::", got)
	}
	if got := formatIP(AF_INET, netip.MustParseAddr("2001:db8::1")); got != "0.0.0.0" {
		t.Errorf("formatIP(AF_INET, 2001:db8::1) = %q, want 0.0.0.0", got)
	}
	if got := formatIP(AF_INET, netip.MustParseAddr("::ffff:10.1.2.3")); got != "10.1.2.3" {
		t.Errorf("formatIP(AF_INET, ::ffff:10.1.2.3) = %q, want 10.1.2.3", got)
	}
}

func randomIPv6(r *rand.Rand) [16]byte {
	var b [16]byte
	for i := 0; i < 8; i++ {
		var w uint16
		switch r.IntN(4) {
		case 0, 1:
			w = 0
		case 2:
			w = 0xffff
		default:
			w = uint16(r.Uint32())
		}
		b[2*i], b[2*i+1] = byte(w>>8), byte(w)
	}
	return b
}

// TestFormatIPv6MatchesGlibc compares against glibc's inet_ntop through
// Python's socket.inet_ntop.
func TestFormatIPv6MatchesGlibc(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed; glibc differential skipped")
	}
	r := rand.New(rand.NewPCG(1, 2))
	var in bytes.Buffer
	var addrs [][16]byte
	for i := 0; i < 3000; i++ {
		b := randomIPv6(r)
		addrs = append(addrs, b)
		in.WriteString(hex.EncodeToString(b[:]) + "\n")
	}
	cmd := exec.Command(py, "-c", "import socket,sys\nfor l in sys.stdin: print(socket.inet_ntop(socket.AF_INET6, bytes.fromhex(l.strip())))")
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(addrs) {
		t.Fatalf("python3 printed %d lines, want %d", len(lines), len(addrs))
	}
	for i, b := range addrs {
		if got := formatIP(AF_INET6, netip.AddrFrom16(b)); got != lines[i] {
			t.Errorf("formatIP(%x) = %q, glibc %q", b, got, lines[i])
		}
	}
}

func FuzzFormatIPv6(f *testing.F) {
	f.Add(make([]byte, 16))
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 2, 3, 4})
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4})
	f.Add([]byte{0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1})
	f.Fuzz(func(t *testing.T, raw []byte) {
		if len(raw) != 16 {
			return
		}
		a := netip.AddrFrom16([16]byte(raw))
		s := formatIP(AF_INET6, a)
		back, err := netip.ParseAddr(s)
		if err != nil {
			t.Fatalf("formatIP(%x) = %q does not parse: %v", raw, s, err)
		}
		if back.As16() != a.As16() {
			t.Fatalf("formatIP(%x) = %q parses back as %v", raw, s, back)
		}
	})
}

func FuzzIPv6Netmask(f *testing.F) {
	for _, p := range []int{0, 1, 15, 16, 17, 64, 112, 127, 128} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p int) {
		if p < 0 || p > 128 {
			return
		}
		s := formatIPv6Netmask(p)
		i := strings.LastIndexByte(s, '/')
		m, err := netip.ParseAddr(s[:i])
		if err != nil {
			t.Fatalf("netmask %q: mask part does not parse: %v", s, err)
		}
		ones := netip.AddrFrom16([16]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
		if want := netip.PrefixFrom(ones, p).Masked().Addr(); m != want {
			t.Fatalf("netmask %q is not a /%d mask (%v)", s, p, want)
		}
		if s[i+1:] != strconv.Itoa(p) {
			t.Fatalf("netmask %q: suffix is not /%d", s, p)
		}
	})
}

func TestFormatHW(t *testing.T) {
	tests := []struct {
		in   []byte
		want string
	}{
		{nil, ""},
		{[]byte{}, ""},
		{[]byte{0x02, 0, 0, 0, 0, 0x01}, "02:00:00:00:00:01"},
		{[]byte{0xde, 0xad, 0xbe, 0xef}, "de:ad:be:ef"},
		{bytes.Repeat([]byte{0xab}, 20), strings.Repeat("ab:", 19) + "ab"},
	}
	for _, tt := range tests {
		if got := formatHW(tt.in); got != tt.want {
			t.Errorf("formatHW(%x) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
