package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/netifaces-go/netifaces-go/core/rtnl"
)

// ---- Python marshal encoding -------------------------------------------------

// The "marshal" result format serves the Python binding: json.loads of
// large link messages was its bottleneck, marshal.loads builds the same
// objects 2-5x faster. A result is the marshal (version 4) encoding of a
// list of bytes objects, one per message, each the marshal encoding of the
// message's JSON object with two shape changes Python wants: [NAME, value]
// pairs of "attrs" arrays become tuples, and the empty padding fields
// "__align"/"__pad" become empty tuples. The JSON is transcoded, so both
// formats always carry the same data.

const (
	pyNull       = '0'
	pyNone       = 'N'
	pyFalse      = 'F'
	pyTrue       = 'T'
	pyInt        = 'i'
	pyLong       = 'l'
	pyFloat      = 'g'
	pyBytes      = 's'
	pyShortASCII = 'z'
	pyUnicode    = 'u'
	pySmallTuple = ')'
	pyList       = '['
	pyDict       = '{'
)

// pyList starts a marshalled list; finish it with endPyList(dst, at, n).
func beginPyList(dst []byte) ([]byte, int) {
	at := len(dst)
	return append(dst, pyList, 0, 0, 0, 0), at
}

func endPyList(dst []byte, at, n int) []byte {
	binary.LittleEndian.PutUint32(dst[at+1:], uint32(n))
	return dst
}

// appendPyBlob appends one message as a marshalled bytes object holding
// the marshalled message.
func appendPyBlob(dst, js []byte) ([]byte, error) {
	at := len(dst)
	dst = append(dst, pyBytes, 0, 0, 0, 0)
	t := pyTranscoder{in: js, out: dst}
	if err := t.value(ctxNone); err != nil {
		return dst[:at], err
	}
	t.skipSpace()
	if t.pos != len(t.in) {
		return dst[:at], fmt.Errorf("marshal: trailing data at %d", t.pos)
	}
	dst = t.out
	binary.LittleEndian.PutUint32(dst[at+1:], uint32(len(dst)-at-5))
	return dst, nil
}

// pyLines converts JSON Lines (messages joined by '\n') to the marshal
// format.
func pyLines(lines []byte) ([]byte, error) {
	dst, at := beginPyList(make([]byte, 0, len(lines)+64))
	n := 0
	for len(lines) > 0 {
		line := lines
		if i := bytes.IndexByte(lines, '\n'); i >= 0 {
			line, lines = lines[:i], lines[i+1:]
		} else {
			lines = nil
		}
		var err error
		if dst, err = appendPyBlob(dst, line); err != nil {
			return nil, err
		}
		n++
	}
	return endPyList(dst, at, n), nil
}

type pyCtx uint8

const (
	ctxNone  pyCtx = iota
	ctxAttrs       // the array value of "attrs": its elements are pairs
	ctxPair        // an element of an attrs array: a tuple
	ctxPad         // the value of a padding key: [] is ()
)

// pyTranscoder turns compact JSON (as produced by core/rtnl) into marshal.
type pyTranscoder struct {
	in  []byte
	pos int
	out []byte
}

func (t *pyTranscoder) errf(format string, a ...any) error {
	return fmt.Errorf("marshal: "+format+" at byte %d", append(a, t.pos)...)
}

func (t *pyTranscoder) skipSpace() {
	if t.pos < len(t.in) && t.in[t.pos] > ' ' {
		return // core/rtnl writes compact JSON
	}
	for t.pos < len(t.in) {
		switch t.in[t.pos] {
		case ' ', '\t', '\r', '\n':
			t.pos++
		default:
			return
		}
	}
}

