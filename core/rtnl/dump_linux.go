//go:build linux

package rtnl

import (
	"errors"
	"strconv"
	"syscall"
)

// dumpFiltered dumps req, keeping the messages keep accepts.
func (c *Conn) dumpFiltered(req Request, keep func(*Message) bool) ([]*Message, error) {
	s := &msgSink{keep: keep}
	err := c.dump(req, s)
	return s.out, err
}

// LinkMessages dumps links as generic messages.
func (c *Conn) LinkMessages(f LinkFilter) ([]*Message, error) {
	return c.dumpFiltered(f.Request(), f.Match)
}

// Links dumps every link.
func (c *Conn) Links() ([]Link, error) { return c.LinksFiltered(LinkFilter{}) }

// LinksFiltered dumps the links f selects.
func (c *Conn) LinksFiltered(f LinkFilter) ([]Link, error) {
	msgs, err := c.LinkMessages(f)
	return viewAll(msgs, err, LinkFromMessage)
}

// LinkMessageByIndex fetches one link; a missing index is *Error ENODEV.
func (c *Conn) LinkMessageByIndex(index int) (*Message, error) {
	return c.getOne(LinkRequestByIndex(index), linkSchema)
}

// LinkByIndex fetches one link; a missing index is *Error with ENODEV.
func (c *Conn) LinkByIndex(index int) (Link, error) {
	m, err := c.LinkMessageByIndex(index)
	if err != nil {
		return Link{}, err
	}
	return LinkFromMessage(m)
}

// LinkByName fetches one link by name or alternative name; a missing name
// is *Error with ENODEV.
func (c *Conn) LinkByName(name string) (Link, error) {
	if name == "" || len(name) > 127 {
		return Link{}, &Error{Op: "RTM_GETLINK", Errno: syscall.EINVAL, Message: "bad interface name " + strconv.Quote(name)}
	}
	m, err := c.getOne(LinkRequestByName(name), linkSchema)
	if err != nil {
		return Link{}, err
	}
	return LinkFromMessage(m)
}

// getOne runs a get without NLM_F_ACK: the kernel answers with the object
// or with an error, so one read suffices (no acknowledgement to wait for).
func (c *Conn) getOne(req Request, want *msgSchema) (*Message, error) {
	req.Flags = req.Flags&^NLM_F_ACK | NLM_F_REQUEST
	if c.closed.Load() {
		return nil, ErrClosed
	}
	s := &msgSink{}
	c.mu.Lock()
	_, err := c.exchangeLocked(req, s, true)
	c.mu.Unlock()
	if err != nil {
		return nil, err
	}
	for _, m := range s.out {
		if m.schema == want {
			return m, nil
		}
	}
	return nil, ErrNotFound
}

// AddressMessages dumps addresses as generic messages.
func (c *Conn) AddressMessages(f AddressFilter) ([]*Message, error) {
	return c.dumpFiltered(f.Request(), f.Match)
}

// Addresses dumps the addresses of one family (0 for all).
func (c *Conn) Addresses(family uint8) ([]Address, error) {
	return c.AddressesFiltered(AddressFilter{Family: family})
}

// AddressesByIndex dumps the addresses of one interface; the kernel does
// the filtering when it supports strict checking.
func (c *Conn) AddressesByIndex(family uint8, index int) ([]Address, error) {
	return c.AddressesFiltered(AddressFilter{Family: family, Index: index})
}

// AddressesFiltered dumps the addresses f selects.
func (c *Conn) AddressesFiltered(f AddressFilter) ([]Address, error) {
	msgs, err := c.AddressMessages(f)
	return viewAll(msgs, err, AddressFromMessage)
}

// RouteMessages dumps routes as generic messages.
func (c *Conn) RouteMessages(f RouteFilter) ([]*Message, error) {
	msgs, err := c.dumpFiltered(f.Request(), f.Match)
	return msgs, tableMissing(f.Table, err)
}

// Routes dumps the routes f selects.
func (c *Conn) Routes(f RouteFilter) ([]Route, error) {
	msgs, err := c.RouteMessages(f)
	return viewAll(msgs, err, RouteFromMessage)
}

// tableMissing turns "FIB table does not exist" (ENOENT for a table
// filter) into an empty result: no table means no routes.
func tableMissing(table uint32, err error) error {
	if table != 0 && errors.Is(err, syscall.ENOENT) {
		return nil
	}
	return err
}

// NeighbourMessages dumps neighbours as generic messages.
func (c *Conn) NeighbourMessages(f NeighFilter) ([]*Message, error) {
	return c.dumpFiltered(f.Request(), f.Match)
}

// Neighbours dumps the neighbour entries f selects.
func (c *Conn) Neighbours(f NeighFilter) ([]Neighbour, error) {
	msgs, err := c.NeighbourMessages(f)
	return viewAll(msgs, err, NeighbourFromMessage)
}

// RuleMessages dumps rules as generic messages.
func (c *Conn) RuleMessages(f RuleFilter) ([]*Message, error) {
	return c.dumpFiltered(f.Request(), f.Match)
}

// Rules dumps the policy routing rules of one family (0 for both).
func (c *Conn) Rules(family uint8) ([]Rule, error) {
	msgs, err := c.RuleMessages(RuleFilter{Family: family})
	return viewAll(msgs, err, RuleFromMessage)
}

// viewAll converts messages to typed views, keeping a dump-interrupted
// error next to the results.
func viewAll[T any](msgs []*Message, err error, view func(*Message) (T, error)) ([]T, error) {
	if err != nil && !errors.Is(err, ErrDumpInterrupted) {
		return nil, err
	}
	out := make([]T, 0, len(msgs))
	for _, m := range msgs {
		v, verr := view(m)
		if verr != nil {
			continue // filtered out by schema already; defensive
		}
		out = append(out, v)
	}
	return out, err
}
