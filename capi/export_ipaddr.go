package main

/*
#include <string.h>
#include "netifaces_go.h"
#include "capi_internal.h"
*/
import "C"

import (
	"encoding/binary"
	"errors"
	"math/big"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/netifaces-go/netifaces-go/core/ipaddr"
)

// The ipaddr section of the ABI (include/netifaces_go.h): thin adapters from
// packed buffers to core/ipaddr. Rules, messages and algorithms live in the
// core; this file only moves bytes, checks buffer shapes and keeps handles.

func init() {
	registerDomainStatus(func(err error) (int, string, bool) {
		var e *ipaddr.Error
		if !errors.As(err, &e) {
			return 0, "", false
		}
		if e.Kind == ipaddr.KindTypeError {
			return statusType, e.Kind.String(), true
		}
		return statusValue, e.Kind.String(), true
	})
	registerExports(map[string]any{
		"nig_ipaddr_parse":        nig_ipaddr_parse,
		"nig_ipaddr_parse_many":   nig_ipaddr_parse_many,
		"nig_ipaddr_describe":     nig_ipaddr_describe,
		"nig_ipaddr_format_many":  nig_ipaddr_format_many,
		"nig_ipaddr_properties":   nig_ipaddr_properties,
		"nig_ipaddr_collapse":     nig_ipaddr_collapse,
		"nig_ipaddr_summarize":    nig_ipaddr_summarize,
		"nig_ipset_new":           nig_ipset_new,
		"nig_ipset_update":        nig_ipset_update,
		"nig_ipset_combine":       nig_ipset_combine,
		"nig_ipset_contains":      nig_ipset_contains,
		"nig_ipset_export":        nig_ipset_export,
		"nig_ipset_info":          nig_ipset_info,
		"nig_prefixtable_new":     nig_prefixtable_new,
		"nig_prefixtable_insert":  nig_prefixtable_insert,
		"nig_prefixtable_delete":  nig_prefixtable_delete,
		"nig_prefixtable_lookup":  nig_prefixtable_lookup,
		"nig_prefixtable_entries": nig_prefixtable_entries,
	})
}

// Parse modes (NIG_IPADDR_MODE_*). The first twelve are the constructors
// that take text and are the modes nig_ipaddr_parse_many accepts.
const (
	modeAddress = iota
	modeIPv4Address
	modeIPv6Address
	modeNetwork
	modeNetworkNonStrict
	modeIPv4Network
	modeIPv4NetworkNonStrict
	modeIPv6Network
	modeIPv6NetworkNonStrict
	modeInterface
	modeIPv4Interface
	modeIPv6Interface
	modeIPv4Netmask
	modeIPv6Netmask
	modeIPv4NetmaskInt
	modeIPv6NetmaskInt
	modeIPv4Int
	modeIPv6Int
	modeIPv4Packed
	modeIPv6Packed
	modeCount
	modeTextCount = modeIPv6Interface + 1
)

const (
	recordSize   = ipaddr.RecordSize // 20
	parsedSize   = 32                // nig_ipaddr_parsed
	describeSize = 128               // NIG_IPADDR_DESCRIBE_SIZE
	entrySize    = recordSize + 4    // prefix table entry: record + uint32 value
	noValue      = 0xffffffff        // NIG_PREFIXTABLE_NONE
	knownFlags   = ipaddr.FlagAddress | ipaddr.FlagInterface | ipaddr.FlagZone
	maxZoneSpan  = 1<<32 - 1
)

// parsed is nig_ipaddr_parsed: a record and where the scope id sits in the text.
type parsed struct {
	rec      ipaddr.Record
	zoneOff  uint32
	zoneLen  uint32
	reserved uint32
}

