//go:build !linux

package rtnl

// DumpWireFunc returns ErrUnsupported.
func (c *Conn) DumpWireFunc(req Request, wire func(msg []byte) error, decoded func(*Message) error, onRestart func()) error {
	return ErrUnsupported
}
