package main

import (
	"encoding/binary"
	"math"

	"github.com/netifaces-go/netifaces-go/core/rtnl"
)

// The marshal blob of a received message, written while reading it in
// place (rtnl.ReadWire): no rtnl.Message, no per-message allocations. It is
// the one direct encoder of received messages (nig_rtnl_marshal, the
// marshal answer of nig_rtnl_get_link, hence the raw dump chunks); it
// writes the bytes resultWriter.add writes for the decoded message
// (TestAddReceivedSameAsDecoded, FuzzAddReceived). dumpRaw decides which
// dump messages travel undecoded.

// dumpRaw says how a received message of dump b goes into a chunk: raw
// (undecoded, resultWriter.addRaw) when it has a schema and b's filter
// needs no decoding, keep telling whether the filter keeps it; raw false
// means decode it. A kept raw message is checked to decode, so a malformed
// answer fails the dump as it does when every message is decoded here.
func dumpRaw(msg []byte, b *rtnl.Built) (raw, keep bool, err error) {
	w, ok := rtnl.ReadWire(msg)
	if !ok {
		return false, false, nil
	}
	if keep, ok = b.MatchWire(&w); !ok {
		return false, false, nil
	}
	if keep {
		err = w.Check()
	}
	return true, keep, err
}

// addReceived adds the first of msgs (received netlink messages back to
// back) as add adds its decoded form, byte for byte, and returns the bytes
// it took (its length padded to 4). The marshal format of the five object
// types is written in place; the rest (NLMSG_ERROR, unknown types, JSON
// Lines, what ReadWire cannot read) is decoded, and DecodeMessage reports
// what is wrong with a malformed message.
func (w *resultWriter) addReceived(msgs []byte) (int, error) {
	wm, ok := rtnl.ReadWire(msgs)
	if !ok || !w.marshal {
		m, n, err := rtnl.DecodeMessage(msgs)
		if err != nil {
			return 0, err
		}
		return n, w.add(m)
	}
	if w.n == 0 {
		w.buf, w.listAt = beginPyList(w.buf[:0])
		w.raw = false
	}
	buf, err := appendPyWire(w.buf, &wm, &w.scratch)
	w.buf = buf
	if err != nil {
		return 0, err
	}
	w.n++
	return min((int(wm.Header.Length)+3)&^3, len(msgs)), nil
}

// appendPyWire appends one received message, read with rtnl.ReadWire, as
// a marshalled bytes blob.
func appendPyWire(dst []byte, w *rtnl.WireMessage, scratch *[]byte) (out []byte, err error) {
	at := len(dst)
	dst = append(dst, pyBytes, 0, 0, 0, 0, pyDict)
	var flags int64
	for i, n := 0, w.NumFields(); i < n; i++ {
		name, v, pad := w.Field(i)
		dst = appendPyASCII(dst, name)
		if pad {
			dst = append(dst, pySmallTuple, 0)
			continue
		}
		dst = appendPyInt(dst, v)
		if name == "flags" {
			flags = v
		}
	}
	dst = appendPyASCII(dst, "attrs")
	dst, listAt := beginPyList(dst)
	nattrs := 0
	a := w.Attrs()
	for a.Next() {
		dst = append(dst, pySmallTuple, 2)
		dst = appendPyASCIIOrStr(dst, a.Name())
		switch a.Kind() {
		case rtnl.WireUint:
			dst = appendPyUint(dst, a.Uint())
		case rtnl.WireInt:
			dst = appendPyInt(dst, a.Int())
		case rtnl.WireString:
			dst = appendPyStr(dst, surrogateEscapeIfNeeded(a.Bytes()))
		case rtnl.WireAddr:
			var buf [48]byte
			dst = appendPyStr(dst, a.Addr().AppendTo(buf[:0]))
		case rtnl.WireNone:
			dst = append(dst, pyNone)
		case rtnl.WireTrue:
			dst = append(dst, pyTrue)
		default:
			v, verr := a.Value()
			if verr != nil {
				return dst[:at], verr
			}
			if dst, err = appendPyValueDirect(dst, v, scratch); err != nil {
				return dst[:at], err
			}
		}
		nattrs++
	}
	if err := a.Err(); err != nil {
		return dst[:at], err
	}
	dst = endPyList(dst, listAt, nattrs)
	return appendPyMessageEnd(dst, at, w.Header, w.Kind() == "ifinfmsg", flags, w.Event()), nil
}

// appendPyMessageEnd writes what follows a message's "attrs" (header,
// state for a link, event), closes the message and fills in the length of
// its blob, started at at.
func appendPyMessageEnd(dst []byte, at int, h rtnl.Header, link bool, flags int64, event string) []byte {
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
	if link {
		dst = appendPyASCII(dst, "state")
		if flags&1 != 0 { // IFF_UP
			dst = appendPyASCII(dst, "up")
		} else {
			dst = appendPyASCII(dst, "down")
		}
	}
	dst = appendPyASCII(dst, "event")
	dst = appendPyASCIIOrStr(dst, event)
	dst = append(dst, pyNull)
	binary.LittleEndian.PutUint32(dst[at+1:], uint32(len(dst)-at-5))
	return dst
}

// appendPyAttrsDirect appends a decoded attribute list, [(NAME, value),
// ...], with appendPyValueDirect.
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

// appendPyValueDirect renders a decoded value as appendPyValue does, byte
// for byte, but writes the types a message carries in bulk (structs,
// unknown attributes, hex, integers beyond int64, nested sets, multipath)
// directly instead of through their JSON and the transcoder.
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