// parseOne applies one constructor to s. zone is the scope id (a substring of s).
func parseOne(s string, mode int) (ipaddr.Record, string, error) {
	switch mode {
	case modeAddress, modeIPv4Address, modeIPv6Address:
		var a ipaddr.Addr
		var err error
		switch mode {
		case modeAddress:
			a, err = ipaddr.ParseAddress(s)
		case modeIPv4Address:
			a, err = ipaddr.ParseIPv4Address(s)
		default:
			a, err = ipaddr.ParseIPv6Address(s)
		}
		if err != nil {
			return ipaddr.Record{}, "", err
		}
		return ipaddr.RecordOfAddr(a), a.Zone(), nil
	case modeNetwork, modeNetworkNonStrict, modeIPv4Network, modeIPv4NetworkNonStrict,
		modeIPv6Network, modeIPv6NetworkNonStrict:
		var n ipaddr.Network
		var err error
		switch mode {
		case modeNetwork, modeNetworkNonStrict:
			n, err = ipaddr.ParseNetwork(s, mode == modeNetwork)
		case modeIPv4Network, modeIPv4NetworkNonStrict:
			n, err = ipaddr.ParseIPv4Network(s, mode == modeIPv4Network)
		default:
			n, err = ipaddr.ParseIPv6Network(s, mode == modeIPv6Network)
		}
		if err != nil {
			return ipaddr.Record{}, "", err
		}
		return ipaddr.RecordOfNetwork(n), n.Addr().Zone(), nil
	case modeInterface, modeIPv4Interface, modeIPv6Interface:
		var i ipaddr.Interface
		var err error
		switch mode {
		case modeInterface:
			i, err = ipaddr.ParseInterface(s)
		case modeIPv4Interface:
			i, err = ipaddr.ParseIPv4Interface(s)
		default:
			i, err = ipaddr.ParseIPv6Interface(s)
		}
		if err != nil {
			return ipaddr.Record{}, "", err
		}
		return ipaddr.RecordOfInterface(i), i.Addr().Zone(), nil
	case modeIPv4Netmask, modeIPv6Netmask:
		return netmaskRecord(mode == modeIPv4Netmask, ipaddr.StringMask(s), "")
	case modeIPv4NetmaskInt, modeIPv6NetmaskInt:
		return netmaskIntRecord(mode == modeIPv4NetmaskInt, s)
	case modeIPv4Int, modeIPv6Int:
		v, ok := new(big.Int).SetString(s, 10)
		if !ok || strings.HasPrefix(s, "+") {
			return ipaddr.Record{}, "", errArg("text %q is not a decimal integer", s)
		}
		var a ipaddr.Addr
		var err error
		if mode == modeIPv4Int {
			a, err = ipaddr.IPv4AddressFromInt(v)
		} else {
			a, err = ipaddr.IPv6AddressFromInt(v)
		}
		if err != nil {
			return ipaddr.Record{}, "", err
		}
		return ipaddr.RecordOfAddr(a), "", nil
	case modeIPv4Packed, modeIPv6Packed:
		var a ipaddr.Addr
		var err error
		if mode == modeIPv4Packed {
			a, err = ipaddr.IPv4AddressFromBytes([]byte(s))
		} else {
			a, err = ipaddr.IPv6AddressFromBytes([]byte(s))
		}
		if err != nil {
			return ipaddr.Record{}, "", err
		}
		return ipaddr.RecordOfAddr(a), "", nil
	}
	return ipaddr.Record{}, "", errArg("unknown parse mode %d", mode)
}

// netmaskRecord is _make_netmask through the tuple constructor with a zero
// address (which never has host bits): IP is the netmask, PrefixLen its length.
func netmaskRecord(v4 bool, m ipaddr.Mask, intText string) (ipaddr.Record, string, error) {
	var n ipaddr.Network
	var err error
	if v4 {
		n, err = ipaddr.IPv4NetworkFromTuple(ipaddr.AddrFrom4(0), m, true)
	} else {
		n, err = ipaddr.IPv6NetworkFromTuple(ipaddr.AddrFromUint128(0, 0), m, true)
	}
	if err != nil {
		var e *ipaddr.Error
		if intText != "" && errors.As(err, &e) {
			// The value did not fit an int: the core saw a stand-in, the message names the value.
			return ipaddr.Record{}, "", &ipaddr.Error{Kind: e.Kind,
				Msg: intText + strings.TrimPrefix(e.Msg, strconv.Itoa(outOfRangeMask))}
		}
		return ipaddr.Record{}, "", err
	}
	r := ipaddr.RecordOfAddr(n.Netmask())
	r.PrefixLen = uint8(n.PrefixLen())
	r.Flags = 0
	return r, "", nil
}

