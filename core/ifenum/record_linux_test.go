//go:build linux

package ifenum

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var recordPath = flag.String("ifenum.record", "", "write recorded vectors (live snapshot + real netifaces output) to this file")

// TestRecordVectors records real kernel snapshots together with what
// Debian's netifaces 0.11.0 returned in the same namespace, for
// ci/vectors/ifenum.json (merged by testdata/gen_vectors.py). It runs only
// with -ifenum.record=FILE.
func TestRecordVectors(t *testing.T) {
	if *recordPath == "" {
		t.Skip("only with -ifenum.record=FILE")
	}
	scenarios := []struct{ name, script string }{
		{"spec-5.6 namespace", specSetup},
		{"rows namespace", rowsSetup},
		{"policy table hides main", routeBase + "ip route add default via 192.168.10.254 dev v0 metric 100\nip route add default via 192.168.20.254 dev w0 metric 50 table 100\n"},
		{"ECMP and IPv6 defaults", routeBase + "ip route add default nexthop via 192.168.10.254 dev v0 nexthop via 192.168.20.254 dev w0\nip -6 route add default via 2001:db8:1::fe dev v0 metric 1024\nip -6 route add default via 2001:db8:2::fe dev w0 metric 512\n"},
	}
	var out bytes.Buffer
	out.WriteString("[\n")
	n := 0
	emit := func(name, fn string, s *Snapshot, extra string, result []byte) {
		if n > 0 {
			out.WriteString(",\n")
		}
		n++
		out.WriteString(`{"name":`)
		out.Write(AppendJSONString(nil, "recorded "+name))
		out.WriteString(`,"fn":"` + fn + `","in":{"snapshot":`)
		out.Write(s.AppendJSON(nil))
		out.WriteString(extra + `},"out":`)
		c, err := canonJSON(result)
		if err != nil {
			t.Fatal(err)
		}
		out.Write(c)
		out.WriteString("}")
	}
	for _, sc := range scenarios {
		ns := newNetNS(t, sc.script)
		py, ok := runNetifaces(t, ns)
		if !ok {
			t.Fatal("recording needs python3-netifaces")
		}
		s, err := ReadSnapshot(Options{NetNS: ns}, true)
		if err != nil {
			t.Fatal(err)
		}
		emit(sc.name+" interfaces", "interfaces", s, "", py.Interfaces)
		emit(sc.name+" all_ifaddresses", "all_ifaddresses", s, "", py.All)
		emit(sc.name+" gateways", "gateways", s, "", py.Gateways)
	}
	out.WriteString("\n]\n")
	if err := os.WriteFile(*recordPath, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
