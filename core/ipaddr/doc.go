// Package ipaddr is the Go core of netifaces_go.ipaddress, a drop-in for
// CPython 3.13's ipaddress module. It holds the parsing and validation
// rules and the error messages, so Go, C and Python callers get the same
// answers.
//
// # Semantics
//
// The target is CPython 3.13 plus the security fixes of later 3.13.x
// releases: the CVE-2024-4032 private/global tables, full IPv4-mapped
// delegation of the is_* properties (gh-122792) and the 45-character cap
// on IPv6 text (gh-128840). 3.14-only changes (3fff::/20 as private, tuple
// hashes, class-level version) are not taken.
//
// The parsers are ports of CPython's algorithm, not net/netip's: netmask
// and hostmask suffixes ("/255.0.0.0", "/0.255.255.255"), leading zeros in
// a prefix length ("/08"), scoped IPv6 networks, strict host-bit checks,
// IPv4 leading zeros rejected. Every error is an *Error whose Kind names
// the Python exception (AddressValueError, NetmaskValueError, ValueError,
// TypeError, IndexError) and whose Msg is byte-identical to str(exc),
// including Python's repr() of the input. Parsing valid text does not
// allocate.
//
// Types mirror the Python classes: Addr (IPv4Address/IPv6Address, with an
// optional IPv6 scope id), Network (IPv4Network/IPv6Network) and Interface
// (IPv4Interface/IPv6Interface). Values are small and comparable; == has
// CPython's __eq__ meaning (scope ids included).
//
// Where CPython 3.13 raises on a valid object, this package answers
// instead: Addr.Exploded of a scoped address keeps "%scope" (as 3.15
// does), ReversePointer leaves the scope out, Network.Exploded drops it.
// Collapse, summarize, IPSet, IPRange and PrefixTable drop scope ids, and
// AddressExclude ignores the excluded network's scope id once containment
// is established (CPython can fail there with an AssertionError).
//
// # Record format (bulk functions and the C ABI)
//
// A Record is 20 bytes, no padding, alignment 1:
//
//	offset size field
//	0      16   IP         integer value of the address, big-endian; an IPv4
//	                       address is in bytes 12..15, bytes 0..11 are zero
//	16     1    PrefixLen  prefix length; 32 or 128 for a bare address
//	17     1    Family     4 or 6 (0: no record)
//	18     1    Flags      bit 0 FlagAddress: an address, not a network
//	                       bit 1 FlagInterface: IP is the interface address
//	                       bit 2 FlagZone: the text had a scope id (not stored;
//	                             ParseMany returns it as a ZoneEntry)
//	19     1    reserved, zero
//
// In Python: ip, plen, fam, flags = struct.unpack_from('16sBBBx', buf, 20*i)
// and int.from_bytes(ip, 'big') is the address integer (_ip) for both
// versions. ParseManyV4 returns plain uint32 values instead (array('I')).
//
// Bulk text input is the items joined with "\n" (no trimming; empty input
// is zero items). Bulk errors are a *ManyError carrying the item index and
// the item's *Error.
package ipaddr