const outOfRangeMask = -1

func netmaskIntRecord(v4 bool, s string) (ipaddr.Record, string, error) {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok || strings.HasPrefix(s, "+") {
		return ipaddr.Record{}, "", errArg("text %q is not a decimal integer", s)
	}
	if !v.IsInt64() || v.Int64() < -1<<31 || v.Int64() > 1<<31 {
		return netmaskRecord(v4, ipaddr.PrefixLenMask(outOfRangeMask), v.String())
	}
	return netmaskRecord(v4, ipaddr.PrefixLenMask(int(v.Int64())), "")
}

func putParsed(dst unsafe.Pointer, s string, r ipaddr.Record, zone string) {
	p := parsed{rec: r}
	if zone != "" {
		// The scope id follows the first '%' (it cannot hold another).
		p.zoneOff = uint32(strings.IndexByte(s, '%') + 1)
		p.zoneLen = uint32(len(zone))
	}
	*(*parsed)(dst) = p
}

//export nig_ipaddr_parse
func nig_ipaddr_parse(text *C.nig_cchar, textLen C.size_t, mode C.int, outParsed unsafe.Pointer) C.int {
	return call(nil, nil, false, func() ([]byte, error) {
		s, err := borrow("text", text, textLen)
		if err != nil {
			return nil, err
		}
		if mode < 0 || mode >= modeCount {
			return nil, errArg("unknown parse mode %d", int(mode))
		}
		r, zone, err := parseOne(s, int(mode))
		if err != nil {
			return nil, err
		}
		if outParsed != nil {
			putParsed(outParsed, s, r, zone)
		}
		return nil, nil
	})
}

// manyError is a bulk failure: "item <index>: <message>" with the item's kind.
func manyError(i int, err error) error {
	var e *ipaddr.Error
	if errors.As(err, &e) {
		return &ipaddr.Error{Kind: e.Kind, Msg: "item " + strconv.Itoa(i) + ": " + e.Msg}
	}
	var ae *apiError
	if errors.As(err, &ae) {
		return &apiError{code: ae.code, kind: ae.kind, msg: "item " + strconv.Itoa(i) + ": " + ae.msg}
	}
	return err
}

//export nig_ipaddr_parse_many
func nig_ipaddr_parse_many(text *C.nig_cchar, textLen C.size_t, mode C.int, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		s, err := borrow("text", text, textLen)
		if err != nil {
			return nil, err
		}
		if mode < 0 || mode >= modeTextCount {
			return nil, errArg("unknown parse mode %d for nig_ipaddr_parse_many", int(mode))
		}
		if len(s) == 0 {
			return nil, nil
		}
		recs := make([]ipaddr.Record, 0, strings.Count(s, "\n")+1)
		var zones []byte
		for i := 0; ; i++ {
			line, rest, more := strings.Cut(s, "\n")
			r, zone, err := parseOne(line, int(mode))
			if err != nil {
				return nil, manyError(i, err)
			}
			recs = append(recs, r)
			if zone != "" {
				zones = binary.NativeEndian.AppendUint32(zones, uint32(i))
				zones = binary.NativeEndian.AppendUint32(zones, uint32(len(zone)))
				zones = append(zones, zone...)
			}
			if !more {
				break
			}
			s = rest
		}
		return append(recordBytes(recs), zones...), nil
	})
}

// recordBytes views records as bytes (Record is 20 bytes, alignment 1).
func recordBytes(recs []ipaddr.Record) []byte {
	if len(recs) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(&recs[0])), len(recs)*recordSize)
}

