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

// exchange sends req and feeds every answer with its sequence number to s
// until NLMSG_DONE (dumps) or the NLMSG_ERROR acknowledgement. It reports
// whether any answer carried NLM_F_DUMP_INTR.
func (c *Conn) exchange(req Request, s sink) (interrupted bool, err error) {
	if c.closed.Load() {
		return false, ErrClosed
	}
	c.mu.Lock()
	defer c.mu.Unlock()

	seq := c.nextSeq()
	wire := req.AppendWire(make([]byte, 0, nlmsgHeaderLen+len(req.Data)+4), seq, c.pid)
	if err := c.send(wire); err != nil {
		return false, err
	}
	deadline := time.Now().Add(c.timeout)
	var firstErr error // a sink or decode error; keep reading to the end
	for {
		b, err := c.recv(deadline)
		if err != nil {
			return interrupted, err
		}
		for len(b) >= nlmsgHeaderLen {
			l := int(binary.NativeEndian.Uint32(b))
			if l < nlmsgHeaderLen || l > len(b) {
				return interrupted, &DecodeError{Reason: "bad netlink message length in datagram", Len: l}
			}
			msg := b[:l]
			adv := align4(l)
			if adv > len(b) {
				adv = len(b)
			}
			b = b[adv:]
			typ := binary.NativeEndian.Uint16(msg[4:])
			flags := binary.NativeEndian.Uint16(msg[6:])
			mseq := binary.NativeEndian.Uint32(msg[8:])
			if mseq != seq {
				continue // stale answer to an abandoned earlier request
			}
			if flags&NLM_F_DUMP_INTR != 0 {
				interrupted = true
			}
			switch typ {
			case NLMSG_NOOP:
				continue
			case NLMSG_DONE:
				if err := doneError(req.Op(), msg, flags); err != nil {
					return interrupted, err
				}
				return interrupted, firstErr
			case NLMSG_ERROR:
				m, _, derr := DecodeMessage(msg)
				if derr != nil {
					return interrupted, derr
				}
				if err := errorFromAck(req.Op(), m); err != nil {
					return interrupted, err
				}
				if firstErr == nil {
					firstErr = s.add(m)
				}
				return interrupted, firstErr
			case NLMSG_OVERRUN:
				return interrupted, &Error{Op: req.Op(), Errno: syscall.ENOBUFS, Message: "netlink overrun"}
			}
			if firstErr != nil {
				continue
			}
			m, _, derr := DecodeMessage(msg)
			if derr != nil {
				firstErr = derr
				continue
			}
			firstErr = s.add(m)
		}
	}
}

// doneError decodes the errno a dump may end with (NLMSG_DONE payload).
func doneError(op string, msg []byte, flags uint16) error {
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
	e := &Error{Op: op, Errno: syscall.Errno(code)}
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
