package main

/*
#include "netifaces_go.h"
#include "capi_internal.h"
*/
import "C"

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/netifaces-go/netifaces-go/core/rtnl"
)

// The single-link lookup, pyroute2's link("get", index=..., ifname=...),
// the hottest request of the binding, without a request document: no JSON
// to parse, one datagram each way. With wire=1 it returns the kernel's
// answer as received, and the binding has nig_rtnl_marshal encode it only
// when a message is read beyond its fixed header; with wire=0 it returns
// what nig_rtnl_request returns for the same call (tests compare them).
// The marshal encoder here writes every value type directly (the generic
// one renders structs through their JSON and the transcoder), to the same
// bytes.

func init() {
	registerExports(map[string]any{
		"nig_rtnl_get_link": nig_rtnl_get_link,
		"nig_rtnl_marshal":  nig_rtnl_marshal,
	})
}

//export nig_rtnl_get_link
func nig_rtnl_get_link(h C.nig_handle, index C.int64_t, name *C.nig_cchar, nameLen C.size_t, wire C.int, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		conn, err := lookupHandle[*rtnlConn](uint64(h))
		if err != nil {
			return nil, err
		}
		if wire != 0 && wire != 1 {
			return nil, errArg("wire must be 0 or 1, not %d", int(wire))
		}
		var ifname string
		hasName := name != nil
		if hasName {
			b, err := rtnlInput("name", name, nameLen)
			if err != nil {
				return nil, err
			}
			ifname = string(b)
		}
		msg, err := conn.c.GetLinkWire(make([]byte, 0, 4096), int64(index), ifname, hasName)
		if err != nil || wire == 1 {
			return msg, err
		}
		return encodeAnswers(msg, conn.marshal)
	})
}

//export nig_rtnl_marshal
func nig_rtnl_marshal(messages *C.nig_cchar, messagesLen C.size_t, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		b, err := input("messages", messages, messagesLen)
		if err != nil {
			return nil, err
		}
		res, err := encodeAnswers(b, true)
		var de *rtnl.DecodeError
		if errors.As(err, &de) {
			return nil, &apiError{code: statusValue, kind: "ValueError", msg: err.Error()}
		}
		return res, err
	})
}

// encodeAnswers renders netlink messages as a connection of the format
// returns them: JSON Lines, or the marshal list of blobs. Messages are
// decoded and encoded one at a time, as the request path does.
func encodeAnswers(msgs []byte, marshal bool) ([]byte, error) {
	// A message's blob is about 3.6 times its wire size (a link), its JSON
	// about 4 times: sized once, the result does not grow in steps.
	w := &resultWriter{marshal: marshal, buf: make([]byte, 0, 4*len(msgs)+64)}
	for len(msgs) > 0 {
		m, n, err := rtnl.DecodeMessage(msgs)
		if err != nil {
			return nil, err
		}
		msgs = msgs[n:]
		if !marshal {
			if err := w.add(m); err != nil {
				return nil, err
			}
			continue
		}
		if w.n == 0 {
			w.buf, w.listAt = beginPyList(w.buf[:0])
		}
		if w.buf, err = appendPyMessageDirect(w.buf, m, &w.scratch); err != nil {
			return nil, err
		}
		w.n++
	}
	return w.finish(), nil
}

// appendPyMessageDirect appends m as appendPyMessage does, byte for byte
// (TestPyMessageDirectSame), rendering structs, unknown attributes and hex
// values directly instead of through their JSON and the transcoder.
func appendPyMessageDirect(dst []byte, m *rtnl.Message, scratch *[]byte) ([]byte, error) {
	switch m.Kind() {
	case "ifinfmsg", "ndmsg", "ifaddrmsg", "rtmsg", "fibmsg":
	default:
		return appendPyMessage(dst, m, scratch)
	}
	at := len(dst)
	dst, pad, flags := appendPyHead(dst, m)
	dst = appendPyASCII(dst, "attrs")
	var err error
	if dst, err = appendPyAttrsDirect(dst, m.Attrs, scratch); err != nil {
		return dst[:at], err
	}
	return appendPyTail(dst, at, m, pad, flags), nil
}

