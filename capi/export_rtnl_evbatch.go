package main

import (
	"encoding/binary"
	"math"

	"github.com/netifaces-go/netifaces-go/core/rtnl"
)

// ---- the "pybatch" event format ---------------------------------------------

// A subscription opened with {"format":"pybatch"} hands Python each batch
// of events as ONE marshal (version 4) object, built so that the binding's
// per-event work is a dict copy into the message class:
//
//	(messages, slow, overflows)
//
// messages  list of message dicts in the marshal format's shape ([NAME,
//           value] pairs as tuples, padding keys as ()), whose "header"
//           already ends with "target":"localhost","stats":None (the
//           binding puts pyroute2's Stats record in place of None);
// slow      ascending indices of the messages the binding must finish:
//           nested attribute sets to wrap in nla objects, or a header
//           without "target" (messages encoded through their JSON);
// overflows ascending indices of OVERFLOW markers (event "OVERFLOW").
//
// Names (keys, attribute names, event names) are written once per batch as
// interned strings carrying marshal's reference flag, and referenced after
// that: marshal.loads then builds each distinct name once per batch instead
// of once per message, and every key is the interned str Python code uses.
// References index the strings in the order they appear, so a batch is only
// valid whole: a pyChunk is never split or joined with another one.

const (
	pyRef         = 'r'        // TYPE_REF: a 4-byte index into the refs seen so far
	pyInternedRef = 'Z' | 0x80 // TYPE_SHORT_ASCII_INTERNED with FLAG_REF
)

// pyChunk is one batch under construction.
type pyChunk struct {
	// body holds room for the head of the result (the tuple and list
	// codes, filled in by result), then the marshalled message dicts.
	body  []byte
	n     int
	slow  []int32
	over  []int32
	refs  map[string]uint32
	names []string // refs in index order (rollback deletes the newest)
}

// pyChunkHead is the room for ')' 3 '[' count before the messages.
const pyChunkHead = 7

func newPyChunk() *pyChunk {
	return &pyChunk{body: make([]byte, pyChunkHead, 16<<10), refs: make(map[string]uint32, 64)}
}

// size is the number of bytes of the messages.
func (c *pyChunk) size() int { return len(c.body) - pyChunkHead }

// chunkMark is a rollback point of a pyChunk.
type chunkMark struct{ body, n, names, slow, over int }

func (c *pyChunk) mark() chunkMark {
	return chunkMark{len(c.body), c.n, len(c.names), len(c.slow), len(c.over)}
}

func (c *pyChunk) rollback(m chunkMark) {
	for _, s := range c.names[m.names:] {
		delete(c.refs, s)
	}
	c.body, c.n, c.names = c.body[:m.body], m.n, c.names[:m.names]
	c.slow, c.over = c.slow[:m.slow], c.over[:m.over]
}

