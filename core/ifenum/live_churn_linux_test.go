//go:build linux

package ifenum

import (
	"os/exec"
	"strconv"
	"testing"
	"time"
)

// TestLiveChurn reads while links come and go: a vanishing interface must
// not turn into an error for the whole call.
func TestLiveChurn(t *testing.T) {
	ns := newNetNS(t, "ip link add s0 type veth peer name s1\nip addr add 192.0.2.1/24 dev s0\n")
	opts := Options{NetNS: ns}
	churn := exec.Command("ip", "netns", "exec", ns, "sh", "-ec", `
for i in $(seq 60); do
  ip link add c$i type veth peer name p$i
  ip addr add 10.$((i % 250)).0.1/24 dev c$i label c$i:x
  ip -6 addr add 2001:db8:$i::1/64 dev c$i nodad
  ip link set c$i up
  ip route add 0.0.0.0/1 via 10.$((i % 250)).0.254 dev c$i table 7
  ip link del c$i
done`)
	if err := churn.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- churn.Wait() }()
	deadline := time.After(30 * time.Second)
	calls := 0
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("churn script: %v", err)
			}
			if calls < 20 {
				t.Errorf("only %d rounds of calls ran during churn", calls)
			}
			t.Logf("%d rounds of calls during churn", calls)
			return
		case <-deadline:
			t.Fatal("churn did not finish")
		default:
		}
		calls++
		all, err := AllIfAddresses(opts)
		if err != nil {
			t.Fatalf("AllIfAddresses: %v", err)
		}
		if len(all) < 3 {
			t.Fatalf("AllIfAddresses lost stable links: %d names", len(all))
		}
		if _, err := Interfaces(opts); err != nil {
			t.Fatalf("Interfaces: %v", err)
		}
		if _, err := Gateways(opts); err != nil {
			t.Fatalf("Gateways: %v", err)
		}
		if a, err := IfAddresses("s0", opts); err != nil || len(a.Family(AF_INET)) != 1 {
			t.Fatalf("IfAddresses(s0) = %v, %v", a, err)
		}
		for _, n := range []string{"c" + strconv.Itoa(calls%60+1), "c" + strconv.Itoa(calls%60+1) + ":x"} {
			if _, err := IfAddresses(n, opts); err != nil && err != ErrInvalidInterfaceName {
				t.Fatalf("IfAddresses(%s): %v", n, err)
			}
			if _, err := InterfaceDetails(n, opts); err != nil && err != ErrInvalidInterfaceName {
				t.Fatalf("InterfaceDetails(%s): %v", n, err)
			}
		}
	}
}
