//go:build linux

package rtnl

import (
	"errors"
	"strconv"
	"syscall"
)

// Typed scans: dumps decoded straight from the receive buffer into views
// (see wire_views.go), for callers that want a few fields of many objects
// (ifenum's gateways(), interfaces()) rather than pyroute2 messages.

// ScanLinks streams the links f selects to fn. The *Link is reused for
// every link and valid only during the call; a copy (*l) may be kept, as
// the strings and slices it refers to are not reused. Its Msg is nil. If the kernel interrupts the dump, onRestart (may be nil) is
// called before the links come again; a dump still interrupted after the
// retries ends with ErrDumpInterrupted. An error from fn stops the
// delivery (the dump is still read to its end) and is returned.
func (c *Conn) ScanLinks(f LinkFilter, fn func(*Link) error, onRestart func()) error {
	s := &linkScan{f: f, fn: fn, onReset: onRestart}
	return c.dump(f.Request(), s)
}

// ScanAddresses streams the addresses f selects to fn, like ScanLinks.
func (c *Conn) ScanAddresses(f AddressFilter, fn func(*Address) error, onRestart func()) error {
	s := &addressScan{f: f, fn: fn, onReset: onRestart}
	return c.dump(f.Request(), s)
}

// ScanRoutes streams the routes f selects to fn, like ScanLinks. A table
// filter naming a table that does not exist gives no routes, as Routes.
func (c *Conn) ScanRoutes(f RouteFilter, fn func(*Route) error, onRestart func()) error {
	s := &routeScan{f: f, fn: fn, onReset: onRestart}
	return tableMissing(f.Table, c.dump(f.Request(), s))
}

// LinkWithAddresses returns the link called name (its name or an
// alternative name, as LinkByName) and its addresses of family (0 for
// all), as views decoded straight from the wire: their Msg is nil. A
// missing link is *Error with ENODEV, like LinkByName; a dump interrupted
// after the retries returns the addresses with ErrDumpInterrupted.
//
// It costs one round trip when the Conn has looked the name up before:
// the link request and an address dump filtered by the index the name had
// then are written together, and only if the index changed are the
// addresses asked for again.
func (c *Conn) LinkWithAddresses(name string, family uint8) (Link, []Address, error) {
	if name == "" || len(name) > 127 {
		return Link{}, nil, &Error{Op: "RTM_GETLINK", Errno: syscall.EINVAL, Message: "bad interface name " + strconv.Quote(name)}
	}
	if c.closed.Load() {
		return Link{}, nil, ErrClosed
	}
	c.mu.Lock()
	defer c.mu.Unlock()

	linkReq := LinkRequestByName(name)
	linkReq.Flags &^= NLM_F_ACK // one answer: the link or the error
	ls := &oneLinkSink{}
	as := &addressCollect{f: AddressFilter{Family: family}}
	if hint := c.names.get(name); hint > 0 {
		as.f.Index = hint
		addrReq := as.f.Request()
		p1 := pending{req: linkReq, seq: c.nextSeq(), s: ls, single: true}
		p2 := pending{req: addrReq, seq: c.nextSeq(), s: as}
		c.wbuf = linkReq.AppendWire(c.wbuf[:0], p1.seq, c.pid)
		c.wbuf = addrReq.AppendWire(c.wbuf, p2.seq, c.pid)
		if err := c.send(c.wbuf); err != nil {
			return Link{}, nil, err
		}
		if err := c.readAnswers([]*pending{&p1, &p2}); err != nil {
			return Link{}, nil, err
		}
		if p1.err != nil {
			c.names.forget(name)
			return Link{}, nil, p1.err
		}
		if !ls.found {
			return Link{}, nil, ErrNotFound
		}
		if ls.link.Index == hint && p2.err == nil && !p2.interrupted {
			return ls.link, as.out, nil
		}
		// Renamed or recreated meanwhile, or interrupted: dump again below.
	} else {
		if _, err := c.exchangeLocked(linkReq, ls, true); err != nil {
			return Link{}, nil, err
		}
		if !ls.found {
			return Link{}, nil, ErrNotFound
		}
	}
	c.names.put(name, ls.link.Index)
	as.f.Index = ls.link.Index
	as.out = nil
	err := c.dumpLocked(as.f.Request(), as)
	if err != nil && !errors.Is(err, ErrDumpInterrupted) {
		return Link{}, nil, err
	}
	return ls.link, as.out, err
}

