//go:build !linux

package rtnl

import "time"

// Conn is an rtnetlink socket; on this system every call returns
// ErrUnsupported.
type Conn struct{}

// Dial returns ErrUnsupported: rtnetlink exists only on Linux.
func Dial(opts Options) (*Conn, error) { return nil, ErrUnsupported }

// Close does nothing.
func (c *Conn) Close() error { return nil }

// StrictCheck reports false.
func (c *Conn) StrictCheck() bool { return false }

// PID returns 0.
func (c *Conn) PID() uint32 { return 0 }

// Fd returns -1.
func (c *Conn) Fd() int { return -1 }

// SetReceiveMode does nothing.
func (c *Conn) SetReceiveMode(m ReceiveMode) {}

// Dump returns ErrUnsupported.
func (c *Conn) Dump(req Request) ([]*Message, error) { return nil, ErrUnsupported }

// DumpJSON returns ErrUnsupported.
func (c *Conn) DumpJSON(dst []byte, req Request, keep func(*Message) bool) ([]byte, error) {
	return dst, ErrUnsupported
}

// DumpFunc returns ErrUnsupported.
func (c *Conn) DumpFunc(req Request, fn func(*Message) error, onRestart func()) error {
	return ErrUnsupported
}

// Execute returns ErrUnsupported.
func (c *Conn) Execute(req Request) ([]*Message, error) { return nil, ErrUnsupported }

// LinkMessages returns ErrUnsupported.
func (c *Conn) LinkMessages(f LinkFilter) ([]*Message, error) { return nil, ErrUnsupported }

// Links returns ErrUnsupported.
func (c *Conn) Links() ([]Link, error) { return nil, ErrUnsupported }

// LinksFiltered returns ErrUnsupported.
func (c *Conn) LinksFiltered(f LinkFilter) ([]Link, error) { return nil, ErrUnsupported }

// LinkMessageByIndex returns ErrUnsupported.
func (c *Conn) LinkMessageByIndex(index int) (*Message, error) { return nil, ErrUnsupported }

// LinkByIndex returns ErrUnsupported.
func (c *Conn) LinkByIndex(index int) (Link, error) { return Link{}, ErrUnsupported }

// LinkByName returns ErrUnsupported.
func (c *Conn) LinkByName(name string) (Link, error) { return Link{}, ErrUnsupported }

// AddressMessages returns ErrUnsupported.
func (c *Conn) AddressMessages(f AddressFilter) ([]*Message, error) { return nil, ErrUnsupported }

// Addresses returns ErrUnsupported.
func (c *Conn) Addresses(family uint8) ([]Address, error) { return nil, ErrUnsupported }

// AddressesByIndex returns ErrUnsupported.
func (c *Conn) AddressesByIndex(family uint8, index int) ([]Address, error) {
	return nil, ErrUnsupported
}

// AddressesFiltered returns ErrUnsupported.
func (c *Conn) AddressesFiltered(f AddressFilter) ([]Address, error) { return nil, ErrUnsupported }

// RouteMessages returns ErrUnsupported.
func (c *Conn) RouteMessages(f RouteFilter) ([]*Message, error) { return nil, ErrUnsupported }

// Routes returns ErrUnsupported.
func (c *Conn) Routes(f RouteFilter) ([]Route, error) { return nil, ErrUnsupported }

// NeighbourMessages returns ErrUnsupported.
func (c *Conn) NeighbourMessages(f NeighFilter) ([]*Message, error) { return nil, ErrUnsupported }

// Neighbours returns ErrUnsupported.
func (c *Conn) Neighbours(f NeighFilter) ([]Neighbour, error) { return nil, ErrUnsupported }

// RuleMessages returns ErrUnsupported.
func (c *Conn) RuleMessages(f RuleFilter) ([]*Message, error) { return nil, ErrUnsupported }

// Rules returns ErrUnsupported.
func (c *Conn) Rules(family uint8) ([]Rule, error) { return nil, ErrUnsupported }

// Call returns ErrUnsupported.
func (c *Conn) Call(call Call) ([]*Message, error) { return nil, ErrUnsupported }

// Run returns ErrUnsupported.
func (c *Conn) Run(b *Built) ([]*Message, error) { return nil, ErrUnsupported }

// CallJSON returns ErrUnsupported.
func (c *Conn) CallJSON(dst []byte, callJSON []byte) ([]byte, error) { return dst, ErrUnsupported }

// Batch returns ErrUnsupported.
func (c *Conn) Batch(reqs []Request) ([]BatchResult, error) { return nil, ErrUnsupported }

// BatchCalls returns ErrUnsupported.
func (c *Conn) BatchCalls(calls []Call) ([]BatchResult, error) { return nil, ErrUnsupported }

// BatchJSON returns ErrUnsupported.
func (c *Conn) BatchJSON(dst []byte, callsJSON []byte) ([]byte, error) { return dst, ErrUnsupported }

// LinkSetNetNS returns ErrUnsupported.
func (c *Conn) LinkSetNetNS(index int, ns string) error { return ErrUnsupported }

// BatchResult is the outcome of one request of a batch.
type BatchResult struct {
	Messages []*Message
	Err      error
}

// CreateNetNS returns ErrUnsupported.
func CreateNetNS(name string) error { return ErrUnsupported }

// RemoveNetNS returns ErrUnsupported.
func RemoveNetNS(name string) error { return ErrUnsupported }

// ListNetNS returns ErrUnsupported.
func ListNetNS() ([]string, error) { return nil, ErrUnsupported }

// Subscription receives rtnetlink notifications; unsupported here.
type Subscription struct{}

// Subscribe returns ErrUnsupported.
func Subscribe(opts Options, groups ...uint32) (*Subscription, error) { return nil, ErrUnsupported }

// SubscribeMask returns ErrUnsupported.
func SubscribeMask(opts Options, mask uint32) (*Subscription, error) { return nil, ErrUnsupported }

// Fd returns -1.
func (s *Subscription) Fd() int { return -1 }

// Close does nothing.
func (s *Subscription) Close() error { return nil }

// Pending reports queued notifications; unsupported here.
func (s *Subscription) Pending() (bool, error) { return false, ErrUnsupported }

// Receive returns ErrUnsupported.
func (s *Subscription) Receive(deadline time.Time) ([]*Message, error) { return nil, ErrUnsupported }

// ReceiveJSON returns ErrUnsupported.
func (s *Subscription) ReceiveJSON(dst []byte, deadline time.Time) ([]byte, error) {
	return dst, ErrUnsupported
}

// ScanLinks returns ErrUnsupported.
func (c *Conn) ScanLinks(f LinkFilter, fn func(*Link) error, onRestart func()) error {
	return ErrUnsupported
}

// ScanAddresses returns ErrUnsupported.
func (c *Conn) ScanAddresses(f AddressFilter, fn func(*Address) error, onRestart func()) error {
	return ErrUnsupported
}

// ScanRoutes returns ErrUnsupported.
func (c *Conn) ScanRoutes(f RouteFilter, fn func(*Route) error, onRestart func()) error {
	return ErrUnsupported
}

// LinkWithAddresses returns ErrUnsupported.
func (c *Conn) LinkWithAddresses(name string, family uint8) (Link, []Address, error) {
	return Link{}, nil, ErrUnsupported
}
