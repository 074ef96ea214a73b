//go:build !linux

package rtnl

// GetLink returns ErrUnsupported.
func (c *Conn) GetLink(index int64, name string, hasName bool) (*Message, error) {
	return nil, ErrUnsupported
}

// GetLinkWire returns ErrUnsupported.
func (c *Conn) GetLinkWire(dst []byte, index int64, name string, hasName bool) ([]byte, error) {
	return dst, ErrUnsupported
}
