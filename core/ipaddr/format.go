package ipaddr

import "strconv"

// Text forms, as CPython 3.13 prints them: RFC 5952 zero compression
// (longest run of two or more zero hextets, first one on ties), IPv4-mapped
// addresses as ::ffff:a.b.c.d (gh-87799), and "%scope" appended.

// String is str(address).
func (a Addr) String() string {
	switch a.v {
	case 0:
		return "invalid Addr"
	case 4:
		var buf [15]byte
		return string(appendV4(buf[:0], uint32(a.ip.lo)))
	}
	buf := make([]byte, 0, 46+len(a.zone))
	return string(a.AppendTo(buf))
}

// AppendTo appends str(address) to b.
func (a Addr) AppendTo(b []byte) []byte {
	switch a.v {
	case 4:
		return appendV4(b, uint32(a.ip.lo))
	case 6:
		if v4, ok := a.IPv4Mapped(); ok {
			b = append(b, "::ffff:"...)
			b = appendV4(b, v4.Uint32())
		} else {
			b = appendV6Compressed(b, a.ip)
		}
		if a.zone != "" {
			b = append(b, '%')
			b = append(b, a.zone...)
		}
	}
	return b
}

// MarshalText implements encoding.TextMarshaler with String.
func (a Addr) MarshalText() ([]byte, error) {
	if !a.IsValid() {
		return []byte{}, nil
	}
	return a.AppendTo(nil), nil
}

// UnmarshalText parses like ip_address (empty text gives the zero Addr).
func (a *Addr) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*a = Addr{}
		return nil
	}
	x, err := ParseAddress(string(text))
	if err != nil {
		return err
	}
	*a = x
	return nil
}

// Compressed is the .compressed property (same as String).
func (a Addr) Compressed() string { return a.String() }

// Exploded is the .exploded property: for IPv6 all eight hextets with four
// digits (an IPv4-mapped address keeps its dotted tail). A scope id is kept
// as "%scope", as CPython does from 3.15 (gh-88178); 3.13 raises
// AddressValueError for a scoped address instead.
func (a Addr) Exploded() string {
	if a.v != 6 {
		return a.String()
	}
	b := make([]byte, 0, 39+1+len(a.zone))
	b = appendV6Exploded(b, a.ip)
	if a.zone != "" {
		b = append(b, '%')
		b = append(b, a.zone...)
	}
	return string(b)
}

// ReversePointer is the .reverse_pointer property (RFC 1035 3.5 / RFC 3596
// 2.5). The scope id is not part of the name (3.13 raises for scoped addresses).
func (a Addr) ReversePointer() string {
	if a.v == 4 {
		v := uint32(a.ip.lo)
		b := make([]byte, 0, 29)
		for i := 0; i < 4; i++ {
			b = strconv.AppendUint(b, uint64(byte(v>>(8*i))), 10)
			b = append(b, '.')
		}
		return string(append(b, "in-addr.arpa"...))
	}
	return nibbleReverse(a.ip, "")
}

// nibbleReverse writes the 32 nibbles of ip in reverse, dot-separated, after
// the reversed characters of suffix (CPython reverses the whole exploded
// text, so a network's "/64" comes out as "4.6./." first).
func nibbleReverse(ip u128, suffix string) string {
	b := make([]byte, 0, 2*(32+len(suffix))+9)
	for i := len(suffix) - 1; i >= 0; i-- {
		b = append(b, suffix[i], '.')
	}
	for i := 0; i < 32; i++ {
		var nib uint64
		if i < 16 {
			nib = ip.lo >> (4 * i)
		} else {
			nib = ip.hi >> (4 * (i - 16))
		}
		b = append(b, hexDigits[nib&15], '.')
	}
	return string(append(b, "ip6.arpa"...))
}

func appendV4(b []byte, v uint32) []byte {
	for i := 3; i >= 0; i-- {
		b = strconv.AppendUint(b, uint64(byte(v>>(8*i))), 10)
		if i > 0 {
			b = append(b, '.')
		}
	}
	return b
}

func hextet(ip u128, i int) uint16 {
	if i < 4 {
		return uint16(ip.hi >> (48 - 16*i))
	}
	return uint16(ip.lo >> (48 - 16*(i-4)))
}

// appendV6Compressed is _BaseV6._string_from_ip_int: plain hextets, no
// IPv4-mapped special case.
func appendV6Compressed(b []byte, ip u128) []byte {
	bestStart, bestLen, runStart, runLen := -1, 0, -1, 0
	for i := 0; i < 8; i++ {
		if hextet(ip, i) == 0 {
			if runStart < 0 {
				runStart = i
			}
			if runLen++; runLen > bestLen {
				bestStart, bestLen = runStart, runLen
			}
		} else {
			runStart, runLen = -1, 0
		}
	}
	if bestLen < 2 {
		bestStart = -1
	}
	for i := 0; i < 8; i++ {
		if i == bestStart {
			b = append(b, "::"...)
			i += bestLen - 1
			continue
		}
		if i > 0 && i != bestStart+bestLen {
			b = append(b, ':')
		}
		b = appendHextet(b, hextet(ip, i))
	}
	return b
}

// appendHextet is '%x' % h.
func appendHextet(b []byte, h uint16) []byte {
	switch {
	case h >= 0x1000:
		return append(b, hexDigits[h>>12], hexDigits[h>>8&15], hexDigits[h>>4&15], hexDigits[h&15])
	case h >= 0x100:
		return append(b, hexDigits[h>>8], hexDigits[h>>4&15], hexDigits[h&15])
	case h >= 0x10:
		return append(b, hexDigits[h>>4], hexDigits[h&15])
	}
	return append(b, hexDigits[h])
}

// appendV6Full writes eight 4-digit hextets.
func appendV6Full(b []byte, ip u128) []byte {
	for i := 0; i < 8; i++ {
		if i > 0 {
			b = append(b, ':')
		}
		h := hextet(ip, i)
		b = append(b, hexDigits[h>>12], hexDigits[h>>8&15], hexDigits[h>>4&15], hexDigits[h&15])
	}
	return b
}

// appendV6Exploded is IPv6Address's exploded form without scope: an
// IPv4-mapped address keeps the dotted tail.
func appendV6Exploded(b []byte, ip u128) []byte {
	if ip.hi == 0 && ip.lo>>32 == 0xffff {
		b = append(b, "0000:0000:0000:0000:0000:ffff:"...)
		return appendV4(b, uint32(ip.lo))
	}
	return appendV6Full(b, ip)
}

// plainString is cls._string_from_ip_int(ip): no mapped form, no scope.
func (a Addr) plainString() string {
	if a.v == 4 {
		return a.String()
	}
	return string(appendV6Compressed(make([]byte, 0, 39), a.ip))
}
