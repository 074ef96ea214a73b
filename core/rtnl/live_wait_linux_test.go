//go:build linux

package rtnl

import (
	"errors"
	"os"
	"testing"
	"time"
)

// The wait paths (an answer not queued yet): poll(2) on the calling thread
// and the netpoller, including a Conn dialled blocking and switched to the
// netpoller, which registers a dup of its socket on first wait.
func TestLiveReceiveWaitPaths(t *testing.T) {
	ns := newNamedNetNS(t)
	for _, tc := range []struct {
		name       string
		dial, wait ReceiveMode
	}{
		{"netpoller", ReceiveNetpoller, ReceiveNetpoller},
		{"blocking", ReceiveBlocking, ReceiveBlocking},
		{"blocking-then-netpoller", ReceiveBlocking, ReceiveNetpoller},
		{"netpoller-then-blocking", ReceiveNetpoller, ReceiveBlocking},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := dialNamed(t, ns, Options{ReceiveMode: tc.dial})
			c.SetReceiveMode(tc.wait)
			c.mu.Lock()
			defer c.mu.Unlock()

			start := time.Now()
			_, err := c.recv(time.Now().Add(30 * time.Millisecond))
			if !errors.Is(err, os.ErrDeadlineExceeded) || time.Since(start) < 25*time.Millisecond {
				t.Fatalf("nothing to read: %v after %v", err, time.Since(start))
			}

			req := LinkRequestByIndex(1)
			req.Flags &^= NLM_F_ACK
			seq := c.nextSeq()
			go func() {
				time.Sleep(20 * time.Millisecond)
				c.send(req.AppendWire(nil, seq, c.pid))
			}()
			start = time.Now()
			b, err := c.recv(time.Now().Add(5 * time.Second))
			if err != nil || len(b) < nlmsgHeaderLen || msgType(b) != RTM_NEWLINK {
				t.Fatalf("waited answer: %v %d bytes", err, len(b))
			}
			if d := time.Since(start); d < 10*time.Millisecond {
				t.Errorf("answer after %v: the wait path was not taken", d)
			}
		})
	}
}
