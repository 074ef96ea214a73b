//go:build linux

package ifenum

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"
)

// Live tests run only in throwaway namespaces made with `ip netns add`, so
// the host's interfaces, addresses and routes are never touched.

// needRoot skips a live test for non-root users, and fails it under CI.
func needRoot(t *testing.T) {
	t.Helper()
	reason := ""
	if os.Geteuid() != 0 {
		reason = "needs root to create network namespaces"
	} else if _, err := exec.LookPath("ip"); err != nil {
		reason = "needs iproute2's ip command"
	}
	if reason == "" {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("live test cannot run under CI: %s", reason)
	}
	t.Skip(reason)
}

var nsSeq atomic.Int64

// newNetNS creates a named namespace, runs script inside it with sh -e and
// deletes the namespace when the test ends.
func newNetNS(t *testing.T, script string) string {
	t.Helper()
	needRoot(t)
	name := fmt.Sprintf("ifenum-%d-%d", os.Getpid(), nsSeq.Add(1))
	if out, err := exec.Command("ip", "netns", "add", name).CombinedOutput(); err != nil {
		t.Fatalf("ip netns add %s: %v: %s", name, err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("ip", "netns", "del", name).CombinedOutput(); err != nil {
			t.Errorf("ip netns del %s: %v: %s", name, err, out)
		}
	})
	nsRun(t, name, "ip link set lo up\nsysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0\n"+script+settle)
	return name
}

// settle waits until automatic addresses (IPv6 link-locals of links that
// just got carrier) stop changing, so two readers see the same state.
const settle = `
prev=""
for i in $(seq 30); do
  cur="$(ip -6 addr show; ip link show)"
  [ "$cur" = "$prev" ] && break
  prev="$cur"
  sleep 0.1
done
`

// nsRun runs a shell script inside the namespace.
func nsRun(t *testing.T, ns, script string) {
	t.Helper()
	cmd := exec.Command("ip", "netns", "exec", ns, "sh", "-ec", script)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("in %s: %v\nscript:\n%s\noutput:\n%s", ns, err, script, out)
	}
}

const pythonNetifaces = "/usr/bin/python3"

// pyScript prints, as one JSON object in core/ifenum's shapes, what the
// real netifaces 0.11.0 returns.
const pyScript = `
import json, netifaces, sys
def ifa(d): return {str(k): v for k, v in d.items()}
def gw(g):
    out = {"default": {str(k): list(v) for k, v in g["default"].items()}}
    for k, v in g.items():
        if k != "default":
            out[str(k)] = [list(t) for t in v]
    return out
names = netifaces.interfaces()
res = {"interfaces": names, "all": {n: ifa(netifaces.ifaddresses(n)) for n in names},
       "gateways": gw(netifaces.gateways()), "errors": {}}
for n in sys.argv[1:]:
    try:
        netifaces.ifaddresses(n)
        res["errors"][n] = None
    except ValueError as e:
        res["errors"][n] = str(e)
print(json.dumps(res))
`

type pyResult struct {
	Interfaces json.RawMessage            `json:"interfaces"`
	All        json.RawMessage            `json:"all"`
	Gateways   json.RawMessage            `json:"gateways"`
	Errors     map[string]*string         `json:"errors"`
	allByName  map[string]json.RawMessage // filled by runNetifaces
}

// runNetifaces runs the real netifaces in ns; ok is false when Debian's
// python3-netifaces is not installed.
func runNetifaces(t *testing.T, ns string, badNames ...string) (r pyResult, ok bool) {
	t.Helper()
	if exec.Command(pythonNetifaces, "-c", "import netifaces").Run() != nil {
		t.Log("python3-netifaces not installed: differential check skipped")
		return r, false
	}
	args := append([]string{"netns", "exec", ns, pythonNetifaces, "-c", pyScript}, badNames...)
	cmd := exec.Command("ip", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("netifaces in %s: %v: %s", ns, err, stderr.String())
	}
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("netifaces output: %v: %s", err, out)
	}
	if err := json.Unmarshal(r.All, &r.allByName); err != nil {
		t.Fatalf("netifaces output: %v", err)
	}
	return r, true
}

// sameJSON fails the test when got and want differ after canonicalisation.
func sameJSON(t *testing.T, what string, got, want []byte) {
	t.Helper()
	g, err := canonJSON(got)
	if err != nil {
		t.Fatalf("%s: our JSON is invalid: %v: %s", what, err, got)
	}
	w, err := canonJSON(want)
	if err != nil {
		t.Fatalf("%s: expected JSON is invalid: %v: %s", what, err, want)
	}
	if !bytes.Equal(g, w) {
		t.Errorf("%s differs\n got: %s\nwant: %s", what, g, w)
	}
}

// pyLiteral converts a netifaces result printed by Python (single quotes,
// int keys, tuples, True/False) into JSON, for pasting spec examples.
func pyLiteral(s string) []byte {
	r := strings.NewReplacer("'", `"`, "(", "[", ")", "]", "True", "true", "False", "false")
	s = r.Replace(s)
	var b strings.Builder
	// Quote bare int keys: "{2:" and ", 10:".
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' && i > 0 && (s[i-1] == '{' || s[i-1] == ' ') {
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j < len(s) && s[j] == ':' {
				b.WriteString(`"` + s[i:j] + `"`)
				i = j - 1
				continue
			}
		}
		b.WriteByte(c)
	}
	return []byte(b.String())
}
