package ipaddr

import (
	"errors"
	"fmt"
)

// Kind names the Python exception class CPython's ipaddress raises.
type Kind uint8

const (
	KindNone Kind = iota
	// KindValueError is a plain ValueError (host bits set, bad subnets() arguments, ...).
	KindValueError
	// KindAddressValueError is ipaddress.AddressValueError (a ValueError subclass).
	KindAddressValueError
	// KindNetmaskValueError is ipaddress.NetmaskValueError (a ValueError subclass).
	KindNetmaskValueError
	// KindTypeError is TypeError (mixed versions, wrong object kinds).
	KindTypeError
	// KindIndexError is IndexError (network indexing out of range).
	KindIndexError
)

var kindNames = [...]string{"", "ValueError", "AddressValueError", "NetmaskValueError", "TypeError", "IndexError"}

// String returns the Python class name, e.g. "AddressValueError".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// IsValueError reports whether Python code catching ValueError catches this kind.
func (k Kind) IsValueError() bool {
	return k == KindValueError || k == KindAddressValueError || k == KindNetmaskValueError
}

// Error is the error every function of this package returns. Msg is
// byte-identical to str(exc) of the exception CPython 3.13 raises for the
// same input, so the Python layer can re-raise it as is.
type Error struct {
	Kind Kind
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

// Is matches another *Error of the same Kind whose Msg is empty or equal,
// so errors.Is(err, &ipaddr.Error{Kind: ipaddr.KindNetmaskValueError}) works.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Kind == e.Kind && (t.Msg == "" || t.Msg == e.Msg)
}

// KindOf returns the Kind of an *Error in err's chain, or KindNone.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindNone
}

func addressError(msg string) *Error { return &Error{KindAddressValueError, msg} }
func netmaskError(msg string) *Error { return &Error{KindNetmaskValueError, msg} }
func valueError(msg string) *Error   { return &Error{KindValueError, msg} }
func typeError(msg string) *Error    { return &Error{KindTypeError, msg} }

// notSameVersion is the TypeError CPython raises when versions are mixed.
func notSameVersion(a, b fmt.Stringer) *Error {
	return typeError(a.String() + " and " + b.String() + " are not of the same version")
}