func (t *pyTranscoder) value(ctx pyCtx) error {
	t.skipSpace()
	if t.pos >= len(t.in) {
		return t.errf("unexpected end")
	}
	switch c := t.in[t.pos]; {
	case c == '{':
		return t.object()
	case c == '[':
		return t.array(ctx)
	case c == '"':
		s, err := t.str()
		if err != nil {
			return err
		}
		t.out = appendPyStr(t.out, s)
		return nil
	case c == 't' && bytes.HasPrefix(t.in[t.pos:], []byte("true")):
		t.pos += 4
		t.out = append(t.out, pyTrue)
	case c == 'f' && bytes.HasPrefix(t.in[t.pos:], []byte("false")):
		t.pos += 5
		t.out = append(t.out, pyFalse)
	case c == 'n' && bytes.HasPrefix(t.in[t.pos:], []byte("null")):
		t.pos += 4
		t.out = append(t.out, pyNone)
	case c == '-' || (c >= '0' && c <= '9'):
		return t.number()
	default:
		return t.errf("unexpected %q", c)
	}
	return nil
}

func (t *pyTranscoder) object() error {
	t.pos++ // {
	t.out = append(t.out, pyDict)
	t.skipSpace()
	if t.pos < len(t.in) && t.in[t.pos] == '}' {
		t.pos++
		t.out = append(t.out, pyNull)
		return nil
	}
	for {
		t.skipSpace()
		if t.pos >= len(t.in) || t.in[t.pos] != '"' {
			return t.errf("object key expected")
		}
		key, err := t.str()
		if err != nil {
			return err
		}
		t.out = appendPyStr(t.out, key)
		t.skipSpace()
		if t.pos >= len(t.in) || t.in[t.pos] != ':' {
			return t.errf("':' expected")
		}
		t.pos++
		ctx := ctxNone
		switch string(key) {
		case "attrs":
			ctx = ctxAttrs
		case "__align", "__pad":
			ctx = ctxPad
		}
		if err := t.value(ctx); err != nil {
			return err
		}
		t.skipSpace()
		if t.pos >= len(t.in) {
			return t.errf("unexpected end in object")
		}
		switch t.in[t.pos] {
		case ',':
			t.pos++
		case '}':
			t.pos++
			t.out = append(t.out, pyNull)
			return nil
		default:
			return t.errf("',' or '}' expected")
		}
	}
}

func (t *pyTranscoder) array(ctx pyCtx) error {
	t.pos++ // [
	var at int
	tuple := ctx == ctxPair || ctx == ctxPad
	if tuple {
		at = len(t.out)
		t.out = append(t.out, pySmallTuple, 0)
	} else {
		t.out, at = beginPyList(t.out)
	}
	elem := ctxNone
	if ctx == ctxAttrs {
		elem = ctxPair
	}
	n := 0
	t.skipSpace()
	if t.pos < len(t.in) && t.in[t.pos] == ']' {
		t.pos++
	} else {
		for {
			if err := t.value(elem); err != nil {
				return err
			}
			n++
			t.skipSpace()
			if t.pos >= len(t.in) {
				return t.errf("unexpected end in array")
			}
			if t.in[t.pos] == ',' {
				t.pos++
				continue
			}
			if t.in[t.pos] == ']' {
				t.pos++
				break
			}
			return t.errf("',' or ']' expected")
		}
	}
	if tuple {
		if n > 255 {
			return t.errf("tuple of %d items", n)
		}
		t.out[at+1] = byte(n)
		return nil
	}
	t.out = endPyList(t.out, at, n)
	return nil
}

