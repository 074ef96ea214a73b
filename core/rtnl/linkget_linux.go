//go:build linux

package rtnl

// GetLink returns one link as Call does for {"object":"link","cmd":"get",
// "args":{"index":index,"ifname":name}} (index 0: none; hasName false: no
// ifname), in one datagram each way: the request goes without NLM_F_ACK
// because the kernel's answer, the link or an NLMSG_ERROR, ends it. The
// message is the one Call returns (same decoder, same kernel answer);
// kernel errors are the same *Error (ENODEV for a missing link). A nil
// message without error is an answer holding no link, where Call returns
// an empty list (not seen from real kernels).
func (c *Conn) GetLink(index int64, name string, hasName bool) (*Message, error) {
	wire, err := c.GetLinkWire(nil, index, name, hasName)
	if err != nil || len(wire) == 0 {
		return nil, err
	}
	m, _, err := DecodeMessage(wire)
	if err != nil {
		return nil, err
	}
	return m, nil
}

// GetLinkWire is GetLink returning the kernel's answer undecoded: the
// link's netlink message (header included) appended to dst, for encoders
// that walk it (DecodeHead, WalkAttrs). Nothing is appended when the
// answer held no link.
func (c *Conn) GetLinkWire(dst []byte, index int64, name string, hasName bool) ([]byte, error) {
	req, err := LinkGetRequest(index, name, hasName)
	if err != nil {
		return dst, err
	}
	if c.closed.Load() {
		return dst, ErrClosed
	}
	s := wireCopySink{dst: dst, start: len(dst)}
	c.mu.Lock()
	_, err = c.exchangeLocked(req, &s, true)
	c.mu.Unlock()
	if err != nil {
		return dst, err
	}
	return s.dst, nil
}

// wireCopySink keeps a copy of the first data message of an exchange (the
// receive buffer is reused).
type wireCopySink struct {
	dst   []byte
	start int
}

func (s *wireCopySink) addWire(msg []byte) error {
	if len(s.dst) == s.start {
		s.dst = append(s.dst, msg...)
	}
	return nil
}

func (s *wireCopySink) add(*Message) error { return nil } // acknowledgements only
func (s *wireCopySink) reset()             { s.dst = s.dst[:s.start] }
