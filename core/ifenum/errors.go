package ifenum

import (
	"errors"
	"strconv"
	"syscall"
)

// Kind names the Python exception class a caller should raise for an Error.
type Kind string

// The exception kinds netifaces 0.11.0 raises, plus one for this port's
// platform limit.
const (
	KindValueError          Kind = "ValueError"
	KindTypeError           Kind = "TypeError"
	KindOSError             Kind = "OSError"
	KindNotImplementedError Kind = "NotImplementedError"
)

// Error is an error a netifaces caller can turn into the same exception
// netifaces raises: raise <Kind>(Message), or for KindOSError with a
// non-zero Errno, OSError(Errno, os.strerror(Errno)).
type Error struct {
	Kind    Kind
	Message string        // the exact exception text netifaces uses
	Errno   syscall.Errno // KindOSError only; 0 when there is none
	Err     error         // the cause, if any (kernel errno errors included)
}

func (e *Error) Error() string { return e.Message }

// Unwrap returns the cause, so errors.Is(err, unix.ENODEV) works.
func (e *Error) Unwrap() error { return e.Err }

var (
	// ErrInvalidInterfaceName is ifaddresses() on a name that is neither
	// a link name nor an IPv4 label (altnames included). Callers match
	// this exact text.
	ErrInvalidInterfaceName = &Error{Kind: KindValueError, Message: "You must specify a valid interface name."}

	// ErrEmbeddedNull is a name containing NUL, rejected by Python's "s"
	// argument format before netifaces looks at it.
	ErrEmbeddedNull = &Error{Kind: KindValueError, Message: "embedded null character"}

	// ErrTruncated is gateways()' error for a MSG_TRUNC netlink read. The
	// rtnl client sizes its buffers, so it is defined for completeness of
	// the error table.
	ErrTruncated = &Error{Kind: KindOSError, Message: "netlink message truncated"}

	// ErrUnsupported is returned by every kernel-facing call on non-Linux
	// builds.
	ErrUnsupported = &Error{Kind: KindNotImplementedError, Message: "netifaces_go: only Linux is supported"}
)

// ArgTypeError is the TypeError for a non-str argument, e.g.
// ArgTypeError(1, "int") -> "argument 1 must be str, not int".
func ArgTypeError(argn int, got string) *Error {
	return &Error{Kind: KindTypeError, Message: "argument " + strconv.Itoa(argn) + " must be str, not " + got}
}

// ArgCountError is the TypeError for ifaddresses() called with a number of
// positional arguments other than one.
func ArgCountError(given int) *Error {
	return &Error{Kind: KindTypeError, Message: "function takes exactly 1 argument (" + strconv.Itoa(given) + " given)"}
}

// NoKeywordsError is the TypeError for keyword arguments to fn, e.g.
// "ifaddresses() takes no keyword arguments".
func NoKeywordsError(fn string) *Error {
	return &Error{Kind: KindTypeError, Message: fn + "() takes no keyword arguments"}
}

// NoArgsError is the TypeError for arguments passed to interfaces() or
// gateways(), e.g. "netifaces.interfaces() takes no arguments (1 given)".
func NoArgsError(fn string, given int) *Error {
	return &Error{Kind: KindTypeError, Message: "netifaces." + fn + "() takes no arguments (" + strconv.Itoa(given) + " given)"}
}

// UnsupportedFamilyError is DefaultGateway's error for a family other than
// AF_INET and AF_INET6.
func UnsupportedFamilyError(family int) *Error {
	return &Error{Kind: KindValueError, Message: "unsupported address family " + strconv.Itoa(family) + " (want 2 or 10)"}
}

// osError wraps a kernel or socket error as netifaces' OSError(errno),
// keeping the cause for errors.Is. An *Error passes through unchanged.
func osError(op string, err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	oe := &Error{Kind: KindOSError, Message: op + ": " + err.Error(), Err: err}
	errors.As(err, &oe.Errno)
	return oe
}
