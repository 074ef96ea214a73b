package main

/*
#include "netifaces_go.h"
#include "capi_internal.h"
*/
import "C"

import (
	"errors"

	"github.com/netifaces-go/netifaces-go/core/rtnl"
)

// The single-link lookup, pyroute2's link("get", index=..., ifname=...),
// the hottest request of the binding, without a request document: no JSON
// to parse, one datagram each way. With wire=1 it returns the kernel's
// answer as received, and the binding has nig_rtnl_marshal encode it only
// when a message is read beyond its fixed header; with wire=0 it returns
// what nig_rtnl_request returns for the same call (tests compare them).
// Both encode with resultWriter.addReceived, the marshal encoder of
// received messages (export_rtnl_dumpwire.go).

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

// encodeAnswers renders received netlink messages (back to back, each
// padded to 4 bytes) as a connection of the format returns them: JSON
// Lines, or the marshal list of blobs.
func encodeAnswers(msgs []byte, marshal bool) ([]byte, error) {
	// A message's blob is about 3.6 times its wire size (a link), its JSON
	// about 4 times: sized once, the result does not grow in steps.
	w := &resultWriter{marshal: marshal, buf: make([]byte, 0, 4*len(msgs)+64)}
	for len(msgs) > 0 {
		n, err := w.addReceived(msgs)
		if err != nil {
			return nil, err
		}
		msgs = msgs[n:]
	}
	return w.finish(), nil
}
