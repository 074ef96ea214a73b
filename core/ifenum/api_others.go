//go:build !linux

package ifenum

// On systems other than Linux every kernel-facing call returns
// ErrUnsupported; the pure Snapshot layer still works.

// Interfaces returns ErrUnsupported.
func Interfaces(opts Options) (Names, error) { return nil, ErrUnsupported }

// IfAddresses returns ErrUnsupported.
func IfAddresses(name string, opts Options) (IfAddrs, error) { return nil, ErrUnsupported }

// AllIfAddresses returns ErrUnsupported.
func AllIfAddresses(opts Options) (AllIfAddrs, error) { return nil, ErrUnsupported }

// ReadSnapshot returns ErrUnsupported.
func ReadSnapshot(opts Options, withRoutes bool) (*Snapshot, error) { return nil, ErrUnsupported }

// Gateways returns ErrUnsupported.
func Gateways(opts Options) (GatewayTable, error) { return GatewayTable{}, ErrUnsupported }

// DefaultGateway returns ErrUnsupported.
func DefaultGateway(family int, opts Options) (*DefaultRoute, error) { return nil, ErrUnsupported }

// InterfaceDetails returns ErrUnsupported.
func InterfaceDetails(name string, opts Options) (*Details, error) { return nil, ErrUnsupported }

// AllInterfaceDetails returns ErrUnsupported.
func AllInterfaceDetails(opts Options) (DetailsList, error) { return nil, ErrUnsupported }

// CloseIdleConnections does nothing: no sockets are kept on this system.
func CloseIdleConnections() {}
