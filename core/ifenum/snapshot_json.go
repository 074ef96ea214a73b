package ifenum

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// A Snapshot has a JSON form so that synthetic and recorded kernel states
// can be shared as test vectors (ci/vectors/ifenum.json) between the Go,
// C and Python runners:
//
//	{"links":[{"index":1,"name":"lo","flags":73,"type":772,
//	           "address":"00:00:00:00:00:00","broadcast":"00:00:00:00:00:00"}],
//	 "addresses":[{"family":2,"index":1,"prefixlen":8,"flags":128,"scope":254,
//	           "local":"127.0.0.1","address":"127.0.0.1","broadcast":"…","label":"lo"}],
//	 "routes":[{"family":2,"table":254,"dst_len":0,"dst":"…","gateway":"…","via":"…",
//	           "oif":2,"priority":100,"type":1,"protocol":3,"scope":0,"flags":0,
//	           "nhid":0,"prefsrc":"…","multipath":[{"gateway":"…","via":"…",
//	           "ifindex":2,"weight":1,"flags":0}]}]}
//
// Absent attributes are absent keys (a link "address" of "" is a present,
// empty IFLA_ADDRESS). Names and labels use the surrogateescape string
// convention of AppendJSONString.

type linkJSON struct {
	Index     int             `json:"index"`
	Name      json.RawMessage `json:"name"`
	Flags     uint32          `json:"flags"`
	Type      uint16          `json:"type"`
	Address   *string         `json:"address"`
	Broadcast *string         `json:"broadcast"`
}

type addressJSON struct {
	Family    int             `json:"family"`
	Index     int             `json:"index"`
	PrefixLen int             `json:"prefixlen"`
	Flags     uint32          `json:"flags"`
	Scope     uint8           `json:"scope"`
	Local     string          `json:"local"`
	Address   string          `json:"address"`
	Broadcast string          `json:"broadcast"`
	Label     json.RawMessage `json:"label"`
}

type nextHopJSON struct {
	Gateway string `json:"gateway"`
	Via     string `json:"via"`
	Index   int    `json:"ifindex"`
	Weight  int    `json:"weight"`
	Flags   uint8  `json:"flags"`
}

type routeJSON struct {
	Family    int           `json:"family"`
	Table     uint32        `json:"table"`
	DstLen    int           `json:"dst_len"`
	Dst       string        `json:"dst"`
	Gateway   string        `json:"gateway"`
	Via       string        `json:"via"`
	OIF       int           `json:"oif"`
	Priority  uint32        `json:"priority"`
	Type      uint8         `json:"type"`
	Protocol  uint8         `json:"protocol"`
	Scope     uint8         `json:"scope"`
	Flags     uint32        `json:"flags"`
	NHID      uint32        `json:"nhid"`
	PrefSrc   string        `json:"prefsrc"`
	MultiPath []nextHopJSON `json:"multipath"`
}

type snapshotJSON struct {
	Links     []linkJSON    `json:"links"`
	Addresses []addressJSON `json:"addresses"`
	Routes    []routeJSON   `json:"routes"`
}

// SnapshotError reports a Snapshot JSON document that does not decode.
type SnapshotError struct {
	Where string // e.g. "links[2].address"
	Err   error
}

func (e *SnapshotError) Error() string { return "ifenum: snapshot " + e.Where + ": " + e.Err.Error() }
func (e *SnapshotError) Unwrap() error { return e.Err }