// str reads a JSON string and returns its UTF-8 bytes; lone surrogates
// (\udcXX, the surrogateescape convention) are kept as 3-byte sequences,
// which marshal decodes with "surrogatepass", as json.loads keeps them.
func (t *pyTranscoder) str() ([]byte, error) {
	t.pos++ // "
	start := t.pos
	if end := bytes.IndexByte(t.in[start:], '"'); end >= 0 {
		s := t.in[start : start+end]
		if bytes.IndexByte(s, '\\') < 0 {
			t.pos = start + end + 1
			if !utf8.Valid(s) {
				return surrogateEscape(nil, s), nil
			}
			return s, nil
		}
	}
	var out []byte
	for t.pos < len(t.in) {
		c := t.in[t.pos]
		switch {
		case c == '"':
			t.pos++
			return out, nil
		case c != '\\':
			end := t.pos + 1
			for end < len(t.in) && t.in[end] != '"' && t.in[end] != '\\' {
				end++
			}
			out = surrogateEscape(out, t.in[t.pos:end])
			t.pos = end
			continue
		}
		if t.pos+1 >= len(t.in) {
			break
		}
		e := t.in[t.pos+1]
		t.pos += 2
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := t.hex4()
			if !ok {
				return nil, t.errf("bad \\u escape")
			}
			if r >= 0xd800 && r < 0xdc00 && t.pos+1 < len(t.in) && t.in[t.pos] == '\\' && t.in[t.pos+1] == 'u' {
				save := t.pos
				t.pos += 2
				if lo, ok := t.hex4(); ok && lo >= 0xdc00 && lo < 0xe000 {
					r = 0x10000 + (r-0xd800)<<10 + (lo - 0xdc00)
				} else {
					t.pos = save
				}
			}
			out = appendWTF8(out, r)
		default:
			return nil, t.errf("bad escape \\%c", e)
		}
	}
	return nil, t.errf("unterminated string")
}

func (t *pyTranscoder) hex4() (rune, bool) {
	if t.pos+4 > len(t.in) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(t.in[t.pos:t.pos+4]), 16, 16)
	if err != nil {
		return 0, false
	}
	t.pos += 4
	return rune(v), true
}

// surrogateEscape appends s, writing each byte of an invalid UTF-8
// sequence as the lone surrogate U+DC80+byte (Python's surrogateescape),
// as core/rtnl's JSON does, so marshal never sees invalid UTF-8.
func surrogateEscape(dst, s []byte) []byte {
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		if r == utf8.RuneError && n <= 1 {
			dst = appendWTF8(dst, 0xdc00+rune(s[0]))
			s = s[1:]
			continue
		}
		dst = append(dst, s[:n]...)
		s = s[n:]
	}
	return dst
}

// appendWTF8 is UTF-8 that also encodes surrogate code points.
func appendWTF8(dst []byte, r rune) []byte {
	switch {
	case r < 0x80:
		return append(dst, byte(r))
	case r < 0x800:
		return append(dst, 0xc0|byte(r>>6), 0x80|byte(r)&0x3f)
	case r < 0x10000:
		return append(dst, 0xe0|byte(r>>12), 0x80|byte(r>>6)&0x3f, 0x80|byte(r)&0x3f)
	}
	return append(dst, 0xf0|byte(r>>18), 0x80|byte(r>>12)&0x3f, 0x80|byte(r>>6)&0x3f, 0x80|byte(r)&0x3f)
}

func appendPyStr(dst, s []byte) []byte {
	ascii := len(s) < 256
	for _, c := range s {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		dst = append(dst, pyShortASCII, byte(len(s)))
		return append(dst, s...)
	}
	dst = append(dst, pyUnicode)
	dst = binary.LittleEndian.AppendUint32(dst, uint32(len(s)))
	return append(dst, s...)
}

