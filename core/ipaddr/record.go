package ipaddr

// Record is the packed form of an address, network or interface used by
// the bulk functions and the C ABI (see doc.go for the layout). All fields
// are bytes, so the struct has no padding: 20 bytes, alignment 1, and a
// []Record can be handed to C as a byte buffer.
type Record struct {
	// IP is the integer value of the address, big-endian: an IPv4
	// address sits in IP[12:16] with IP[0:12] zero (it is not IPv4-mapped).
	IP [16]byte
	// PrefixLen is the prefix length (32 or 128 for a bare address).
	PrefixLen uint8
	// Family is 4 or 6; 0 marks an empty record.
	Family uint8
	// Flags is a set of Flag* bits.
	Flags uint8
	_     uint8
}

// RecordSize is the size of a Record in bytes.
const RecordSize = 20

const (
	// FlagAddress marks an address (ip_address), not a network.
	FlagAddress uint8 = 1 << 0
	// FlagInterface marks an interface: IP is the address, not the network.
	FlagInterface uint8 = 1 << 1
	// FlagZone means the text had an IPv6 scope id; records do not hold it
	// (ParseMany reports it on the side).
	FlagZone uint8 = 1 << 2
)

// RecordOfAddr packs an address (scope id reduced to FlagZone).
func RecordOfAddr(a Addr) Record {
	r := Record{IP: a.ip.bytes16(), PrefixLen: uint8(a.MaxPrefixLen()), Family: a.v, Flags: FlagAddress}
	if a.zone != "" {
		r.Flags |= FlagZone
	}
	return r
}

// RecordOfNetwork packs a network.
func RecordOfNetwork(n Network) Record {
	r := Record{IP: n.addr.ip.bytes16(), PrefixLen: n.bits, Family: n.addr.v}
	if n.addr.zone != "" {
		r.Flags |= FlagZone
	}
	return r
}

// RecordOfInterface packs an interface.
func RecordOfInterface(i Interface) Record {
	r := Record{IP: i.addr.ip.bytes16(), PrefixLen: i.net.bits, Family: i.addr.v, Flags: FlagInterface}
	if i.addr.zone != "" {
		r.Flags |= FlagZone
	}
	return r
}

func (r Record) ip() u128 { return u128From16(r.IP) }

// valid reports whether the family and prefix length are in range.
func (r Record) valid() bool {
	return (r.Family == 4 || r.Family == 6) && int(r.PrefixLen) <= maxBits(r.Family) &&
		(r.Family == 6 || r.ip().hi == 0 && r.ip().lo>>32 == 0)
}

// Addr unpacks the address (for a network record, the network address).
func (r Record) Addr() Addr {
	if !r.valid() {
		return Addr{}
	}
	return Addr{ip: r.ip(), v: r.Family}
}

// Network unpacks a network; host bits are cleared (strict=False).
func (r Record) Network() Network {
	if !r.valid() {
		return Network{}
	}
	ip := r.ip().and(maskOf(int(r.PrefixLen), maxBits(r.Family)))
	return Network{addr: Addr{ip: ip, v: r.Family}, bits: r.PrefixLen}
}

// Interface unpacks an interface.
func (r Record) Interface() Interface {
	a := r.Addr()
	if !a.IsValid() {
		return Interface{}
	}
	i, _ := newInterface(a, PrefixLenMask(int(r.PrefixLen)))
	return i
}