// records decodes and checks a packed record buffer (a copy owned by Go).
func records(name string, p *C.nig_cchar, n C.size_t, unit int) ([]ipaddr.Record, []byte, error) {
	b, err := input(name, p, n)
	if err != nil {
		return nil, nil, err
	}
	if len(b)%unit != 0 {
		return nil, nil, errArg("%s: length %d is not a multiple of %d", name, len(b), unit)
	}
	count := len(b) / unit
	recs := make([]ipaddr.Record, count)
	for i := range recs {
		r := *(*ipaddr.Record)(unsafe.Pointer(&b[i*unit]))
		if err := checkRecord(r, b[i*unit+recordSize-1]); err != nil {
			return nil, nil, manyError(i, err)
		}
		recs[i] = r
	}
	return recs, b, nil
}

// checkRecord refuses records the core would read as "no value" or that
// describe no single kind of value; reserved is the record's last byte.
func checkRecord(r ipaddr.Record, reserved byte) error {
	width := 32
	switch r.Family {
	case 4:
		for _, b := range r.IP[:12] {
			if b != 0 {
				return errArg("IPv4 record with bytes 0..11 not zero")
			}
		}
	case 6:
		width = 128
	default:
		return errArg("record family %d (want 4 or 6)", r.Family)
	}
	if int(r.PrefixLen) > width {
		return errArg("record prefix length %d > %d", r.PrefixLen, width)
	}
	if r.Flags&^knownFlags != 0 {
		return errArg("record flags 0x%02x has unknown bits", r.Flags)
	}
	if r.Flags&ipaddr.FlagAddress != 0 && r.Flags&ipaddr.FlagInterface != 0 {
		return errArg("record flags 0x%02x: an address and an interface at once", r.Flags)
	}
	if reserved != 0 {
		return errArg("record byte 19 is 0x%02x, want 0", reserved)
	}
	if r.Flags&ipaddr.FlagAddress != 0 && int(r.PrefixLen) != width {
		return errArg("address record with prefix length %d", r.PrefixLen)
	}
	return nil
}

// Text selectors (NIG_IPADDR_TEXT_*); describeProperties asks nig_ipaddr_describe
// for the property bits instead.
const (
	textCompressed = iota
	textExploded
	textReversePointer
	textPlain
	textCount
	describeProperties = textCount
)

// textOf formats an unscoped record as an address, network or interface.
func textOf(r ipaddr.Record, what int) (string, error) {
	switch {
	case r.Flags&ipaddr.FlagInterface != 0:
		i := r.Interface()
		switch what {
		case textCompressed:
			return i.String(), nil
		case textExploded:
			return i.Exploded(), nil
		case textReversePointer:
			return i.ReversePointer(), nil
		case textPlain:
			return i.WithPrefixlen(), nil
		}
	case r.Flags&ipaddr.FlagAddress != 0:
		a := r.Addr()
		switch what {
		case textCompressed:
			return a.String(), nil
		case textExploded:
			return a.Exploded(), nil
		case textReversePointer:
			return a.ReversePointer(), nil
		case textPlain:
			// _string_from_ip_int: the core exports it only as the interface's
			// with_prefixlen, so take that and drop "/<prefixlen>".
			s := ipaddr.InterfaceFromAddr(a).WithPrefixlen()
			return s[:strings.LastIndexByte(s, '/')], nil
		}
	default:
		n := r.Network()
		switch what {
		case textCompressed, textPlain:
			return n.String(), nil
		case textExploded:
			return n.Exploded(), nil
		case textReversePointer:
			return n.ReversePointer(), nil
		}
	}
	return "", errArg("unknown text selector %d", what)
}

//export nig_ipaddr_describe
func nig_ipaddr_describe(rec *C.nig_cchar, recLen C.size_t, what C.int, out unsafe.Pointer) C.int {
	return call(nil, nil, false, func() ([]byte, error) {
		b, err := borrow("rec", rec, recLen)
		if err != nil {
			return nil, err
		}
		if len(b) != recordSize {
			return nil, errArg("rec: length %d, want one %d-byte record", len(b), recordSize)
		}
		if out == nil {
			return nil, errArg("out must not be NULL")
		}
		r := *(*ipaddr.Record)(unsafe.Pointer(unsafe.StringData(b)))
		if err := checkRecord(r, b[recordSize-1]); err != nil {
			return nil, err
		}
		dst := unsafe.Slice((*byte)(out), describeSize)
		if what == describeProperties {
			dst[0], dst[1] = propertiesOf(r), 0
			return nil, nil
		}
		s, err := textOf(r, int(what))
		if err != nil {
			return nil, err
		}
		dst[copy(dst[:describeSize-1], s)] = 0
		return nil, nil
	})
}