func (t *pyTranscoder) number() error {
	start := t.pos
	neg := t.in[t.pos] == '-'
	if neg {
		t.pos++
	}
	// Integers (all core/rtnl writes) are parsed here without allocating.
	var u uint64
	digits, overflow := 0, false
	for t.pos < len(t.in) && t.in[t.pos] >= '0' && t.in[t.pos] <= '9' {
		d := uint64(t.in[t.pos] - '0')
		if u > (math.MaxUint64-d)/10 {
			overflow = true
		}
		u = u*10 + d
		digits++
		t.pos++
	}
	if t.pos < len(t.in) {
		if c := t.in[t.pos]; c == '.' || c == 'e' || c == 'E' {
			return t.float(start)
		}
	}
	if digits == 0 {
		return t.errf("bad number")
	}
	if overflow {
		return t.errf("integer %s out of range", t.in[start:t.pos])
	}
	if (!neg && u <= math.MaxInt32) || (neg && u <= 1<<31) {
		v := int64(u)
		if neg {
			v = -v
		}
		t.out = append(t.out, pyInt)
		t.out = binary.LittleEndian.AppendUint32(t.out, uint32(int32(v)))
		return nil
	}
	// PyLong: signed count of 15-bit digits, least significant first.
	at := len(t.out)
	t.out = append(t.out, pyLong, 0, 0, 0, 0)
	n := int32(0)
	for ; u > 0; u >>= 15 {
		t.out = binary.LittleEndian.AppendUint16(t.out, uint16(u&0x7fff))
		n++
	}
	if neg {
		n = -n
	}
	binary.LittleEndian.PutUint32(t.out[at+1:], uint32(n))
	return nil
}

func (t *pyTranscoder) float(start int) error {
	for t.pos < len(t.in) {
		c := t.in[t.pos]
		if (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-' {
			t.pos++
			continue
		}
		break
	}
	f, err := strconv.ParseFloat(string(t.in[start:t.pos]), 64)
	if err != nil {
		return t.errf("bad number %q", t.in[start:t.pos])
	}
	t.out = append(t.out, pyFloat)
	t.out = binary.LittleEndian.AppendUint64(t.out, math.Float64bits(f))
	return nil
}

// appendPyMessage appends one message as a marshalled bytes blob. The five
// rtnetlink object types are encoded directly from the decoded message (a
// dump's hot path); everything else, and value types without a direct
// encoding, go through AppendJSON and the transcoder, so both formats keep
// carrying the same data (ci/pytest/test_pyroute2_abi.py compares them).
func appendPyMessage(dst []byte, m *rtnl.Message, scratch *[]byte) ([]byte, error) {
	fields, pad := pyFields[m.Kind()], ""
	switch m.Kind() {
	case "ifinfmsg":
		pad = "__align"
	case "ndmsg":
		pad = "__pad"
	case "ifaddrmsg", "rtmsg", "fibmsg":
	default:
		*scratch = m.AppendJSON((*scratch)[:0])
		return appendPyBlob(dst, *scratch)
	}
	at := len(dst)
	dst = append(dst, pyBytes, 0, 0, 0, 0, pyDict)
	var flags int64
	for i, name := range fields {
		v, _ := m.Field(name)
		dst = appendPyStr(dst, []byte(name))
		dst = appendPyInt(dst, v)
		if name == "flags" {
			flags = v
		}
		if i == 0 && pad != "" { // the padding key follows "family"
			dst = appendPyStr(dst, []byte(pad))
			dst = append(dst, pySmallTuple, 0)
		}
	}
	dst = appendPyStr(dst, []byte("attrs"))
	var err error
	if dst, err = appendPyAttrs(dst, m.Attrs, scratch); err != nil {
		return dst[:at], err
	}
	return appendPyMessageEnd(dst, at, m.Header, pad == "__align", flags, m.Event()), nil
}

// pyFields are the fixed-header fields per message kind in pyroute2's key
// order, without the padding keys (core/rtnl's schemas; the format
// equality test fails if they drift apart). Fields are read by name:
// Message.Fields would box every value.
var pyFields = map[string][]string{
	"ifinfmsg":  {"family", "ifi_type", "index", "flags", "change"},
	"ifaddrmsg": {"family", "prefixlen", "flags", "scope", "index"},
	"rtmsg":     {"family", "dst_len", "src_len", "tos", "table", "proto", "scope", "type", "flags"},
	"ndmsg":     {"family", "ifindex", "state", "flags", "ndm_type"},
	"fibmsg":    {"family", "dst_len", "src_len", "tos", "table", "res1", "res2", "action", "flags"},
}

