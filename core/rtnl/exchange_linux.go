//go:build linux

package rtnl

import (
	"encoding/binary"
	"errors"
	"syscall"
	"time"
)

// sink receives the decoded messages of one exchange. reset discards what
// an interrupted dump attempt delivered before it is retried.
type sink interface {
	add(m *Message) error
	reset()
}

// wireSink is a sink that takes data messages as received (the typed
// scanners decode them straight into views). msg aliases the receive
// buffer: it is valid only during the call.
type wireSink interface {
	sink
	addWire(msg []byte) error
}

// exchange sends req and feeds every answer with its sequence number to s
// until NLMSG_DONE (dumps) or the NLMSG_ERROR acknowledgement. It reports
// whether any answer carried NLM_F_DUMP_INTR.
func (c *Conn) exchange(req Request, s sink) (interrupted bool, err error) {
	if c.closed.Load() {
		return false, ErrClosed
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.exchangeLocked(req, s, false)
}

// exchangeLocked is exchange with c.mu held. With single, req is a get
// sent without NLM_F_ACK: its one answer (the object or an error) ends it.
func (c *Conn) exchangeLocked(req Request, s sink, single bool) (interrupted bool, err error) {
	p := pending{req: req, seq: c.nextSeq(), s: s, single: single}
	c.wbuf = req.AppendWire(c.wbuf[:0], p.seq, c.pid)
	if err := c.send(c.wbuf); err != nil {
		return false, err
	}
	if err := c.readAnswers([]*pending{&p}); err != nil {
		return p.interrupted, err
	}
	return p.interrupted, p.err
}

// pending is one request of an exchange whose answers are being read.
type pending struct {
	req         Request
	seq         uint32
	s           sink
	single      bool // a get without NLM_F_ACK: one answer
	done        bool
	interrupted bool  // an answer carried NLM_F_DUMP_INTR
	err         error // kernel error, or the first sink/decode error
}

// readAnswers reads datagrams until every request in ps is done, handing
// each answer to the request with its sequence number; answers to other
// (abandoned) requests are skipped. Several requests may be pipelined:
// the kernel answers them in order. The returned error is for the
// transport; per-request outcomes are in ps.
func (c *Conn) readAnswers(ps []*pending) error {
	deadline := time.Now().Add(c.timeout)
	for {
		b, err := c.recv(deadline)
		if err != nil {
			return err
		}
		if err := dispatch(ps, b); err != nil {
			return err
		}
		if allDone(ps) {
			return nil
		}
	}
}

func allDone(ps []*pending) bool {
	for _, p := range ps {
		if !p.done {
			return false
		}
	}
	return true
}

// dispatch hands the messages of one datagram to their requests.
func dispatch(ps []*pending, b []byte) error {
	for len(b) >= nlmsgHeaderLen {
		l := int(binary.NativeEndian.Uint32(b))
		if l < nlmsgHeaderLen || l > len(b) {
			return &DecodeError{Reason: "bad netlink message length in datagram", Len: l}
		}
		msg := b[:l]
		b = b[min(align4(l), len(b)):]
		mseq := binary.NativeEndian.Uint32(msg[8:])
		for _, p := range ps {
			if p.seq == mseq && !p.done {
				p.done = p.handle(msg)
				break
			}
		}
	}
	return nil
}

// handle processes one answer and reports whether the request is done.
func (p *pending) handle(msg []byte) (done bool) {
	typ := binary.NativeEndian.Uint16(msg[4:])
	flags := binary.NativeEndian.Uint16(msg[6:])
	if flags&NLM_F_DUMP_INTR != 0 {
		p.interrupted = true
	}
	switch typ {
	case NLMSG_NOOP:
		return false
	case NLMSG_DONE:
		if err := doneError(p.req, msg, flags); err != nil {
			p.err = err
		}
		return true
	case NLMSG_ERROR:
		m, _, derr := DecodeMessage(msg)
		if derr != nil {
			p.err = derr
			return true
		}
		if err := errorFromAck(p.req.Op(), m); err != nil {
			p.err = err
			return true
		}
		if p.err == nil {
			p.err = p.s.add(m)
		}
		return true
	case NLMSG_OVERRUN:
		p.err = &Error{Op: p.req.Op(), Errno: syscall.ENOBUFS, Message: "netlink overrun"}
		return true
	}
	if p.err == nil {
		if ws, ok := p.s.(wireSink); ok {
			p.err = ws.addWire(msg)
		} else if m, _, derr := DecodeMessage(msg); derr != nil {
			p.err = derr
		} else {
			p.err = p.s.add(m)
		}
	}
	return p.single
}

// doneError decodes the errno a dump may end with (NLMSG_DONE payload).
func doneError(req Request, msg []byte, flags uint16) error {
	p := msg[nlmsgHeaderLen:]
	if len(p) < 4 {
		return nil
	}
	code := int32(binary.NativeEndian.Uint32(p))
	if code == 0 {
		return nil
	}
	if code < 0 {
		code = -code
	}
	e := &Error{Op: req.Op(), Errno: syscall.Errno(code)}
	if flags&NLM_F_ACK_TLVS != 0 {
		attrs, _ := decodeAttrs(p[4:], errSchema.table, &decodeCtx{})
		if s, ok := attrs.String("NLMSGERR_ATTR_MSG"); ok {
			e.Message = s
		}
	}
	return e
}

// dump runs a dump request, retrying while the kernel flags it as
// interrupted.
func (c *Conn) dump(req Request, s sink) error {
	return retryDump(func() (bool, error) { return c.exchange(req, s) }, s.reset)
}

// dumpLocked is dump with c.mu held.
func (c *Conn) dumpLocked(req Request, s sink) error {
	return retryDump(func() (bool, error) { return c.exchangeLocked(req, s, false) }, s.reset)
}

// msgSink collects messages, optionally filtered.
type msgSink struct {
	out    []*Message
	keep   func(*Message) bool
	noAcks bool
}

func (s *msgSink) add(m *Message) error {
	if s.noAcks && m.Header.Type == NLMSG_ERROR {
		return nil
	}
	if s.keep == nil || s.keep(m) {
		s.out = append(s.out, m)
	}
	return nil
}

func (s *msgSink) reset() { s.out = s.out[:0] }

// jsonSink appends messages to a JSON array under construction.
type jsonSink struct {
	dst   []byte
	start int // offset just after '['
	n     int
	keep  func(*Message) bool
}

func (s *jsonSink) add(m *Message) error {
	if s.keep != nil && !s.keep(m) {
		return nil
	}
	if s.n > 0 {
		s.dst = append(s.dst, ',')
	}
	s.dst = m.AppendJSON(s.dst)
	s.n++
	return nil
}

func (s *jsonSink) reset() { s.dst, s.n = s.dst[:s.start], 0 }

// funcSink hands messages to a callback; it cannot undo an interrupted
// attempt, so the callback sees a marker via reset.
type funcSink struct {
	fn      func(*Message) error
	onReset func()
}

func (s *funcSink) add(m *Message) error { return s.fn(m) }
func (s *funcSink) reset() {
	if s.onReset != nil {
		s.onReset()
	}
}

// Dump runs a dump request and returns every answer (with NLM_F_DUMP_INTR
// retries; on persistent interruption the last results come back together
// with ErrDumpInterrupted).
func (c *Conn) Dump(req Request) ([]*Message, error) {
	req.Flags |= NLM_F_REQUEST
	s := &msgSink{}
	err := c.dump(req, s)
	return s.out, err
}

// DumpJSON runs a dump request and appends the answers to dst as a JSON
// array of pyroute2-shaped messages. keep, if not nil, filters messages.
func (c *Conn) DumpJSON(dst []byte, req Request, keep func(*Message) bool) ([]byte, error) {
	req.Flags |= NLM_F_REQUEST
	dst = append(dst, '[')
	s := &jsonSink{dst: dst, start: len(dst), keep: keep}
	err := c.dump(req, s)
	s.dst = append(s.dst, ']')
	if err != nil && !errors.Is(err, ErrDumpInterrupted) {
		return dst[:s.start-1], err
	}
	return s.dst, err
}

// DumpFunc streams a dump to fn without collecting it. If the kernel
// interrupts the dump, onRestart (may be nil) is called before the retry
// delivers the objects again.
func (c *Conn) DumpFunc(req Request, fn func(*Message) error, onRestart func()) error {
	req.Flags |= NLM_F_REQUEST
	return c.dump(req, &funcSink{fn: fn, onReset: onRestart})
}

// Execute sends a non-dump request with NLM_F_ACK and returns the answers:
// the objects a get or NLM_F_ECHO request produces, followed by the
// NLMSG_ERROR acknowledgement (error 0). A kernel error comes back as
// *Error.
func (c *Conn) Execute(req Request) ([]*Message, error) {
	req.Flags |= NLM_F_REQUEST | NLM_F_ACK
	s := &msgSink{}
	_, err := c.exchange(req, s)
	return s.out, err
}