// UnmarshalJSON decodes the JSON form described above. Unknown keys are
// errors, so a misspelt attribute cannot silently read as absent.
func (s *Snapshot) UnmarshalJSON(b []byte) error {
	var in snapshotJSON
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return &SnapshotError{Where: "document", Err: err}
	}
	var out Snapshot
	for i, l := range in.Links {
		at := func(f string) string { return "links[" + strconv.Itoa(i) + "]." + f }
		name, err := UnquoteJSONString(l.Name)
		if err != nil {
			return &SnapshotError{Where: at("name"), Err: err}
		}
		hw, err := parseHWPtr(l.Address)
		if err != nil {
			return &SnapshotError{Where: at("address"), Err: err}
		}
		brd, err := parseHWPtr(l.Broadcast)
		if err != nil {
			return &SnapshotError{Where: at("broadcast"), Err: err}
		}
		out.Links = append(out.Links, Link{Index: l.Index, Name: name, Flags: l.Flags, Type: l.Type, HardwareAddr: hw, Broadcast: brd})
	}
	for i, a := range in.Addresses {
		at := func(f string) string { return "addresses[" + strconv.Itoa(i) + "]." + f }
		x := Address{Family: a.Family, Index: a.Index, PrefixLen: a.PrefixLen, Flags: a.Flags, Scope: a.Scope}
		var err error
		for _, f := range []struct {
			name string
			dst  *netip.Addr
			src  string
		}{{"local", &x.Local, a.Local}, {"address", &x.Address, a.Address}, {"broadcast", &x.Broadcast, a.Broadcast}} {
			if *f.dst, err = parseOptAddr(f.src); err != nil {
				return &SnapshotError{Where: at(f.name), Err: err}
			}
		}
		if a.Label != nil {
			if x.Label, err = UnquoteJSONString(a.Label); err != nil {
				return &SnapshotError{Where: at("label"), Err: err}
			}
		}
		out.Addresses = append(out.Addresses, x)
	}
	for i, r := range in.Routes {
		at := func(f string) string { return "routes[" + strconv.Itoa(i) + "]." + f }
		x := Route{Family: r.Family, Table: r.Table, DstLen: r.DstLen, OIF: r.OIF, Priority: r.Priority,
			Type: r.Type, Protocol: r.Protocol, Scope: r.Scope, Flags: r.Flags, NHID: r.NHID}
		var err error
		for _, f := range []struct {
			name string
			dst  *netip.Addr
			src  string
		}{{"dst", &x.Dst, r.Dst}, {"gateway", &x.Gateway, r.Gateway}, {"via", &x.Via, r.Via}, {"prefsrc", &x.PrefSrc, r.PrefSrc}} {
			if *f.dst, err = parseOptAddr(f.src); err != nil {
				return &SnapshotError{Where: at(f.name), Err: err}
			}
		}
		for j, h := range r.MultiPath {
			nh := NextHop{Index: h.Index, Weight: h.Weight, Flags: h.Flags}
			if nh.Gateway, err = parseOptAddr(h.Gateway); err != nil {
				return &SnapshotError{Where: at("multipath[" + strconv.Itoa(j) + "].gateway"), Err: err}
			}
			if nh.Via, err = parseOptAddr(h.Via); err != nil {
				return &SnapshotError{Where: at("multipath[" + strconv.Itoa(j) + "].via"), Err: err}
			}
			x.MultiPath = append(x.MultiPath, nh)
		}
		out.Routes = append(out.Routes, x)
	}
	*s = out
	return nil
}

func parseOptAddr(s string) (netip.Addr, error) {
	if s == "" {
		return netip.Addr{}, nil
	}
	return netip.ParseAddr(s)
}

// parseHWPtr parses "02:00:00:00:00:01"; nil stays nil (absent) and ""
// is a present, empty address.
func parseHWPtr(p *string) ([]byte, error) {
	if p == nil {
		return nil, nil
	}
	if *p == "" {
		return []byte{}, nil
	}
	parts := strings.Split(*p, ":")
	out := make([]byte, len(parts))
	for i, h := range parts {
		v, err := strconv.ParseUint(h, 16, 8)
		if err != nil || len(h) != 2 {
			return nil, fmt.Errorf("bad hardware address %q", *p)
		}
		out[i] = byte(v)
	}
	return out, nil
}