// nameCache maps link names to the index they had, so LinkWithAddresses
// can send its two requests together. Entries are hints, checked against
// every answer. It is bounded: when full it starts over.
type nameCache map[string]int

const nameCacheMax = 256

func (nc *nameCache) get(name string) int { return (*nc)[name] }

func (nc *nameCache) put(name string, index int) {
	if *nc == nil || len(*nc) >= nameCacheMax {
		*nc = make(nameCache, 8)
	}
	(*nc)[name] = index
}

func (nc *nameCache) forget(name string) { delete(*nc, name) }

type linkScan struct {
	f       LinkFilter
	fn      func(*Link) error
	onReset func()
	l       Link
}

func (s *linkScan) addWire(msg []byte) error {
	if schemaFor(msgType(msg)) != linkSchema {
		return nil
	}
	l, err := linkFromWire(msg)
	if err != nil {
		return err
	}
	if !s.f.MatchLink(&l) {
		return nil
	}
	s.l = l
	return s.fn(&s.l)
}

func (s *linkScan) add(*Message) error { return nil } // acknowledgements only

func (s *linkScan) reset() {
	if s.onReset != nil {
		s.onReset()
	}
}

type addressScan struct {
	f       AddressFilter
	fn      func(*Address) error
	onReset func()
	a       Address
}

func (s *addressScan) addWire(msg []byte) error {
	if schemaFor(msgType(msg)) != addrSchema {
		return nil
	}
	a, err := addressFromWire(msg)
	if err != nil {
		return err
	}
	if !s.f.MatchAddress(&a) {
		return nil
	}
	s.a = a
	return s.fn(&s.a)
}

func (s *addressScan) add(*Message) error { return nil }

func (s *addressScan) reset() {
	if s.onReset != nil {
		s.onReset()
	}
}

type routeScan struct {
	f       RouteFilter
	fn      func(*Route) error
	onReset func()
	r       Route
}

func (s *routeScan) addWire(msg []byte) error {
	if schemaFor(msgType(msg)) != routeSchema || s.f.ZeroDst && wireNonZeroDst(msg) {
		return nil
	}
	if err := routeFromWire(msg, &s.r); err != nil {
		return err
	}
	if !s.f.MatchRoute(&s.r) {
		return nil
	}
	return s.fn(&s.r)
}

func (s *routeScan) add(*Message) error { return nil }

func (s *routeScan) reset() {
	if s.onReset != nil {
		s.onReset()
	}
}

// oneLinkSink keeps the link a get answers with.
type oneLinkSink struct {
	link  Link
	found bool
}

func (s *oneLinkSink) addWire(msg []byte) error {
	if schemaFor(msgType(msg)) != linkSchema {
		return nil
	}
	l, err := linkFromWire(msg)
	if err != nil {
		return err
	}
	s.link, s.found = l, true
	return nil
}

func (s *oneLinkSink) add(*Message) error { return nil }
func (s *oneLinkSink) reset()             { s.found = false }

// addressCollect gathers the addresses f selects.
type addressCollect struct {
	f   AddressFilter
	out []Address
}

func (s *addressCollect) addWire(msg []byte) error {
	if schemaFor(msgType(msg)) != addrSchema {
		return nil
	}
	a, err := addressFromWire(msg)
	if err != nil {
		return err
	}
	if s.f.MatchAddress(&a) {
		s.out = append(s.out, a)
	}
	return nil
}

func (s *addressCollect) add(*Message) error { return nil }
func (s *addressCollect) reset()             { s.out = s.out[:0] }