//export nig_ipaddr_format_many
func nig_ipaddr_format_many(recs *C.nig_cchar, recsLen C.size_t, what C.int, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		rs, _, err := records("recs", recs, recsLen, recordSize)
		if err != nil {
			return nil, err
		}
		if what < 0 || what >= textCount {
			return nil, errArg("unknown text selector %d", int(what))
		}
		buf := make([]byte, 0, len(rs)*16)
		for i, r := range rs {
			s, err := textOf(r, int(what))
			if err != nil {
				return nil, manyError(i, err)
			}
			if i > 0 {
				buf = append(buf, '\n')
			}
			buf = append(buf, s...)
		}
		return buf, nil
	})
}

// Property bits (NIG_IPADDR_IS_*).
const (
	isPrivate = 1 << iota
	isGlobal
	isMulticast
	isReserved
	isLoopback
	isLinkLocal
	isUnspecified
	isSiteLocal
)

type propertied interface {
	IsPrivate() bool
	IsGlobal() bool
	IsMulticast() bool
	IsReserved() bool
	IsLoopback() bool
	IsLinkLocal() bool
	IsUnspecified() bool
	IsSiteLocal() bool
}

func propertyBits(x propertied) byte {
	var b byte
	for _, p := range [...]struct {
		bit byte
		f   func() bool
	}{{isPrivate, x.IsPrivate}, {isGlobal, x.IsGlobal}, {isMulticast, x.IsMulticast},
		{isReserved, x.IsReserved}, {isLoopback, x.IsLoopback}, {isLinkLocal, x.IsLinkLocal},
		{isUnspecified, x.IsUnspecified}, {isSiteLocal, x.IsSiteLocal}} {
		if p.f() {
			b |= p.bit
		}
	}
	return b
}

// propertiesOf answers for an address, network or interface record (by flags).
func propertiesOf(r ipaddr.Record) byte {
	switch {
	case r.Flags&ipaddr.FlagInterface != 0:
		return propertyBits(r.Interface())
	case r.Flags&ipaddr.FlagAddress != 0:
		return propertyBits(r.Addr())
	}
	return propertyBits(r.Network())
}

//export nig_ipaddr_properties
func nig_ipaddr_properties(recs *C.nig_cchar, recsLen C.size_t, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		rs, _, err := records("recs", recs, recsLen, recordSize)
		if err != nil {
			return nil, err
		}
		res := make([]byte, len(rs))
		for i, r := range rs {
			res[i] = propertiesOf(r)
		}
		return res, nil
	})
}

//export nig_ipaddr_collapse
func nig_ipaddr_collapse(recs *C.nig_cchar, recsLen C.size_t, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		rs, _, err := records("recs", recs, recsLen, recordSize)
		if err != nil {
			return nil, err
		}
		res, err := ipaddr.CollapseRecords(rs)
		if err != nil {
			return nil, err
		}
		return recordBytes(res), nil
	})
}

//export nig_ipaddr_summarize
func nig_ipaddr_summarize(pairs *C.nig_cchar, pairsLen C.size_t, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		rs, _, err := records("pairs", pairs, pairsLen, recordSize)
		if err != nil {
			return nil, err
		}
		if len(rs)%2 != 0 {
			return nil, errArg("pairs: %d records, want first/last pairs", len(rs))
		}
		for i, r := range rs {
			if r.Flags&ipaddr.FlagAddress == 0 {
				return nil, manyError(i/2, &ipaddr.Error{Kind: ipaddr.KindTypeError,
					Msg: "first and last must be IP addresses, not networks"})
			}
		}
		nets, counts, err := ipaddr.SummarizeRecords(rs)
		if err != nil {
			var me *ipaddr.ManyError
			if errors.As(err, &me) {
				return nil, manyError(me.Index, me.Err)
			}
			return nil, err
		}
		buf := make([]byte, 0, 4*len(counts)+recordSize*len(nets))
		for _, c := range counts {
			buf = binary.NativeEndian.AppendUint32(buf, uint32(c))
		}
		return append(buf, recordBytes(nets)...), nil
	})
}