// AppendJSON appends the JSON form of s (keys in the order above, absent
// attributes omitted).
func (s *Snapshot) AppendJSON(dst []byte) []byte {
	dst = append(dst, `{"links":[`...)
	for i, l := range s.Links {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"index":`...)
		dst = strconv.AppendInt(dst, int64(l.Index), 10)
		dst = append(dst, `,"name":`...)
		dst = AppendJSONString(dst, l.Name)
		dst = appendUintField(dst, "flags", uint64(l.Flags), true)
		dst = appendUintField(dst, "type", uint64(l.Type), true)
		if l.HardwareAddr != nil {
			dst = append(dst, `,"address":`...)
			dst = AppendJSONString(dst, formatHW(l.HardwareAddr))
		}
		if l.Broadcast != nil {
			dst = append(dst, `,"broadcast":`...)
			dst = AppendJSONString(dst, formatHW(l.Broadcast))
		}
		dst = append(dst, '}')
	}
	dst = append(dst, `],"addresses":[`...)
	for i, a := range s.Addresses {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"family":`...)
		dst = strconv.AppendInt(dst, int64(a.Family), 10)
		dst = append(dst, `,"index":`...)
		dst = strconv.AppendInt(dst, int64(a.Index), 10)
		dst = append(dst, `,"prefixlen":`...)
		dst = strconv.AppendInt(dst, int64(a.PrefixLen), 10)
		dst = appendUintField(dst, "flags", uint64(a.Flags), false)
		dst = appendUintField(dst, "scope", uint64(a.Scope), false)
		dst = appendAddrField(dst, "local", a.Local)
		dst = appendAddrField(dst, "address", a.Address)
		dst = appendAddrField(dst, "broadcast", a.Broadcast)
		if a.Label != "" {
			dst = append(dst, `,"label":`...)
			dst = AppendJSONString(dst, a.Label)
		}
		dst = append(dst, '}')
	}
	dst = append(dst, `],"routes":[`...)
	for i, r := range s.Routes {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"family":`...)
		dst = strconv.AppendInt(dst, int64(r.Family), 10)
		dst = appendUintField(dst, "table", uint64(r.Table), true)
		dst = append(dst, `,"dst_len":`...)
		dst = strconv.AppendInt(dst, int64(r.DstLen), 10)
		dst = appendAddrField(dst, "dst", r.Dst)
		dst = appendAddrField(dst, "gateway", r.Gateway)
		dst = appendAddrField(dst, "via", r.Via)
		if r.OIF != 0 {
			dst = append(dst, `,"oif":`...)
			dst = strconv.AppendInt(dst, int64(r.OIF), 10)
		}
		dst = appendUintField(dst, "priority", uint64(r.Priority), false)
		dst = appendUintField(dst, "type", uint64(r.Type), true)
		dst = appendUintField(dst, "protocol", uint64(r.Protocol), false)
		dst = appendUintField(dst, "scope", uint64(r.Scope), false)
		dst = appendUintField(dst, "flags", uint64(r.Flags), false)
		dst = appendUintField(dst, "nhid", uint64(r.NHID), false)
		dst = appendAddrField(dst, "prefsrc", r.PrefSrc)
		if len(r.MultiPath) > 0 {
			dst = append(dst, `,"multipath":[`...)
			for j, h := range r.MultiPath {
				if j > 0 {
					dst = append(dst, ',')
				}
				dst = append(dst, `{"ifindex":`...)
				dst = strconv.AppendInt(dst, int64(h.Index), 10)
				dst = appendAddrField(dst, "gateway", h.Gateway)
				dst = appendAddrField(dst, "via", h.Via)
				dst = append(dst, `,"weight":`...)
				dst = strconv.AppendInt(dst, int64(h.Weight), 10)
				dst = appendUintField(dst, "flags", uint64(h.Flags), false)
				dst = append(dst, '}')
			}
			dst = append(dst, ']')
		}
		dst = append(dst, '}')
	}
	return append(dst, "]}"...)
}

// MarshalJSON implements json.Marshaler.
func (s *Snapshot) MarshalJSON() ([]byte, error) { return s.AppendJSON(nil), nil }

func appendUintField(dst []byte, k string, v uint64, always bool) []byte {
	if v == 0 && !always {
		return dst
	}
	dst = append(dst, ',', '"')
	dst = append(dst, k...)
	dst = append(dst, '"', ':')
	return strconv.AppendUint(dst, v, 10)
}

func appendAddrField(dst []byte, k string, a netip.Addr) []byte {
	if !a.IsValid() {
		return dst
	}
	dst = append(dst, ',', '"')
	dst = append(dst, k...)
	dst = append(dst, '"', ':', '"')
	dst = a.AppendTo(dst)
	return append(dst, '"')
}