// appendPyHead starts a message blob (whose length appendPyTail fills in)
// and writes the fixed-header fields of m, an ifinfmsg, ifaddrmsg, rtmsg,
// ndmsg or fibmsg. It returns the padding key written ("" if none) and the
// flags field.
func appendPyHead(dst []byte, m *rtnl.Message) ([]byte, string, int64) {
	fields, pad := pyFields[m.Kind()], ""
	switch m.Kind() {
	case "ifinfmsg":
		pad = "__align"
	case "ndmsg":
		pad = "__pad"
	}
	dst = append(dst, pyBytes, 0, 0, 0, 0, pyDict)
	var flags int64
	for i, name := range fields {
		v, _ := m.Field(name)
		dst = appendPyASCII(dst, name)
		dst = appendPyInt(dst, v)
		if name == "flags" {
			flags = v
		}
		if i == 0 && pad != "" { // the padding key follows "family"
			dst = appendPyASCII(dst, pad)
			dst = append(dst, pySmallTuple, 0)
		}
	}
	return dst, pad, flags
}

// appendPyTail writes what follows "attrs" (header, state, event), closes
// the message and fills in the length of the blob started at at.
func appendPyTail(dst []byte, at int, m *rtnl.Message, pad string, flags int64) []byte {
	h := m.Header
	dst = appendPyASCII(dst, "header")
	dst = append(dst, pyDict)
	dst = appendPyASCII(dst, "length")
	dst = appendPyInt(dst, int64(h.Length))
	dst = appendPyASCII(dst, "type")
	dst = appendPyInt(dst, int64(h.Type))
	dst = appendPyASCII(dst, "flags")
	dst = appendPyInt(dst, int64(h.Flags))
	dst = appendPyASCII(dst, "sequence_number")
	dst = appendPyInt(dst, int64(h.Sequence))
	dst = appendPyASCII(dst, "pid")
	dst = appendPyInt(dst, int64(h.PID))
	dst = appendPyASCII(dst, "error")
	dst = append(dst, pyNone, pyNull)
	if pad == "__align" {
		dst = appendPyASCII(dst, "state")
		if flags&1 != 0 { // IFF_UP
			dst = appendPyASCII(dst, "up")
		} else {
			dst = appendPyASCII(dst, "down")
		}
	}
	dst = appendPyASCII(dst, "event")
	dst = appendPyASCII(dst, m.Event())
	dst = append(dst, pyNull)
	binary.LittleEndian.PutUint32(dst[at+1:], uint32(len(dst)-at-5))
	return dst
}

// appendPyAttrsDirect is appendPyAttrs with appendPyValueDirect.
func appendPyAttrsDirect(dst []byte, attrs rtnl.Attrs, scratch *[]byte) ([]byte, error) {
	dst, at := beginPyList(dst)
	var err error
	for i := range attrs {
		dst = append(dst, pySmallTuple, 2)
		dst = appendPyASCIIOrStr(dst, attrs[i].Name)
		if dst, err = appendPyValueDirect(dst, attrs[i].Value, scratch); err != nil {
			return dst, err
		}
	}
	return endPyList(dst, at, len(attrs)), nil
}