// name appends a name: a reference when this batch already holds it.
func (c *pyChunk) name(dst []byte, s string) []byte {
	if i, ok := c.refs[s]; ok {
		dst = append(dst, pyRef)
		return binary.LittleEndian.AppendUint32(dst, i)
	}
	if len(s) > 255 || !isASCII(s) {
		return appendPyStr(dst, []byte(s)) // not a name of the tables; not worth a ref
	}
	c.refs[s] = uint32(len(c.names))
	c.names = append(c.names, s)
	dst = append(dst, pyInternedRef, byte(len(s)))
	return append(dst, s...)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// add appends one message. On error the chunk is unchanged.
func (c *pyChunk) add(m *rtnl.Message, scratch *[]byte) error {
	mk := c.mark()
	keys := m.FixedKeys()
	kind := m.Kind()
	if len(keys) == 0 || m.IsOverflow() {
		// Errors, unknown types and overflow markers: through their JSON,
		// as the marshal format does; the binding adds "target".
		*scratch = m.AppendJSON((*scratch)[:0])
		t := pyTranscoder{in: *scratch, out: c.body}
		if err := t.value(ctxNone); err != nil {
			c.rollback(mk)
			return err
		}
		c.body = t.out
		if m.IsOverflow() {
			c.over = append(c.over, int32(c.n))
		}
		c.slow = append(c.slow, int32(c.n))
		c.n++
		return nil
	}
	dst := append(c.body, pyDict)
	var flags int64
	vi := 0
	for _, k := range keys {
		dst = c.name(dst, k.Name)
		if k.Pad {
			dst = append(dst, pySmallTuple, 0)
			continue
		}
		v := m.FixedValue(vi)
		vi++
		if k.Name == "flags" {
			flags = v
		}
		dst = appendPyInt(dst, v)
	}
	dst = c.name(dst, "attrs")
	dst, nested, err := c.attrs(dst, m.Attrs, scratch)
	if err != nil {
		c.rollback(mk)
		return err
	}
	h := m.Header
	dst = c.name(dst, "header")
	dst = append(dst, pyDict)
	dst = c.name(dst, "length")
	dst = appendPyInt(dst, int64(h.Length))
	dst = c.name(dst, "type")
	dst = appendPyInt(dst, int64(h.Type))
	dst = c.name(dst, "flags")
	dst = appendPyInt(dst, int64(h.Flags))
	dst = c.name(dst, "sequence_number")
	dst = appendPyInt(dst, int64(h.Sequence))
	dst = c.name(dst, "pid")
	dst = appendPyInt(dst, int64(h.PID))
	dst = c.name(dst, "error")
	dst = append(dst, pyNone)
	dst = c.name(dst, "target")
	dst = c.name(dst, "localhost")
	dst = c.name(dst, "stats")
	dst = append(dst, pyNone, pyNull)
	if kind == "ifinfmsg" {
		dst = c.name(dst, "state")
		if flags&1 != 0 { // IFF_UP
			dst = c.name(dst, "up")
		} else {
			dst = c.name(dst, "down")
		}
	}
	dst = c.name(dst, "event")
	dst = c.name(dst, m.Event())
	c.body = append(dst, pyNull)
	if nested {
		c.slow = append(c.slow, int32(c.n))
	}
	c.n++
	return nil
}

// attrs appends [(NAME, value), ...]; nested reports a value the binding
// has to look at (anything but a scalar).
func (c *pyChunk) attrs(dst []byte, attrs rtnl.Attrs, scratch *[]byte) ([]byte, bool, error) {
	dst, at := beginPyList(dst)
	nested := false
	for i := range attrs {
		dst = append(dst, pySmallTuple, 2)
		dst = c.name(dst, attrs[i].Name)
		var sub bool
		var err error
		if dst, sub, err = c.value(dst, attrs[i].Value, scratch); err != nil {
			return dst, false, err
		}
		nested = nested || sub
	}
	return endPyList(dst, at, len(attrs)), nested, nil
}

func (c *pyChunk) value(dst []byte, v rtnl.Value, scratch *[]byte) ([]byte, bool, error) {
	switch x := v.(type) {
	case rtnl.Uint:
		if uint64(x) <= math.MaxInt64 {
			return appendPyInt(dst, int64(x)), false, nil
		}
	case rtnl.Int:
		return appendPyInt(dst, int64(x)), false, nil
	case rtnl.String:
		return appendPyStr(dst, surrogateEscapeIfNeeded([]byte(x))), false, nil
	case rtnl.IP:
		var buf [64]byte
		return appendPyStr(dst, x.Addr().AppendTo(buf[:0])), false, nil
	case rtnl.Hex:
		*scratch = appendColonHexTo((*scratch)[:0], x)
		return appendPyStr(dst, *scratch), false, nil
	case rtnl.None, nil:
		return append(dst, pyNone), false, nil
	case rtnl.Bool:
		if x {
			return append(dst, pyTrue), false, nil
		}
		return append(dst, pyFalse), false, nil
	case rtnl.Attrs:
		dst = append(dst, pyDict)
		dst = c.name(dst, "attrs")
		dst, _, err := c.attrs(dst, x, scratch)
		return append(dst, pyNull), true, err
	case rtnl.Multipath:
		dst, at := beginPyList(dst)
		for _, nh := range x {
			dst = append(dst, pyDict)
			dst = c.name(dst, "flags")
			dst = appendPyInt(dst, int64(nh.Flags))
			dst = c.name(dst, "hops")
			dst = appendPyInt(dst, int64(nh.Hops))
			dst = c.name(dst, "oif")
			dst = appendPyInt(dst, int64(nh.OIF))
			dst = c.name(dst, "attrs")
			var err error
			if dst, _, err = c.attrs(dst, nh.Attrs, scratch); err != nil {
				return dst, true, err
			}
			dst = append(dst, pyNull)
		}
		return endPyList(dst, at, len(x)), true, nil
	}
	// Structs, objects, lists, labels, unknowns, huge integers: through
	// their JSON, and looked at by the binding (they may hold dicts).
	*scratch = v.AppendJSON((*scratch)[:0])
	t := pyTranscoder{in: *scratch, out: dst}
	if err := t.value(ctxNone); err != nil {
		return dst, true, err
	}
	return t.out, true, nil
}

const hexDigits = "0123456789abcdef"

// appendColonHexTo is rtnl.Hex's text: "aa:bb:cc".
func appendColonHexTo(dst, b []byte) []byte {
	for i, c := range b {
		if i > 0 {
			dst = append(dst, ':')
		}
		dst = append(dst, hexDigits[c>>4], hexDigits[c&0xf])
	}
	return dst
}

// result renders the batch, (messages, slow, overflows), in place: the
// chunk must not be used afterwards.
func (c *pyChunk) result() []byte {
	out := c.body
	out[0], out[1], out[2] = pySmallTuple, 3, pyList
	binary.LittleEndian.PutUint32(out[3:], uint32(c.n))
	for _, idx := range [2][]int32{c.slow, c.over} {
		var at int
		out, at = beginPyList(out)
		for _, i := range idx {
			out = append(out, pyInt)
			out = binary.LittleEndian.AppendUint32(out, uint32(i))
		}
		out = endPyList(out, at, len(idx))
	}
	c.body = nil
	return out
}