// ---- IPSet handles ----------------------------------------------------------

type ipSetObject struct {
	mu    sync.Mutex
	b     ipaddr.IPSetBuilder
	snap  ipaddr.IPSet
	fresh bool
}

func (s *ipSetObject) Close() error { return nil }

// set returns the current contents (caller holds s.mu).
func (s *ipSetObject) set() ipaddr.IPSet {
	if !s.fresh {
		s.snap, s.fresh = s.b.IPSet(), true
	}
	return s.snap
}

//export nig_ipset_new
func nig_ipset_new(out *C.nig_handle) C.int {
	return newHandle(out, func() handleObject { return &ipSetObject{fresh: true} })
}

func newHandle(out *C.nig_handle, mk func() handleObject) C.int {
	return call(nil, nil, false, func() ([]byte, error) {
		if out == nil {
			return nil, errArg("out must not be NULL")
		}
		*out = C.nig_handle(handles.add(mk()))
		return nil, nil
	})
}

// IPSet update operations (NIG_IPSET_*).
const (
	setAdd = iota
	setRemove
	setAddRanges
	setRemoveRanges
)

//export nig_ipset_update
func nig_ipset_update(set C.nig_handle, op C.int, recs *C.nig_cchar, recsLen C.size_t) C.int {
	return call(nil, nil, false, func() ([]byte, error) {
		s, err := lookupHandle[*ipSetObject](uint64(set))
		if err != nil {
			return nil, err
		}
		rs, _, err := records("recs", recs, recsLen, recordSize)
		if err != nil {
			return nil, err
		}
		switch op {
		case setAdd, setRemove:
		case setAddRanges, setRemoveRanges:
			if len(rs)%2 != 0 {
				return nil, errArg("recs: %d records, want first/last pairs", len(rs))
			}
		default:
			return nil, errArg("unknown IPSet update operation %d", int(op))
		}
		var ranges []ipaddr.IPRange
		if op == setAddRanges || op == setRemoveRanges {
			for i := 0; i < len(rs); i += 2 {
				if rs[i].Flags&rs[i+1].Flags&ipaddr.FlagAddress == 0 {
					return nil, manyError(i/2, &ipaddr.Error{Kind: ipaddr.KindTypeError,
						Msg: "first and last must be IP addresses, not networks"})
				}
				r, err := ipaddr.NewIPRange(rs[i].Addr(), rs[i+1].Addr())
				if err != nil {
					return nil, manyError(i/2, err)
				}
				ranges = append(ranges, r)
			}
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		s.fresh = false
		switch op {
		case setAdd:
			for _, r := range rs {
				if r.Flags&(ipaddr.FlagAddress|ipaddr.FlagInterface) != 0 {
					s.b.AddAddr(r.Addr())
				} else {
					s.b.AddNetwork(r.Network())
				}
			}
		case setRemove:
			var o ipaddr.IPSetBuilder
			for _, r := range rs {
				if r.Flags&(ipaddr.FlagAddress|ipaddr.FlagInterface) != 0 {
					o.AddAddr(r.Addr())
				} else {
					o.AddNetwork(r.Network())
				}
			}
			s.b.RemoveSet(o.IPSet())
		case setAddRanges:
			for _, r := range ranges {
				s.b.AddRange(r)
			}
		case setRemoveRanges:
			var o ipaddr.IPSetBuilder
			for _, r := range ranges {
				o.AddRange(r)
			}
			s.b.RemoveSet(o.IPSet())
		}
		return nil, nil
	})
}

// IPSet combinations (NIG_IPSET_UNION ...).
const (
	setUnion = iota
	setIntersection
	setDifference
	setSymmetricDifference
)

func snapshot(h C.nig_handle) (ipaddr.IPSet, error) {
	s, err := lookupHandle[*ipSetObject](uint64(h))
	if err != nil {
		return ipaddr.IPSet{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.set(), nil
}

//export nig_ipset_combine
func nig_ipset_combine(a, b C.nig_handle, op C.int, out *C.nig_handle) C.int {
	return call(nil, nil, false, func() ([]byte, error) {
		if out == nil {
			return nil, errArg("out must not be NULL")
		}
		x, err := snapshot(a)
		if err != nil {
			return nil, err
		}
		y, err := snapshot(b)
		if err != nil {
			return nil, err
		}
		var r ipaddr.IPSet
		switch op {
		case setUnion:
			r = x.Union(y)
		case setIntersection:
			r = x.Intersection(y)
		case setDifference:
			r = x.Difference(y)
		case setSymmetricDifference:
			r = x.Difference(y).Union(y.Difference(x))
		default:
			return nil, errArg("unknown IPSet combination %d", int(op))
		}
		obj := &ipSetObject{}
		obj.b.AddSet(r)
		*out = C.nig_handle(handles.add(obj))
		return nil, nil
	})
}

//export nig_ipset_contains
func nig_ipset_contains(set C.nig_handle, recs *C.nig_cchar, recsLen C.size_t, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		s, err := snapshot(set)
		if err != nil {
			return nil, err
		}
		rs, _, err := records("recs", recs, recsLen, recordSize)
		if err != nil {
			return nil, err
		}
		res := make([]byte, len(rs))
		for i, r := range rs {
			var in bool
			if r.Flags&(ipaddr.FlagAddress|ipaddr.FlagInterface) != 0 {
				in = s.ContainsAddr(r.Addr())
			} else {
				in = s.ContainsNetwork(r.Network())
			}
			if in {
				res[i] = 1
			}
		}
		return res, nil
	})
}

// IPSet exports (NIG_IPSET_CIDRS, NIG_IPSET_RANGES).
const (
	exportCIDRs = iota
	exportRanges
)

//export nig_ipset_export
func nig_ipset_export(set C.nig_handle, what C.int, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		s, err := snapshot(set)
		if err != nil {
			return nil, err
		}
		var rs []ipaddr.Record
		switch what {
		case exportCIDRs:
			for n := range s.All() {
				rs = append(rs, ipaddr.RecordOfNetwork(n))
			}
		case exportRanges:
			for _, r := range s.Ranges() {
				rs = append(rs, ipaddr.RecordOfAddr(r.First()), ipaddr.RecordOfAddr(r.Last()))
			}
		default:
			return nil, errArg("unknown IPSet export %d", int(what))
		}
		return recordBytes(rs), nil
	})
}

