package ipaddr

import (
	"math/big"
	"math/bits"
)

// u128 is an unsigned 128-bit integer: the value of an address, as CPython
// keeps it in _ip. IPv4 addresses use the low 32 bits.
type u128 struct {
	hi, lo uint64
}

func (u u128) isZero() bool       { return u.hi|u.lo == 0 }
func (u u128) and(v u128) u128    { return u128{u.hi & v.hi, u.lo & v.lo} }
func (u u128) or(v u128) u128     { return u128{u.hi | v.hi, u.lo | v.lo} }
func (u u128) xor(v u128) u128    { return u128{u.hi ^ v.hi, u.lo ^ v.lo} }
func (u u128) not() u128          { return u128{^u.hi, ^u.lo} }
func (u u128) less(v u128) bool   { return u.hi < v.hi || (u.hi == v.hi && u.lo < v.lo) }
func (u u128) lessEq(v u128) bool { return !v.less(u) }
func (u u128) addOne() u128       { lo, c := bits.Add64(u.lo, 1, 0); return u128{u.hi + c, lo} }
func (u u128) subOne() u128       { lo, b := bits.Sub64(u.lo, 1, 0); return u128{u.hi - b, lo} }
func (u u128) add(v u128) (u128, bool) {
	lo, c := bits.Add64(u.lo, v.lo, 0)
	hi, c2 := bits.Add64(u.hi, v.hi, c)
	return u128{hi, lo}, c2 != 0
}
func (u u128) sub(v u128) (u128, bool) {
	lo, b := bits.Sub64(u.lo, v.lo, 0)
	hi, b2 := bits.Sub64(u.hi, v.hi, b)
	return u128{hi, lo}, b2 != 0
}

func (u u128) compare(v u128) int {
	switch {
	case u.less(v):
		return -1
	case v.less(u):
		return 1
	}
	return 0
}

// shl shifts left by n (0..128); bits shifted out are lost.
func (u u128) shl(n uint) u128 {
	switch {
	case n >= 128:
		return u128{}
	case n >= 64:
		return u128{u.lo << (n - 64), 0}
	case n == 0:
		return u
	}
	return u128{u.hi<<n | u.lo>>(64-n), u.lo << n}
}

// shr shifts right by n (0..128).
func (u u128) shr(n uint) u128 {
	switch {
	case n >= 128:
		return u128{}
	case n >= 64:
		return u128{0, u.hi >> (n - 64)}
	case n == 0:
		return u
	}
	return u128{u.hi >> n, u.lo>>n | u.hi<<(64-n)}
}

// bitLen is Python's int.bit_length for a non-negative value.
func (u u128) bitLen() int {
	if u.hi != 0 {
		return 128 - bits.LeadingZeros64(u.hi)
	}
	return 64 - bits.LeadingZeros64(u.lo)
}

// trailingZeros counts zero bits from the right, 128 for zero.
func (u u128) trailingZeros() int {
	if u.lo != 0 {
		return bits.TrailingZeros64(u.lo)
	}
	if u.hi != 0 {
		return 64 + bits.TrailingZeros64(u.hi)
	}
	return 128
}

// lowOnes returns a value with the n low bits set (n in 0..128).
func lowOnes(n int) u128 {
	switch {
	case n <= 0:
		return u128{}
	case n >= 128:
		return u128{^uint64(0), ^uint64(0)}
	case n >= 64:
		return u128{^uint64(0) >> (128 - n), ^uint64(0)}
	}
	return u128{0, ^uint64(0) >> (64 - n)}
}

// maskOf is the netmask of a prefix length within a width of maxBits bits.
func maskOf(prefixLen, maxBits int) u128 {
	return lowOnes(maxBits).xor(lowOnes(maxBits - prefixLen))
}

func (u u128) big() *big.Int {
	b := new(big.Int).SetUint64(u.hi)
	b.Lsh(b, 64)
	return b.Or(b, new(big.Int).SetUint64(u.lo))
}

func u128FromBig(b *big.Int) u128 {
	var lo, hi big.Int
	lo.And(b, new(big.Int).SetUint64(^uint64(0)))
	hi.Rsh(b, 64)
	return u128{hi.Uint64(), lo.Uint64()}
}

func (u u128) bytes16() (b [16]byte) {
	for i := 0; i < 8; i++ {
		b[i] = byte(u.hi >> (56 - 8*i))
		b[8+i] = byte(u.lo >> (56 - 8*i))
	}
	return b
}

func u128From16(b [16]byte) u128 {
	var u u128
	for i := 0; i < 8; i++ {
		u.hi = u.hi<<8 | uint64(b[i])
		u.lo = u.lo<<8 | uint64(b[8+i])
	}
	return u
}
