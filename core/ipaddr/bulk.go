package ipaddr

import (
	"bytes"
	"strconv"
	"strings"
	"unsafe"
)

// Bulk functions for the C ABI: one call over many items, results as
// packed Records (see doc.go).

// ParseMode selects the constructor ParseMany applies to each line.
type ParseMode uint8

const (
	ModeAddress          ParseMode = iota // ip_address
	ModeIPv4Address                       // IPv4Address
	ModeIPv6Address                       // IPv6Address
	ModeNetwork                           // ip_network(s) (strict)
	ModeNetworkNonStrict                  // ip_network(s, strict=False)
	ModeInterface                         // ip_interface
)

// ManyError is the error of a bulk call: the index of the offending item
// (line or record) and CPython's error for it.
type ManyError struct {
	Index int
	Err   *Error
}

func (e *ManyError) Error() string { return "item " + strconv.Itoa(e.Index) + ": " + e.Err.Msg }
func (e *ManyError) Unwrap() error { return e.Err }

// ZoneEntry reports the scope id of record Index (records only carry FlagZone).
type ZoneEntry struct {
	Index int
	Zone  string
}

// ParseMany parses text holding items separated by "\n" (nothing is
// trimmed; empty text is zero items) and appends one Record per item to
// dst. It stops at the first bad item with a *ManyError whose Err is the
// error the per-item function would return. Scope ids come back in zones.
func ParseMany(dst []Record, text []byte, mode ParseMode) ([]Record, []ZoneEntry, error) {
	if len(text) == 0 {
		return dst, nil, nil
	}
	var zones []ZoneEntry
	for i := 0; ; i++ {
		line := text
		nl := bytes.IndexByte(text, '\n')
		if nl >= 0 {
			line, text = text[:nl], text[nl+1:]
		}
		// The parsers only keep substrings in the zone, which is cloned below.
		s := unsafe.String(unsafe.SliceData(line), len(line))
		if r, ok := parseRecordFast(s, mode); ok {
			dst = append(dst, r)
			if nl < 0 {
				return dst, zones, nil
			}
			continue
		}
		r, zone, err := parseRecord(s, mode)
		if err != nil {
			return dst, zones, &ManyError{Index: i, Err: err}
		}
		if zone != "" {
			zones = append(zones, ZoneEntry{i, strings.Clone(zone)})
		}
		dst = append(dst, r)
		if nl < 0 {
			return dst, zones, nil
		}
	}
}

// parseRecordFast handles plain addresses without a scope id; anything
// else is left to parseRecord.
func parseRecordFast(s string, mode ParseMode) (Record, bool) {
	if mode == ModeAddress || mode == ModeIPv4Address {
		if v, ok := parseV4Fast(s); ok {
			return Record{IP: [16]byte{12: byte(v >> 24), 13: byte(v >> 16), 14: byte(v >> 8), 15: byte(v)},
				PrefixLen: 32, Family: 4, Flags: FlagAddress}, true
		}
	}
	if mode == ModeAddress || mode == ModeIPv6Address {
		if ip, ok := parseV6Fast(s); ok { // accepts neither '/' nor '%'
			return Record{IP: ip.bytes16(), PrefixLen: 128, Family: 6, Flags: FlagAddress}, true
		}
	}
	return Record{}, false
}

func parseRecord(s string, mode ParseMode) (Record, string, *Error) {
	switch mode {
	case ModeAddress, ModeIPv4Address, ModeIPv6Address:
		var a Addr
		var f fail
		switch mode {
		case ModeIPv4Address:
			a, f = parseAddrV(4, s)
		case ModeIPv6Address:
			a, f = parseAddrV(6, s)
		default:
			if a, f = parseAddrV(4, s); !f.ok() {
				if a, f = parseAddrV(6, s); !f.ok() {
					return Record{}, "", valueError(pyRepr(s) + " does not appear to be an IPv4 or IPv6 address")
				}
			}
		}
		if !f.ok() {
			return Record{}, "", f.err()
		}
		return RecordOfAddr(a), a.zone, nil
	case ModeNetwork, ModeNetworkNonStrict:
		strict := mode == ModeNetwork
		for _, v := range [2]uint8{4, 6} {
			n, f, err := parseNetwork(v, s, strict)
			if err != nil {
				return Record{}, "", err
			}
			if f.ok() {
				return RecordOfNetwork(n), n.addr.zone, nil
			}
		}
		return Record{}, "", valueError(pyRepr(s) + " does not appear to be an IPv4 or IPv6 network")
	case ModeInterface:
		for _, v := range [2]uint8{4, 6} {
			if i, f := parseInterface(v, s); f.ok() {
				return RecordOfInterface(i), i.addr.zone, nil
			}
		}
		return Record{}, "", valueError(pyRepr(s) + " does not appear to be an IPv4 or IPv6 interface")
	}
	return Record{}, "", valueError("unknown parse mode " + strconv.Itoa(int(mode)))
}

