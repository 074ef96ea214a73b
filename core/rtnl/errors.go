package rtnl

import (
	"errors"
	"strconv"
	"syscall"
)

var (
	// ErrUnsupported is returned by every kernel-facing call on systems
	// other than Linux.
	ErrUnsupported = errors.New("rtnl: rtnetlink is only available on Linux")

	// ErrDumpInterrupted is returned, together with the (possibly
	// inconsistent) results, when the kernel kept flagging a dump with
	// NLM_F_DUMP_INTR after all retries. Test with errors.Is.
	ErrDumpInterrupted = errors.New("rtnl: dump interrupted by concurrent changes; results may be inconsistent")

	// ErrNotFound is returned by lookups (LinkByName...) that matched nothing
	// without the kernel reporting an errno.
	ErrNotFound = errors.New("rtnl: not found")

	// ErrClosed is returned by calls on a closed Conn.
	ErrClosed = errors.New("rtnl: connection closed")

	errShortAttr  = errors.New("truncated attribute header")
	errBadAttrLen = errors.New("attribute length out of range")
)

// Error is a kernel error answer (NLMSG_ERROR with a negative code) or a
// failed socket call. It unwraps to the syscall.Errno, so
// errors.Is(err, unix.EEXIST) works, and keeps the kernel's extended-ack
// text.
type Error struct {
	Op      string        // what we asked: "RTM_NEWLINK", "dump RTM_GETROUTE", "socket"
	Errno   syscall.Errno // positive errno
	Message string        // NLMSGERR_ATTR_MSG (extended ack), may be empty
	Offset  int           // NLMSGERR_ATTR_OFFS, byte offset of the bad attribute, 0 if none
}

func (e *Error) Error() string {
	s := "rtnl: " + e.Op + ": " + e.Errno.Error()
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.Offset != 0 {
		s += " (at offset " + strconv.Itoa(e.Offset) + ")"
	}
	return s
}

// Unwrap returns the errno.
func (e *Error) Unwrap() error { return e.Errno }

// Code returns the positive errno, pyroute2's NetlinkError.code.
func (e *Error) Code() int { return int(e.Errno) }

// errorFromAck turns an NLMSG_ERROR message into an *Error, or nil for an ACK.
func errorFromAck(op string, m *Message) error {
	if m.Error == 0 {
		return nil
	}
	code := -m.Error
	if code < 0 {
		code = -code
	}
	e := &Error{Op: op, Errno: syscall.Errno(code), Message: m.ExtAckMessage()}
	if off, ok := m.Attrs.Uint("NLMSGERR_ATTR_OFFS"); ok {
		e.Offset = int(off)
	}
	return e
}

// AppendErrorJSON renders an error as {"kind","code","message"}: kind is
// "netlink" for kernel errors (code = errno, message = strerror plus the
// extended ack), "argument" for bad arguments, "error" otherwise.
func AppendErrorJSON(dst []byte, err error) []byte {
	kind, code, msg := "error", 0, err.Error()
	var ke *Error
	var ae *ArgError
	var errno syscall.Errno
	switch {
	case errors.As(err, &ke):
		kind, code, msg = "netlink", int(ke.Errno), ke.Errno.Error()
		if ke.Message != "" {
			msg += ": " + ke.Message
		}
	case errors.As(err, &ae):
		kind = "argument"
	case errors.As(err, &errno):
		kind, code = "os", int(errno)
	}
	dst = append(dst, `{"kind":`...)
	dst = AppendJSONString(dst, kind)
	dst = append(dst, `,"code":`...)
	dst = strconv.AppendInt(dst, int64(code), 10)
	dst = append(dst, `,"message":`...)
	dst = AppendJSONString(dst, msg)
	return append(dst, '}')
}