//export nig_ipset_info
func nig_ipset_info(set C.nig_handle, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		s, err := snapshot(set)
		if err != nil {
			return nil, err
		}
		var v4, v6 int
		for _, r := range s.Ranges() {
			if r.Version() == 4 {
				v4++
			} else {
				v6++
			}
		}
		b := []byte(`{"size":"`)
		b = s.Size().Append(b, 10)
		b = append(b, `","ranges_v4":`...)
		b = strconv.AppendInt(b, int64(v4), 10)
		b = append(b, `,"ranges_v6":`...)
		b = strconv.AppendInt(b, int64(v6), 10)
		return append(b, '}'), nil
	})
}

// ---- PrefixTable handles ----------------------------------------------------

type prefixTableObject struct {
	mu sync.RWMutex
	t  ipaddr.PrefixTable[uint32]
}

func (t *prefixTableObject) Close() error { return nil }

//export nig_prefixtable_new
func nig_prefixtable_new(out *C.nig_handle) C.int {
	return newHandle(out, func() handleObject { return &prefixTableObject{} })
}

func appendValue(buf []byte, v uint32, ok bool) []byte {
	if !ok {
		v = noValue
	}
	return binary.NativeEndian.AppendUint32(buf, v)
}

//export nig_prefixtable_insert
func nig_prefixtable_insert(table C.nig_handle, recs *C.nig_cchar, recsLen C.size_t, vals *C.nig_cchar, valsLen C.size_t, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		t, err := lookupHandle[*prefixTableObject](uint64(table))
		if err != nil {
			return nil, err
		}
		rs, _, err := records("recs", recs, recsLen, recordSize)
		if err != nil {
			return nil, err
		}
		raw, err := input("values", vals, valsLen)
		if err != nil {
			return nil, err
		}
		if len(raw) != 4*len(rs) {
			return nil, errArg("values: %d bytes for %d records, want 4 per record", len(raw), len(rs))
		}
		values := make([]uint32, len(rs))
		for i := range values {
			values[i] = binary.NativeEndian.Uint32(raw[4*i:])
			if values[i] == noValue {
				return nil, manyError(i, errArg("value 0x%x is reserved (NIG_PREFIXTABLE_NONE)", noValue))
			}
		}
		t.mu.Lock()
		defer t.mu.Unlock()
		res := make([]byte, 0, 4*len(rs))
		for i, r := range rs {
			n := r.Network()
			prev, ok := t.t.Get(n)
			t.t.Insert(n, values[i])
			res = appendValue(res, prev, ok)
		}
		return res, nil
	})
}

