package ipaddr

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Error messages embed Python's repr() of the offending text, so it is
// reproduced here: quote choice, escapes, and which characters count as
// printable. Bytes that are not UTF-8 are shown the way Python shows text
// decoded with errors="surrogateescape" ('\udcXX'), one character each.

const hexDigits = "0123456789abcdef"

// pyRepr returns repr(s) for a Python str.
func pyRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(quote)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == quote || c == '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case c == '\t':
				b.WriteString(`\t`)
			case c == '\n':
				b.WriteString(`\n`)
			case c == '\r':
				b.WriteString(`\r`)
			case c < ' ' || c == 0x7f:
				b.WriteString(`\x`)
				b.WriteByte(hexDigits[c>>4])
				b.WriteByte(hexDigits[c&15])
			default:
				b.WriteByte(c)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			r = 0xdc00 + rune(c) // surrogateescape
		}
		i += size
		switch {
		case r != 0xfffd && r >= 0xd800 && r <= 0xdfff:
			writeEscape(&b, 'u', r, 4)
		case unicode.IsPrint(r):
			b.WriteRune(r)
		case r <= 0xff:
			writeEscape(&b, 'x', r, 2)
		case r <= 0xffff:
			writeEscape(&b, 'u', r, 4)
		default:
			writeEscape(&b, 'U', r, 8)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

func writeEscape(b *strings.Builder, letter byte, r rune, width int) {
	b.WriteByte('\\')
	b.WriteByte(letter)
	for shift := 4 * (width - 1); shift >= 0; shift -= 4 {
		b.WriteByte(hexDigits[(r>>shift)&15])
	}
}

// pyBytesRepr returns repr(b) for a Python bytes object.
func pyBytesRepr(p []byte) string {
	quote := byte('\'')
	hasSingle, hasDouble := false, false
	for _, c := range p {
		hasSingle = hasSingle || c == '\''
		hasDouble = hasDouble || c == '"'
	}
	if hasSingle && !hasDouble {
		quote = '"'
	}
	var b strings.Builder
	b.WriteByte('b')
	b.WriteByte(quote)
	for _, c := range p {
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < ' ' || c >= 0x7f:
			b.WriteString(`\x`)
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// pyLen is len(s) of the Python str: code points, one per invalid byte.
func pyLen(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return n
}

// pyPrefix is s[:n] in code points; pySuffix is s[-n:].
func pyPrefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

func pySuffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}