// appendPyValueDirect renders the value types a link carries in bulk
// (structs, unknown attributes, hex, nested sets) directly; the others as
// appendPyValue does.
func appendPyValueDirect(dst []byte, v rtnl.Value, scratch *[]byte) ([]byte, error) {
	switch x := v.(type) {
	case *rtnl.Struct:
		if x == nil {
			break
		}
		// JSON {"name":n,...,"__tail":"aa:bb"}: names are plain ASCII.
		dst = append(dst, pyDict)
		for i, n := 0, x.Len(); i < n; i++ {
			dst = appendPyASCIIOrStr(dst, x.Name(i))
			if x.Signed(i) {
				dst = appendPyInt(dst, int64(x.Field(i)))
			} else {
				dst = appendPyUint(dst, x.Field(i))
			}
		}
		if t := x.Tail(); len(t) > 0 {
			dst = appendPyASCII(dst, "__tail")
			dst = appendPyHex(dst, t)
		}
		return append(dst, pyNull), nil
	case rtnl.Unknown:
		// JSON {"header":{"length":L,"type":T},"raw":"aa:bb"}.
		dst = append(dst, pyDict)
		dst = appendPyASCII(dst, "header")
		dst = append(dst, pyDict)
		dst = appendPyASCII(dst, "length")
		dst = appendPyInt(dst, int64(len(x.Data)+4))
		dst = appendPyASCII(dst, "type")
		dst = appendPyInt(dst, int64(x.Type))
		dst = append(dst, pyNull)
		dst = appendPyASCII(dst, "raw")
		dst = appendPyHex(dst, x.Data)
		return append(dst, pyNull), nil
	case rtnl.Hex:
		return appendPyHex(dst, x), nil
	case rtnl.Uint:
		return appendPyUint(dst, uint64(x)), nil
	case rtnl.Attrs:
		dst = append(dst, pyDict)
		dst = appendPyASCII(dst, "attrs")
		dst, err := appendPyAttrsDirect(dst, x, scratch)
		return append(dst, pyNull), err
	case rtnl.Multipath:
		dst, at := beginPyList(dst)
		for _, nh := range x {
			dst = append(dst, pyDict)
			dst = appendPyASCII(dst, "flags")
			dst = appendPyInt(dst, int64(nh.Flags))
			dst = appendPyASCII(dst, "hops")
			dst = appendPyInt(dst, int64(nh.Hops))
			dst = appendPyASCII(dst, "oif")
			dst = appendPyInt(dst, int64(nh.OIF))
			dst = appendPyASCII(dst, "attrs")
			var err error
			if dst, err = appendPyAttrsDirect(dst, nh.Attrs, scratch); err != nil {
				return dst, err
			}
			dst = append(dst, pyNull)
		}
		return endPyList(dst, at, len(x)), nil
	}
	return appendPyValue(dst, v, scratch)
}

// appendPyASCII appends a short ASCII constant (a key of the format).
func appendPyASCII(dst []byte, s string) []byte {
	dst = append(dst, pyShortASCII, byte(len(s)))
	return append(dst, s...)
}

// appendPyASCIIOrStr appends a name from the decoding tables: short ASCII
// in practice, anything else as appendPyStr writes it.
func appendPyASCIIOrStr(dst []byte, s string) []byte {
	if len(s) < 256 {
		ascii := true
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				ascii = false
				break
			}
		}
		if ascii {
			return appendPyASCII(dst, s)
		}
	}
	return appendPyStr(dst, []byte(s))
}

// appendPyUint appends an unsigned integer: an int, or a PyLong beyond
// int32 (as the transcoder writes the JSON number).
func appendPyUint(dst []byte, u uint64) []byte {
	if u <= math.MaxInt64 {
		return appendPyInt(dst, int64(u))
	}
	at := len(dst)
	dst = append(dst, pyLong, 0, 0, 0, 0)
	n := uint32(0)
	for ; u > 0; u >>= 15 {
		dst = binary.LittleEndian.AppendUint16(dst, uint16(u&0x7fff))
		n++
	}
	binary.LittleEndian.PutUint32(dst[at+1:], n)
	return dst
}

// appendPyHex appends b as rtnl.Hex's text "aa:bb:cc" (a short ASCII
// string up to 85 bytes, a unicode string beyond).
func appendPyHex(dst, b []byte) []byte {
	const digits = "0123456789abcdef"
	n := 0
	if len(b) > 0 {
		n = 3*len(b) - 1
	}
	if n < 256 {
		dst = append(dst, pyShortASCII, byte(n))
	} else {
		dst = append(dst, pyUnicode)
		dst = binary.LittleEndian.AppendUint32(dst, uint32(n))
	}
	for i, c := range b {
		if i > 0 {
			dst = append(dst, ':')
		}
		dst = append(dst, digits[c>>4], digits[c&0xf])
	}
	return dst
}
