//go:build linux

package rtnl

// DumpWireFunc streams a dump without decoding it: wire gets each data
// message as received (one whole netlink message; it aliases the receive
// buffer and is valid only during the call — read it with ReadWire, or
// DecodeMessage for what ReadWire declines). Answers the exchange decodes
// itself (an NLMSG_ERROR acknowledgement) go to decoded. onRestart (may be
// nil) is called before an interrupted dump is retried.
func (c *Conn) DumpWireFunc(req Request, wire func(msg []byte) error, decoded func(*Message) error, onRestart func()) error {
	req.Flags |= NLM_F_REQUEST
	return c.dump(req, &wireFuncSink{wire: wire, decoded: decoded, onReset: onRestart})
}

// wireFuncSink hands undecoded messages to a callback.
type wireFuncSink struct {
	wire    func([]byte) error
	decoded func(*Message) error
	onReset func()
}

func (s *wireFuncSink) addWire(msg []byte) error { return s.wire(msg) }

func (s *wireFuncSink) add(m *Message) error {
	if s.decoded == nil {
		return nil
	}
	return s.decoded(m)
}

func (s *wireFuncSink) reset() {
	if s.onReset != nil {
		s.onReset()
	}
}
