package main

import (
	"encoding/binary"
	"math"

	"github.com/netifaces-go/netifaces-go/core/rtnl"
)

// Dump messages read in place (rtnl.ReadWire): which ones a dump chunk may
// carry undecoded, and the marshal blob of a received message written
// without building a rtnl.Message.

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

// addReceived adds one received message (a whole netlink message) as add
// adds its decoded form, byte for byte, reading it in place when it can
// (about twice as fast, without per-message allocations).
func (w *resultWriter) addReceived(msg []byte) error {
	wm, ok := rtnl.ReadWire(msg)
	if !ok || !w.marshal {
		m, _, err := rtnl.DecodeMessage(msg)
		if err != nil {
			return err
		}
		return w.add(m)
	}
	if w.n == 0 {
		w.buf, w.listAt = beginPyList(w.buf[:0])
		w.raw = false
	}
	buf, err := appendPyWire(w.buf, &wm, &w.scratch)
	w.buf = buf
	if err == nil {
		w.n++
	}
	return err
}

// appendPyWire appends one received message, read with rtnl.ReadWire, as
// a marshalled bytes blob.
func appendPyWire(dst []byte, w *rtnl.WireMessage, scratch *[]byte) (out []byte, err error) {
	at := len(dst)
	dst = append(dst, pyBytes, 0, 0, 0, 0, pyDict)
	var flags int64
	for i, n := 0, w.NumFields(); i < n; i++ {
		name, v, pad := w.Field(i)
		dst = appendPyName(dst, name)
		if pad {
			dst = append(dst, pySmallTuple, 0)
			continue
		}
		dst = appendPyInt(dst, v)
		if name == "flags" {
			flags = v
		}
	}
	dst = appendPyName(dst, "attrs")
	dst, at2 := beginPyList(dst)
	nattrs := 0
	a := w.Attrs()
	for a.Next() {
		dst = append(dst, pySmallTuple, 2)
		dst = appendPyName(dst, a.Name())
		switch a.Kind() {
		case rtnl.WireUint:
			x := a.Uint()
			if x > math.MaxInt64 {
				if dst, err = appendPyValue(dst, rtnl.Uint(x), scratch); err != nil {
					return dst[:at], err
				}
				break
			}
			dst = appendPyInt(dst, int64(x))
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
			if dst, err = appendPyValue(dst, v, scratch); err != nil {
				return dst[:at], err
			}
		}
		nattrs++
	}
	if err := a.Err(); err != nil {
		return dst[:at], err
	}
	dst = endPyList(dst, at2, nattrs)
	h := w.Header
	dst = appendPyName(dst, "header")
	dst = append(dst, pyDict)
	dst = appendPyName(dst, "length")
	dst = appendPyInt(dst, int64(h.Length))
	dst = appendPyName(dst, "type")
	dst = appendPyInt(dst, int64(h.Type))
	dst = appendPyName(dst, "flags")
	dst = appendPyInt(dst, int64(h.Flags))
	dst = appendPyName(dst, "sequence_number")
	dst = appendPyInt(dst, int64(h.Sequence))
	dst = appendPyName(dst, "pid")
	dst = appendPyInt(dst, int64(h.PID))
	dst = appendPyName(dst, "error")
	dst = append(dst, pyNone, pyNull)
	if w.Kind() == "ifinfmsg" {
		dst = appendPyName(dst, "state")
		if flags&1 != 0 { // IFF_UP
			dst = appendPyName(dst, "up")
		} else {
			dst = appendPyName(dst, "down")
		}
	}
	dst = appendPyName(dst, "event")
	dst = appendPyName(dst, w.Event())
	dst = append(dst, pyNull)
	binary.LittleEndian.PutUint32(dst[at+1:], uint32(len(dst)-at-5))
	return dst, nil
}

// appendPyName appends a short ASCII string (keys, attribute and event
// names: identifiers of the tables).
func appendPyName(dst []byte, s string) []byte {
	if len(s) > 255 {
		return appendPyStr(dst, []byte(s))
	}
	dst = append(dst, pyShortASCII, byte(len(s)))
	return append(dst, s...)
}