// ParseManyV4 parses "\n"-separated IPv4Address texts into their integer
// values (for a Python array('I')), appending to dst.
func ParseManyV4(dst []uint32, text []byte) ([]uint32, error) {
	if len(text) == 0 {
		return dst, nil
	}
	for i := 0; ; i++ {
		line := text
		nl := bytes.IndexByte(text, '\n')
		if nl >= 0 {
			line, text = text[:nl], text[nl+1:]
		}
		v, f := parseIPv4Address(unsafe.String(unsafe.SliceData(line), len(line)))
		if !f.ok() {
			return dst, &ManyError{Index: i, Err: f.err()}
		}
		dst = append(dst, v)
		if nl < 0 {
			return dst, nil
		}
	}
}

// CollapseRecords is collapse_addresses over records: those with
// FlagAddress are addresses, the others networks (host bits cleared).
// The result is network records, sorted; errors are CPython's TypeErrors.
func CollapseRecords(recs []Record) ([]Record, error) {
	allV4 := true
	for i, r := range recs {
		if !r.valid() {
			return nil, &ManyError{Index: i, Err: valueError("invalid record")}
		}
		allV4 = allV4 && r.Family == 4
	}
	var nets []Network
	if allV4 && len(recs) > 0 {
		// Fast path: no version checks needed, pack straight into sort keys.
		keys := make([]uint64, len(recs))
		for i, r := range recs {
			v := uint32(r.IP[12])<<24 | uint32(r.IP[13])<<16 | uint32(r.IP[14])<<8 | uint32(r.IP[15])
			hb := 32 - int(r.PrefixLen)
			if r.Flags&FlagAddress != 0 {
				hb = 0
			}
			v &^= uint32(uint64(1)<<hb - 1)
			keys[i] = uint64(v)<<8 | uint64(hb)
		}
		nets = collapseV4Keys(keys, nil)
	} else {
		items := make([]collapseItem, len(recs))
		for i, r := range recs {
			if r.Flags&FlagAddress != 0 {
				items[i] = collapseItem{addr: r.Addr(), bits: uint8(maxBits(r.Family)), isAddr: true}
			} else {
				n := r.Network()
				items[i] = collapseItem{addr: n.addr, bits: n.bits}
			}
		}
		var err error
		if nets, err = collapseItems(items); err != nil {
			return nil, err
		}
	}
	out := make([]Record, len(nets))
	for i, n := range nets {
		out[i] = RecordOfNetwork(n)
	}
	return out, nil
}

// SummarizeRecords runs summarize_address_range over pairs of address
// records (first, last, first, last, ...). It returns all networks in
// order and, per pair, how many of them it produced.
func SummarizeRecords(pairs []Record) ([]Record, []int, error) {
	if len(pairs)%2 != 0 {
		return nil, nil, &ManyError{Index: len(pairs), Err: valueError("odd number of records: want first/last pairs")}
	}
	// Two passes: count, then fill an exactly sized result (growing a
	// multi-million-record slice costs more than summarizing twice).
	counts := make([]int, 0, len(pairs)/2)
	total := 0
	for i := 0; i < len(pairs); i += 2 {
		first, last := pairs[i].Addr(), pairs[i+1].Addr()
		if err := checkRange(first, last); err != nil {
			return nil, nil, &ManyError{Index: i / 2, Err: err.(*Error)}
		}
		n := 0
		summarize(first.ip, last.ip, first.v, func(Network) bool { n++; return true })
		counts = append(counts, n)
		total += n
	}
	out := make([]Record, 0, total)
	for i := 0; i < len(pairs); i += 2 {
		first, last := pairs[i].Addr(), pairs[i+1].Addr()
		summarize(first.ip, last.ip, first.v, func(n Network) bool {
			out = append(out, RecordOfNetwork(n))
			return true
		})
	}
	return out, counts, nil
}

// ExcludeRecords returns the addresses of base (networks or addresses)
// that are in none of exclude, as the fewest networks, IPv4 first, sorted.
func ExcludeRecords(base, exclude []Record) ([]Record, error) {
	var b, x IPSetBuilder
	for _, side := range []struct {
		recs []Record
		b    *IPSetBuilder
	}{{base, &b}, {exclude, &x}} {
		for i, r := range side.recs {
			if !r.valid() {
				return nil, &ManyError{Index: i, Err: valueError("invalid record")}
			}
			side.b.AddNetwork(r.Network())
		}
	}
	var out []Record
	for n := range b.IPSet().Difference(x.IPSet()).All() {
		out = append(out, RecordOfNetwork(n))
	}
	return out, nil
}
