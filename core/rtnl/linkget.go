package rtnl

import (
	"encoding/binary"
	"math"
	"strings"
)

// LinkGetRequest is the request of pyroute2's link("get", index=index,
// ifname=name) built without the generic argument machinery, for the hot
// single-link lookup: index 0 means no index, hasName false no ifname=.
// Its Type and Data are those BuildRequest makes for the same call (a test
// holds them equal); Flags are NLM_F_REQUEST only, since the answer (the
// link or an error) ends the exchange and needs no acknowledgement.
//
// A name holding a NUL byte is the *ArgError BuildRequest reports; an index
// outside 0..2^31-1 is an *ArgError too (ifi_index is an int32, 0 = none).
func LinkGetRequest(index int64, name string, hasName bool) (Request, error) {
	if index < 0 || index > math.MaxInt32 {
		return Request{}, &ArgError{Object: "link", Cmd: "get", Arg: "index", Value: index,
			Reason: "out of range (0..2147483647)"}
	}
	if hasName && strings.IndexByte(name, 0) >= 0 {
		return Request{}, &ArgError{Object: "link", Cmd: "get", Arg: "ifname", Value: name,
			Reason: "contains a NUL byte"}
	}
	n := 16
	if hasName {
		n += align4(4 + len(name) + 1)
	}
	b := make([]byte, 16, n)
	binary.NativeEndian.PutUint32(b[4:], uint32(index)) // ifinfomsg: all else 0
	if hasName {
		e := AttrEncoder{b: b}
		e.String(IFLA_IFNAME, name)
		if err := e.Err(); err != nil {
			return Request{}, err
		}
		b = e.b
	}
	return Request{Type: RTM_GETLINK, Flags: NLM_F_REQUEST, Data: b}, nil
}
