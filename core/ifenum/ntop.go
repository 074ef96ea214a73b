package ifenum

import (
	"net/netip"
	"strconv"
)

// Text forms exactly as glibc and netifaces 0.11.0 print them. They differ
// from net/netip in two places: glibc's inet_ntop prints IPv4-compatible
// addresses as ::a.b.c.d, and netifaces prints IPv6 netmasks in its own
// uncompressed "groups::/prefix" form.

const hexDigits = "0123456789abcdef"

// appendIPv4 appends a as inet_ntop(AF_INET) prints it. An address that is
// not 4 bytes long prints as 0.0.0.0, as glibc leaves such a sockaddr zeroed.
func appendIPv4(dst []byte, a netip.Addr) []byte {
	var b [4]byte
	if a.Is4() || a.Is4In6() {
		b = a.Unmap().As4()
	}
	for i, x := range b {
		if i > 0 {
			dst = append(dst, '.')
		}
		dst = strconv.AppendUint(dst, uint64(x), 10)
	}
	return dst
}

// appendIPv6 appends a as glibc's inet_ntop(AF_INET6) prints it: the first
// longest run of two or more zero groups becomes "::", lowercase hex without
// leading zeros, and ::a.b.c.d / ::ffff:a.b.c.d for IPv4-compatible and
// IPv4-mapped addresses. A 4-byte address prints as "::" (zeroed sockaddr).
func appendIPv6(dst []byte, a netip.Addr) []byte {
	var b [16]byte
	if a.Is6() {
		b = a.As16()
	}
	var words [8]uint16
	for i := range words {
		words[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	bestBase, bestLen := -1, 0
	for i := 0; i < 8; {
		if words[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && words[j] == 0 {
			j++
		}
		if j-i > bestLen {
			bestBase, bestLen = i, j-i
		}
		i = j
	}
	if bestLen < 2 {
		bestBase = -1
	}
	for i := 0; i < 8; i++ {
		if bestBase >= 0 && i >= bestBase && i < bestBase+bestLen {
			if i == bestBase {
				dst = append(dst, ':')
			}
			continue
		}
		if i != 0 {
			dst = append(dst, ':')
		}
		if i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xffff)) {
			return appendIPv4(dst, netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
		}
		dst = strconv.AppendUint(dst, uint64(words[i]), 16)
	}
	if bestBase >= 0 && bestBase+bestLen == 8 {
		dst = append(dst, ':')
	}
	return dst
}

// formatIP prints a as the sockaddr of the given family would be printed by
// getnameinfo(NI_NUMERICHOST), without any scope suffix.
func formatIP(family int, a netip.Addr) string {
	var buf [64]byte
	if family == AF_INET6 {
		return string(appendIPv6(buf[:0], a))
	}
	return string(appendIPv4(buf[:0], a))
}

// isScopedIPv6 reports whether glibc's getifaddrs sets sin6_scope_id for a:
// unicast link-local fe80::/10 or multicast link-local ff02::/16.
func isScopedIPv6(a netip.Addr) bool {
	if !a.Is6() {
		return false
	}
	b := a.As16()
	return (b[0] == 0xfe && b[1]&0xc0 == 0x80) || (b[0] == 0xff && b[1]&0x0f == 0x02)
}

// formatIPv4Netmask prints the netmask glibc builds from an IPv4 prefix
// length; lengths above 32 are clamped as glibc does.
func formatIPv4Netmask(prefixLen int) string {
	var m [4]byte
	fillMask(m[:], prefixLen)
	return formatIP(AF_INET, netip.AddrFrom4(m))
}

// formatIPv6Netmask prints netifaces 0.11.0's IPv6 netmask: the prefix is
// 128 minus the mask's trailing zero bits, then ceil(prefix/16) groups of 4
// hex digits, "::" when fewer than 8 groups, and "/prefix".
func formatIPv6Netmask(prefixLen int) string {
	var m [16]byte
	fillMask(m[:], prefixLen)
	zeros := 0
	for i := 15; i >= 0; i-- {
		if m[i] == 0 {
			zeros += 8
			continue
		}
		for x := m[i]; x&1 == 0; x >>= 1 {
			zeros++
		}
		break
	}
	prefix := 128 - zeros
	n := 2 * ((prefix + 15) / 16)
	buf := make([]byte, 0, 48)
	for i := 0; i < n; i++ {
		if i > 0 && i%2 == 0 {
			buf = append(buf, ':')
		}
		buf = append(buf, hexDigits[m[i]>>4], hexDigits[m[i]&0xf])
	}
	if n < 16 {
		buf = append(buf, ':', ':')
	}
	buf = append(buf, '/')
	buf = strconv.AppendInt(buf, int64(prefix), 10)
	return string(buf)
}

// fillMask sets the first prefixLen bits of m, clamping to len(m)*8.
func fillMask(m []byte, prefixLen int) {
	if prefixLen < 0 {
		prefixLen = 0
	}
	if prefixLen > len(m)*8 {
		prefixLen = len(m) * 8
	}
	for i := 0; i < prefixLen/8; i++ {
		m[i] = 0xff
	}
	if r := prefixLen % 8; r != 0 {
		m[prefixLen/8] = 0xff << (8 - r)
	}
}

// formatHW prints a link-layer address as netifaces does for AF_PACKET:
// lowercase %02x bytes joined by ':' over the whole length. An empty
// address yields "" (netifaces then omits the key).
func formatHW(hw []byte) string {
	if len(hw) == 0 {
		return ""
	}
	buf := make([]byte, 0, 3*len(hw))
	for i, x := range hw {
		if i > 0 {
			buf = append(buf, ':')
		}
		buf = append(buf, hexDigits[x>>4], hexDigits[x&0xf])
	}
	return string(buf)
}
