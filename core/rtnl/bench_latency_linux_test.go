//go:build linux

package rtnl

import (
	"encoding/binary"
	"testing"

	"golang.org/x/sys/unix"
)

// The latency benchmarks read the calling thread's namespace (nothing is
// changed) so they measure the same small host the issue talks about.

func BenchmarkDialClose(b *testing.B) {
	for _, mode := range []struct {
		name string
		m    ReceiveMode
	}{{"netpoller", ReceiveNetpoller}, {"blocking", ReceiveBlocking}} {
		b.Run(mode.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				c, err := Dial(Options{ReceiveMode: mode.m})
				if err != nil {
					b.Fatal(err)
				}
				c.Close()
			}
		})
	}
}

func BenchmarkSmallRequests(b *testing.B) {
	for _, mode := range []struct {
		name string
		m    ReceiveMode
	}{{"netpoller", ReceiveNetpoller}, {"blocking", ReceiveBlocking}} {
		c, err := Dial(Options{ReceiveMode: mode.m})
		if err != nil {
			b.Fatal(err)
		}
		b.Run("LinkByIndex/"+mode.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := c.LinkByIndex(1); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("LinkByName/"+mode.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := c.LinkByName("lo"); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("AddressesByIndex/"+mode.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := c.AddressesByIndex(0, 1); err != nil {
					b.Fatal(err)
				}
			}
		})
		c.Close()
	}
}

// BenchmarkRawFloor is the floor: the same RTM_GETLINK index 1 with bare
// syscalls (fresh socket per request, and one reused socket).
func BenchmarkRawFloor(b *testing.B) {
	req := make([]byte, 32)
	binary.NativeEndian.PutUint32(req[0:], 32)
	binary.NativeEndian.PutUint16(req[4:], RTM_GETLINK)
	binary.NativeEndian.PutUint16(req[6:], NLM_F_REQUEST|NLM_F_ACK)
	binary.NativeEndian.PutUint32(req[20:], 1) // ifi_index
	buf := make([]byte, 64<<10)
	sa := &unix.SockaddrNetlink{Family: unix.AF_NETLINK}
	roundTrip := func(fd int, seq uint32) {
		binary.NativeEndian.PutUint32(req[8:], seq)
		if err := unix.Sendto(fd, req, 0, sa); err != nil {
			b.Fatal(err)
		}
		for {
			n, _, err := unix.Recvfrom(fd, buf, 0)
			if err != nil {
				b.Fatal(err)
			}
			if binary.NativeEndian.Uint16(buf[4:]) == NLMSG_ERROR || n == 0 {
				return
			}
		}
	}
	b.Run("fresh-socket", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, unix.NETLINK_ROUTE)
			if err != nil {
				b.Fatal(err)
			}
			roundTrip(fd, uint32(i))
			unix.Close(fd)
		}
	})
	b.Run("socket-only", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, unix.NETLINK_ROUTE)
			if err != nil {
				b.Fatal(err)
			}
			unix.Close(fd)
		}
	})
	b.Run("reused-socket", func(b *testing.B) {
		fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, unix.NETLINK_ROUTE)
		if err != nil {
			b.Fatal(err)
		}
		defer unix.Close(fd)
		for i := 0; i < b.N; i++ {
			roundTrip(fd, uint32(i))
		}
	})
}

func BenchmarkRawRequests(b *testing.B) {
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, unix.NETLINK_ROUTE)
	if err != nil {
		b.Fatal(err)
	}
	defer unix.Close(fd)
	unix.SetsockoptInt(fd, unix.SOL_NETLINK, unix.NETLINK_GET_STRICT_CHK, 1)
	buf := make([]byte, 64<<10)
	sa := &unix.SockaddrNetlink{Family: unix.AF_NETLINK}
	run := func(b *testing.B, req []byte, dump bool) {
		total := 0
		for i := 0; i < b.N; i++ {
			binary.NativeEndian.PutUint32(req[8:], uint32(i))
			if err := unix.Sendto(fd, req, 0, sa); err != nil {
				b.Fatal(err)
			}
		loop:
			for {
				n, _, err := unix.Recvfrom(fd, buf, 0)
				if err != nil {
					b.Fatal(err)
				}
				total += n
				for p := buf[:n]; len(p) >= 16; {
					l := int(binary.NativeEndian.Uint32(p))
					t := binary.NativeEndian.Uint16(p[4:])
					if t == NLMSG_DONE || t == NLMSG_ERROR {
						break loop
					}
					p = p[align4(l):]
				}
			}
		}
		b.ReportMetric(float64(total)/float64(b.N), "bytes/op")
	}
	link := func(extMask uint32) []byte {
		req := make([]byte, 40)
		binary.NativeEndian.PutUint32(req[0:], 40)
		binary.NativeEndian.PutUint16(req[4:], RTM_GETLINK)
		binary.NativeEndian.PutUint16(req[6:], NLM_F_REQUEST|NLM_F_ACK)
		binary.NativeEndian.PutUint32(req[20:], 1)
		binary.NativeEndian.PutUint16(req[32:], 8)
		binary.NativeEndian.PutUint16(req[34:], IFLA_EXT_MASK)
		binary.NativeEndian.PutUint32(req[36:], extMask)
		return req
	}
	b.Run("getlink", func(b *testing.B) { run(b, link(0), false) })
	b.Run("getlink-skipstats", func(b *testing.B) { run(b, link(1<<3), false) })
	b.Run("getaddr-dump-index", func(b *testing.B) {
		req := make([]byte, 24)
		binary.NativeEndian.PutUint32(req[0:], 24)
		binary.NativeEndian.PutUint16(req[4:], RTM_GETADDR)
		binary.NativeEndian.PutUint16(req[6:], NLM_F_REQUEST|NLM_F_DUMP)
		binary.NativeEndian.PutUint32(req[20:], 1)
		run(b, req, true)
	})
	b.Run("getaddr-dump-all", func(b *testing.B) {
		req := make([]byte, 24)
		binary.NativeEndian.PutUint32(req[0:], 24)
		binary.NativeEndian.PutUint16(req[4:], RTM_GETADDR)
		binary.NativeEndian.PutUint16(req[6:], NLM_F_REQUEST|NLM_F_DUMP)
		run(b, req, true)
	})
	b.Run("getlink-dump-all", func(b *testing.B) {
		req := make([]byte, 32)
		binary.NativeEndian.PutUint32(req[0:], 32)
		binary.NativeEndian.PutUint16(req[4:], RTM_GETLINK)
		binary.NativeEndian.PutUint16(req[6:], NLM_F_REQUEST|NLM_F_DUMP)
		run(b, req, true)
	})
}

func BenchmarkLinkWithAddresses(b *testing.B) {
	for _, mode := range []struct {
		name string
		m    ReceiveMode
	}{{"netpoller", ReceiveNetpoller}, {"blocking", ReceiveBlocking}} {
		c, err := Dial(Options{ReceiveMode: mode.m})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(mode.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, _, err := c.LinkWithAddresses("lo", 0); err != nil {
					b.Fatal(err)
				}
			}
		})
		c.Close()
	}
}