// appendPyAttrs appends an attribute list: [(NAME, value), ...].
func appendPyAttrs(dst []byte, attrs rtnl.Attrs, scratch *[]byte) ([]byte, error) {
	dst, at := beginPyList(dst)
	var err error
	for i := range attrs {
		dst = append(dst, pySmallTuple, 2)
		dst = appendPyStr(dst, []byte(attrs[i].Name))
		if dst, err = appendPyValue(dst, attrs[i].Value, scratch); err != nil {
			return dst, err
		}
	}
	return endPyList(dst, at, len(attrs)), nil
}

func appendPyValue(dst []byte, v rtnl.Value, scratch *[]byte) ([]byte, error) {
	switch x := v.(type) {
	case rtnl.Uint:
		if uint64(x) > math.MaxInt64 {
			break
		}
		return appendPyInt(dst, int64(x)), nil
	case rtnl.Int:
		return appendPyInt(dst, int64(x)), nil
	case rtnl.String:
		return appendPyStr(dst, surrogateEscapeIfNeeded([]byte(x))), nil
	case rtnl.IP:
		var buf [64]byte
		return appendPyStr(dst, x.Addr().AppendTo(buf[:0])), nil
	case rtnl.None:
		return append(dst, pyNone), nil
	case rtnl.Bool:
		if x {
			return append(dst, pyTrue), nil
		}
		return append(dst, pyFalse), nil
	case rtnl.Attrs:
		dst = append(dst, pyDict)
		dst = appendPyStr(dst, []byte("attrs"))
		dst, err := appendPyAttrs(dst, x, scratch)
		return append(dst, pyNull), err
	case rtnl.Multipath:
		dst, at := beginPyList(dst)
		for _, nh := range x {
			dst = append(dst, pyDict)
			dst = appendPyStr(dst, []byte("flags"))
			dst = appendPyInt(dst, int64(nh.Flags))
			dst = appendPyStr(dst, []byte("hops"))
			dst = appendPyInt(dst, int64(nh.Hops))
			dst = appendPyStr(dst, []byte("oif"))
			dst = appendPyInt(dst, int64(nh.OIF))
			dst = appendPyStr(dst, []byte("attrs"))
			var err error
			if dst, err = appendPyAttrs(dst, nh.Attrs, scratch); err != nil {
				return dst, err
			}
			dst = append(dst, pyNull)
		}
		return endPyList(dst, at, len(x)), nil
	case nil:
		return append(dst, pyNone), nil
	}
	// Hex, structs, labels, objects, lists, unknowns: through their JSON.
	*scratch = v.AppendJSON((*scratch)[:0])
	t := pyTranscoder{in: *scratch, out: dst}
	if err := t.value(ctxNone); err != nil {
		return dst, err
	}
	return t.out, nil
}

func surrogateEscapeIfNeeded(s []byte) []byte {
	if utf8.Valid(s) {
		return s
	}
	return surrogateEscape(nil, s)
}

// appendPyInt appends an int (or a PyLong beyond int32).
func appendPyInt(dst []byte, v int64) []byte {
	if v >= math.MinInt32 && v <= math.MaxInt32 {
		dst = append(dst, pyInt)
		return binary.LittleEndian.AppendUint32(dst, uint32(int32(v)))
	}
	u, neg := uint64(v), v < 0
	if neg {
		u = uint64(-v)
	}
	at := len(dst)
	dst = append(dst, pyLong, 0, 0, 0, 0)
	n := int32(0)
	for ; u > 0; u >>= 15 {
		dst = binary.LittleEndian.AppendUint16(dst, uint16(u&0x7fff))
		n++
	}
	if neg {
		n = -n
	}
	binary.LittleEndian.PutUint32(dst[at+1:], uint32(n))
	return dst
}
