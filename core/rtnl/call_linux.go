//go:build linux

package rtnl

import (
	"errors"

	"golang.org/x/sys/unix"
)

// Call runs a pyroute2-style call in the Conn's namespace and returns the
// answers: the matching objects for dump/show, the objects for get, and
// the NLMSG_ERROR acknowledgement (error 0) for changes. Kernel errors
// come back as *Error, argument errors as *ArgError.
func (c *Conn) Call(call Call) ([]*Message, error) {
	b, err := BuildRequest(call, BuildOptions{OpenNetNS: openNetNSFile, CloseFD: func(fd int) { unix.Close(fd) }})
	if err != nil {
		return nil, err
	}
	defer b.Close()
	return c.Run(b)
}

// Run sends a built request (see BuildRequest).
func (c *Conn) Run(b *Built) ([]*Message, error) {
	if b.TunTap != nil {
		return c.createTunTap(b.TunTap)
	}
	if b.Dump {
		s := &msgSink{keep: b.Match}
		err := c.dump(b.Request, s)
		if b.Object == "route" {
			err = tableMissing(1, err)
		}
		return s.out, err
	}
	msgs, err := c.Execute(b.Request)
	if err != nil {
		return nil, err
	}
	if b.Get {
		out := msgs[:0]
		for _, m := range msgs {
			if m.Header.Type != NLMSG_ERROR {
				out = append(out, m)
			}
		}
		return out, nil
	}
	return msgs, nil
}

// CallJSON runs a call given as JSON ({"object","cmd","args"}) and
// appends the answers to dst as a JSON array of pyroute2-shaped messages.
// Dumps are rendered while they are received.
func (c *Conn) CallJSON(dst []byte, callJSON []byte) ([]byte, error) {
	call, err := ParseCall(callJSON)
	if err != nil {
		return dst, err
	}
	b, err := BuildRequest(call, BuildOptions{OpenNetNS: openNetNSFile, CloseFD: func(fd int) { unix.Close(fd) }})
	if err != nil {
		return dst, err
	}
	defer b.Close()
	if b.Dump && b.TunTap == nil {
		out, err := c.DumpJSON(dst, b.Request, b.Match)
		if err != nil && b.Object == "route" && errors.Is(err, unix.ENOENT) {
			return append(dst, "[]"...), nil // the table filtered on does not exist
		}
		return out, err
	}
	msgs, err := c.Run(b)
	if err != nil && !errors.Is(err, ErrDumpInterrupted) {
		return dst, err
	}
	return AppendJSONArray(dst, msgs), err
}

// createTunTap makes a persistent tun/tap device with the /dev/net/tun
// ioctls, inside the Conn's namespace, then applies any other link
// arguments with a link set by name.
func (c *Conn) createTunTap(t *TunTapSpec) ([]*Message, error) {
	nsfd, err := c.socketNetNS()
	if err != nil {
		return nil, err
	}
	defer unix.Close(nsfd)
	err = inNetNS(nsfd, func() error {
		fd, err := unix.Open("/dev/net/tun", unix.O_RDWR|unix.O_CLOEXEC, 0)
		if err != nil {
			return wrapSyscall("open /dev/net/tun", err)
		}
		defer unix.Close(fd)
		ifr, err := unix.NewIfreq(t.Name)
		if err != nil {
			return &ArgError{Arg: "ifname", Value: t.Name, Reason: err.Error()}
		}
		flags := t.Flags | IFF_TUN
		if t.Tap {
			flags = t.Flags | IFF_TAP
		}
		ifr.SetUint16(flags)
		if err := unix.IoctlIfreq(fd, unix.TUNSETIFF, ifr); err != nil {
			return wrapSyscall("TUNSETIFF "+t.Name, err)
		}
		if t.UID >= 0 {
			if err := unix.IoctlSetInt(fd, unix.TUNSETOWNER, int(t.UID)); err != nil {
				return wrapSyscall("TUNSETOWNER", err)
			}
		}
		if t.GID >= 0 {
			if err := unix.IoctlSetInt(fd, unix.TUNSETGROUP, int(t.GID)); err != nil {
				return wrapSyscall("TUNSETGROUP", err)
			}
		}
		if err := unix.IoctlSetInt(fd, unix.TUNSETPERSIST, 1); err != nil {
			return wrapSyscall("TUNSETPERSIST", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(t.Set) == 0 {
		return []*Message{}, nil
	}
	args := map[string]any{"ifname": t.Name}
	for k, v := range t.Set {
		args[k] = v
	}
	return c.Call(Call{Object: "link", Cmd: "set", Args: args})
}