//export nig_prefixtable_delete
func nig_prefixtable_delete(table C.nig_handle, recs *C.nig_cchar, recsLen C.size_t, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		t, err := lookupHandle[*prefixTableObject](uint64(table))
		if err != nil {
			return nil, err
		}
		rs, _, err := records("recs", recs, recsLen, recordSize)
		if err != nil {
			return nil, err
		}
		t.mu.Lock()
		defer t.mu.Unlock()
		res := make([]byte, 0, 4*len(rs))
		for _, r := range rs {
			n := r.Network()
			prev, ok := t.t.Get(n)
			if ok {
				t.t.Delete(n)
			}
			res = appendValue(res, prev, ok)
		}
		return res, nil
	})
}

// Lookup kinds (NIG_PREFIXTABLE_LONGEST, NIG_PREFIXTABLE_EXACT).
const (
	lookupLongest = iota
	lookupExact
)

//export nig_prefixtable_lookup
func nig_prefixtable_lookup(table C.nig_handle, what C.int, recs *C.nig_cchar, recsLen C.size_t, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		t, err := lookupHandle[*prefixTableObject](uint64(table))
		if err != nil {
			return nil, err
		}
		if what != lookupLongest && what != lookupExact {
			return nil, errArg("unknown lookup kind %d", int(what))
		}
		rs, _, err := records("recs", recs, recsLen, recordSize)
		if err != nil {
			return nil, err
		}
		t.mu.RLock()
		defer t.mu.RUnlock()
		// Columns: every matched network's record, then every value.
		found := make([]ipaddr.Record, len(rs))
		res := make([]byte, len(rs)*recordSize, len(rs)*(recordSize+4))
		for i, r := range rs {
			var n ipaddr.Network
			var v uint32
			var ok bool
			switch {
			case what == lookupExact:
				n = r.Network()
				v, ok = t.t.Get(n)
			case r.Flags&(ipaddr.FlagAddress|ipaddr.FlagInterface) != 0:
				n, v, ok = t.t.Lookup(r.Addr())
			default:
				n, v, ok = t.t.LookupNetwork(r.Network())
			}
			if ok {
				found[i] = ipaddr.RecordOfNetwork(n)
			}
			res = appendValue(res, v, ok)
		}
		copy(res, recordBytes(found))
		return res, nil
	})
}

//export nig_prefixtable_entries
func nig_prefixtable_entries(table C.nig_handle, out **C.char, outLen *C.size_t) C.int {
	return call(out, outLen, true, func() ([]byte, error) {
		t, err := lookupHandle[*prefixTableObject](uint64(table))
		if err != nil {
			return nil, err
		}
		t.mu.RLock()
		defer t.mu.RUnlock()
		recs := make([]ipaddr.Record, 0, t.t.Len())
		var vals []byte
		for n, v := range t.t.All() {
			recs = append(recs, ipaddr.RecordOfNetwork(n))
			vals = appendValue(vals, v, true)
		}
		return append(recordBytes(recs), vals...), nil
	})
}
