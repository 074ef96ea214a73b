package ipaddr

// MixedKey is get_mixed_type_key(obj) as a value: it sorts addresses and
// networks together by version, then address; an address comes before a
// network with the same network address; networks with the same address
// sort by netmask (shorter prefix first). Scope ids are ignored.
type MixedKey struct {
	ip    u128
	v     uint8
	isNet bool
	bits  uint8
}

// MixedKey returns get_mixed_type_key(address).
func (a Addr) MixedKey() MixedKey { return MixedKey{ip: a.ip, v: a.v} }

// MixedKey returns get_mixed_type_key(network).
func (n Network) MixedKey() MixedKey {
	return MixedKey{ip: n.addr.ip, v: n.addr.v, isNet: true, bits: n.bits}
}

// Compare returns -1, 0 or 1.
func (k MixedKey) Compare(o MixedKey) int {
	switch {
	case k.v != o.v:
		if k.v < o.v {
			return -1
		}
		return 1
	case k.ip != o.ip:
		return k.ip.compare(o.ip)
	case k.isNet != o.isNet:
		if o.isNet {
			return -1
		}
		return 1
	case k.bits != o.bits:
		if k.bits < o.bits {
			return -1
		}
		return 1
	}
	return 0
}
