package ifenum

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/netifaces-go/netifaces-go/core/rtnl"
)

// Interface names are raw bytes on Linux and need not be UTF-8. Results
// carry them as Go strings holding those bytes; JSON carries them with
// Python's surrogateescape convention (what os.fsdecode and
// socket.if_nameindex() produce): every byte that is not part of a valid
// UTF-8 sequence is written as the lone surrogate \udc80..\udcff. Python's
// json.loads then yields exactly os.fsdecode(raw), and os.fsencode gives the
// raw bytes back.

// AppendJSONString appends s as a JSON string literal with the
// surrogateescape convention above. It is rtnl's encoder: link names reach
// C and Python through both packages and must be spelled the same way.
func AppendJSONString(dst []byte, s string) []byte {
	return rtnl.AppendJSONString(dst, s)
}

// JSONStringError reports a JSON string literal UnquoteJSONString rejects.
type JSONStringError struct {
	Input  string // the literal as given
	Offset int    // byte offset of the problem
	Reason string
}

func (e *JSONStringError) Error() string {
	return "ifenum: bad JSON name string " + strconv.Quote(e.Input) + " at offset " + strconv.Itoa(e.Offset) + ": " + e.Reason
}

// UnquoteJSONString is the inverse of AppendJSONString: it decodes one JSON
// string literal, mapping \udc80..\udcff back to the raw bytes 0x80..0xff.
// Other lone surrogates and invalid UTF-8 in the literal are errors, as a
// name holding them has no byte form.
func UnquoteJSONString(q []byte) (string, error) {
	fail := func(off int, why string) (string, error) {
		return "", &JSONStringError{Input: string(q), Offset: off, Reason: why}
	}
	if len(q) < 2 || q[0] != '"' || q[len(q)-1] != '"' {
		return fail(0, "not a quoted string")
	}
	body := q[1 : len(q)-1]
	out := make([]byte, 0, len(body))
	for i := 0; i < len(body); {
		c := body[i]
		switch {
		case c == '"':
			return fail(i+1, "unescaped quote")
		case c < 0x20:
			return fail(i+1, "control character")
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(body[i:])
			if r == utf8.RuneError && size == 1 {
				return fail(i+1, "invalid UTF-8")
			}
			out = append(out, body[i:i+size]...)
			i += size
			continue
		case c != '\\':
			out = append(out, c)
			i++
			continue
		}
		if i+1 >= len(body) {
			return fail(i+1, "truncated escape")
		}
		esc := body[i+1]
		i += 2
		switch esc {
		case '"', '\\', '/':
			out = append(out, esc)
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
			r, ok := hex4(body, i)
			if !ok {
				return fail(i+1, "bad \\u escape")
			}
			i += 4
			switch {
			case r >= 0xdc80 && r <= 0xdcff:
				out = append(out, byte(r-0xdc00))
			case utf16.IsSurrogate(r):
				r2, ok := rune(0), false
				if i+6 <= len(body) && body[i] == '\\' && body[i+1] == 'u' {
					r2, ok = hex4(body, i+2)
				}
				pair := utf16.DecodeRune(r, r2)
				if !ok || pair == utf8.RuneError {
					return fail(i-5, "lone surrogate")
				}
				i += 6
				out = utf8.AppendRune(out, pair)
			default:
				out = utf8.AppendRune(out, r)
			}
		default:
			return fail(i, "unknown escape")
		}
	}
	return string(out), nil
}

func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(v)
	}
	return r, true
}
